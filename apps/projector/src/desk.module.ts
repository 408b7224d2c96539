import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, ConfigModule, loggerParams, type AppConfig } from '@newsdesk/config';
import { DatabaseModule } from '@newsdesk/database';
import { MessagingModule } from '@newsdesk/messaging';
import { ObservabilityModule } from '@newsdesk/observability';
import { DeskStreamModule } from '@newsdesk/stream';
import { DeskHandler } from './desk.handler';

/**
 * The `desk` event consumer in the projector app, its own Nest microservice
 * on `events.desk` for the same reason as the webhooks consumer: its handler
 * must not register on the other consumers' transports.
 */
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => loggerParams(config, 'projector'),
    }),
    // The readiness check and the scrape-time gauges read the database.
    DatabaseModule,
    MessagingModule,
    DeskStreamModule,
    // Counts into the projector's metrics and readiness, which the projector app serves.
    ObservabilityModule.forRoot({ app: 'projector', workers: true }),
  ],
  controllers: [DeskHandler],
})
export class DeskModule {}
