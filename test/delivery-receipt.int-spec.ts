import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SystemClock } from '@newsdesk/common';
import { DeliveryReceiptService, DeliveryStep, type DeliveryReceipt } from '@newsdesk/delivery';
import { OutboxEntry } from '@newsdesk/messaging';
import { PublicationEvent } from '@newsdesk/publication';
import { driveToApproved, driveToPublished, writeDraft, type Desk } from './support/drive';
import { makeSection, makeUser, PASSWORD } from './support/factories';
import { ApiClient } from './support/http';
import { Newsdesk } from './support/newsdesk';
import { SseStream } from './support/sse';

/** A local HTTP server answering every request with `status`, counting them. */
async function listener(status: number, path: string) {
  const seen: string[] = [];
  const server: Server = createServer((request, response) => {
    seen.push(String(request.headers['surrogate-key'] ?? request.url));
    request.resume();
    request.on('end', () => response.writeHead(status).end(status < 300 ? 'ok' : 'boom'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, host, url: `http://${host}${path}`, seen };
}

describe('delivery receipts (GET /api/articles/:id/delivery)', () => {
  const saved = { ...process.env };
  let newsdesk: Newsdesk;
  let cdn: Awaited<ReturnType<typeof listener>>;
  let accepting: Awaited<ReturnType<typeof listener>>;
  let failing: Awaited<ReturnType<typeof listener>>;
  let admin: ApiClient;
  let editor: ApiClient;
  let reviewer: ApiClient;
  let reviewerToken: string;
  let desk: Desk;
  let section: string;
  const subscriptions: string[] = [];

  beforeAll(async () => {
    cdn = await listener(200, '/purge');
    accepting = await listener(200, '/hooks');
    failing = await listener(500, '/hooks');
    process.env.CDN_PURGE_URL = cdn.url;
    // A failing subscriber gives up after two quick attempts, without pausing.
    process.env.WEBHOOK_BACKOFF_MS = '20';
    process.env.WEBHOOK_MAX_ATTEMPTS = '2';
    process.env.WEBHOOK_PAUSE_AFTER_FAILURES = '50';
    newsdesk = await Newsdesk.start();
    const anonymous = new ApiClient(newsdesk.url);
    const login = async (roles: Parameters<typeof makeUser>[1]) => {
      const reply = await anonymous.post('/api/auth/login', {
        email: (await makeUser(newsdesk.orm, roles)).email,
        password: PASSWORD,
      });
      expect(reply.status).toBe(200);
      return reply.body.accessToken as string;
    };
    admin = anonymous.as(await login(['admin']));
    editor = anonymous.as(await login(['editor']));
    reviewerToken = await login(['reviewer']);
    reviewer = anonymous.as(reviewerToken);
    section = (await makeSection(newsdesk.orm, 'Smart City')).slug;
    desk = { newsdesk, editor, reviewers: [reviewer], section };
    subscriptions.push(await subscribe(accepting.url));
  });

  afterAll(async () => {
    for (const id of subscriptions) await admin.request('DELETE', `/api/webhooks/${id}`);
    await newsdesk?.stop();
    for (const s of [cdn, accepting, failing]) {
      s?.server.closeAllConnections();
      s?.server.close();
    }
    process.env = saved;
  });

  async function subscribe(url: string): Promise<string> {
    const reply = await admin.post('/api/webhooks', { url });
    expect(reply.status).toBe(201);
    return reply.body.id as string;
  }

  async function receipt(articleId: string): Promise<DeliveryReceipt> {
    const reply = await reviewer.get(`/api/articles/${articleId}/delivery`);
    expect(reply.status).toBe(200);
    return reply.body as DeliveryReceipt;
  }

  const steps = (eventId: string) => newsdesk.orm.em.fork().count(DeliveryStep, { eventId });
  const progressEvents = (articleId: string) =>
    newsdesk.orm.em
      .fork()
      .count(OutboxEntry, { name: 'delivery.progressed', payload: { articleId } });

  it('is complete once a publication is everywhere: every listing, the CDN purge, each subscriber; the stream says so', async () => {
    const stream = await SseStream.open(`${newsdesk.url}/api/stream`, {
      authorization: `Bearer ${reviewerToken}`,
    });
    try {
      await stream.waitFor((m) => m.event === 'ready');
      const story = await driveToPublished(desk, { tags: ['Sensoren'] });
      await newsdesk.settle();

      const done = await receipt(story.id);
      expect(done).toMatchObject({
        articleId: story.id,
        event: 'article.published',
        retractedAt: null,
        complete: true,
        pending: [],
      });
      expect(Date.parse(done.releasedAt!)).not.toBeNaN();
      expect(done.listings.map((l) => l.ref).sort()).toEqual(
        ['home', `section:${section}`, 'tag:sensoren'].sort(),
      );
      for (const l of done.listings) expect(l.rebuiltAt! >= done.releasedAt!).toBe(true);
      expect(done.cdn?.verification).toBe(false);
      expect(done.cdn?.purges).toHaveLength(1);
      expect(done.cdn?.purges[0]).toMatchObject({ verifiedAt: null });
      expect(done.cdn?.purges[0].keys).toEqual(expect.arrayContaining([`story:${story.id}`]));
      expect(cdn.seen.some((keys) => keys.includes(`story:${story.id}`))).toBe(true);
      expect(done.webhooks).toEqual([
        expect.objectContaining({
          subscriber: accepting.host,
          state: 'delivered',
          attempts: 1,
          lastError: null,
        }),
      ]);

      // The desk hears of it: the last step recorded says the receipt is complete.
      const heard = await stream.waitFor(
        (m) =>
          m.event === 'delivery.progressed' &&
          m.json.articleId === story.id &&
          m.json.complete === true,
      );
      expect(heard.json.eventId).toBe(done.eventId);
    } finally {
      await stream.close();
    }
  });

  it('stays incomplete while a subscriber fails, and says which and why', async () => {
    const failingId = await subscribe(failing.url);
    subscriptions.push(failingId);
    try {
      const story = await driveToPublished(desk);
      await newsdesk.settle();
      const stuck = await receipt(story.id);
      expect(stuck.complete).toBe(false);
      expect(stuck.listings.every((l) => l.rebuiltAt !== null)).toBe(true);
      expect(stuck.cdn?.purges).toHaveLength(1);
      const states = Object.fromEntries(stuck.webhooks.map((w) => [w.subscriber, w]));
      expect(states[accepting.host]).toMatchObject({ state: 'delivered' });
      expect(states[failing.host]).toMatchObject({ state: 'failed', attempts: 2 });
      expect(states[failing.host].lastError).toMatch(/500/);
      expect(stuck.pending).toEqual([
        { step: 'webhook', reason: expect.stringContaining(failing.host) },
      ]);
      expect(stuck.pending[0].reason).toMatch(/after 2 attempts.*500/);
    } finally {
      expect((await admin.request('DELETE', `/api/webhooks/${failingId}`)).status).toBe(204);
      subscriptions.splice(subscriptions.indexOf(failingId), 1);
    }
  });

  it('tells the stories apart when one round announces several: each receipt from its own steps and subscribers', async () => {
    // A subscriber that refuses the deliveries of one story only.
    const refused = new Set<string>();
    const picky = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          data: { articleId: string };
        };
        response.writeHead(refused.has(body.data.articleId) ? 500 : 200).end();
      });
    });
    await new Promise<void>((resolve) => picky.listen(0, '127.0.0.1', resolve));
    const pickyId = await subscribe(
      `http://127.0.0.1:${(picky.address() as AddressInfo).port}/hooks`,
    );
    subscriptions.push(pickyId);
    try {
      const [good, bad] = [await driveToApproved(desk), await driveToApproved(desk)];
      refused.add(bad.id);
      const bulk = await reviewer.post('/api/articles/publish', { ids: [good.id, bad.id] });
      expect(bulk.status).toBe(202);
      await newsdesk.settle();
      expect((await receipt(good.id)).complete).toBe(true);
      const stuck = await receipt(bad.id);
      expect(stuck.complete).toBe(false);
      expect(stuck.pending).toEqual([{ step: 'webhook', reason: expect.stringMatching(/500/) }]);

      // Announced together, in one transaction: each story's progress says its own.
      const em = newsdesk.orm.em.fork();
      const events = await em.find(PublicationEvent, { articleId: { $in: [good.id, bad.id] } });
      expect(events).toHaveLength(2);
      const service = new DeliveryReceiptService(em, new SystemClock(), newsdesk.config);
      await em.transactional((tx) =>
        service.progressed(
          tx,
          events.map((e) => e.eventId),
        ),
      );
      const newestProgress = async (articleId: string) => {
        const [row] = await newsdesk.orm.em
          .fork()
          .find(
            OutboxEntry,
            { name: 'delivery.progressed', payload: { articleId } },
            { orderBy: { seq: 'desc' }, limit: 1 },
          );
        return row.payload;
      };
      expect(await newestProgress(good.id)).toMatchObject({ complete: true });
      expect(await newestProgress(bad.id)).toMatchObject({ complete: false });
    } finally {
      expect((await admin.request('DELETE', `/api/webhooks/${pickyId}`)).status).toBe(204);
      subscriptions.splice(subscriptions.indexOf(pickyId), 1);
      picky.closeAllConnections();
      picky.close();
    }
  });

  it('follows the newest event: a correction is pending from its commit, then complete; a kill is a retraction', async () => {
    const story = await driveToPublished(desk, { series: 'Smarte Orte' });
    await newsdesk.settle();
    const first = await receipt(story.id);
    expect(first.complete).toBe(true);

    // With the projector down, the correction is released, and nothing else yet.
    await newsdesk.stopProjector();
    try {
      const edited = await editor.patch(
        `/api/articles/${story.id}`,
        { headline: 'Korrigierte Überschrift zur Meldung' },
        { 'if-match': String(story.version) },
      );
      expect(edited.status).toBe(200);
      const corrected = await reviewer.post(`/api/articles/${story.id}/corrections`, {
        note: 'Überschrift präzisiert.',
      });
      expect(corrected.status).toBe(200);
      const waiting = await receipt(story.id);
      expect(waiting.eventId).not.toBe(first.eventId);
      expect(waiting).toMatchObject({ event: 'article.updated', complete: false });
      expect(waiting.listings.length).toBeGreaterThan(0);
      expect(waiting.listings.every((l) => l.rebuiltAt === null)).toBe(true);
      expect(waiting.cdn?.purges).toEqual([]);
      expect(waiting.webhooks).toEqual([
        expect.objectContaining({ subscriber: accepting.host, state: 'pending', attempts: 0 }),
      ]);
      const reasons = waiting.pending.map((p) => p.reason);
      expect(reasons).toEqual(
        expect.arrayContaining([
          `the listing section:${section} is not rebuilt yet`,
          'the CDN purge has not been sent yet',
          `${accepting.host} has not received it yet`,
        ]),
      );
    } finally {
      await newsdesk.startProjector();
    }
    await newsdesk.settle();
    const correctedReceipt = await receipt(story.id);
    expect(correctedReceipt).toMatchObject({ event: 'article.updated', complete: true });
    expect(correctedReceipt.releasedAt! > first.releasedAt!).toBe(true);

    const killed = await reviewer.post(`/api/articles/${story.id}/kill`, {
      reason: 'Rechtlich nicht haltbar.',
    });
    expect(killed.status).toBe(200);
    await newsdesk.settle();
    const retraction = await receipt(story.id);
    expect(retraction).toMatchObject({
      event: 'article.killed',
      releasedAt: null,
      complete: true,
      pending: [],
    });
    expect(Date.parse(retraction.retractedAt!)).not.toBeNaN();
    expect(retraction.listings.map((l) => l.ref)).toEqual(
      expect.arrayContaining([`section:${section}`, 'series:smarte-orte']),
    );
    expect(retraction.webhooks).toEqual([
      expect.objectContaining({ subscriber: accepting.host, state: 'delivered' }),
    ]);
  });

  it('records a step once: a redelivered job changes nothing; a verification is recorded the same way', async () => {
    const story = await driveToPublished(desk);
    await newsdesk.settle();
    const before = await receipt(story.id);
    const stepsBefore = await steps(before.eventId);
    const progressBefore = await progressEvents(story.id);
    const receipts = newsdesk.api.get(DeliveryReceiptService);
    const covers = [
      { eventId: before.eventId, articleId: story.id, occurredAt: before.releasedAt! },
    ];
    const keys = before.cdn!.purges[0].keys;

    await receipts.listingsRebuilt(
      [before.eventId],
      before.listings.map((l) => l.ref),
    );
    await receipts.purgeSent(covers, [...keys].reverse());
    expect(await steps(before.eventId)).toBe(stepsBefore);
    expect(await progressEvents(story.id)).toBe(progressBefore);
    expect(await receipt(story.id)).toEqual(before);

    // A verification (the edge confirms the purge), twice: one step, one announcement.
    await receipts.purgeVerified(covers, keys);
    await receipts.purgeVerified(covers, keys);
    expect(await steps(before.eventId)).toBe(stepsBefore + 1);
    expect(await progressEvents(story.id)).toBe(progressBefore + 1);
    const verified = await receipt(story.id);
    expect(verified.cdn!.purges[0].verifiedAt).not.toBeNull();
    expect(verified.complete).toBe(true);

    // Events that are no story's (a renamed section) record nothing.
    await receipts.listingsRebuilt(['00000000-0000-4000-8000-000000000000'], ['home']);
    expect(await progressEvents(story.id)).toBe(progressBefore + 1);
  });

  it('records for each event of a round only the listings that event named', async () => {
    const elsewhere = await makeSection(newsdesk.orm);
    const here = await driveToPublished(desk);
    const there = await driveToPublished(desk, { section: elsewhere.slug });
    await newsdesk.settle();
    const [a, b] = [await receipt(here.id), await receipt(there.id)];
    const own = (r: typeof a) =>
      r.listings.map((l) => l.ref).find((ref) => ref.startsWith('section:'))!;
    expect(own(a)).not.toBe(own(b));
    // Their steps forgotten, one round covers both events and rebuilds a's section and a listing
    // neither named: a gets a step for its section, b (which named neither) gets none.
    await newsdesk.orm.em
      .fork()
      .nativeDelete(DeliveryStep, { eventId: { $in: [a.eventId, b.eventId] } });
    await newsdesk.api
      .get(DeliveryReceiptService)
      .listingsRebuilt([a.eventId, b.eventId], [own(a), 'section:nobody-named-this']);
    const targets = async (eventId: string) =>
      (await newsdesk.orm.em.fork().find(DeliveryStep, { eventId })).map((s) => s.target);
    expect(await targets(a.eventId)).toEqual([own(a)]);
    expect(await targets(b.eventId)).toEqual([]);
  });

  it('waits for every batch of a purge split into several', async () => {
    const story = await driveToPublished(desk);
    await newsdesk.settle();
    const receipts = newsdesk.projector!.get(DeliveryReceiptService);
    const before = await receipts.receipt(story.id);
    expect(before.complete).toBe(true);
    const covers = [
      { eventId: before.eventId, articleId: story.id, occurredAt: before.releasedAt! },
    ];
    // Say its purge had been three batches: with one more sent, the third is still missing.
    await receipts.purgeSent(covers, ['tag:zweiter-teil'], 3);
    const partial = await receipts.receipt(story.id);
    expect(partial.complete).toBe(false);
    expect(partial.pending).toEqual([
      { step: 'cdn', reason: '2 of 3 CDN purge batches have been sent' },
    ]);
    await receipts.purgeSent(covers, ['tag:dritter-teil'], 3);
    expect((await receipts.receipt(story.id)).complete).toBe(true);
  });

  it('waits for the edge only when verification is configured, and for no CDN when there is none', async () => {
    const story = await driveToPublished(desk);
    await newsdesk.settle();
    const em = newsdesk.orm.em;
    const { config } = newsdesk;
    const verifying = new DeliveryReceiptService(em, new SystemClock(), {
      ...config,
      cdn: { ...config.cdn, verifyUrl: 'http://edge.example/verify' },
    });
    const unverified = await verifying.receipt(story.id);
    expect(unverified.cdn?.verification).toBe(true);
    expect(unverified.complete).toBe(false);
    expect(unverified.pending).toEqual([
      { step: 'cdn', reason: expect.stringContaining('has not confirmed the purge') },
    ]);
    const keys = unverified.cdn!.purges[0].keys;
    await verifying.purgeVerified(
      [{ eventId: unverified.eventId, articleId: story.id, occurredAt: unverified.releasedAt! }],
      keys,
    );
    expect((await verifying.receipt(story.id)).complete).toBe(true);

    const withoutCdn = new DeliveryReceiptService(em, new SystemClock(), {
      ...config,
      cdn: { originUrl: config.cdn.originUrl },
    });
    expect(await withoutCdn.receipt(story.id)).toMatchObject({ cdn: null, complete: true });
  });

  it('answers 404 for an unknown story and for one never published, 400 for a bad id, 401 without a session', async () => {
    const unknown = await reviewer.get(
      '/api/articles/00000000-0000-4000-8000-000000000000/delivery',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/not found/);

    const draft = await writeDraft(desk);
    const never = await reviewer.get(`/api/articles/${draft.id}/delivery`);
    expect(never.status).toBe(404);
    expect(never.body.message).toMatch(/has never been published/);

    const bad = await reviewer.get('/api/articles/not-an-id/delivery');
    expect(bad.status).toBe(400);
    expect(bad.body.details.problems[0].field).toBe('id');

    const anonymous = new ApiClient(newsdesk.url);
    expect((await anonymous.get(`/api/articles/${draft.id}/delivery`)).status).toBe(401);
  });
});
