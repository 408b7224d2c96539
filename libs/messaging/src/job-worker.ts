import { WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UnrecoverableError, type Job, type Worker } from 'bullmq';
import { PermanentJobError, RequestContext } from '@newsdesk/common';
import { requestIdOf } from './trace';

const logger = new Logger('Job');

/**
 * Lock and stall settings of every worker. A crashed worker's job goes back to
 * its queue within seconds (a 10 s lock, renewed every 5 s while the job runs,
 * checked every 5 s) instead of BullMQ's default minute; and a job orphaned by
 * several crashes in a row runs again instead of failing at the second one
 * (BullMQ's default `maxStalledCount` is 1). Handlers are idempotent, so a job
 * that runs again is harmless.
 */
export const WORKER_RECOVERY = {
  lockDuration: 10_000,
  stalledInterval: 5_000,
  maxStalledCount: 5,
} as const;

/**
 * Runs a job handler within the request context the job carries (so its logs,
 * audit rows and the outbox rows it writes name the request that started it)
 * and tells BullMQ whether to retry: a {@link PermanentJobError} (bad input,
 * missing row) fails at once; anything else is thrown as it is, so BullMQ backs
 * off and retries.
 */
export function runJob<T>(job: Job, handler: () => Promise<T>): Promise<T> {
  return RequestContext.run({ requestId: requestIdOf(job) }, async () => {
    const started = Date.now();
    try {
      const result = await handler();
      logger.log(`${job.name} ${job.id ?? ''} done in ${Date.now() - started} ms`);
      return result;
    } catch (error) {
      if (error instanceof PermanentJobError) throw new UnrecoverableError(error.message);
      throw error;
    }
  });
}

/** The BullMQ workers of these provider instances: the `@Processor` classes (`WorkerHost`) that started one. */
export function processorWorkers(instances: Iterable<unknown>): Worker[] {
  const workers: Worker[] = [];
  for (const instance of instances) {
    if (!(instance instanceof WorkerHost)) continue;
    try {
      workers.push(instance.worker as Worker);
    } catch {
      // never started: no worker
    }
  }
  return workers;
}
