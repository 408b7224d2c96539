import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ListingService } from '@newsdesk/delivery';
import { PublicationService } from '@newsdesk/publication';
import { EventName, type EventEnvelope } from '@newsdesk/messaging';

/** Refreshes every published story and listing that shows an image that changed. */
@Controller()
export class ImagesHandler {
  constructor(
    private readonly publication: PublicationService,
    private readonly listings: ListingService,
  ) {}

  @EventPattern(EventName.ImageProcessed)
  async onImageProcessed(@Payload() event: EventEnvelope<EventName.ImageProcessed>): Promise<void> {
    await this.listings.rebuildSections(await this.publication.refreshImage(event.payload.imageId));
  }

  @EventPattern(EventName.ImageUpdated)
  async onImageUpdated(@Payload() event: EventEnvelope<EventName.ImageUpdated>): Promise<void> {
    await this.listings.rebuildSections(await this.publication.refreshImage(event.payload.imageId));
  }
}
