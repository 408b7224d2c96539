import type { INestMicroservice, NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@newsdesk/config';
import { BullMqTransport, Consumer, httpAdapter, RethrowRpcErrors } from '@newsdesk/messaging';
import { watchTransport } from '@newsdesk/observability';
import { ProjectorModule } from './projector.module';
import { WebhooksModule } from './webhooks.module';

/** The projector process's two Nest apps. */
export interface ProjectorApps {
  /** The `projector` consumer (events.projector), the job workers (CDN purges, webhook deliveries), and the process's ops HTTP. */
  projector: NestFastifyApplication;
  /** The `webhooks` consumer (events.webhooks). */
  webhooks: INestMicroservice;
}

/**
 * Starts the projector: shared by `main.ts` and the tests (which pass
 * `logger: false` and port 0). The webhooks consumer is a Nest app of its
 * own, so that each consumer's queue runs only its own handlers; the
 * first one also serves `/health/live`, `/health/ready` and `/metrics` for the
 * whole process.
 */
export async function startProjector(
  config: AppConfig,
  options: { port: number; host: string; logger?: false },
): Promise<ProjectorApps> {
  const nest: NestApplicationOptions = {
    bufferLogs: true,
    ...(options.logger === false ? { logger: false } : {}),
  };
  const projector = await NestFactory.create<NestFastifyApplication>(
    ProjectorModule,
    httpAdapter(),
    nest,
  );
  if (options.logger !== false) projector.useLogger(projector.get(Logger));
  // The transport shares the app's global filters (a hybrid app's own ones would be read before
  // they could be set); the filter rethrows event errors and answers HTTP errors as usual.
  projector.useGlobalFilters(new RethrowRpcErrors(projector.getHttpAdapter()));
  const events = new BullMqTransport({ redisUrl: config.redisUrl, consumer: Consumer.Projector });
  projector.connectMicroservice<MicroserviceOptions>(
    { strategy: events },
    { inheritAppConfig: true },
  );

  const deliveries = new BullMqTransport({
    redisUrl: config.redisUrl,
    consumer: Consumer.Webhooks,
  });
  const webhooks = await NestFactory.createMicroservice<MicroserviceOptions>(WebhooksModule, {
    strategy: deliveries,
    ...nest,
  });
  if (options.logger !== false) webhooks.useLogger(webhooks.get(Logger));
  webhooks.useGlobalFilters(new RethrowRpcErrors());

  // Initialised before the consumers start, so no event is handled by a half-started app.
  await projector.init();
  await Promise.all([projector.startAllMicroservices(), webhooks.listen()]);
  watchTransport(projector, events);
  watchTransport(webhooks, deliveries);
  await projector.listen(options.port, options.host);
  return { projector, webhooks };
}
