import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { AuditEntry, type Section } from '@newsdesk/editorial';
import {
  Consumer,
  JobQueue,
  OutboxEntry,
  eventQueueOf,
  redisOptions,
  type EventEnvelope,
} from '@newsdesk/messaging';
import { ApiClient } from './support/http';
import { driveToApproved, requestPublication, type Desk } from './support/drive';
import { makeSection, makeUser, PASSWORD } from './support/factories';
import { Newsdesk } from './support/newsdesk';

/**
 * One request id follows a story from the HTTP request through the outbox, the
 * publication job and the event to the projector, so that ops can find the
 * whole trail in the logs and the audit log with one id.
 */
describe('the request id trail', () => {
  let newsdesk: Newsdesk;
  let editor: ApiClient;
  let reviewer: ApiClient;
  let section: Section;
  let desk: Desk;

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    const anonymous = new ApiClient(newsdesk.url);
    section = await makeSection(newsdesk.orm);
    editor = await anonymous.login((await makeUser(newsdesk.orm, ['editor'])).email, PASSWORD);
    reviewer = await anonymous.login((await makeUser(newsdesk.orm, ['reviewer'])).email, PASSWORD);
    desk = { newsdesk, editor, reviewers: [reviewer], section: section.slug };
  });

  afterAll(async () => {
    await newsdesk?.stop();
  });

  it('answers with the caller’s X-Request-Id, or a fresh id when the header is missing or not a plain token', async () => {
    const given = `edge-${randomUUID()}`;
    expect(
      (
        await editor.request('GET', '/api/articles', undefined, { 'x-request-id': given })
      ).headers.get('x-request-id'),
    ).toBe(given);

    const fresh = (await editor.get('/api/articles')).headers.get('x-request-id');
    const again = (await editor.get('/api/articles')).headers.get('x-request-id');
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
    expect(again).not.toBe(fresh);

    const hostile = await editor.request('GET', '/api/articles', undefined, {
      'x-request-id': 'a b "}{'.repeat(20),
    });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('follows a publication from the request through the outbox, the job, the event and the audit log', async () => {
    const { id } = await driveToApproved(desk);
    const requestId = `publish-${randomUUID()}`;
    await requestPublication(desk, { id }, { headers: { 'x-request-id': requestId } });
    await newsdesk.settle();

    // The publish request queued the job; the job, running in the workflow app, wrote the event.
    const rows = await newsdesk.orm.em
      .fork()
      .find(OutboxEntry, { requestId }, { orderBy: { seq: 'asc' } });
    // Each transition also tells the desk (`story.changed`); so does each step of the delivery
    // that followed (`delivery.progressed`: the listings rebuilt, and more when a CDN or
    // webhooks are configured), after the event it delivers.
    const trail = rows.map((r) => `${r.kind}:${r.name}`);
    const delivery = trail.filter((name) => name === 'event:delivery.progressed');
    expect(trail.filter((name) => name !== 'event:delivery.progressed')).toEqual([
      'job:ArticlePublish',
      'event:story.changed',
      'event:article.published',
      'event:story.changed',
    ]);
    expect(delivery.length).toBeGreaterThanOrEqual(1);
    expect(trail.indexOf('event:delivery.progressed')).toBeGreaterThan(
      trail.indexOf('event:article.published'),
    );
    expect(rows.every((r) => r.sentAt)).toBe(true);

    const publication = new Queue(JobQueue.Publication, {
      connection: redisOptions(newsdesk.config.redisUrl),
    });
    const events = new Queue(eventQueueOf(Consumer.Projector), {
      connection: redisOptions(newsdesk.config.redisUrl),
    });
    try {
      const job = await publication.getJob(rows[0].jobId!);
      expect(job?.data).toMatchObject({ articleId: id, requestId });
      expect(await job?.getState()).toBe('completed');

      const event = await events.getJob(rows[2].messageId);
      const envelope = event?.data as EventEnvelope | undefined;
      expect(envelope).toMatchObject({ name: 'article.published', requestId });
      expect(envelope?.payload).toMatchObject({ articleId: id });
      expect(await event?.getState()).toBe('completed');
    } finally {
      await publication.close();
      await events.close();
    }

    // The audit rows of both the request (publication asked) and the job (released) name it.
    const audit = await newsdesk.orm.em
      .fork()
      .find(AuditEntry, { articleId: id, requestId }, { orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['schedule', 'release']);
  });

  it('names work that no request started by its queue and job id', async () => {
    const { id } = await driveToApproved(desk);
    await newsdesk.stopWorkflow();
    try {
      // Queue a publication from outside any request: the outbox row carries no request id.
      const reply = await reviewer.post(`/api/articles/${id}/publish`);
      expect(reply.status).toBe(202);
      const em = newsdesk.orm.em.fork();
      const row = await em.findOneOrFail(OutboxEntry, {
        name: 'ArticlePublish',
        payload: { articleId: id },
      });
      expect(row.requestId).toBe(reply.headers.get('x-request-id'));
      row.requestId = null;
      await em.flush();
    } finally {
      await newsdesk.startWorkflow();
    }
    await newsdesk.settle();
    const audit = await newsdesk.orm.em
      .fork()
      .find(AuditEntry, { articleId: id }, { orderBy: { createdAt: 'asc' } });
    const published = audit.filter((a) => a.toStatus === 'published');
    expect(published).toHaveLength(1);
    expect(published[0].requestId).toMatch(/^publication:/);
  });
});
