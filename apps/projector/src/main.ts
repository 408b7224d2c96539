import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@newsdesk/config';
import { BullMqTransport, Consumer, RethrowRpcErrors } from '@newsdesk/messaging';
import { ProjectorModule } from './projector.module';
import { WebhooksModule } from './webhooks.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(ProjectorModule, {
    strategy: new BullMqTransport({ redisUrl: config.redisUrl, consumer: Consumer.Projector }),
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new RethrowRpcErrors());
  app.enableShutdownHooks();
  // The webhooks consumer (events.webhooks) and its delivery worker: a second microservice, so
  // that each consumer's queue runs only its own handlers.
  const webhooks = await NestFactory.createMicroservice<MicroserviceOptions>(WebhooksModule, {
    strategy: new BullMqTransport({ redisUrl: config.redisUrl, consumer: Consumer.Webhooks }),
    bufferLogs: true,
  });
  webhooks.useLogger(webhooks.get(Logger));
  webhooks.useGlobalFilters(new RethrowRpcErrors());
  webhooks.enableShutdownHooks();
  await Promise.all([app.listen(), webhooks.listen()]);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
