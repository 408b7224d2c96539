import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@newsdesk/config';
import { httpAdapter, stopGracefully } from '@newsdesk/messaging';
import { WorkflowModule } from './workflow.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  // HTTP only for ops: /health/live, /health/ready and /metrics.
  const app = await NestFactory.create<NestFastifyApplication>(WorkflowModule, httpAdapter(), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  stopGracefully([app], { graceMs: config.shutdownGraceMs });
  await app.listen(config.opsPorts.workflow, '0.0.0.0');
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
