import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, ConfigModule, loggerParams, type AppConfig } from '@newsdesk/config';
import { DatabaseModule } from '@newsdesk/database';
import { DeliveryModule } from '@newsdesk/delivery';
import { MessagingModule } from '@newsdesk/messaging';
import { ObservabilityModule } from '@newsdesk/observability';
import { WebhooksHandler } from './webhooks.handler';

/**
 * The `webhooks` event consumer in the projector app (fan-out into
 * deliveries; the projector's job workers POST them). Its own Nest
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
    DeliveryModule,
    // Counts into the projector's metrics and readiness, which the projector app serves.
    ObservabilityModule.forRoot({ app: 'projector', workers: true }),
  ],
  controllers: [WebhooksHandler],
})
export class WebhooksModule {}
