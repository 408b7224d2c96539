import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, ConfigModule, loggerParams, type AppConfig } from '@newsdesk/config';
import { DatabaseModule } from '@newsdesk/database';
import { MediaModule } from '@newsdesk/media';
import { JobsModule, MessagingModule } from '@newsdesk/messaging';
import { ObservabilityModule } from '@newsdesk/observability';
import { FreedMemory } from './freed-memory';
import { ImageJob } from './image.job';
import { UploadSweep } from './upload-sweep';

/** Image jobs, and the sweep of abandoned uploads. Run more of these processes for a busy photo desk. */
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => loggerParams(config, 'media'),
    }),
    DatabaseModule,
    MessagingModule,
    JobsModule.forApp('media'),
    MediaModule,
    ObservabilityModule.forRoot({ app: 'media', controllers: true, s3: true, workers: true }),
  ],
  providers: [ImageJob, FreedMemory, UploadSweep],
})
export class MediaAppModule {}
