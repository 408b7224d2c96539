import { z } from 'zod';
import { responseShape } from '../contract/schema';

export const LivenessSchema = responseShape('Liveness', z.object({ status: z.literal('ok') }), {
  description: 'The process runs and serves HTTP; nothing else is checked.',
});

/** One dependency's check, as terminus reports it: up or down, and what it found. */
const check = z
  .object({
    status: z.enum(['up', 'down']),
    message: z.string().optional().meta({ description: 'why it is down' }),
  })
  .catchall(z.unknown())
  .meta({
    description:
      "what the check found besides its status: `maxmemoryPolicy` (redis), `bucket` (s3), each worker's state (workers)",
  });

const UP = {
  database: { status: 'up' },
  redis: { status: 'up', maxmemoryPolicy: 'noeviction' },
  s3: { status: 'up', bucket: 'newsdesk' },
};
const DOWN = {
  redis: {
    status: 'down',
    maxmemoryPolicy: 'allkeys-lru',
    message:
      'maxmemory-policy is "allkeys-lru"; it must be "noeviction" so that no job or read model is dropped',
  },
};

const checks = (description: string, example: Record<string, unknown>) =>
  z.record(z.string(), check).meta({ description, example });

/**
 * Readiness as @nestjs/terminus answers it, the same body for 200 and 503
 * (probes and the worker apps' ops ports answer alike): every check under
 * `details`, the failed ones also under `error`.
 */
export const ReadinessSchema = responseShape(
  'Readiness',
  z.object({
    status: z.enum(['ok', 'error', 'shutting_down']).meta({
      description: '`ok` when every check is up; `shutting_down` while the app stops',
    }),
    info: checks('the checks that are up', UP).optional(),
    error: checks('the checks that are down, with why', DOWN).optional(),
    details: checks('every check: `database`, `redis`, and `s3` for the API', UP),
  }),
  {
    description:
      'Whether the app can do its work: PostgreSQL answers, Redis answers and will not evict, the S3 bucket is reachable.',
  },
);
