import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { OutboxEntry, JobName, JobQueue, redisOptions } from '@newsdesk/messaging';
import { ApiClient } from './support/http';
import { driveToApproved, outboxRowOf, requestPublication, type Desk } from './support/drive';
import { makeSection, makeUser, PASSWORD } from './support/factories';
import { Newsdesk } from './support/newsdesk';

/** Polls `check` until it returns a value (not undefined); fails after `timeoutMs` with `what`. */
async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('ops: queues, outbox and the Bull Board dashboard (integration)', () => {
  let newsdesk: Newsdesk;
  let ops: ApiClient;
  let editor: ApiClient;
  let opsEmail: string;
  let editorEmail: string;
  let desk: Desk;
  const queues = new Map<string, Queue>();

  /** A producer on one queue, straight to BullMQ (as a bad or hand-made job would arrive). */
  const queue = (name: string) => {
    let q = queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: redisOptions(newsdesk.config.redisUrl) });
      queues.set(name, q);
    }
    return q;
  };

  /** Waits (through the ops API) until a job is in `state`; only its own jobs, so leftovers elsewhere do not matter. */
  const jobReaches = (name: string, id: string | undefined, state: string) =>
    until(`job ${id} on ${name} to be ${state}`, async () => {
      const reply = await ops.get(`/api/ops/queues/${name}/jobs/${id}`);
      return reply.body?.state === state ? reply.body : undefined;
    });

  /** Waits until the relay has sent every outbox row. */
  const outboxDrained = () =>
    until('the outbox to drain', async () => {
      const status = (await ops.get('/api/ops/outbox')).body;
      return status.unsent === 0 ? status : undefined;
    });

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    const anonymous = new ApiClient(newsdesk.url);
    opsEmail = (await makeUser(newsdesk.orm, ['ops'])).email;
    editorEmail = (await makeUser(newsdesk.orm, ['editor'])).email;
    ops = await anonymous.login(opsEmail, PASSWORD);
    editor = await anonymous.login(editorEmail, PASSWORD);
    const reviewer = await anonymous.login(
      (await makeUser(newsdesk.orm, ['reviewer'])).email,
      PASSWORD,
    );
    desk = { newsdesk, editor, reviewers: [reviewer] };
  });

  afterAll(async () => {
    await Promise.all([...queues.values()].map((q) => q.close()));
    await newsdesk?.stop();
  });

  describe('ops API', () => {
    it('refuses editors and anonymous callers', async () => {
      expect((await new ApiClient(newsdesk.url).get('/api/ops/queues')).status).toBe(401);
      for (const path of ['/api/ops/queues', '/api/ops/outbox', '/api/ops/queues/media/failed']) {
        const reply = await editor.get(path);
        expect(reply.status).toBe(403);
        expect(reply.body.error).toBe('forbidden');
      }
      expect((await editor.post('/api/ops/queues/media/pause')).status).toBe(403);
    });

    it('counts the jobs of every registry queue per state, the event consumers included', async () => {
      const reply = await ops.get('/api/ops/queues');
      expect(reply.status).toBe(200);
      const names = reply.body.map((q: { name: string }) => q.name);
      expect(names.sort()).toEqual(newsdesk.queueNames().sort());
      expect(names).toEqual(expect.arrayContaining(['events.projector', 'events.webhooks']));
      for (const q of reply.body) {
        expect(q.isPaused).toBe(false);
        expect(Object.keys(q.counts).sort()).toEqual(
          ['active', 'completed', 'delayed', 'failed', 'paused', 'prioritized', 'waiting'].sort(),
        );
        for (const n of Object.values(q.counts)) expect(Number.isInteger(n)).toBe(true);
      }
      expect(reply.body.find((q: { name: string }) => q.name === 'events.projector').kind).toBe(
        'event',
      );
      expect(reply.body.find((q: { name: string }) => q.name === 'media').kind).toBe('job');
    });

    it('answers 404 for an unknown queue or job and 400 for an unknown state or limit', async () => {
      const unknownQueue = await ops.get('/api/ops/queues/nope/failed');
      expect(unknownQueue.status).toBe(404);
      expect(unknownQueue.body.message).toContain('nope');
      expect((await ops.post('/api/ops/queues/nope/pause')).status).toBe(404);

      const unknownJob = await ops.post('/api/ops/queues/media/jobs/no-such-job/retry');
      expect(unknownJob.status).toBe(404);
      expect(unknownJob.body.message).toContain('no-such-job');
      expect((await ops.request('DELETE', '/api/ops/queues/media/jobs/no-such-job')).status).toBe(
        404,
      );

      const badState = await ops.get('/api/ops/queues/media/jobs?state=exploded');
      expect(badState.status).toBe(400);
      expect(badState.body.details.problems).toEqual([
        {
          field: 'state',
          reason: 'must be one of waiting, active, delayed, prioritized, completed, failed, paused',
        },
      ]);
      const badLimit = await ops.get('/api/ops/queues/media/failed?limit=0');
      expect(badLimit.status).toBe(400);
      expect(badLimit.body.details.problems[0].field).toBe('limit');
    });

    it('lists a failed job with its reason, retries it back to waiting and discards it', async () => {
      // An image that does not exist fails its job permanently (no retries).
      const imageId = randomUUID();
      const job = await queue(JobQueue.Media).add(JobName.ImageProcess, { imageId, scope: 'all' });
      await jobReaches('media', job.id, 'failed');

      const failed = await ops.get(`/api/ops/queues/media/failed`);
      expect(failed.status).toBe(200);
      const listed = failed.body.find((j: { id: string }) => j.id === job.id);
      expect(listed).toMatchObject({
        id: job.id,
        name: JobName.ImageProcess,
        queue: 'media',
        state: 'failed',
        data: { imageId, scope: 'all' },
        failedReason: `image ${imageId} does not exist`,
        attemptsMade: 1,
      });
      expect(Date.parse(listed.createdAt)).not.toBeNaN();
      expect(Date.parse(listed.finishedAt)).not.toBeNaN();
      const counts = (await ops.get('/api/ops/queues/media')).body.counts;
      expect(counts.failed).toBeGreaterThanOrEqual(1);

      // No media worker while we look, so the retried job stays where retry put it.
      await newsdesk.stopMedia();
      try {
        const retried = await ops.post(`/api/ops/queues/media/jobs/${job.id}/retry`);
        expect(retried.status).toBe(200);
        expect(retried.body).toMatchObject({ id: job.id, state: 'waiting', attemptsMade: 0 });
        const after = await ops.get('/api/ops/queues/media/failed');
        expect(after.body.map((j: { id: string }) => j.id)).not.toContain(job.id);
        expect((await ops.get('/api/ops/queues/media')).body.counts.waiting).toBeGreaterThanOrEqual(
          1,
        );
        // Retrying what is not failed is a conflict, not a second copy.
        expect((await ops.post(`/api/ops/queues/media/jobs/${job.id}/retry`)).status).toBe(409);

        const discarded = await ops.request('DELETE', `/api/ops/queues/media/jobs/${job.id}`);
        expect(discarded.status).toBe(204);
        expect((await ops.get(`/api/ops/queues/media/jobs/${job.id}`)).status).toBe(404);
        expect(await queue(JobQueue.Media).getJob(String(job.id))).toBeUndefined();
      } finally {
        await newsdesk.startMedia();
      }
    });

    it('retries every failed job of a queue at once', async () => {
      // A purge with no lists fails on its first (and only) attempt.
      const bad = { keys: null, paths: null } as unknown as { keys: string[]; paths: string[] };
      const jobs = await Promise.all(
        [1, 2].map(() => queue(JobQueue.Cdn).add(JobName.CdnPurge, bad, { attempts: 1 })),
      );
      for (const job of jobs) await jobReaches('cdn', job.id, 'failed');
      const failed = (await ops.get('/api/ops/queues/cdn/failed')).body as { id: string }[];
      expect(failed.map((j) => j.id)).toEqual(expect.arrayContaining(jobs.map((j) => j.id)));

      await newsdesk.stopProjector();
      try {
        const reply = await ops.post('/api/ops/queues/cdn/retry-failed');
        expect(reply.status).toBe(200);
        expect(reply.body).toEqual({ queue: 'cdn', retried: failed.length });
        expect((await ops.get('/api/ops/queues/cdn')).body.counts.failed).toBe(0);
        for (const job of jobs) {
          expect((await ops.get(`/api/ops/queues/cdn/jobs/${job.id}`)).body.state).toBe('waiting');
          expect((await ops.request('DELETE', `/api/ops/queues/cdn/jobs/${job.id}`)).status).toBe(
            204,
          );
        }
      } finally {
        await newsdesk.startProjector();
      }
    });

    it('pauses a queue so that a new job stays waiting, and resumes it so that the job runs', async () => {
      const paused = await ops.post('/api/ops/queues/cdn/pause');
      expect(paused.status).toBe(200);
      expect(paused.body).toMatchObject({ name: 'cdn', isPaused: true });
      let job;
      try {
        job = await queue(JobQueue.Cdn).add(JobName.CdnPurge, { keys: [], paths: [] });
        // The projector's cdn worker is running; give it time it would need to take the job.
        await new Promise((r) => setTimeout(r, 500));
        expect((await ops.get(`/api/ops/queues/cdn/jobs/${job.id}`)).body.state).toBe('paused');
        const view = (await ops.get('/api/ops/queues')).body.find(
          (q: { name: string }) => q.name === 'cdn',
        );
        expect(view.isPaused).toBe(true);
        expect(view.counts.paused).toBeGreaterThanOrEqual(1);
        expect(view.counts.waiting).toBe(0);
      } finally {
        const resumed = await ops.post('/api/ops/queues/cdn/resume');
        expect(resumed.status).toBe(200);
        expect(resumed.body.isPaused).toBe(false);
      }
      await jobReaches('cdn', job.id, 'completed');
    });

    it('shows the outbox backlog, the age of its oldest unsent row and rows that fail to send', async () => {
      expect(await outboxDrained()).toMatchObject({
        oldestUnsentAt: null,
        oldestUnsentAgeSeconds: 0,
      });
      const section = await makeSection(newsdesk.orm, 'Smart City');
      const stories = [
        await driveToApproved(desk, { section: section.slug }),
        await driveToApproved(desk, { section: section.slug }),
      ];
      // Without the workflow app no relay sends the publication jobs the API writes.
      await newsdesk.stopWorkflow();
      try {
        for (const story of stories) await requestPublication(desk, story);
        const [waiting, failing] = await Promise.all(
          stories.map((story) => outboxRowOf(newsdesk, story, JobName.ArticlePublish)),
        );
        const em = newsdesk.orm.em.fork();
        await em.nativeUpdate(
          OutboxEntry,
          { seq: waiting.seq },
          { createdAt: new Date(Date.now() - 95_000) },
        );
        await em.nativeUpdate(
          OutboxEntry,
          { seq: failing.seq },
          { attempts: 3, lastError: 'Connection is closed.' },
        );

        const reply = await ops.get('/api/ops/outbox');
        expect(reply.status).toBe(200);
        expect(reply.body.unsent).toBeGreaterThanOrEqual(2);
        expect(reply.body.oldestUnsentAgeSeconds).toBeGreaterThanOrEqual(95);
        expect(reply.body.oldestUnsentAgeSeconds).toBeLessThan(95 + 60);
        expect(Date.parse(reply.body.oldestUnsentAt)).toBeLessThanOrEqual(Date.now() - 95_000);
        expect(reply.body.failing).toEqual([
          expect.objectContaining({
            seq: failing.seq,
            messageId: failing.messageId,
            kind: 'job',
            name: JobName.ArticlePublish,
            attempts: 3,
            lastError: 'Connection is closed.',
          }),
        ]);
      } finally {
        await newsdesk.startWorkflow();
      }
      expect(await outboxDrained()).toMatchObject({ failing: [] });
    });
  });

  describe('Bull Board at /ops/queues', () => {
    const url = (path: string) => `${newsdesk.url}${path}`;
    const html = { accept: 'text/html,application/xhtml+xml' };

    /** Signs in through the login form as a browser would; answers the reply (not followed). */
    const signIn = (email: string, password = PASSWORD, next?: string) =>
      fetch(url('/ops/login'), {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...html },
        body: new URLSearchParams({ email, password, ...(next ? { next } : {}) }).toString(),
      });

    const sessionCookie = (response: Response) => {
      const header = response.headers.get('set-cookie') ?? '';
      return header.split(';')[0];
    };

    it('answers 401 without a login, and sends a browser to the login form', async () => {
      const api = await fetch(url('/ops/queues/api/queues'));
      expect(api.status).toBe(401);
      expect(await api.json()).toMatchObject({ statusCode: 401, error: 'unauthenticated' });
      expect((await fetch(url('/ops/queues'))).status).toBe(401);
      const forged = await fetch(url('/ops/queues/api/queues'), {
        headers: { cookie: 'newsdesk_ops=not-a-token' },
      });
      expect(forged.status).toBe(401);

      const page = await fetch(url('/ops/queues/queue/media'), {
        headers: html,
        redirect: 'manual',
      });
      expect(page.status).toBe(302);
      expect(page.headers.get('location')).toBe('/ops/login?next=%2Fops%2Fqueues%2Fqueue%2Fmedia');

      const form = await fetch(url('/ops/login?next=%2Fops%2Fqueues%2Fqueue%2Fmedia'));
      expect(form.status).toBe(200);
      expect(form.headers.get('content-type')).toContain('text/html');
      const body = await form.text();
      expect(body).toContain('<form method="post" action="/ops/login">');
      expect(body).toContain('name="next" value="/ops/queues/queue/media"');
    });

    it('refuses a wrong password and an editor, and sets no cookie for them', async () => {
      const wrong = await signIn(opsEmail, 'wrong-password');
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('set-cookie')).toBeNull();
      expect(await wrong.text()).toContain('email or password is wrong');

      const asEditor = await signIn(editorEmail);
      expect(asEditor.status).toBe(403);
      expect(asEditor.headers.get('set-cookie')).toBeNull();

      // An editor's own API token does not open the board either.
      const token = (
        await new ApiClient(newsdesk.url).post('/api/auth/login', {
          email: editorEmail,
          password: PASSWORD,
        })
      ).body.accessToken as string;
      const withToken = await fetch(url('/ops/queues/api/queues'), {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(withToken.status).toBe(403);
      expect(await withToken.json()).toMatchObject({ statusCode: 403, error: 'forbidden' });
    });

    it('lets ops in with the login cookie and lists every registry queue', async () => {
      const login = await signIn(opsEmail, PASSWORD, '/ops/queues/queue/media');
      expect(login.status).toBe(303);
      expect(login.headers.get('location')).toBe('/ops/queues/queue/media');
      const setCookie = login.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/^newsdesk_ops=[\w-]+\.[\w-]+\.[\w-]+;/);
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('SameSite=Strict');
      expect(setCookie).toContain('Path=/ops');
      expect(setCookie).toMatch(/Max-Age=\d+/);
      expect(setCookie).not.toContain('Secure'); // only in production
      const cookie = sessionCookie(login);

      const page = await fetch(url('/ops/queues'), { headers: { ...html, cookie } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('<base href="/ops/queues/"');

      const api = await fetch(url('/ops/queues/api/queues'), { headers: { cookie } });
      expect(api.status).toBe(200);
      const names = ((await api.json()) as { queues: { name: string }[] }).queues.map(
        (q) => q.name,
      );
      expect(names.sort()).toEqual(newsdesk.queueNames().sort());

      // The same as a bearer token, for scripts.
      const bearer = await fetch(url('/ops/queues/api/queues'), {
        headers: { authorization: `Bearer ${cookie.slice('newsdesk_ops='.length)}` },
      });
      expect(bearer.status).toBe(200);
    });

    it('signs in by JSON too, never redirects elsewhere, and signs out', async () => {
      const json = await fetch(url('/ops/login'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: opsEmail, password: PASSWORD }),
      });
      expect(json.status).toBe(200);
      expect(await json.json()).toMatchObject({ user: { email: opsEmail, roles: ['ops'] } });
      expect(json.headers.get('set-cookie')).toContain('HttpOnly');

      const incomplete = await fetch(url('/ops/login'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: opsEmail }),
      });
      expect(incomplete.status).toBe(400);
      expect(await incomplete.json()).toMatchObject({
        error: 'validation_failed',
        details: { problems: [{ field: 'password', reason: 'is required' }] },
      });
      expect(incomplete.headers.get('set-cookie')).toBeNull();

      const offsite = await signIn(opsEmail, PASSWORD, '//evil.example/ops/');
      expect(offsite.status).toBe(303);
      expect(offsite.headers.get('location')).toBe('/ops/queues');

      const logout = await fetch(url('/ops/logout'), { redirect: 'manual' });
      expect(logout.status).toBe(303);
      expect(logout.headers.get('location')).toBe('/ops/login');
      expect(logout.headers.get('set-cookie')).toMatch(/^newsdesk_ops=;.*Max-Age=0/);
    });
  });
});
