import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@newsdesk/config';
import { BullMqTransport, Consumer, RethrowRpcErrors } from '@newsdesk/messaging';
import { ProjectorModule } from './projector.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(ProjectorModule, {
    strategy: new BullMqTransport({ redisUrl: config.redisUrl, consumer: Consumer.Projector }),
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new RethrowRpcErrors());
  app.enableShutdownHooks();
  await app.listen();
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
