import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CdnPurgeService, ListingService, purgeTargets } from '@newsdesk/delivery';
import { DeliveryReceiptService } from '@newsdesk/delivery';
import { EventName, type EventEnvelope } from '@newsdesk/messaging';
import { AppMetrics } from '@newsdesk/observability';

type ArticleEvent =
  | EventName.ArticlePublished
  | EventName.ArticleUpdated
  | EventName.ArticleUnpublished
  | EventName.ArticleKilled;

/** Rebuilds the teaser listings a story is in whenever the story changes. */
@Controller()
export class ListingsHandler {
  constructor(
    private readonly listings: ListingService,
    private readonly purges: CdnPurgeService,
    private readonly metrics: AppMetrics,
    private readonly receipts: DeliveryReceiptService,
  ) {}

  /** Rebuilds the listings the event names (older events name only sections), then purges them and the story at the CDN. */
  private async rebuild(event: EventEnvelope<ArticleEvent>): Promise<void> {
    const rebuilt = await this.listings.rebuildAll(
      event.payload.listings ?? ['home'],
      event.payload.sectionIds,
    );
    await this.receipts.listingsRebuilt([event.id], rebuilt);
    // Publish-to-listing latency: the event occurred in the publication's own transaction.
    if (event.name === EventName.ArticlePublished)
      this.metrics.observePublishToListing(event.occurredAt);
    await this.purges.queue(event.id, purgeTargets(rebuilt, [event.payload.articleId]), [
      { eventId: event.id, articleId: event.payload.articleId, occurredAt: event.occurredAt },
    ]);
  }

  @EventPattern(EventName.ArticlePublished)
  onArticlePublished(@Payload() event: EventEnvelope<EventName.ArticlePublished>): Promise<void> {
    return this.rebuild(event);
  }

  @EventPattern(EventName.ArticleUpdated)
  onArticleUpdated(@Payload() event: EventEnvelope<EventName.ArticleUpdated>): Promise<void> {
    return this.rebuild(event);
  }

  @EventPattern(EventName.ArticleKilled)
  onArticleKilled(@Payload() event: EventEnvelope<EventName.ArticleKilled>): Promise<void> {
    return this.rebuild(event);
  }

  @EventPattern(EventName.ArticleUnpublished)
  onArticleUnpublished(
    @Payload() event: EventEnvelope<EventName.ArticleUnpublished>,
  ): Promise<void> {
    return this.rebuild(event);
  }

  /** A renamed section: its listing shows the name, and so does every page keyed `section:<slug>`. */
  @EventPattern(EventName.SectionRenamed)
  async onSectionRenamed(@Payload() event: EventEnvelope<EventName.SectionRenamed>): Promise<void> {
    const rebuilt = await this.listings.rebuildAll([`section:${event.payload.slug}`]);
    await this.purges.queue(event.id, purgeTargets(rebuilt, []), [
      { eventId: event.id, articleId: null, occurredAt: event.occurredAt },
    ]);
  }
}
