import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { WebhooksService } from '@newsdesk/delivery';
import { JobQueue, WORKER_RECOVERY, runJob, type JobName, type JobOf } from '@newsdesk/messaging';

type WebhookJob = Job<JobOf<JobName.WebhookDeliver>, void, JobName.WebhookDeliver>;

/**
 * POSTs webhook deliveries. A failed attempt throws, so BullMQ retries it with
 * the `webhooks` queue's exponential backoff (hours); a paused subscription
 * fails the job at once.
 */
@Processor(JobQueue.Webhooks, { ...WORKER_RECOVERY, concurrency: 8 })
export class WebhookProcessor extends WorkerHost {
  constructor(private readonly webhooks: WebhooksService) {
    super();
  }

  async process(job: WebhookJob): Promise<void> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await runJob(job, () => this.webhooks.attempt(job.data.deliveryId, { lastAttempt }));
  }
}
