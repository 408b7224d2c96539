import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { ScheduleReconciler, type Section } from '@newsdesk/editorial';
import {
  JobName,
  JobQueue,
  OutboxEntry,
  redisOptions,
  type JobPayloads,
} from '@newsdesk/messaging';
import { ApiClient } from './support/http';
import { driveToApproved, driveToReview, outboxRowsOf, type Desk } from './support/drive';
import { makeSection, makeUser, PASSWORD } from './support/factories';
import { Newsdesk } from './support/newsdesk';
import { waitFor } from './support/wait';

interface Scheduled {
  id: string;
  version: number;
  status: string;
  publishAt: { utc: string; local: string } | null;
  unpublishAt: { utc: string; local: string } | null;
}

type BatchRow = OutboxEntry & { payload: JobPayloads[JobName.ArticlePublishBatch] };

interface Refused {
  id: string;
  reason: string;
  message: string;
}

describe('publishing many stories at once (end to end)', () => {
  let newsdesk: Newsdesk;
  let anonymous: ApiClient;
  let editor: ApiClient;
  let reviewer: ApiClient;
  let admin: ApiClient;
  let section: Section;
  let desk: Desk;

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    anonymous = new ApiClient(newsdesk.url);
    section = await makeSection(newsdesk.orm, 'Breitband');
    editor = await anonymous.login((await makeUser(newsdesk.orm, ['editor'])).email, PASSWORD);
    reviewer = await anonymous.login((await makeUser(newsdesk.orm, ['reviewer'])).email, PASSWORD);
    admin = await anonymous.login((await makeUser(newsdesk.orm, ['admin'])).email, PASSWORD);
    desk = { newsdesk, editor, reviewers: [reviewer], section: section.slug };
  });

  afterAll(async () => {
    await newsdesk?.stop();
  });

  async function approved(count: number): Promise<{ id: string; version: number }[]> {
    const stories = [];
    for (let i = 0; i < count; i++) stories.push(await driveToApproved(desk));
    return stories;
  }

  const view = async (id: string) => (await editor.get(`/api/articles/${id}`)).body;

  async function audit(id: string, action: string): Promise<unknown[]> {
    const reply = await admin.get(`/api/audit?action=${action}&article=${id}`);
    expect(reply.status).toBe(200);
    return reply.body.items;
  }

  /** The bulk publish jobs in the outbox whose stories include `id`. */
  async function batchJobsNaming(id: string): Promise<BatchRow[]> {
    const rows = await newsdesk.orm.em
      .fork()
      .find(OutboxEntry, { name: JobName.ArticlePublishBatch }, { orderBy: { seq: 'asc' } });
    return (rows as BatchRow[]).filter((r) => r.payload.items.some((i) => i.articleId === id));
  }

  async function batchJobNaming(id: string): Promise<BatchRow> {
    const rows = await batchJobsNaming(id);
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  async function listedSlugs(): Promise<string[]> {
    const reply = await anonymous.get(`/public/sections/${section.slug}/teasers?limit=50`);
    expect(reply.status).toBe(200);
    return reply.body.items.map((i: { slug: string }) => i.slug);
  }

  it('schedules every story in one request, with one job for them all, and publishes each once', async () => {
    const stories = await approved(3);
    const reply = await reviewer.post<{ stories: Scheduled[] }>('/api/articles/publish', {
      ids: stories.map((s) => s.id),
    });
    expect(reply.status).toBe(202);
    expect(reply.body.stories.map((s) => s.id)).toEqual(stories.map((s) => s.id));
    for (const [i, s] of reply.body.stories.entries()) {
      expect(s.status).toBe('scheduled');
      expect(s.version).toBe(stories[i].version + 1);
      expect(s.publishAt?.utc).toEqual(expect.any(String));
      expect(await outboxRowsOf(newsdesk, s, JobName.ArticlePublish)).toHaveLength(0);
    }
    const batch = await batchJobNaming(stories[0].id);
    expect(batch.payload.items).toEqual(
      reply.body.stories.map((s) => ({ articleId: s.id, version: s.version })),
    );
    expect(batch.runAt?.toISOString()).toBe(reply.body.stories[0].publishAt?.utc);
    // Every story was scheduled at the same instant.
    expect(new Set(reply.body.stories.map((s) => s.publishAt?.utc)).size).toBe(1);

    await newsdesk.settle();
    const slugs = await listedSlugs();
    for (const s of stories) {
      const story = await view(s.id);
      expect(story.status).toBe('published');
      expect(slugs).toContain(story.slug);
      const [release] = (await audit(s.id, 'release')) as { details: { batch?: string } }[];
      expect(release.details.batch).toBe(batch.payload.batchId);
      const [schedule] = (await audit(s.id, 'schedule')) as { details: { batch?: string } }[];
      expect(schedule.details.batch).toBe(batch.payload.batchId);
      expect(await audit(s.id, 'release')).toHaveLength(1);
    }
  });

  it('counts the stories of a waiting batch as queued, and queues each again once the batch is lost', async () => {
    const stories = await approved(2);
    const reconciler = newsdesk.workflow.get(ScheduleReconciler);
    const reply = await reviewer.post<{ stories: Scheduled[] }>('/api/articles/publish', {
      ids: stories.map((s) => s.id),
      at: '2099-03-01T09:00:00+01:00',
    });
    expect(reply.status).toBe(202);
    await newsdesk.settle();
    const batch = await batchJobNaming(stories[0].id);
    expect(await reconciler.reconcile()).toBe(0);
    // Redis lost the batch's timer: each story gets a job of its own, at its time.
    const queue = new Queue(JobQueue.Publication, {
      connection: redisOptions(newsdesk.config.redisUrl),
    });
    try {
      const job = await queue.getJob(batch.jobId!);
      expect(await job?.getState()).toBe('delayed');
      await job!.remove();
      expect(await reconciler.reconcile()).toBe(2);
      for (const s of reply.body.stories) {
        const [single] = await outboxRowsOf(newsdesk, s, JobName.ArticlePublish);
        expect(single.payload).toEqual({ articleId: s.id, version: s.version });
        expect(single.runAt?.toISOString()).toBe('2099-03-01T08:00:00.000Z');
      }
      await newsdesk.settle();
      expect(await reconciler.reconcile()).toBe(0);
    } finally {
      await queue.close();
    }
  });

  it('hands every story of a failing batch to a job of its own: the others go out, the one that fails shows alone', async () => {
    const stories = await approved(3);
    const [, poisoned] = stories;
    const sql = (query: string) => newsdesk.orm.em.getConnection().execute(query);
    // Fault injection: the public version of one story cannot be written, for now.
    await sql(`create or replace function bulk_test_refuse() returns trigger language plpgsql as $$
      begin
        if new.article_id = '${poisoned.id}' then raise exception 'refused for the test'; end if;
        return new;
      end $$`);
    await sql(`create trigger bulk_test_refuse before insert or update on published_articles
      for each row execute function bulk_test_refuse()`);
    try {
      const reply = await reviewer.post('/api/articles/publish', { ids: stories.map((s) => s.id) });
      expect(reply.status).toBe(202);
      for (const s of [stories[0], stories[2]])
        await waitFor(
          `story ${s.id} published`,
          async () => (await view(s.id)).status === 'published',
        );
      const single = await waitFor("the poisoned story's own job", async () => {
        const [row] = await outboxRowsOf(newsdesk, poisoned, JobName.ArticlePublish);
        return row;
      });
      expect(single.payload).toMatchObject({ articleId: poisoned.id });
      expect((await view(poisoned.id)).status).toBe('scheduled');
    } finally {
      await sql('drop trigger bulk_test_refuse on published_articles');
      await sql('drop function bulk_test_refuse');
    }
    // Its own job's next attempt publishes it; nothing went out twice.
    await waitFor(
      `story ${poisoned.id} published`,
      async () => (await view(poisoned.id)).status === 'published',
    );
    await newsdesk.settle();
    for (const s of stories) expect(await audit(s.id, 'release')).toHaveLength(1);
  });

  it('schedules all at a later time, and reschedules them together', async () => {
    const stories = await approved(2);
    const ids = stories.map((s) => s.id);
    const first = await reviewer.post<{ stories: Scheduled[] }>('/api/articles/publish', {
      ids,
      at: '2099-01-01T09:00:00+01:00',
      until: '2099-01-02T09:00:00+01:00',
    });
    expect(first.status).toBe(202);
    for (const s of first.body.stories) {
      expect(s.publishAt?.utc).toBe('2099-01-01T08:00:00.000Z');
      expect(s.unpublishAt?.utc).toBe('2099-01-02T08:00:00.000Z');
    }
    const again = await reviewer.post<{ stories: Scheduled[] }>('/api/articles/publish', {
      ids,
      at: '2099-01-03T09:00:00+01:00',
    });
    expect(again.status).toBe(202);
    for (const [i, s] of again.body.stories.entries()) {
      expect(s.status).toBe('scheduled');
      expect(s.version).toBe(first.body.stories[i].version + 1);
      expect(s.publishAt?.utc).toBe('2099-01-03T08:00:00.000Z');
      expect(s.unpublishAt).toBeNull();
      expect(await audit(s.id, 'reschedule')).toHaveLength(1);
    }
  });

  it('schedules nothing when one story cannot be published, and names each one and why', async () => {
    const [ready] = await approved(1);
    const inReview = await driveToReview(desk);
    const missing = randomUUID();
    const reply = await reviewer.post('/api/articles/publish', {
      ids: [ready.id, inReview.id, missing],
    });
    expect(reply.status).toBe(409);
    expect(reply.body.error).toBe('conflict');
    expect(reply.body.message).toMatch(/2 of 3 stories cannot be published; nothing was scheduled/);
    const refused: Refused[] = reply.body.details.refused;
    expect(refused).toEqual([
      { id: inReview.id, reason: 'wrong_state', message: expect.stringMatching(/in_review/) },
      { id: missing, reason: 'not_found', message: expect.stringContaining(missing) },
    ]);
    // The story that could have gone is untouched: same state, same version, no job.
    const untouched = await view(ready.id);
    expect(untouched.status).toBe('approved');
    expect(untouched.version).toBe(ready.version);
    expect(await batchJobsNaming(ready.id)).toHaveLength(0);
    // The refused transition is on the record, as a single refusal is.
    expect(await audit(inReview.id, 'refused:schedule')).toHaveLength(1);
  });

  it('refuses the whole request when a story is under embargo past the time asked', async () => {
    const [ready] = await approved(1);
    const embargoed = await driveToApproved(desk, { embargoUntil: '2099-06-01T12:00:00+02:00' });
    const reply = await reviewer.post('/api/articles/publish', { ids: [ready.id, embargoed.id] });
    expect(reply.status).toBe(409);
    expect(reply.body.details.refused).toEqual([
      { id: embargoed.id, reason: 'embargo', message: expect.stringMatching(/embargo until/) },
    ]);
    expect((await view(ready.id)).status).toBe('approved');
    expect((await view(embargoed.id)).status).toBe('approved');
  });

  it('refuses bad requests with the one error shape, writing nothing', async () => {
    const [ready] = await approved(1);
    const cases: [unknown, string, RegExp][] = [
      [{ ids: [] }, 'ids', /at least 1/],
      [{}, 'ids', /required/],
      [{ ids: [ready.id, ready.id] }, 'ids', /twice/],
      [{ ids: ['not-a-uuid'] }, 'ids[0]', /UUID/],
      [{ ids: Array.from({ length: 501 }, () => randomUUID()) }, 'ids', /at most 500/],
      [{ ids: [ready.id], at: '2099-01-01T09:00:00' }, 'at', /offset/],
      [{ ids: [ready.id], at: '2020-01-01T09:00:00+01:00' }, 'at', /past/],
      [
        { ids: [ready.id], at: '2099-01-02T09:00:00+01:00', until: '2099-01-01T09:00:00+01:00' },
        'until',
        /after/,
      ],
      [{ ids: [ready.id], publishAll: true }, 'publishAll', /./],
    ];
    for (const [body, field, reason] of cases) {
      const reply = await reviewer.post('/api/articles/publish', body);
      expect({ body, status: reply.status }).toEqual({ body, status: 400 });
      expect(reply.body.error).toBe('validation_failed');
      const problem = reply.body.details.problems.find((p: { field: string }) => p.field === field);
      expect({ body, problem }).toEqual({
        body,
        problem: { field, reason: expect.stringMatching(reason) },
      });
    }
    const asEditor = await editor.post('/api/articles/publish', { ids: [ready.id] });
    expect(asEditor.status).toBe(403);
    const asNobody = await anonymous.post('/api/articles/publish', { ids: [ready.id] });
    expect(asNobody.status).toBe(401);
    const untouched = await view(ready.id);
    expect(untouched.status).toBe('approved');
    expect(untouched.version).toBe(ready.version);
  });

  it('publishes each story exactly once when two bulk requests race and the workflow restarts meanwhile', async () => {
    const stories = await approved(12);
    await newsdesk.stopWorkflow();
    const ids = stories.map((s) => s.id);
    const [a, b] = await Promise.all([
      reviewer.post<{ stories: Scheduled[] }>('/api/articles/publish', { ids }),
      reviewer.post<{ stories: Scheduled[] }>('/api/articles/publish', {
        ids: [...ids].reverse(),
      }),
    ]);
    // Both may win one after the other (the second reschedules), or one loses the race: never a 5xx.
    expect([a.status, b.status].sort()).toEqual(
      a.status === 409 || b.status === 409 ? [202, 409] : [202, 202],
    );
    await newsdesk.startWorkflow();
    await newsdesk.stopWorkflow();
    await newsdesk.startWorkflow();
    await newsdesk.settle();
    for (const s of stories) {
      expect((await view(s.id)).status).toBe('published');
      expect(await audit(s.id, 'release')).toHaveLength(1);
    }
    const slugs = await listedSlugs();
    for (const s of stories) expect(slugs).toContain((await view(s.id)).slug);
  });
});
