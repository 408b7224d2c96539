import { z } from 'zod';
import {
  JOB_STATES,
  JOB_VIEW_STATES,
  JobName,
  OUTBOX_FAILING_ROWS,
  registryQueueNames,
} from '@newsdesk/messaging';
import { pageOf } from '../contract/page';
import { AuditEntrySchema } from '../articles/articles.schema';
import { responseShape } from '../contract/schema';

const instant = () => z.iso.datetime({ offset: true });
const queueName = () =>
  z.enum(registryQueueNames()).meta({
    description: 'a registry queue: a job queue or `events.<consumer>`',
    example: 'media',
  });

export const JobCountsSchema = responseShape(
  'JobCounts',
  z.object(
    Object.fromEntries(JOB_STATES.map((state) => [state, z.int().min(0)])) as Record<
      (typeof JOB_STATES)[number],
      z.ZodInt
    >,
  ),
  {
    description:
      'Jobs per state. The jobs of a paused queue count as `paused`, not `waiting` (that is 0 then).',
    example: {
      waiting: 0,
      active: 1,
      delayed: 0,
      prioritized: 0,
      completed: 214,
      failed: 2,
      paused: 0,
    },
  },
);

export const QueueSchema = responseShape(
  'Queue',
  z.object({
    name: queueName(),
    kind: z
      .enum(['job', 'event'])
      .meta({ description: '`job` queues carry commands; `event` queues one consumer’s events' }),
    isPaused: z
      .boolean()
      .meta({ description: 'workers take no new job off it until it is resumed' }),
    counts: JobCountsSchema,
  }),
  { description: 'One queue with its job counts per state.' },
);

export const QueueListSchema = responseShape('QueueList', z.array(QueueSchema));

export const JobSchema = responseShape(
  'Job',
  z.object({
    id: z.string().meta({ example: 'ArticlePublish-0b6c2f9e-5d1e-4a57-9a3f-1c2d3e4f5a6b-7' }),
    name: z.string().meta({ example: JobName.ArticlePublish }),
    queue: queueName(),
    state: z.enum(JOB_VIEW_STATES),
    data: z.unknown().meta({
      description: 'the payload: ids only',
      example: { articleId: '0b6c2f9e-5d1e-4a57-9a3f-1c2d3e4f5a6b', version: 7 },
    }),
    failedReason: z.string().nullable().meta({
      description: 'why its last attempt failed; null unless it failed at least once',
      example: 'Connection is closed.',
    }),
    stack: z
      .string()
      .nullable()
      .meta({ description: 'the first lines of the last failure’s stack; null unless it failed' }),
    attemptsMade: z.int().min(0),
    attempts: z.int().min(1).meta({ description: 'how many attempts the job gets in all' }),
    createdAt: instant(),
    processedAt: instant().nullable(),
    finishedAt: instant().nullable(),
  }),
  { description: 'One job as ops see it.' },
);

export const JobListSchema = responseShape('JobList', z.array(JobSchema));

export const RetriedJobsSchema = responseShape(
  'RetriedJobs',
  z.object({
    queue: queueName(),
    retried: z.int().min(0).meta({ description: 'how many failed jobs went back to waiting' }),
  }),
);

export const OutboxFailureSchema = responseShape(
  'OutboxFailure',
  z.object({
    seq: z.string().meta({ description: 'the row’s place in the outbox', example: '1042' }),
    messageId: z.uuid().meta({ description: 'the message id; consumers and BullMQ dedupe on it' }),
    kind: z.enum(['event', 'job']),
    name: z.string().meta({ description: 'the job or event name', example: 'ArticlePublish' }),
    attempts: z.int().min(1),
    lastError: z.string().nullable().meta({ example: 'Connection is closed.' }),
    createdAt: instant(),
  }),
  { description: 'An outbox row the relay tried and could not send yet.' },
);

export const OutboxStatusSchema = responseShape(
  'OutboxStatus',
  z.object({
    unsent: z.int().min(0).meta({ description: 'rows the relay has not sent yet' }),
    oldestUnsentAt: instant().nullable(),
    oldestUnsentAgeSeconds: z
      .int()
      .min(0)
      .meta({ description: 'age of the oldest unsent row in whole seconds; 0 when none waits' }),
    failing: z.array(OutboxFailureSchema).meta({
      description: `unsent rows with at least one failed attempt, oldest first (at most ${OUTBOX_FAILING_ROWS})`,
    }),
  }),
  {
    description:
      'The outbox backlog: what the relay has not sent, and what it keeps failing to send.',
  },
);

// The audit row is the one a story's history shows.
export { AuditEntrySchema };

export const AuditPageSchema = pageOf('AuditPage', AuditEntrySchema, {
  description: 'A page of the audit log, newest first.',
});
