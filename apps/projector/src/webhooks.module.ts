import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, ConfigModule, loggerParams, type AppConfig } from '@newsdesk/config';
import { DatabaseModule } from '@newsdesk/database';
import { DeliveryModule } from '@newsdesk/delivery';
import { BullRootModule, JobQueue, MessagingModule } from '@newsdesk/messaging';
import { ObservabilityModule } from '@newsdesk/observability';
import { WebhookProcessor } from './webhook.processor';
import { WebhooksHandler } from './webhooks.handler';

/**
 * Webhooks in the projector app: the `webhooks` event consumer (fan-out into
 * deliveries) and the `webhooks` job worker (the POSTs). Its own Nest
 * microservice on `events.webhooks`: `@EventPattern` handlers register on every
 * transport of the app they are in, so sharing the projector's app would make
 * each consumer run the other's handlers too.
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
    BullRootModule,
    BullModule.registerQueue({ name: JobQueue.Webhooks }),
    DeliveryModule,
    // Counts into the projector's metrics and readiness, which the projector app serves.
    ObservabilityModule.forRoot({ app: 'projector', workers: true }),
  ],
  controllers: [WebhooksHandler],
  providers: [WebhookProcessor],
})
export class WebhooksModule {}
