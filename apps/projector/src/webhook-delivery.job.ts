import { Injectable } from '@nestjs/common';
import { WebhooksService } from '@newsdesk/delivery';
import { JobName, OnJob, type JobContext, type JobOf } from '@newsdesk/messaging';

/**
 * POSTs webhook deliveries. A failed attempt throws, so BullMQ retries it with
 * the registry's backoff for deliveries (hours); a paused subscription fails
 * the job at once. The last attempt's failure marks the delivery failed.
 */
@Injectable()
export class WebhookDeliveryJob {
  constructor(private readonly webhooks: WebhooksService) {}

  @OnJob(JobName.WebhookDeliver)
  onWebhookDeliver(
    { deliveryId }: JobOf<JobName.WebhookDeliver>,
    { lastAttempt }: JobContext,
  ): Promise<void> {
    return this.webhooks.attempt(deliveryId, { lastAttempt });
  }
}
