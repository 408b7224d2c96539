import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ListingService } from '@newsdesk/delivery';
import { EventName, type EventEnvelope } from '@newsdesk/messaging';

/** Rebuilds the teaser listings a story is in whenever the story changes. */
@Controller()
export class ListingsHandler {
  constructor(private readonly listings: ListingService) {}

  @EventPattern(EventName.ArticlePublished)
  onArticlePublished(@Payload() event: EventEnvelope<EventName.ArticlePublished>): Promise<void> {
    return this.listings.rebuildSections(event.payload.sectionIds);
  }

  @EventPattern(EventName.ArticleUpdated)
  onArticleUpdated(@Payload() event: EventEnvelope<EventName.ArticleUpdated>): Promise<void> {
    return this.listings.rebuildSections(event.payload.sectionIds);
  }

  @EventPattern(EventName.ArticleKilled)
  onArticleKilled(@Payload() event: EventEnvelope<EventName.ArticleKilled>): Promise<void> {
    return this.listings.rebuildSections(event.payload.sectionIds);
  }

  @EventPattern(EventName.ArticleUnpublished)
  onArticleUnpublished(
    @Payload() event: EventEnvelope<EventName.ArticleUnpublished>,
  ): Promise<void> {
    return this.listings.rebuildSections(event.payload.sectionIds);
  }
}
