import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, ConfigModule, loggerParams, type AppConfig } from '@newsdesk/config';
import { DatabaseModule } from '@newsdesk/database';
import { EditorialModule, ScheduleReconciler } from '@newsdesk/editorial';
import { WEBHOOK_AUDIENCE } from '@newsdesk/delivery';
import { CONSUMER_AUDIENCES, JobsModule, MessagingModule, OutboxRelay } from '@newsdesk/messaging';
import { ObservabilityModule } from '@newsdesk/observability';
import { DeskStreamModule } from '@newsdesk/stream';
import { PublicationJob } from './publication.job';
import { SubmissionJob } from './submission.job';

/** Submission checks and publication jobs, and the outbox relay that feeds every queue and the desk's stream. */
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => loggerParams(config, 'workflow'),
    }),
    DatabaseModule,
    MessagingModule,
    JobsModule.forApp('workflow'),
    EditorialModule,
    // The desk's stream, where the relay appends the events the desk needs live.
    DeskStreamModule,
    ObservabilityModule.forRoot({ app: 'workflow', controllers: true, workers: true }),
  ],
  providers: [
    OutboxRelay,
    // The relay queues an article event for the webhooks consumer only when a subscription wants it.
    { provide: CONSUMER_AUDIENCES, useValue: [WEBHOOK_AUDIENCE] },
    ScheduleReconciler,
    SubmissionJob,
    PublicationJob,
  ],
})
export class WorkflowModule {}
