import { Queue } from 'bullmq';
import { ScheduleReconciler, type Section } from '@newsdesk/editorial';
import { JobName, JobQueue, jobIdOf, redisOptions } from '@newsdesk/messaging';
import { ApiClient } from './support/http';
import {
  approveEveryStep,
  driveToApproved,
  requestPublication,
  submitForReview,
  writeDraft,
  type Desk,
} from './support/drive';
import { makeSection, makeUser, PASSWORD } from './support/factories';
import { Newsdesk } from './support/newsdesk';
import { waitFor } from './support/wait';

/** A whole second at least `ms` from now, so that a text without milliseconds names it exactly. */
function secondsAhead(ms: number): Date {
  return new Date(Math.ceil((Date.now() + ms) / 1000) * 1000);
}

/** `date` as ISO-8601 wall-clock time `offsetMinutes` east of UTC: `2026-12-01T09:00:00+01:00`. */
function isoWithOffset(date: Date, offsetMinutes: number): string {
  const wall = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${wall}${offsetMinutes < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** Waits for a wall-clock instant to pass (the point of the test, not a guess at how long work takes). */
const waitUntilPast = (instant: Date) =>
  waitFor(`waiting for ${instant.toISOString()} to pass`, () =>
    Promise.resolve(Date.now() > instant.getTime()),
  );

describe('publishing at an exact time (end to end)', () => {
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
    section = await makeSection(newsdesk.orm, 'Smart City');
    editor = await anonymous.login((await makeUser(newsdesk.orm, ['editor'])).email, PASSWORD);
    reviewer = await anonymous.login((await makeUser(newsdesk.orm, ['reviewer'])).email, PASSWORD);
    admin = await anonymous.login((await makeUser(newsdesk.orm, ['admin'])).email, PASSWORD);
    desk = { newsdesk, editor, reviewers: [reviewer], section: section.slug };
  });

  afterAll(async () => {
    await newsdesk?.stop();
  });

  async function view(id: string) {
    return (await editor.get(`/api/articles/${id}`)).body;
  }

  const publishedView = (id: string) =>
    waitFor(`story ${id} published`, async () => {
      const story = await view(id);
      return story.status === 'published' ? story : null;
    });

  async function listed(slug: string): Promise<number> {
    const reply = await anonymous.get(`/public/sections/${section.slug}/teasers?limit=50`);
    expect(reply.status).toBe(200);
    return reply.body.items.filter((i: { slug: string }) => i.slug === slug).length;
  }

  async function releases(id: string): Promise<{ details: Record<string, unknown> }[]> {
    const reply = await admin.get(`/api/audit?action=release&article=${id}`);
    expect(reply.status).toBe(200);
    return reply.body.items;
  }

  async function jobState(id: string, version: number): Promise<string> {
    const queue = new Queue(JobQueue.Publication, {
      connection: redisOptions(newsdesk.config.redisUrl),
    });
    try {
      const job = await queue.getJob(jobIdOf(JobName.ArticlePublish, { articleId: id, version }));
      return job ? await job.getState() : 'missing';
    } finally {
      await queue.close();
    }
  }

  it('publishes at the exact time given with an offset, not before', async () => {
    const story = await driveToApproved(desk);
    const at = secondsAhead(3000);
    const scheduled = await requestPublication(desk, story, { at: isoWithOffset(at, 60) });
    expect(scheduled.status).toBe('scheduled');
    expect(scheduled.publishAt?.utc).toBe(at.toISOString());
    // The newsroom's clock (Europe/Berlin): the same instant, with Berlin's offset at that date.
    const local = scheduled.publishAt?.local ?? '';
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
    expect(new Date(local).getTime()).toBe(at.getTime());
    const berlinOffset = new Intl.DateTimeFormat('en', {
      timeZone: 'Europe/Berlin',
      timeZoneName: 'longOffset',
    })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    expect(`GMT${local.slice(19)}`).toBe(berlinOffset);

    await newsdesk.settle();
    expect((await view(story.id)).status).toBe('scheduled');
    expect(await listed(story.slug)).toBe(0);
    expect((await anonymous.get(`/public/articles/${story.slug}`)).status).toBe(404);

    const published = await publishedView(story.id);
    expect(Date.parse(published.publishedAt.utc)).toBeGreaterThanOrEqual(at.getTime());
    await newsdesk.settle();
    expect(await listed(story.slug)).toBe(1);
    const rows = await releases(story.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].details).toMatchObject({ publishAt: at.toISOString(), late: false });
    expect(rows[0].details.lateMs).toBeLessThan(2000);
  });

  it('refuses a time without offset or in the past, and a publication before the embargo', async () => {
    const story = await driveToApproved(desk);
    const noOffset = await reviewer.post(`/api/articles/${story.id}/publish`, {
      at: isoWithOffset(secondsAhead(3_600_000), 0).slice(0, 19),
    });
    expect(noOffset.status).toBe(400);
    expect(noOffset.body.details.problems).toEqual([
      { field: 'at', reason: expect.stringMatching(/offset/) },
    ]);
    const past = await reviewer.post(`/api/articles/${story.id}/publish`, {
      at: isoWithOffset(new Date(Date.now() - 3_600_000), 60),
    });
    expect(past.status).toBe(400);
    expect(past.body.details.problems).toEqual([{ field: 'at', reason: 'lies in the past' }]);
    const untilFirst = await reviewer.post(`/api/articles/${story.id}/publish`, {
      at: isoWithOffset(secondsAhead(7_200_000), 60),
      until: isoWithOffset(secondsAhead(3_600_000), 60),
    });
    expect(untilFirst.status).toBe(400);
    expect(untilFirst.body.details.problems[0].field).toBe('until');
    expect(await view(story.id)).toMatchObject({ status: 'approved', version: story.version });

    const draft = await writeDraft(desk);
    const embargo = secondsAhead(24 * 3_600_000);
    const patched = await editor.patch(
      `/api/articles/${draft.id}`,
      { embargoUntil: isoWithOffset(embargo, 120) },
      { 'if-match': String(draft.version) },
    );
    expect(patched.status).toBe(200);
    expect(patched.body.embargoUntil.utc).toBe(embargo.toISOString());
    await submitForReview(desk, draft);
    await approveEveryStep(desk, draft);

    const now = await reviewer.post(`/api/articles/${draft.id}/publish`, {});
    expect(now.status).toBe(400);
    expect(now.body.details.problems).toEqual([
      { field: 'at', reason: expect.stringMatching(/embargo/) },
    ]);
    const early = await reviewer.post(`/api/articles/${draft.id}/publish`, {
      at: isoWithOffset(new Date(embargo.getTime() - 60_000), 60),
    });
    expect(early.status).toBe(400);
    expect((await view(draft.id)).status).toBe('approved');

    const atEmbargo = await requestPublication(desk, draft, { at: isoWithOffset(embargo, 60) });
    expect(atEmbargo).toMatchObject({
      status: 'scheduled',
      publishAt: { utc: embargo.toISOString() },
    });
    // Leave no far-future schedule behind.
    expect((await reviewer.post(`/api/articles/${draft.id}/schedule/cancel`)).status).toBe(200);
  });

  it('keeps a schedule through a workflow restart and a Redis flush, and publishes it once', async () => {
    const story = await driveToApproved(desk);
    const at = secondsAhead(4000);
    const scheduled = await requestPublication(desk, story, { at: isoWithOffset(at, 60) });
    await newsdesk.settle(); // the relay has handed the delayed job to BullMQ
    expect(await jobState(story.id, scheduled.version)).toBe('delayed');

    await newsdesk.stopWorkflow();
    try {
      await newsdesk.redis.flushall();
      expect(await jobState(story.id, scheduled.version)).toBe('missing');
    } finally {
      await newsdesk.startWorkflow();
    }
    // The reconciler queued it again from Postgres on start (through the outbox).
    await newsdesk.settle();
    expect(await jobState(story.id, scheduled.version)).toBe('delayed');

    const published = await publishedView(story.id);
    expect(Date.parse(published.publishedAt.utc)).toBeGreaterThanOrEqual(at.getTime());
    await newsdesk.settle();
    expect(await listed(story.slug)).toBe(1);
    const rows = await releases(story.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].details).toMatchObject({ publishAt: at.toISOString(), late: false });

    expect(await newsdesk.workflow.get(ScheduleReconciler).reconcile()).toBe(0);
    await newsdesk.settle();
    expect(await view(story.id)).toMatchObject({
      status: 'published',
      version: published.version,
      publishedAt: published.publishedAt,
    });
    expect(await releases(story.id)).toHaveLength(1);
    expect(await listed(story.slug)).toBe(1);
  });

  it('publishes at once, marked late, a schedule whose time passed while the workflow was down', async () => {
    const story = await driveToApproved(desk);
    const at = secondsAhead(2000);
    await requestPublication(desk, story, { at: isoWithOffset(at, 60) });
    await newsdesk.settle();

    await newsdesk.stopWorkflow();
    try {
      await newsdesk.redis.flushall();
      await waitUntilPast(new Date(at.getTime() + 2500));
      expect((await view(story.id)).status).toBe('scheduled');
    } finally {
      await newsdesk.startWorkflow();
    }

    const published = await publishedView(story.id);
    expect(Date.parse(published.publishedAt.utc)).toBeGreaterThan(at.getTime() + 2500);
    await newsdesk.settle();
    expect(await listed(story.slug)).toBe(1);
    const rows = await releases(story.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].details).toMatchObject({ publishAt: at.toISOString(), late: true });
    expect(rows[0].details.lateMs).toBeGreaterThan(2000);
  });

  it('accepts a schedule while the workflow is down (the outbox keeps it) and publishes it once on start', async () => {
    const story = await driveToApproved(desk);
    await newsdesk.stopWorkflow();
    const at = secondsAhead(1000);
    try {
      const scheduled = await requestPublication(desk, story, { at: isoWithOffset(at, 60) });
      expect(scheduled.status).toBe('scheduled');
      await waitUntilPast(new Date(at.getTime() + 2500));
      expect((await view(story.id)).status).toBe('scheduled');
    } finally {
      await newsdesk.startWorkflow();
    }

    await publishedView(story.id);
    await newsdesk.settle();
    expect(await listed(story.slug)).toBe(1);
    const rows = await releases(story.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].details).toMatchObject({ late: true });
    expect(await newsdesk.workflow.get(ScheduleReconciler).reconcile()).toBe(0);
  });

  it('never fires a cancelled schedule', async () => {
    const story = await driveToApproved(desk);
    const at = secondsAhead(2000);
    const scheduled = await requestPublication(desk, story, { at: isoWithOffset(at, 60) });
    await newsdesk.settle();

    const cancelled = await reviewer.post(`/api/articles/${story.id}/schedule/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'approved', publishAt: null });

    await waitUntilPast(new Date(at.getTime() + 1000));
    // The old timer went off and found nothing to do.
    await waitFor('the cancelled job to run', async () =>
      (await jobState(story.id, scheduled.version)) === 'completed' ? true : null,
    );
    await newsdesk.settle();
    expect(await view(story.id)).toMatchObject({
      status: 'approved',
      version: cancelled.body.version,
    });
    expect(await listed(story.slug)).toBe(0);
    expect((await anonymous.get(`/public/articles/${story.slug}`)).status).toBe(404);
    expect(await releases(story.id)).toHaveLength(0);
    expect((await reviewer.post(`/api/articles/${story.id}/schedule/cancel`)).status).toBe(409);
  });

  it('racing publish requests for one story: each 202 writes one schedule, each 409 nothing', async () => {
    const story = await driveToApproved(desk);
    const at = isoWithOffset(secondsAhead(3_600_000), 60);
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => reviewer.post(`/api/articles/${story.id}/publish`, { at })),
    );
    const accepted = replies.filter((r) => r.status === 202);
    expect(replies.map((r) => r.status).filter((s) => s !== 202 && s !== 409)).toEqual([]);
    expect(accepted.length).toBeGreaterThan(0);
    for (const refused of replies.filter((r) => r.status === 409))
      expect(refused.body).toMatchObject({
        error: 'conflict',
        message: expect.stringMatching(/meanwhile/),
      });
    // Each accepted request made the next version, and the story is at the last of them.
    const versions = accepted.map((r) => r.body.version as number).sort((a, b) => a - b);
    expect(versions).toEqual(versions.map((_, i) => story.version + 1 + i));
    expect(await view(story.id)).toMatchObject({
      status: 'scheduled',
      version: story.version + accepted.length,
    });
    const [written] = await newsdesk.orm.em
      .getConnection()
      .execute<{ audits: number; jobs: number; changes: number }[]>(
        `select (select count(*)::int from audit_log where article_id = ?
                  and action in ('schedule', 'reschedule')) as audits,
              (select count(*)::int from outbox where name = 'ArticlePublish'
                  and payload->>'articleId' = ?) as jobs,
              (select count(*)::int from outbox where name = 'story.changed'
                  and payload->>'articleId' = ? and payload->>'transition' in ('schedule', 'reschedule')) as changes`,
        [story.id, story.id, story.id],
      );
    expect(written).toEqual({
      audits: accepted.length,
      jobs: accepted.length,
      changes: accepted.length,
    });
    // Leave no far-future schedule behind.
    expect((await reviewer.post(`/api/articles/${story.id}/schedule/cancel`)).status).toBe(200);
  });

  it('reschedules: publishes once, at the new time', async () => {
    const story = await driveToApproved(desk);
    const first = secondsAhead(60_000);
    await requestPublication(desk, story, { at: isoWithOffset(first, 60) });
    await newsdesk.settle();

    const second = secondsAhead(2000);
    const moved = await requestPublication(desk, story, { at: isoWithOffset(second, 60) });
    expect(moved).toMatchObject({
      status: 'scheduled',
      publishAt: { utc: second.toISOString() },
    });

    const published = await publishedView(story.id);
    const publishedAt = Date.parse(published.publishedAt.utc);
    expect(publishedAt).toBeGreaterThanOrEqual(second.getTime());
    expect(publishedAt).toBeLessThan(first.getTime());
    await newsdesk.settle();
    expect(await listed(story.slug)).toBe(1);
    const rows = await releases(story.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].details).toMatchObject({ publishAt: second.toISOString(), late: false });
    const history = (await editor.get(`/api/articles/${story.id}/history`)).body.map(
      (e: { action: string }) => e.action,
    );
    expect(history.slice(-3)).toEqual(['schedule', 'reschedule', 'release']);
  });
});
