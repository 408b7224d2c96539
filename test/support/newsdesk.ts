import { MikroORM } from '@mikro-orm/postgresql';
import type { INestMicroservice, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { ApiModule } from '../../apps/api/src/api.module';
import { createApiAdapter, setupApi } from '../../apps/api/src/setup';
import { MediaAppModule } from '../../apps/media/src/media-app.module';
import { startProjector } from '../../apps/projector/src/setup';
import { WorkflowModule } from '../../apps/workflow/src/workflow.module';
import { loadConfig, type AppConfig } from '@newsdesk/config';
import { migrate, ormConfig } from '@newsdesk/database';
import { ContractCheck } from './contract-check';
import { httpAdapter, OutboxEntry, redisOptions, registryQueueNames } from '@newsdesk/messaging';

let migrated: Promise<string[]> | null = null;

/** Applies the migrations once per test file (idempotent) on the test database. */
export function ensureMigrated(config: AppConfig = loadConfig()): Promise<string[]> {
  migrated ??= migrate(config);
  return migrated;
}

/**
 * The real apps, in this process, against the real Postgres, Redis and S3
 * that `npm test` started: the API on a free port, the workflow workers and
 * the outbox relay, and the projector on its BullMQ transport. The worker apps
 * serve their ops HTTP (health, metrics) on free ports too: {@link opsUrl}.
 */
export class Newsdesk {
  readonly config = loadConfig();
  api!: NestFastifyApplication;
  workflow!: NestFastifyApplication;
  /** The projector app's events part: the `events.projector` consumer, the job workers (CDN purges, webhook deliveries) and the process's ops HTTP. */
  projector: NestFastifyApplication | null = null;
  /** The projector app's webhooks part: the `events.webhooks` consumer. */
  webhooks: INestMicroservice | null = null;
  media: NestFastifyApplication | null = null;
  url!: string;
  /** A direct handle on the database, for factories and assertions. */
  orm!: MikroORM;
  redis!: Redis;
  /** Every response the API sends is checked against its OpenAPI document; {@link stop} fails on a mismatch. */
  contract!: ContractCheck;

  /** `apiPort`: where the API listens (a free one unless given: a CDN in front of it must know). */
  static async start(options: { apiPort?: number } = {}): Promise<Newsdesk> {
    const stack = new Newsdesk();
    await ensureMigrated(stack.config);
    stack.orm = await MikroORM.init(ormConfig(stack.config));
    stack.redis = new Redis(redisOptions(stack.config.redisUrl));
    stack.api = await stack.startApi(options.apiPort);
    stack.url = await stack.api.getUrl();
    await stack.startWorkflow();
    await stack.startProjector();
    await stack.startMedia();
    return stack;
  }

  /**
   * An API app on a free port, as `main.ts` makes it: `start()` makes the
   * stack's own; a test may start more (several API processes behind a
   * balancer) and closes those itself.
   */
  async startApi(port = 0): Promise<NestFastifyApplication> {
    const api = await NestFactory.create<NestFastifyApplication>(ApiModule, createApiAdapter(), {
      logger: false,
      bufferLogs: true,
    });
    const document = await setupApi(api);
    // Every API this stack starts is held to the one document.
    this.contract ??= new ContractCheck(document);
    this.contract.install(api.getHttpAdapter().getInstance());
    await api.listen(port, '127.0.0.1');
    return api;
  }

  /** The workflow app: submission and publication workers, the outbox relay, the schedule reconciler. */
  async startWorkflow(): Promise<void> {
    this.workflow = await this.opsApp(WorkflowModule);
  }

  async stopWorkflow(): Promise<void> {
    await this.workflow?.close();
  }

  async startMedia(): Promise<void> {
    this.media = await this.opsApp(MediaAppModule);
  }

  async stopMedia(): Promise<void> {
    await this.media?.close();
    this.media = null;
  }

  async startProjector(): Promise<void> {
    const { projector, webhooks } = await startProjector(this.config, {
      port: 0,
      host: '127.0.0.1',
      logger: false,
    });
    this.projector = projector;
    this.webhooks = webhooks;
  }

  async stopProjector(): Promise<void> {
    await this.projector?.close();
    this.projector = null;
    await this.webhooks?.close();
    this.webhooks = null;
  }

  async stop(): Promise<void> {
    await this.stopProjector();
    await this.stopMedia();
    await this.workflow?.close();
    await this.api?.close();
    await this.orm?.close(true);
    this.redis?.disconnect();
    this.contract?.assertClean();
  }

  /** A worker app as `main.ts` makes it, serving its ops HTTP on a free port. */
  private async opsApp(module: Type<unknown>): Promise<NestFastifyApplication> {
    const app = await NestFactory.create<NestFastifyApplication>(module, httpAdapter(), {
      logger: false,
      bufferLogs: true,
    });
    await app.listen(0, '127.0.0.1');
    return app;
  }

  /** The base URL of an app's ops HTTP (`/health/live`, `/health/ready`, `/metrics`). */
  opsUrl(app: 'api' | 'workflow' | 'media' | 'projector'): Promise<string> {
    const served = app === 'api' ? this.api : this[app];
    if (!served) throw new Error(`the ${app} app is not running`);
    return served.getUrl();
  }

  /** Every queue that the apps read. */
  queueNames(): string[] {
    return registryQueueNames();
  }

  /**
   * Waits until the system has nothing left to do: no unsent outbox row and no
   * waiting, active or due job in any queue (twice in a row, so that a job that
   * queues another is followed). Fails after `timeoutMs` naming what is stuck.
   * `except` names queues not to wait for: those of a consumer a test stopped.
   */
  async settle(options: number | { timeoutMs?: number; except?: string[] } = {}): Promise<void> {
    const { timeoutMs = 20_000, except = [] } =
      typeof options === 'number' ? { timeoutMs: options } : options;
    const queues = this.queueNames()
      .filter((name) => !except.includes(name))
      .map((name) => new Queue(name, { connection: redisOptions(this.config.redisUrl) }));
    const deadline = Date.now() + timeoutMs;
    let quiet = 0;
    let busy = '';
    try {
      while (Date.now() < deadline) {
        const unsent = await this.orm.em.fork().count(OutboxEntry, { sentAt: null });
        const counts = await Promise.all(
          queues.map(
            async (q) =>
              [
                q.name,
                await q.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children'),
              ] as const,
          ),
        );
        // A job waiting for its retry is delayed too; unlike a scheduled publication it is not done.
        const retrying = await Promise.all(
          queues.map(
            async (q) =>
              [
                q.name,
                (await q.getJobs(['delayed'])).filter((j) => j.attemptsMade > 0).length,
              ] as const,
          ),
        );
        const pending = [
          ...counts.filter(([, c]) => Object.values(c).some((n) => n > 0)),
          ...retrying.filter(([, n]) => n > 0).map(([name, n]) => [name, { retrying: n }] as const),
        ];
        busy = [
          unsent ? `${unsent} unsent outbox rows` : '',
          ...pending.map(([name, c]) => `${name} ${JSON.stringify(c)}`),
        ]
          .filter(Boolean)
          .join('; ');
        quiet = busy ? 0 : quiet + 1;
        if (quiet >= 2) return;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`the system did not settle within ${timeoutMs} ms: ${busy}`);
    } finally {
      await Promise.all(queues.map((q) => q.close()));
    }
  }
}
