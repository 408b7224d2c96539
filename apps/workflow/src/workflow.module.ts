import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, ConfigModule, loggerParams, type AppConfig } from '@newsdesk/config';
import { DatabaseModule } from '@newsdesk/database';
import { EditorialModule, ScheduleReconciler } from '@newsdesk/editorial';
import { BullRootModule, JobQueue, MessagingModule, OutboxRelay } from '@newsdesk/messaging';
import { ObservabilityModule } from '@newsdesk/observability';
import { PublicationProcessor } from './publication.processor';
import { SubmissionProcessor } from './submission.processor';

/** Submission checks and publication jobs, and the outbox relay that feeds every queue. */
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => loggerParams(config, 'workflow'),
    }),
    DatabaseModule,
    MessagingModule,
    BullRootModule,
    BullModule.registerQueue({ name: JobQueue.Submission }, { name: JobQueue.Publication }),
    EditorialModule,
    ObservabilityModule.forRoot({ app: 'workflow', controllers: true, workers: true }),
  ],
  providers: [OutboxRelay, ScheduleReconciler, SubmissionProcessor, PublicationProcessor],
})
export class WorkflowModule {}
