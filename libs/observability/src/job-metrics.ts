import type { Job, Worker } from 'bullmq';
import { Consumer, eventQueueOf, type ConsumerName } from '@newsdesk/messaging';
import { secondsSince, type AppMetrics } from './app-metrics';

/** The consumer whose event queue this is (`events.projector` → `projector`), or null for a job queue. */
export function consumerOfQueue(queue: string): ConsumerName | null {
  return Object.values(Consumer).find((consumer) => eventQueueOf(consumer) === queue) ?? null;
}

/** Seconds a job ran, from being picked up (`processedOn`) to finishing (`finishedOn`, or now). */
export function jobSeconds(
  job: Pick<Job, 'processedOn' | 'finishedOn'>,
  now = Date.now(),
): number | null {
  if (!job.processedOn) return null;
  return Math.max(0, ((job.finishedOn ?? now) - job.processedOn) / 1000);
}

/**
 * Counts a BullMQ worker's jobs into `metrics`: completions with their
 * duration, failed attempts, and for an event consumer's worker the age of
 * each event when its handling starts. Works from the worker's own events, so
 * processors and the event transport need no code for it. Returns the
 * function that stops counting.
 */
export function countJobsOf(worker: Worker, metrics: AppMetrics): () => void {
  const queue = worker.name;
  const consumer = consumerOfQueue(queue);
  const onCompleted = (job: Job) => {
    metrics.jobsCompleted.inc({ queue, name: job.name });
    const seconds = jobSeconds(job);
    if (seconds !== null) metrics.jobDuration.observe({ queue, name: job.name }, seconds);
  };
  // BullMQ passes no job when a stalled job was removed; it still was a failure on this queue.
  const onFailed = (job: Job | undefined) =>
    metrics.jobsFailed.inc({ queue, name: job?.name ?? 'unknown' });
  const onActive = (job: Job<{ occurredAt?: string }>) => {
    const age = secondsSince(job.data?.occurredAt);
    if (consumer && age !== null) metrics.eventAge.observe({ consumer, event: job.name }, age);
  };
  worker.on('completed', onCompleted);
  worker.on('failed', onFailed);
  worker.on('active', onActive);
  return () => {
    worker.off('completed', onCompleted);
    worker.off('failed', onFailed);
    worker.off('active', onActive);
  };
}
