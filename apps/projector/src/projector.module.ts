import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, ConfigModule, loggerParams, type AppConfig } from '@newsdesk/config';
import { DatabaseModule } from '@newsdesk/database';
import { DeliveryModule } from '@newsdesk/delivery';
import { EditorialModule } from '@newsdesk/editorial';
import { MessagingModule } from '@newsdesk/messaging';
import { ImagesHandler } from './images.handler';
import { ListingsHandler } from './listings.handler';

/** Event consumers that keep the public read models (listings, caches) current. */
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
    EditorialModule,
  ],
  controllers: [ListingsHandler, ImagesHandler],
})
export class ProjectorModule {}
