import { MikroORM } from '@mikro-orm/postgresql';
import type { INestApplicationContext, INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { ApiModule } from '../../apps/api/src/api.module';
import { createApiAdapter, setupApi } from '../../apps/api/src/setup';
import { MediaAppModule } from '../../apps/media/src/media-app.module';
import { ProjectorModule } from '../../apps/projector/src/projector.module';
import { WebhooksModule } from '../../apps/projector/src/webhooks.module';
import { WorkflowModule } from '../../apps/workflow/src/workflow.module';
import { loadConfig, type AppConfig } from '@newsdesk/config';
import { migrate, ormConfig } from '@newsdesk/database';
import {
  BullMqTransport,
  Consumer,
  JobQueue,
  OutboxEntry,
  RethrowRpcErrors,
  eventQueueOf,
  redisOptions,
} from '@newsdesk/messaging';

let migrated: Promise<string[]> | null = null;

/** Applies the migrations once per test file (idempotent) on the test database. */
export function ensureMigrated(config: AppConfig = loadConfig()): Promise<string[]> {
  migrated ??= migrate(config);
  return migrated;
}

/**
 * The real apps, in this process, against the real Postgres, Redis and S3
 * that `npm test` started: the API on a free port, the workflow workers and
 * the outbox relay, and the projector on its BullMQ transport.
 */
export class Newsdesk {
  readonly config = loadConfig();
  api!: NestFastifyApplication;
  workflow!: INestApplicationContext;
  projector: INestMicroservice | null = null;
  /** The projector app's webhooks part: the `events.webhooks` consumer and the delivery worker. */
  webhooks: INestMicroservice | null = null;
  media: INestApplicationContext | null = null;
  url!: string;
  /** A direct handle on the database, for factories and assertions. */
  orm!: MikroORM;
  redis!: Redis;

  static async start(): Promise<Newsdesk> {
    const stack = new Newsdesk();
    await ensureMigrated(stack.config);
    stack.orm = await MikroORM.init(ormConfig(stack.config));
    stack.redis = new Redis(redisOptions(stack.config.redisUrl));
    stack.api = await NestFactory.create<NestFastifyApplication>(ApiModule, createApiAdapter(), {
      logger: false,
      bufferLogs: true,
    });
    await setupApi(stack.api, { docsUi: false });
    await stack.api.listen(0, '127.0.0.1');
    stack.url = await stack.api.getUrl();
    stack.workflow = await NestFactory.createApplicationContext(WorkflowModule, {
      logger: false,
      bufferLogs: true,
    });
    await stack.workflow.init();
    await stack.startProjector();
    await stack.startMedia();
    return stack;
  }

  /** The workflow app: submission and publication workers, the outbox relay, the schedule reconciler. */
  async startWorkflow(): Promise<void> {
    this.workflow = await NestFactory.createApplicationContext(WorkflowModule, {
      logger: false,
      bufferLogs: true,
    });
    await this.workflow.init();
  }

  async stopWorkflow(): Promise<void> {
    await this.workflow?.close();
  }

  async startMedia(): Promise<void> {
    this.media = await NestFactory.createApplicationContext(MediaAppModule, {
      logger: false,
      bufferLogs: true,
    });
    await this.media.init();
  }

  async stopMedia(): Promise<void> {
    await this.media?.close();
    this.media = null;
  }

  async startProjector(): Promise<void> {
    const projector = await NestFactory.createMicroservice(ProjectorModule, {
      strategy: new BullMqTransport({
        redisUrl: this.config.redisUrl,
        consumer: Consumer.Projector,
      }),
      logger: false,
      bufferLogs: true,
    });
    projector.useGlobalFilters(new RethrowRpcErrors());
    await projector.listen();
    this.projector = projector;
    const webhooks = await NestFactory.createMicroservice(WebhooksModule, {
      strategy: new BullMqTransport({
        redisUrl: this.config.redisUrl,
        consumer: Consumer.Webhooks,
      }),
      logger: false,
      bufferLogs: true,
    });
    webhooks.useGlobalFilters(new RethrowRpcErrors());
    await webhooks.listen();
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
  }

  /** Every queue that the apps read. */
  queueNames(): string[] {
    return [...Object.values(JobQueue), ...Object.values(Consumer).map(eventQueueOf)];
  }

  /**
   * Waits until the system has nothing left to do: no unsent outbox row and no
   * waiting, active or due job in any queue (twice in a row, so that a job that
   * queues another is followed). Fails after `timeoutMs` naming what is stuck.
   */
  async settle(timeoutMs = 20_000): Promise<void> {
    const queues = this.queueNames().map(
      (name) => new Queue(name, { connection: redisOptions(this.config.redisUrl) }),
    );
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
