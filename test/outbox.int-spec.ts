import { EntityManager } from '@mikro-orm/postgresql';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Clock } from '@newsdesk/common';
import type { Section } from '@newsdesk/editorial';
import { listingKey } from '@newsdesk/delivery';
import {
  Consumer,
  EventName,
  Outbox,
  OutboxEntry,
  OutboxRelay,
  QueuesService,
  eventQueueOf,
  redisOptions,
  type EventEnvelope,
} from '@newsdesk/messaging';
import { makeSection, publishDirectly as publish } from './support/factories';
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
  let relay: OutboxRelay;

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    events = new Queue(eventQueueOf(Consumer.Projector), {
      connection: redisOptions(newsdesk.config.redisUrl),
    });
    relay = newsdesk.workflow.get(OutboxRelay);
  });

  afterAll(async () => {
    await events?.close();
    await newsdesk?.stop();
  });

  const publishDirectly = (section: Section, headline: string) =>
    publish(newsdesk.orm, section, headline);

  async function listing(
    section: Section,
  ): Promise<{ items: { slug: string; headline: string }[] }> {
    const raw = await newsdesk.redis.get(listingKey(`section:${section.slug}`));
    return raw ? JSON.parse(raw) : { items: [] };
  }

  it('publishes an event once its transaction commits, and never one that rolled back', async () => {
    const section = await makeSection(newsdesk.orm);
    const committed = await publishDirectly(section, 'Committed');
    await newsdesk.settle();
    expect(await events.getJob(committed.messageId)).toBeDefined();
    const row = await newsdesk.orm.em
      .fork()
      .findOneOrFail(OutboxEntry, { messageId: committed.messageId });
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
    await publishDirectly(section, 'Erste Meldung');
    const second = await publishDirectly(section, 'Zweite Meldung');
    await newsdesk.settle();
    const once = await listing(section);
    expect(once.items.map((i) => i.headline)).toEqual(['Zweite Meldung', 'Erste Meldung']);

    const job = await events.getJob(second.messageId);
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
    await relay.stop();
    const rows = [];
    for (let i = 0; i < 10; i++) rows.push(await publishDirectly(section, `Meldung ${i}`));

    const crashing = new CrashingRelay(
      newsdesk.workflow.get(EntityManager),
      newsdesk.workflow.get(QueuesService),
      newsdesk.workflow.get(Clock),
      newsdesk.config,
    );
    await expect(crashing.drain()).rejects.toThrow('simulated crash');
    const ids = rows.map((r) => r.messageId);
    // The jobs reached BullMQ, but the rows are still unsent: the relay will send them again.
    expect((await Promise.all(ids.map((id) => events.getJob(id)))).every(Boolean)).toBe(true);
    expect(
      await newsdesk.orm.em.fork().count(OutboxEntry, { messageId: { $in: ids }, sentAt: null }),
    ).toBe(10);

    await relay.start();
    await newsdesk.settle();
    expect(
      await newsdesk.orm.em.fork().count(OutboxEntry, { messageId: { $in: ids }, sentAt: null }),
    ).toBe(0);
    const jobs = await events.getJobs(['completed', 'failed', 'waiting', 'active', 'delayed']);
    const delivered = jobs.filter((j) => ids.includes(j.id!));
    expect(delivered).toHaveLength(10);
    expect(delivered.every((j) => j.finishedOn && !j.failedReason)).toBe(true);
    const headlines = (await listing(section)).items.map((i) => i.headline);
    expect(headlines).toHaveLength(10);
    expect(new Set(headlines).size).toBe(10);
  });

  it('delivers events that arrived while the projector was down once it is back', async () => {
    const section = await makeSection(newsdesk.orm);
    await newsdesk.stopProjector();
    const row = await publishDirectly(section, 'Während der Wartung');
    await relay.drain();
    const job = await events.getJob(row.messageId);
    expect(await job!.getState()).toBe('waiting');
    expect((await listing(section)).items).toEqual([]);

    await newsdesk.startProjector();
    await newsdesk.settle();
    expect((await listing(section)).items.map((i) => i.headline)).toEqual(['Während der Wartung']);
  });
});
