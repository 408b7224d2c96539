import { Module } from '@nestjs/common';
import { ConfigModule } from '@newsdesk/config';
import { DeliveryModule } from '@newsdesk/delivery';
import { EditorialModule } from '@newsdesk/editorial';
import { MediaModule } from '@newsdesk/media';
import { MessagingModule } from '@newsdesk/messaging';
import { PublicationModule } from '@newsdesk/publication';
import { DatabaseModule } from '../database.module';

/**
 * What the demo seed needs to use the real services: the database, the shared
 * Redis connection (listings), S3, and the editorial and delivery services.
 * No workers, no outbox relay: the seed writes its rows and rebuilds the
 * listings itself.
 */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    MessagingModule,
    MediaModule,
    EditorialModule,
    PublicationModule,
    DeliveryModule,
  ],
})
export class SeedModule {}
