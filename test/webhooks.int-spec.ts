import { Queue } from 'bullmq';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  verifyWebhookSignature,
  WebhookDelivery,
  WebhookSubscription,
  WebhooksService,
} from '@newsdesk/delivery';
import type { Section } from '@newsdesk/editorial';
import {
  Consumer,
  EventName,
  JobQueue,
  eventQueueOf,
  redisOptions,
  type EventEnvelope,
} from '@newsdesk/messaging';
import { ApiClient } from './support/http';
import { driveToPublished, outboxRowOf, type Desk } from './support/drive';
import { makeSection, makeUser, PASSWORD } from './support/factories';
import { Newsdesk } from './support/newsdesk';

/** What a subscriber received: the headers and the body exactly as sent. */
interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  body: any;
}

/** A webhook receiver on 127.0.0.1 that answers `status` (200 unless told otherwise). */
class Receiver {
  readonly requests: Received[] = [];
  status = 200;
  private server!: http.Server;
  url = '';

  static async start(status = 200): Promise<Receiver> {
    const receiver = new Receiver();
    receiver.status = status;
    receiver.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        receiver.requests.push({ headers: req.headers, raw, body: JSON.parse(raw) });
        res.writeHead(receiver.status, { 'content-type': 'text/plain' });
        res.end(receiver.status < 300 ? 'ok' : 'boom');
      });
    });
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/hooks/newsdesk`;
    return receiver;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** Verifies a delivery the way the README tells a receiver to. */
function verifyAsReceiver(secret: string, received: Received): boolean {
  const header = String(received.headers['newsdesk-signature']);
  const parts = Object.fromEntries(
    header.split(',').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]),
  );
  if (parts.t !== received.headers['newsdesk-timestamp']) return false;
  if (Math.abs(Date.now() / 1000 - Number(parts.t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${received.raw}`).digest();
  const given = Buffer.from(String(parts.v1), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('webhooks (integration)', () => {
  const saved = { ...process.env };
  let newsdesk: Newsdesk;
  let admin: ApiClient;
  let ops: ApiClient;
  let editor: ApiClient;
  let reviewer: ApiClient;
  let section: Section;
  let desk: Desk;
  let receivers: Receiver[] = [];
  let subscriptions: string[] = [];

  beforeAll(async () => {
    // Fast retries and an early pause, so that a failing subscriber runs its course in the test.
    process.env.WEBHOOK_BACKOFF_MS = '20';
    process.env.WEBHOOK_PAUSE_AFTER_FAILURES = '3';
    newsdesk = await Newsdesk.start();
    const anonymous = new ApiClient(newsdesk.url);
    const login = async (roles: Parameters<typeof makeUser>[1]) =>
      anonymous.login((await makeUser(newsdesk.orm, roles)).email, PASSWORD);
    admin = await login(['admin']);
    ops = await login(['ops']);
    editor = await login(['editor']);
    reviewer = await login(['reviewer']);
    section = await makeSection(newsdesk.orm, 'Smart City');
    desk = { newsdesk, editor, reviewers: [reviewer], section: section.slug };
  });

  afterEach(async () => {
    // Subscriptions are global: none may outlive its test (or reach the next test file).
    for (const id of subscriptions) await admin.request('DELETE', `/api/webhooks/${id}`);
    subscriptions = [];
    await newsdesk.settle();
    await Promise.all(receivers.map((r) => r.stop()));
    receivers = [];
  });

  afterAll(async () => {
    await newsdesk?.stop();
    process.env = saved;
  });

  async function receiver(status = 200): Promise<Receiver> {
    const r = await Receiver.start(status);
    receivers.push(r);
    return r;
  }

  async function subscribe(url: string, events?: string[]) {
    const reply = await admin.post('/api/webhooks', events ? { url, events } : { url });
    expect(reply.status).toBe(201);
    subscriptions.push(reply.body.id);
    return reply.body as { id: string; secret: string; status: string; events: string[] };
  }

  async function deliveries(subscriptionId: string) {
    const reply = await ops.get(`/api/webhooks/${subscriptionId}/deliveries`);
    expect(reply.status).toBe(200);
    return reply.body as any[];
  }

  it('delivers a signed JSON event to each subscriber that wants it when a story is published', async () => {
    const all = await receiver();
    const onlyUnpublished = await receiver();
    const subscription = await subscribe(all.url);
    expect(subscription.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(subscription.status).toBe('active');
    expect(subscription.events).toEqual([
      'article.published',
      'article.updated',
      'article.unpublished',
      'article.killed',
    ]);
    const narrow = await subscribe(onlyUnpublished.url, ['article.unpublished']);
    const listed = await ops.get('/api/webhooks');
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(subscription.secret);

    // The whole flow: draft, checks, review, publication.
    const story = await driveToPublished(desk);

    expect(all.requests).toHaveLength(1);
    expect(onlyUnpublished.requests).toHaveLength(0);
    const [published] = all.requests;
    expect(published.headers['content-type']).toMatch(/^application\/json/);
    expect(published.headers['newsdesk-event']).toBe('article.published');
    expect(verifyAsReceiver(subscription.secret, published)).toBe(true);
    expect(
      verifyWebhookSignature(
        subscription.secret,
        String(published.headers['newsdesk-signature']),
        published.raw,
      ),
    ).toBe(true);
    // Another secret, or one changed byte, and the signature no longer holds.
    expect(verifyAsReceiver(narrow.secret, published)).toBe(false);
    expect(
      verifyAsReceiver(subscription.secret, {
        ...published,
        raw: published.raw.replace(story.slug, `${story.slug}x`),
      }),
    ).toBe(false);

    expect(published.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      event: 'article.published',
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: {
        articleId: story.id,
        slug: story.slug,
        version: expect.any(Number),
        url: expect.stringMatching(new RegExp(`/${section.slug}/${story.slug}$`)),
        article: expect.objectContaining({
          slug: story.slug,
          headline: story.headline,
          section: { slug: section.slug, name: 'Smart City' },
          body: expect.any(Array),
        }),
      },
    });

    const [delivery] = await deliveries(subscription.id);
    expect(delivery).toMatchObject({
      id: published.headers['newsdesk-delivery'],
      eventId: published.body.id,
      event: 'article.published',
      articleId: story.id,
      status: 'delivered',
      attempts: [{ statusCode: 200, ok: true, error: null, latencyMs: expect.any(Number) }],
    });

    expect((await reviewer.post(`/api/articles/${story.id}/unpublish`)).status).toBe(202);
    await newsdesk.settle();
    expect(all.requests.map((r) => r.body.event)).toEqual([
      'article.published',
      'article.unpublished',
    ]);
    expect(onlyUnpublished.requests).toHaveLength(1);
    const unpublished = onlyUnpublished.requests[0];
    expect(verifyAsReceiver(narrow.secret, unpublished)).toBe(true);
    expect(unpublished.body).toMatchObject({
      event: 'article.unpublished',
      data: { articleId: story.id, slug: story.slug, url: null, article: null },
    });
    // Every subscriber gets the same event id; each delivery has its own id.
    expect(unpublished.body.id).toBe(all.requests[1].body.id);
    expect(unpublished.headers['newsdesk-delivery']).not.toBe(
      all.requests[1].headers['newsdesk-delivery'],
    );
  });

  it('retries a failing subscriber with exponential backoff, logs every attempt and pauses it after the threshold', async () => {
    const failing = await receiver(500);
    const subscription = await subscribe(failing.url);
    await driveToPublished(desk);

    // WEBHOOK_PAUSE_AFTER_FAILURES=3: three attempts, then the subscription is paused.
    expect(failing.requests).toHaveLength(3);
    expect(new Set(failing.requests.map((r) => r.headers['newsdesk-delivery'])).size).toBe(1);
    expect(new Set(failing.requests.map((r) => r.raw)).size).toBe(1);
    expect(failing.requests.every((r) => verifyAsReceiver(subscription.secret, r))).toBe(true);

    const [delivery] = await deliveries(subscription.id);
    expect(delivery.status).toBe('failed');
    expect(delivery.attempts).toHaveLength(3);
    for (const attempt of delivery.attempts) {
      expect(attempt).toEqual({
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        statusCode: 500,
        ok: false,
        error: 'HTTP 500: boom',
        latencyMs: expect.any(Number),
      });
      expect(attempt.latencyMs).toBeGreaterThanOrEqual(0);
    }
    const times = delivery.attempts.map((a: { at: string }) => Date.parse(a.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    // BullMQ retried it with the queue's policy, and failed it for good once paused.
    const queue = new Queue(JobQueue.Webhooks, {
      connection: redisOptions(newsdesk.config.redisUrl),
    });
    try {
      const job = await queue.getJob(`WebhookDeliver-${delivery.id}`);
      expect(job?.opts).toMatchObject({
        attempts: 12,
        backoff: { type: 'exponential', delay: 20 },
      });
      expect(job?.attemptsMade).toBe(3);
      expect(await job?.getState()).toBe('failed');
      expect(job?.failedReason).toMatch(/paused/);
    } finally {
      await queue.close();
    }

    // Shown to ops as paused, with the reason and the failures.
    const listed = (await ops.get('/api/webhooks')).body.find(
      (s: { id: string }) => s.id === subscription.id,
    );
    expect(listed).toMatchObject({
      status: 'paused',
      pausedAt: expect.any(String),
      pausedReason: '3 consecutive failed attempts; last: HTTP 500: boom',
      consecutiveFailures: 3,
      pauseAfterFailures: 3,
      lastError: 'HTTP 500: boom',
      deliveries: { pending: 0, delivered: 0, failed: 1, cancelled: 0 },
    });

    // While paused it gets nothing new.
    await driveToPublished(desk, { headline: 'Während der Pause: Sensoren melden weiter' });
    expect(failing.requests).toHaveLength(3);
    expect(await deliveries(subscription.id)).toHaveLength(1);
  });

  it('redelivers one delivery by hand, with the same body, once the subscription is resumed', async () => {
    const flaky = await receiver(500);
    const subscription = await subscribe(flaky.url);
    await driveToPublished(desk, { headline: 'Nachzustellen: Sensoren melden den Füllstand' });
    const [failed] = await deliveries(subscription.id);
    expect(failed.status).toBe('failed');

    const whilePaused = await ops.post(`/api/webhooks/deliveries/${failed.id}/redeliver`);
    expect(whilePaused.status).toBe(409);
    expect(whilePaused.body.details.reason).toBe('paused');

    flaky.status = 200;
    const resumed = await ops.post(`/api/webhooks/${subscription.id}/resume`);
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ status: 'active', consecutiveFailures: 0 });

    const queued = await ops.post(`/api/webhooks/deliveries/${failed.id}/redeliver`);
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ id: failed.id, status: 'pending', redeliveries: 1 });
    await newsdesk.settle();

    expect(flaky.requests).toHaveLength(4);
    const last = flaky.requests[3];
    expect(last.raw).toBe(flaky.requests[0].raw);
    expect(last.headers['newsdesk-delivery']).toBe(failed.id);
    expect(verifyAsReceiver(subscription.secret, last)).toBe(true);
    const [delivered] = await deliveries(subscription.id);
    expect(delivered.status).toBe('delivered');
    expect(delivered.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([
      500, 500, 500, 200,
    ]);

    // A delivered one can be sent again too; unknown deliveries are 404.
    expect((await ops.post(`/api/webhooks/deliveries/${failed.id}/redeliver`)).status).toBe(202);
    await newsdesk.settle();
    expect(flaky.requests).toHaveLength(5);
    expect((await deliveries(subscription.id))[0]).toMatchObject({
      status: 'delivered',
      redeliveries: 2,
    });
    expect((await ops.post(`/api/webhooks/deliveries/${randomUUID()}/redeliver`)).status).toBe(404);
    // Not an id at all: refused at the edge, naming the parameter.
    const notAnId = await ops.post('/api/webhooks/deliveries/nope/redeliver');
    expect(notAnId.status).toBe(400);
    expect(notAnId.body.details.problems).toEqual([
      expect.objectContaining({ field: 'deliveryId' }),
    ]);
    const listed = (await ops.get(`/api/webhooks/${subscription.id}`)).body;
    expect(listed).toMatchObject({ status: 'active', consecutiveFailures: 0 });
  });

  it('queues an article event for the webhooks consumer only while an active subscription wants it', async () => {
    const events = new Queue(eventQueueOf(Consumer.Webhooks), {
      connection: redisOptions(newsdesk.config.redisUrl),
    });
    /** Publishes a story; whether its event reached the webhooks consumer's queue. */
    const queuedForWebhooks = async (headline: string) => {
      const story = await driveToPublished(desk, { headline });
      await newsdesk.settle();
      const row = await outboxRowOf(newsdesk, story, EventName.ArticlePublished);
      expect(row.sentAt).not.toBeNull();
      return (await events.getJob(row.messageId)) !== undefined;
    };
    try {
      expect(await queuedForWebhooks('Niemand hört zu: Ratssitzung vertagt')).toBe(false);

      const r = await receiver();
      const other = await subscribe(r.url, ['article.killed']);
      expect(await queuedForWebhooks('Nur Rückzüge gewünscht: Haushalt beschlossen')).toBe(false);

      const wanting = await subscribe(r.url, ['article.published']);
      expect(await queuedForWebhooks('Jetzt hört jemand zu: Glasfaser für Ortsteile')).toBe(true);
      expect(await deliveries(wanting.id)).toHaveLength(1);
      expect(r.requests).toHaveLength(1);

      await newsdesk.orm.em
        .fork()
        .nativeUpdate(WebhookSubscription, { id: wanting.id }, { pausedAt: new Date() });
      expect(await queuedForWebhooks('Pausiert: Bürgerbüro zieht um')).toBe(false);
      expect(await deliveries(wanting.id)).toHaveLength(1);
      expect(await deliveries(other.id)).toHaveLength(0);
      expect(r.requests).toHaveLength(1);
    } finally {
      await events.close();
    }
  });

  it('makes one delivery when the same event reaches the consumer twice', async () => {
    const r = await receiver();
    const subscription = await subscribe(r.url);
    const story = await driveToPublished(desk, { headline: 'Doppelt gemeldet: Sensoren im Müll' });
    const row = await outboxRowOf(newsdesk, story, EventName.ArticlePublished);
    expect(r.requests).toHaveLength(1);

    const events = new Queue(eventQueueOf(Consumer.Webhooks), {
      connection: redisOptions(newsdesk.config.redisUrl),
    });
    try {
      const envelope = (await events.getJob(row.messageId))!.data as EventEnvelope;
      // A redelivery after BullMQ forgot the first job id goes through to the handler.
      await events.add(envelope.name, envelope, { jobId: `${envelope.id}-redelivered` });
      await newsdesk.settle();
      expect(
        await newsdesk
          .webhooks!.get(WebhooksService)
          .fanOut(envelope as EventEnvelope<EventName.ArticlePublished>),
      ).toBe(0);
    } finally {
      await events.close();
    }
    expect(await newsdesk.orm.em.fork().count(WebhookDelivery, { eventId: row.messageId })).toBe(1);
    expect(await deliveries(subscription.id)).toHaveLength(1);
    expect(r.requests).toHaveLength(1);
  });

  it('refuses bad input with 400 naming the field, other roles with 403, and stops after DELETE', async () => {
    const r = await receiver();
    const problems = async (body: unknown) => {
      const reply = await admin.post('/api/webhooks', body);
      expect(reply.status).toBe(400);
      return reply.body.details.problems.map((p: { field: string }) => p.field);
    };
    expect(await problems({ url: 'ftp://127.0.0.1/hook' })).toEqual(['url']);
    expect(await problems({ url: 'javascript:alert(1)' })).toEqual(['url']);
    expect(await problems({})).toEqual(['url']);
    // The edge names the element that is wrong, as it does for roles and approval steps.
    expect(await problems({ url: r.url, events: ['article.deleted'] })).toEqual(['events[0]']);
    expect(await problems({ url: r.url, events: [] })).toEqual(['events']);
    expect(await problems({ url: r.url, colour: 'red' })).toEqual(['colour']);
    expect(await problems([r.url])).toEqual(['body']);

    expect((await editor.post('/api/webhooks', { url: r.url })).status).toBe(403);
    expect((await ops.post('/api/webhooks', { url: r.url })).status).toBe(403);
    expect((await editor.get('/api/webhooks')).status).toBe(403);
    expect((await ops.get('/api/webhooks/nope/deliveries')).status).toBe(400);
    expect((await ops.get(`/api/webhooks/${randomUUID()}/deliveries`)).status).toBe(404);
    const subscription = await subscribe(r.url);
    const badLimit = await ops.get(`/api/webhooks/${subscription.id}/deliveries?limit=0`);
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.details.problems[0].field).toBe('limit');

    expect((await ops.request('DELETE', `/api/webhooks/${subscription.id}`)).status).toBe(403);
    expect((await admin.request('DELETE', `/api/webhooks/${subscription.id}`)).status).toBe(204);
    expect((await admin.request('DELETE', `/api/webhooks/${subscription.id}`)).status).toBe(404);
    const listed = (await ops.get('/api/webhooks')).body.map((s: { id: string }) => s.id);
    expect(listed).not.toContain(subscription.id);
    await driveToPublished(desk, { headline: 'Nach dem Abbestellen: Sensoren melden weiter' });
    expect(r.requests).toHaveLength(0);
  });
});
