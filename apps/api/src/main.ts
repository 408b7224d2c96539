import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@newsdesk/config';
import { stopGracefully } from '@newsdesk/messaging';
import { ApiModule } from './api.module';
import { createApiAdapter, setupApi } from './setup';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule,
    createApiAdapter(config),
    {
      bufferLogs: true,
    },
  );
  await setupApi(app);
  stopGracefully([app], { graceMs: config.shutdownGraceMs });
  await app.listen(config.port, '0.0.0.0');
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
