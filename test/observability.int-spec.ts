import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Queue } from 'bullmq';
import {
  EventName,
  JobQueue,
  JobWorkers,
  eventQueueOf,
  redisOptions,
  type EventEnvelope,
} from '@newsdesk/messaging';
import { WebhookSubscription } from '@newsdesk/delivery';
import { S3BucketHealth } from '@newsdesk/observability';
import { driveToPublished } from './support/drive';
import { makeSection, makeUser, PASSWORD } from './support/factories';
import { ApiClient } from './support/http';
import { Newsdesk } from './support/newsdesk';

type App = 'api' | 'workflow' | 'media' | 'projector';

/**
 * The value of every sample of `name` whose labels include `labels`, from a
 * Prometheus text exposition, summed (0 when there is none).
 */
function sampleSum(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[3] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) sum += Number(match[4]);
  }
  return sum;
}

describe('metrics and health', () => {
  let newsdesk: Newsdesk;
  let anonymous: ApiClient;
  let editor: ApiClient;
  let reviewer: ApiClient;

  const ops = async (app: App, path: string) => {
    const response = await fetch(`${await newsdesk.opsUrl(app)}${path}`);
    const text = await response.text();
    return { status: response.status, text, headers: response.headers };
  };
  const metricsOf = async (app: App) => {
    const reply = await ops(app, '/metrics');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return reply.text;
  };
  const readiness = async (app: App) => {
    const reply = await ops(app, '/health/ready');
    return {
      status: reply.status,
      body: JSON.parse(reply.text) as {
        status: string;
        details: Record<string, { status: string } & Record<string, unknown>>;
      },
    };
  };

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    anonymous = new ApiClient(newsdesk.url);
    editor = await anonymous.login((await makeUser(newsdesk.orm, ['editor'])).email, PASSWORD);
    reviewer = await anonymous.login((await makeUser(newsdesk.orm, ['reviewer'])).email, PASSWORD);
  });

  afterAll(async () => {
    await newsdesk?.stop();
  });

  it("counts a published story's path through every app", async () => {
    const section = await makeSection(newsdesk.orm);
    // A subscriber that wants the event, so that it reaches the webhooks consumer too.
    const subscriber = http.createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => subscriber.listen(0, '127.0.0.1', resolve));
    const em = newsdesk.orm.em.fork();
    const subscription = em.create(WebhookSubscription, {
      url: `http://127.0.0.1:${(subscriber.address() as AddressInfo).port}/hooks`,
      events: ['article.published'],
      secret: randomUUID(),
    });
    await em.flush();
    let story;
    try {
      story = await driveToPublished(
        { newsdesk, editor, reviewers: [reviewer] },
        { section: section.slug },
      );
      await newsdesk.settle();
    } finally {
      await em.nativeUpdate(
        WebhookSubscription,
        { id: subscription.id },
        { deletedAt: new Date() },
      );
      subscriber.closeAllConnections();
      await new Promise((resolve) => subscriber.close(resolve));
    }
    expect((await anonymous.get(`/public/articles/${story.slug}`)).status).toBe(200);
    expect((await anonymous.get(`/public/sections/${section.slug}/teasers`)).status).toBe(200);

    const api = await metricsOf('api');
    // The route pattern, never the raw URL with its ids.
    expect(
      sampleSum(api, 'newsdesk_http_request_duration_seconds_count', {
        app: 'api',
        method: 'GET',
        route: '/public/articles/:slug',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sampleSum(api, 'newsdesk_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/articles/:id/publish',
        status: '202',
      }),
    ).toBe(1);
    expect(api).not.toMatch(new RegExp(`route="[^"]*${story.id}`));
    expect(api).toMatch(/^process_resident_memory_bytes\{app="api"\} \d+/m);

    const workflow = await metricsOf('workflow');
    for (const [queue, name] of [
      ['submission', 'ArticleSubmission'],
      ['publication', 'ArticlePublish'],
    ]) {
      expect(
        sampleSum(workflow, 'newsdesk_jobs_completed_total', { app: 'workflow', queue, name }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        sampleSum(workflow, 'newsdesk_job_duration_seconds_count', { queue, name }),
      ).toBeGreaterThanOrEqual(1);
    }
    // Gauges read at scrape time: the outbox is drained, and every registry queue is reported.
    expect(workflow).toMatch(/^newsdesk_outbox_backlog\{app="workflow"\} 0$/m);
    expect(workflow).toMatch(/^newsdesk_outbox_lag_seconds\{app="workflow"\} 0$/m);
    for (const queue of newsdesk.queueNames()) {
      expect(workflow).toContain(
        `newsdesk_queue_jobs{queue="${queue}",state="waiting",app="workflow"}`,
      );
      expect(workflow).toContain(
        `newsdesk_queue_jobs{queue="${queue}",state="delayed",app="workflow"}`,
      );
    }

    const projector = await metricsOf('projector');
    expect(
      sampleSum(projector, 'newsdesk_event_age_seconds_count', {
        app: 'projector',
        consumer: 'projector',
        event: 'article.published',
      }),
    ).toBeGreaterThanOrEqual(1);
    // The webhooks consumer is a second Nest app in the process; it counts into the same registry.
    expect(
      sampleSum(projector, 'newsdesk_event_age_seconds_count', {
        consumer: 'webhooks',
        event: 'article.published',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sampleSum(projector, 'newsdesk_jobs_completed_total', {
        queue: 'events.projector',
        name: 'article.published',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sampleSum(projector, 'newsdesk_publish_to_listing_seconds_count', { app: 'projector' }),
    ).toBeGreaterThanOrEqual(1);
    // The story is in its listing within the histogram's range; never a negative or missing sum.
    expect(sampleSum(projector, 'newsdesk_publish_to_listing_seconds_sum')).toBeGreaterThanOrEqual(
      0,
    );

    const media = await metricsOf('media');
    expect(media).toMatch(/^newsdesk_outbox_backlog\{app="media"\} \d+$/m);
  });

  it("counts a failed event with the handler's own reason (the projector's ops HTTP and its consumer share filters)", async () => {
    const queue = new Queue(eventQueueOf('projector'), {
      connection: redisOptions(newsdesk.config.redisUrl),
    });
    const envelope: EventEnvelope<EventName.ArticlePublished> = {
      id: randomUUID(),
      name: EventName.ArticlePublished,
      occurredAt: new Date().toISOString(),
      payload: { articleId: randomUUID(), slug: 'x', version: 1, sectionIds: ['not-a-uuid'] },
    };
    const failedBefore = sampleSum(await metricsOf('projector'), 'newsdesk_jobs_failed_total', {
      queue: 'events.projector',
      name: 'article.published',
    });
    const job = await queue.add(envelope.name, envelope, { jobId: envelope.id, attempts: 1 });
    try {
      const deadline = Date.now() + 10_000;
      while ((await job.getState()) !== 'failed' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const failed = await queue.getJob(envelope.id);
      expect(failed?.failedReason).toMatch(/uuid/);
      expect(
        sampleSum(await metricsOf('projector'), 'newsdesk_jobs_failed_total', {
          queue: 'events.projector',
          name: 'article.published',
        }),
      ).toBe(failedBefore + 1);
    } finally {
      await job.remove().catch(() => undefined);
      await queue.close();
    }
  });

  it('counts an outbox backlog and its lag while the relay is stopped', async () => {
    await newsdesk.stopWorkflow();
    try {
      await newsdesk.orm.em.fork().execute(
        `insert into outbox (message_id, kind, name, payload, created_at, attempts)
           values (gen_random_uuid(), 'event', 'section.renamed', '{"sectionId":"x","slug":"x","name":"x"}', now() - interval '90 seconds', 0)`,
      );
      const api = await metricsOf('api');
      expect(sampleSum(api, 'newsdesk_outbox_backlog')).toBeGreaterThanOrEqual(1);
      expect(sampleSum(api, 'newsdesk_outbox_lag_seconds')).toBeGreaterThanOrEqual(90);
    } finally {
      await newsdesk.startWorkflow();
      await newsdesk.settle();
    }
    expect(sampleSum(await metricsOf('api'), 'newsdesk_outbox_backlog')).toBe(0);
  });

  it('answers liveness and readiness on every app', async () => {
    for (const app of ['api', 'workflow', 'media', 'projector'] as const) {
      const live = await ops(app, '/health/live');
      expect([app, live.status, JSON.parse(live.text)]).toEqual([app, 200, { status: 'ok' }]);
      const ready = await readiness(app);
      expect([app, ready.status, ready.body.status]).toEqual([app, 200, 'ok']);
      expect(ready.body.details.database.status).toBe('up');
      expect(ready.body.details.redis).toEqual({ status: 'up', maxmemoryPolicy: 'noeviction' });
    }
    expect((await readiness('api')).body.details.s3.status).toBe('up');
    expect((await readiness('media')).body.details).toMatchObject({
      s3: { status: 'up' },
      workers: { status: 'up', media: 'running' },
    });
    expect((await readiness('workflow')).body.details.workers).toEqual({
      status: 'up',
      submission: 'running',
      publication: 'running',
    });
    expect((await readiness('projector')).body.details.workers).toEqual({
      status: 'up',
      'events.projector': 'running',
      'events.webhooks': 'running',
      cdn: 'running',
      webhooks: 'running',
    });
    // `/health` stays the readiness check.
    const health = await anonymous.get('/health');
    expect([health.status, health.body.status]).toEqual([200, 'ok']);
  });

  it('is not ready while a worker is closed, and ready again once the app restarts', async () => {
    await newsdesk.media!.get(JobWorkers).of(JobQueue.Media).close();
    try {
      const ready = await readiness('media');
      expect(ready.status).toBe(503);
      expect(ready.body.status).toBe('error');
      expect(ready.body.details.workers).toMatchObject({ status: 'down', media: 'stopped' });
      expect(ready.body.details.database.status).toBe('up');
      // Alive all the same: a restart is the orchestrator's call, not liveness's.
      expect((await ops('media', '/health/live')).status).toBe(200);
    } finally {
      await newsdesk.stopMedia();
      await newsdesk.startMedia();
    }
    expect((await readiness('media')).status).toBe(200);
  });

  it('is not ready while Redis may evict keys, naming the policy', async () => {
    await newsdesk.redis.config('SET', 'maxmemory-policy', 'allkeys-lru');
    try {
      const ready = await readiness('workflow');
      expect(ready.status).toBe(503);
      expect(ready.body.details.redis).toMatchObject({
        status: 'down',
        maxmemoryPolicy: 'allkeys-lru',
      });
      expect(String(ready.body.details.redis.message)).toMatch(/noeviction/);
      // The API answers alike; its 503 is part of its documented contract.
      const api = await readiness('api');
      expect(api.status).toBe(503);
      expect(api.body).toMatchObject({
        status: 'error',
        error: { redis: { status: 'down' } },
        details: { database: { status: 'up' }, redis: { status: 'down' } },
      });
    } finally {
      await newsdesk.redis.config('SET', 'maxmemory-policy', 'noeviction');
    }
    expect((await readiness('workflow')).status).toBe(200);
  });

  it('reports a bucket that does not exist as down', async () => {
    const config = { ...newsdesk.config, s3: { ...newsdesk.config.s3, bucket: 'no-such-bucket' } };
    const check = new S3BucketHealth(config, new HealthIndicatorService());
    try {
      expect(await check.check()).toEqual({
        s3: { status: 'down', bucket: 'no-such-bucket', message: 'no such bucket' },
      });
    } finally {
      check.onModuleDestroy();
    }
  });
});
