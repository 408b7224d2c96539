import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { WebhooksService } from '@newsdesk/delivery';
import { EventName, type EventEnvelope } from '@newsdesk/messaging';

/**
 * The `webhooks` consumer (queue `events.webhooks`): turns each article event
 * into one delivery per subscription that wants it, and queues their jobs.
 * Idempotent: an event handled twice makes no second delivery.
 */
@Controller()
export class WebhooksHandler {
  constructor(private readonly webhooks: WebhooksService) {}

  @EventPattern(EventName.ArticlePublished)
  async onArticlePublished(
    @Payload() event: EventEnvelope<EventName.ArticlePublished>,
  ): Promise<void> {
    await this.webhooks.fanOut(event);
  }

  @EventPattern(EventName.ArticleUpdated)
  async onArticleUpdated(@Payload() event: EventEnvelope<EventName.ArticleUpdated>): Promise<void> {
    await this.webhooks.fanOut(event);
  }

  @EventPattern(EventName.ArticleUnpublished)
  async onArticleUnpublished(
    @Payload() event: EventEnvelope<EventName.ArticleUnpublished>,
  ): Promise<void> {
    await this.webhooks.fanOut(event);
  }

  @EventPattern(EventName.ArticleKilled)
  async onArticleKilled(@Payload() event: EventEnvelope<EventName.ArticleKilled>): Promise<void> {
    await this.webhooks.fanOut(event);
  }
}
