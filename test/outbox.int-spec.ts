import { EntityManager } from '@mikro-orm/postgresql';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Clock } from '@newsdesk/common';
import { AuditEntry, type Section } from '@newsdesk/editorial';
import { listingKey } from '@newsdesk/delivery';
import {
  Consumer,
  EVENT_STREAM,
  EventName,
  JobName,
  JobQueue,
  Outbox,
  OutboxEntry,
  OutboxRelay,
  QueuesService,
  eventQueueOf,
  redisOptions,
  type EventEnvelope,
} from '@newsdesk/messaging';
import {
  driveToApproved,
  driveToPublished,
  outboxRowOf,
  outboxRowsOf,
  requestPublication,
  type Desk,
} from './support/drive';
import { makeSection, makeUser, PASSWORD } from './support/factories';
import { ApiClient } from './support/http';
import { Newsdesk } from './support/newsdesk';

/** A relay that dies after handing a batch to BullMQ and before stamping it sent. */
class CrashingRelay extends OutboxRelay {
  protected override beforeCommit(): Promise<void> {
    return Promise.reject(new Error('simulated crash before commit'));
  }
}

describe('outbox and durable events (integration)', () => {
  let newsdesk: Newsdesk;
  let events: Queue;
  let publication: Queue;
  let relay: OutboxRelay;
  let desk: Desk;

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    const connection = redisOptions(newsdesk.config.redisUrl);
    events = new Queue(eventQueueOf(Consumer.Projector), { connection });
    publication = new Queue(JobQueue.Publication, { connection });
    relay = newsdesk.workflow.get(OutboxRelay);
    const anonymous = new ApiClient(newsdesk.url);
    const login = async (role: 'editor' | 'reviewer') =>
      anonymous.login((await makeUser(newsdesk.orm, [role])).email, PASSWORD);
    desk = { newsdesk, editor: await login('editor'), reviewers: [await login('reviewer')] };
  });

  afterAll(async () => {
    await events?.close();
    await publication?.close();
    await newsdesk?.stop();
  });

  /** A story published into `section` and its `article.published` outbox row. */
  async function published(section: Section, headline?: string) {
    const story = await driveToPublished(desk, {
      section: section.slug,
      ...(headline ? { headline } : {}),
    });
    return { story, row: await outboxRowOf(newsdesk, story, EventName.ArticlePublished) };
  }

  async function listing(
    section: Section,
  ): Promise<{ items: { slug: string; headline: string }[] }> {
    const raw = await newsdesk.redis.get(listingKey(`section:${section.slug}`));
    return raw ? JSON.parse(raw) : { items: [] };
  }

  it('publishes an event once its transaction commits, and never one that rolled back', async () => {
    const section = await makeSection(newsdesk.orm);
    const { row } = await published(section);
    expect(await events.getJob(row.messageId)).toBeDefined();
    expect(row.sentAt).toBeInstanceOf(Date);

    let rolledBackId = '';
    await expect(
      newsdesk.orm.em.fork().transactional((em) => {
        rolledBackId = Outbox.event(em, EventName.ArticlePublished, {
          articleId: randomUUID(),
          slug: 'never',
          version: 1,
          sectionIds: [section.id],
        }).messageId;
        return Promise.reject(new Error('rollback'));
      }),
    ).rejects.toThrow('rollback');
    await relay.drain();
    await newsdesk.settle();
    expect(rolledBackId).not.toBe('');
    expect(await newsdesk.orm.em.fork().count(OutboxEntry, { messageId: rolledBackId })).toBe(0);
    expect(await events.getJob(rolledBackId)).toBeUndefined();
  });

  it('keeps a message it cannot send unsent, with its error, and sends the rows after it', async () => {
    const section = await makeSection(newsdesk.orm);
    const em = newsdesk.orm.em.fork();
    const bad = em.create(OutboxEntry, { kind: 'job', name: 'no.such.job', payload: {} });
    const good = Outbox.event(em, EventName.ArticlePublished, {
      articleId: randomUUID(),
      slug: 'after-a-bad-one',
      version: 1,
      sectionIds: [section.id],
    });
    await em.flush();
    try {
      await relay.drain();
      expect(await events.getJob(good.messageId)).toBeDefined();
      const rows = await newsdesk.orm.em
        .fork()
        .find(OutboxEntry, { messageId: { $in: [bad.messageId, good.messageId] } });
      const byId = new Map(rows.map((r) => [r.messageId, r]));
      expect(byId.get(good.messageId)?.sentAt).toBeInstanceOf(Date);
      expect(byId.get(bad.messageId)).toMatchObject({
        sentAt: null,
        lastError: 'unknown job no.such.job',
      });
      expect(byId.get(bad.messageId)?.attempts).toBeGreaterThanOrEqual(1);
    } finally {
      // Otherwise every later pass would try it again.
      await newsdesk.orm.em.fork().nativeDelete(OutboxEntry, { messageId: bad.messageId });
    }
  });

  it('returns from drain only when the rows a pass in progress holds are stamped sent', async () => {
    const section = await makeSection(newsdesk.orm);
    const em = newsdesk.orm.em.fork();
    const entries = Array.from({ length: 20 }, (_, i) =>
      Outbox.event(em, EventName.ArticlePublished, {
        articleId: randomUUID(),
        slug: `raced-${i}`,
        version: 1,
        sectionIds: [section.id],
      }),
    );
    await em.flush();
    relay.wake(); // a pass starts and locks the rows
    await relay.drain();
    const unsent = await newsdesk.orm.em.fork().count(OutboxEntry, {
      messageId: { $in: entries.map((e) => e.messageId) },
      sentAt: null,
    });
    expect(unsent).toBe(0);
  });

  it('does not send a row while its transaction is still open', async () => {
    const section = await makeSection(newsdesk.orm);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let messageId = '';
    let written!: () => void;
    const insertedRow = new Promise<void>((resolve) => (written = resolve));
    const transaction = newsdesk.orm.em.fork().transactional(async (em) => {
      messageId = Outbox.event(em, EventName.ArticlePublished, {
        articleId: randomUUID(),
        slug: 'pending',
        version: 1,
        sectionIds: [section.id],
      }).messageId;
      await em.flush();
      written();
      await gate;
    });
    await insertedRow;
    await relay.drain();
    expect(await events.getJob(messageId)).toBeUndefined();
    release();
    await transaction;
    await newsdesk.settle();
    expect(await events.getJob(messageId)).toBeDefined();
  });

  it('leaves the listing as after one delivery when the same event is delivered twice', async () => {
    const section = await makeSection(newsdesk.orm);
    const first = await published(section, 'Erste Meldung über Sensoren');
    const second = await published(section, 'Zweite Meldung über Sensoren');
    const once = await listing(section);
    expect(once.items.map((i) => i.headline)).toEqual([
      second.story.headline,
      first.story.headline,
    ]);

    const job = await events.getJob(second.row.messageId);
    const envelope = job!.data as EventEnvelope;
    // The same id again is refused by BullMQ; a redelivery after BullMQ forgot the first goes through.
    await events.add(envelope.name, envelope, { jobId: envelope.id });
    await events.add(envelope.name, envelope, { jobId: `${envelope.id}-redelivered` });
    await newsdesk.settle();
    const twice = await listing(section);
    expect(twice.items).toEqual(once.items);
  });

  it('loses nothing and sends nothing twice when the relay crashes after sending', async () => {
    const section = await makeSection(newsdesk.orm);
    const stories = [];
    for (let i = 0; i < 10; i++)
      stories.push(await driveToApproved(desk, { section: section.slug }));
    // With the relay stopped, each publication is a `job` row in the outbox, unsent.
    await relay.stop();
    for (const story of stories) await requestPublication(desk, story);
    const rows = await Promise.all(
      stories.map((story) => outboxRowOf(newsdesk, story, JobName.ArticlePublish)),
    );

    const crashing = new CrashingRelay(
      newsdesk.workflow.get(EntityManager),
      newsdesk.workflow.get(QueuesService),
      newsdesk.workflow.get(Clock),
      newsdesk.config,
      newsdesk.workflow.get(EVENT_STREAM),
    );
    await expect(crashing.drain()).rejects.toThrow('simulated crash');
    const ids = rows.map((r) => r.messageId);
    const jobIds = rows.map((r) => r.jobId!);
    // The jobs reached BullMQ, but the rows are still unsent: the relay will send them again.
    expect((await Promise.all(jobIds.map((id) => publication.getJob(id)))).every(Boolean)).toBe(
      true,
    );
    expect(
      await newsdesk.orm.em.fork().count(OutboxEntry, { messageId: { $in: ids }, sentAt: null }),
    ).toBe(10);

    await relay.start();
    await newsdesk.settle();
    expect(
      await newsdesk.orm.em.fork().count(OutboxEntry, { messageId: { $in: ids }, sentAt: null }),
    ).toBe(0);
    const jobs = await publication.getJobs(['completed', 'failed', 'waiting', 'active', 'delayed']);
    const delivered = jobs.filter((j) => jobIds.includes(j.id!));
    expect(delivered).toHaveLength(10);
    expect(delivered.every((j) => j.finishedOn && !j.failedReason)).toBe(true);
    // Each story published once: one release, one `article.published`, once in its listing.
    for (const story of stories) {
      expect((await desk.editor.get(`/api/articles/${story.id}`)).body.status).toBe('published');
      expect(
        await newsdesk.orm.em.fork().count(AuditEntry, { articleId: story.id, action: 'release' }),
      ).toBe(1);
      expect(await outboxRowsOf(newsdesk, story, EventName.ArticlePublished)).toHaveLength(1);
    }
    const headlines = (await listing(section)).items.map((i) => i.headline);
    expect(headlines).toHaveLength(10);
    expect(new Set(headlines).size).toBe(10);
  });

  it('finishes the sends of a pass in progress when its app closes, and fails none of them', async () => {
    const ids: string[] = [];
    const em = newsdesk.orm.em.fork();
    for (let i = 0; i < 600; i++) {
      ids.push(
        Outbox.event(em, EventName.LockReleased, { articleId: randomUUID(), byId: randomUUID() })
          .messageId,
      );
    }
    await em.flush();
    // The commit's notification wakes the relay; close its app while it sends the batches.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await newsdesk.stopWorkflow();
    try {
      const rows = await newsdesk.orm.em.fork().find(OutboxEntry, { messageId: { $in: ids } });
      expect(rows).toHaveLength(600);
      expect(rows.filter((row) => row.lastError !== null || row.attempts > 0)).toEqual([]);
      expect(rows.some((row) => row.sentAt !== null)).toBe(true);
    } finally {
      await newsdesk.startWorkflow();
    }
    relay = newsdesk.workflow.get(OutboxRelay);
    await newsdesk.settle();
    expect(
      await newsdesk.orm.em.fork().count(OutboxEntry, { messageId: { $in: ids }, sentAt: null }),
    ).toBe(0);
  });

  it('delivers events that arrived while the projector was down once it is back', async () => {
    const section = await makeSection(newsdesk.orm);
    const story = await driveToApproved(desk, { section: section.slug });
    await newsdesk.stopProjector();
    await requestPublication(desk, story);
    // Everything ran but the projector app's consumers: the event waits in their queues.
    await newsdesk.settle({
      except: [eventQueueOf(Consumer.Projector), eventQueueOf(Consumer.Webhooks)],
    });
    const row = await outboxRowOf(newsdesk, story, EventName.ArticlePublished);
    const job = await events.getJob(row.messageId);
    expect(await job!.getState()).toBe('waiting');
    expect((await listing(section)).items).toEqual([]);

    await newsdesk.startProjector();
    await newsdesk.settle();
    expect((await listing(section)).items.map((i) => i.headline)).toEqual([story.headline]);
  });
});
