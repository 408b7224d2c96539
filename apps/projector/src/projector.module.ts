import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, ConfigModule, loggerParams, type AppConfig } from '@newsdesk/config';
import { DatabaseModule } from '@newsdesk/database';
import { DeliveryModule } from '@newsdesk/delivery';
import { JobsModule, MessagingModule } from '@newsdesk/messaging';
import { ObservabilityModule } from '@newsdesk/observability';
import { PublicationModule } from '@newsdesk/publication';
import { CdnPurgeJob } from './cdn-purge.job';
import { ImagesHandler } from './images.handler';
import { ListingRounds } from './listing-rounds';
import { ListingsHandler } from './listings.handler';
import { WebhookDeliveryJob } from './webhook-delivery.job';

/**
 * Event consumers that keep the public read models (listings, caches)
 * current, and the projector's job workers: the CDN purges they queue and the
 * webhook deliveries.
 */
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => loggerParams(config, 'projector'),
    }),
    DatabaseModule,
    MessagingModule,
    JobsModule.forApp('projector'),
    DeliveryModule,
    PublicationModule,
    // Serves the ops HTTP for the whole projector process, the webhooks app's workers included.
    ObservabilityModule.forRoot({ app: 'projector', controllers: true, workers: true }),
  ],
  controllers: [ListingsHandler, ImagesHandler],
  providers: [ListingRounds, CdnPurgeJob, WebhookDeliveryJob],
})
export class ProjectorModule {}
