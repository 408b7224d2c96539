import { Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { PermanentJobError, RequestContext } from '@newsdesk/common';
import { requestIdOf } from './trace';

const logger = new Logger('Job');

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
