import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventName, type EventEnvelope } from '@newsdesk/messaging';
import { AppMetrics } from '@newsdesk/observability';
import { ListingRounds } from './listing-rounds';

type ArticleEvent =
  | EventName.ArticlePublished
  | EventName.ArticleUpdated
  | EventName.ArticleUnpublished
  | EventName.ArticleKilled;

/** Rebuilds the teaser listings a story is in whenever the story changes, in rounds (see {@link ListingRounds}). */
@Controller()
export class ListingsHandler {
  constructor(
    private readonly rounds: ListingRounds,
    private readonly metrics: AppMetrics,
  ) {}

  /** Rebuilds the listings the event names (older events name only sections), then purges them and the story at the CDN. */
  private async rebuild(event: EventEnvelope<ArticleEvent>): Promise<void> {
    const { articleId, listings, sectionIds } = event.payload;
    await this.rounds.refresh({
      // The listings an event names include its sections, old and new; older events name only sections.
      ...(listings ? { listings } : { listings: ['home'], sectionIds }),
      storyIds: [articleId],
      cover: { eventId: event.id, articleId, occurredAt: event.occurredAt },
    });
    // Publish-to-listing latency: the event occurred in the publication's own transaction.
    if (event.name === EventName.ArticlePublished)
      this.metrics.observePublishToListing(event.occurredAt);
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
    await this.rounds.refresh({
      listings: [`section:${event.payload.slug}`],
      storyIds: [],
      cover: { eventId: event.id, articleId: null, occurredAt: event.occurredAt },
    });
  }
}
