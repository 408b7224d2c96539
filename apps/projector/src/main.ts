import 'reflect-metadata';
import { loadConfig } from '@newsdesk/config';
import { stopGracefully } from '@newsdesk/messaging';
import { startProjector } from './setup';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const { projector, webhooks } = await startProjector(config, {
    port: config.opsPorts.projector,
    host: '0.0.0.0',
  });
  stopGracefully([projector, webhooks], { graceMs: config.shutdownGraceMs });
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
