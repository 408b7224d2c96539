import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, ConfigModule, loggerParams, type AppConfig } from '@newsdesk/config';
import { DatabaseModule } from '@newsdesk/database';
import { DeliveryModule } from '@newsdesk/delivery';
import { BullRootModule, JobQueue, MessagingModule } from '@newsdesk/messaging';
import { ObservabilityModule } from '@newsdesk/observability';
import { PublicationModule } from '@newsdesk/publication';
import { CdnPurgeProcessor } from './cdn-purge.processor';
import { ImagesHandler } from './images.handler';
import { ListingsHandler } from './listings.handler';

/** Event consumers that keep the public read models (listings, caches) current, and the CDN purges they queue. */
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => loggerParams(config, 'projector'),
    }),
    DatabaseModule,
    MessagingModule,
    BullRootModule,
    BullModule.registerQueue({ name: JobQueue.Cdn }),
    DeliveryModule,
    PublicationModule,
    // Serves the ops HTTP for the whole projector process, the webhooks app's workers included.
    ObservabilityModule.forRoot({ app: 'projector', controllers: true, workers: true }),
  ],
  controllers: [ListingsHandler, ImagesHandler],
  providers: [CdnPurgeProcessor],
})
export class ProjectorModule {}
