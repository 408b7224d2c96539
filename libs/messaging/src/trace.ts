import type { Job } from 'bullmq';
import { RequestContext } from '@newsdesk/common';

/**
 * What travels beside every job payload and event: the id of the request that
 * started the work, so that one id finds a story's whole trail through the logs
 * and the audit log — HTTP → outbox → job → event → listing.
 */
export interface Trace {
  requestId?: string;
}

/** The payload with the current request id beside it (unchanged outside a request). */
export function traced<T extends object>(data: T, requestId = RequestContext.requestId()): T {
  return requestId ? { ...data, requestId } : data;
}

/**
 * The request id a job carries; a job queued outside any request (a reconciler
 * pass, an ops re-render) is named by its queue and id instead.
 */
export function requestIdOf(job: Pick<Job, 'id' | 'queueName' | 'data'>): string {
  const carried = (job.data as Trace | undefined)?.requestId;
  return typeof carried === 'string' && carried ? carried : `${job.queueName}:${job.id ?? '?'}`;
}
