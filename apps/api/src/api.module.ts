import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, ConfigModule, loggerParams, type AppConfig } from '@newsdesk/config';
import { DatabaseModule } from '@newsdesk/database';
import { DeliveryModule, SiteModule } from '@newsdesk/delivery';
import { EditorialModule } from '@newsdesk/editorial';
import { MediaModule } from '@newsdesk/media';
import { ObservabilityModule } from '@newsdesk/observability';
import { MessagingModule, QueueAdminService } from '@newsdesk/messaging';
import { SessionsModule } from '@newsdesk/sessions';
import { LiveStreamModule } from '@newsdesk/stream';
import {
  AdminAuditController,
  AdminSectionsController,
  AdminUsersController,
} from './admin/admin.controller';
import { ArticlesController } from './articles/articles.controller';
import { DeliveryReceiptController } from './articles/delivery-receipt.controller';
import { SectionsController } from './articles/sections.controller';
import { ApiTokensController } from './auth/api-tokens.controller';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { ShapeResponseInterceptor } from './contract/shape-response.interceptor';
import { NewsroomController } from './desk/newsroom.controller';
import { PeopleController } from './desk/people.controller';
import { ErrorFilter } from './error.filter';
import { AuditController } from './ops/audit.controller';
import { HealthController } from './ops/health.controller';
import { OutboxOpsController, QueuesOpsController } from './ops/queues.controller';
import { WebhooksController } from './ops/webhooks.controller';
import { ImagesController, ImagesOpsController } from './images/images.controller';
import { FeedsController } from './public/feeds.controller';
import { PublicController } from './public/public.controller';
import { ResponseCache } from './public/response-cache';
import { SiteController } from './site/site.controller';
import { StreamController } from './stream/stream.controller';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => loggerParams(config, 'api'),
    }),
    DatabaseModule,
    MessagingModule,
    SessionsModule,
    EditorialModule,
    DeliveryModule,
    SiteModule,
    MediaModule,
    LiveStreamModule,
    TerminusModule,
    ObservabilityModule.forRoot({ app: 'api', s3: true }),
  ],
  controllers: [
    AuthController,
    NewsroomController,
    PeopleController,
    ApiTokensController,
    SectionsController,
    ArticlesController,
    DeliveryReceiptController,
    ImagesController,
    ImagesOpsController,
    PublicController,
    FeedsController,
    SiteController,
    AuditController,
    AdminUsersController,
    AdminSectionsController,
    AdminAuditController,
    HealthController,
    WebhooksController,
    QueuesOpsController,
    OutboxOpsController,
    StreamController,
  ],
  providers: [
    ResponseCache,
    QueueAdminService,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: ErrorFilter },
    { provide: APP_INTERCEPTOR, useClass: ShapeResponseInterceptor },
  ],
})
export class ApiModule {}
