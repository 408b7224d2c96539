import { UnrecoverableError } from 'bullmq';
import { PermanentJobError } from '@newsdesk/common';

/**
 * Runs a job handler and tells BullMQ whether to retry: a {@link PermanentJobError}
 * (bad input, missing row) fails at once; anything else is thrown as it is, so
 * BullMQ backs off and retries.
 */
export async function runJob<T>(handler: () => Promise<T>): Promise<T> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof PermanentJobError) throw new UnrecoverableError(error.message);
    throw error;
  }
}
