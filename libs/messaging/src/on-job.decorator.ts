import { SetMetadata } from '@nestjs/common';
import type { JobName, JobPayloads } from './registry';

/** What a job handler may know about the run besides the payload. */
export interface JobContext {
  /** The BullMQ job id (see the registry's `jobIdOf`). */
  id: string;
  /** Attempts made before this one. */
  attemptsMade: number;
  /** This is the job's last attempt: if it fails, BullMQ does not retry it. */
  lastAttempt: boolean;
}

/**
 * What a handler returns: nothing, or `notBefore` when the job came early
 * (clock skew, an embargo): it then waits in BullMQ's delayed set until then,
 * without holding a worker or counting as an attempt.
 */
export type JobOutcome = void | { notBefore?: Date };

export type JobHandler<N extends JobName> = (
  payload: JobPayloads[N],
  context: JobContext,
) => Promise<JobOutcome>;

export const JOB_HANDLER = 'newsdesk:job-handler';

/**
 * Marks a provider method as the handler of job `name`. The app's
 * `JobsModule.forApp` finds it at start and refuses to start when a job the
 * registry gives the app has none (or a handler is for another app's job).
 * The method's type is checked against the job's payload.
 */
export function OnJob<N extends JobName>(name: N) {
  return <H extends JobHandler<N>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ): void => {
    SetMetadata(JOB_HANDLER, name)(target, key, descriptor);
  };
}
