/**
 * Fault tests: the four apps run as real processes (the build), under a small
 * load of uploads and publications, while they are SIGKILLed in the middle of
 * jobs, SIGTERMed, while Redis and PostgreSQL restart, and while every event
 * is delivered twice. After each, the checker compares what the API accepted
 * with what exists. Light counts; `bench/faults` runs the same at full size.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { Consumer, JobQueue, eventQueueOf } from '@newsdesk/messaging';
import { describeReport, type CheckReport } from './checker';
import {
  QUEUES_OF,
  appNodeFlags,
  commandLineOf,
  stackControlFromEnv,
  type AppName,
} from './cluster';
import { pictureFor, type Newsroom } from './load';
import { Rig, type Fault } from './rig';

/** The apps' grace period (SHUTDOWN_GRACE_MS): running jobs may finish for this long after SIGTERM. */
const SHUTDOWN_GRACE_MS = 8_000;
/** How long an app may take to exit after SIGTERM: the grace period, then a few seconds to close connections. */
const GRACE_MS = SHUTDOWN_GRACE_MS + 5_000;
/** Recovery includes BullMQ's lock expiry for a killed worker's jobs (10 s) and its stalled check. */
const DONE_TIMEOUT_MS = 90_000;

const control = stackControlFromEnv();
const describeWithStack = control ? describe : describe.skip;

let seed = Math.floor(Math.random() * 1000);
const unique = () => randomUUID().slice(0, 8);

describeWithStack('faults: crashes, restarts and duplicate events lose and double nothing', () => {
  let rig: Rig;

  beforeAll(async () => {
    rig = await Rig.start({
      env: {
        ...process.env,
        WEBHOOK_BACKOFF_MS: '200',
        SHUTDOWN_GRACE_MS: String(SHUTDOWN_GRACE_MS),
      },
      control: control!,
    });
  }, 120_000);

  afterAll(async () => {
    await rig?.stop();
  }, 60_000);

  afterEach(() => {
    rig.cluster.assertNoCrash();
  });

  /** Waits for the work to finish, checks, and fails naming every difference. */
  async function expectAllDone(desk: Newsroom): Promise<CheckReport> {
    const done = await rig.checker.waitUntilDone(desk.result, DONE_TIMEOUT_MS);
    const report = await rig.checker.check(desk.result);
    const text = `${done ? '' : `not finished within ${DONE_TIMEOUT_MS} ms\n`}${describeReport(report)}`;
    expect({ lost: report.lost, doubled: report.doubled, text }).toEqual({
      lost: [],
      doubled: [],
      text,
    });
    expect(report.completed).toEqual(report.accepted);
    return report;
  }

  async function approvedStories(desk: Newsroom, count: number): Promise<string[]> {
    return Promise.all(
      Array.from({ length: count }, (_, i) =>
        desk.approvedStory(`Störung ${unique()} Nr. ${i + 1}`),
      ),
    );
  }

  it('the apps run with the Node.js options of apps/node-flags.json', () => {
    for (const app of ['api', 'workflow', 'media', 'projector'] as const) {
      const argv = commandLineOf(rig.cluster.pid(app)!);
      expect({ app, argv: argv.slice(1) }).toEqual({
        app,
        argv: [
          ...appNodeFlags(app),
          expect.stringMatching(new RegExp(`dist/apps/${app}/src/main\\.js$`)),
        ],
      });
    }
  });

  it('kill -9 of the media app in the middle of image jobs: every image ready, renditions once', async () => {
    const desk = await rig.newsroom();
    const pictures = await Promise.all(Array.from({ length: 6 }, () => pictureFor(++seed)));
    const uploads = Promise.all(pictures.map((file) => desk.upload(file)));
    const faults: Fault[] = [];
    for (let kill = 0; kill < 2; kill++)
      faults.push(await rig.inject('media', QUEUES_OF.media, { waitActiveMs: 30_000 }));
    await uploads;
    expect(faults.filter((f) => f.busy).length).toBeGreaterThan(0);
    expect(faults.flatMap((f) => [...f.failed, ...f.unfinished])).toEqual([]);
    const report = await expectAllDone(desk);
    expect(report.accepted.images).toBe(6);
  }, 180_000);

  it('kill -9 of the media app twice while it runs the same image job: the image is still made, once', async () => {
    const desk = await rig.newsroom();
    const upload = desk.upload(await pictureFor(++seed));
    const media = rig.cluster.queue(JobQueue.Media);
    let job: { queue: string; id: string } | undefined;
    let startedBefore = 0;
    for (let kill = 0; kill < 2; kill++) {
      // The second time, the same job must have been taken again by the new worker (its lock
      // lapsed, the stalled check returned it): BullMQ counts every start in attemptsStarted.
      const deadline = Date.now() + 60_000;
      let taken = false;
      while (!taken && Date.now() < deadline) {
        const active = await rig.cluster.activeJobs([JobQueue.Media]);
        job ??= active[0];
        const started = job ? ((await media.getJob(job.id))?.attemptsStarted ?? 0) : 0;
        taken = Boolean(job) && active.some((a) => a.id === job?.id) && started > startedBefore;
        if (taken) startedBefore = started;
        else await sleep(20);
      }
      expect({ kill, taken }).toEqual({ kill, taken: true });
      await rig.cluster.kill('media');
      await rig.cluster.spawn('media');
    }
    await upload;
    const { failed, unfinished } = await rig.untilFinished([job!], Date.now() + DONE_TIMEOUT_MS);
    expect({ failed, unfinished }).toEqual({ failed: [], unfinished: [] });
    const report = await expectAllDone(desk);
    expect(report.accepted.images).toBe(1);
  }, 180_000);

  it('kill -9 of the workflow app during publications: each published once, audited once, listed once', async () => {
    const desk = await rig.newsroom();
    const ids = await approvedStories(desk, 8);
    // Every other story is to come down again in a day: its release queues the take-down, once.
    const until = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
    for (let kill = 0; kill < 2; kill++) {
      const batch = ids.slice(kill * 4, kill * 4 + 4);
      const publishing = Promise.all(
        batch.map((id, i) => desk.publish(id, i % 2 === 0 ? { until } : {})),
      );
      const fault = await rig.inject('workflow', [JobQueue.Publication], { waitActiveMs: 5_000 });
      expect([...fault.failed, ...fault.unfinished]).toEqual([]);
      await publishing;
    }
    const report = await expectAllDone(desk);
    expect(report.accepted.stories).toBe(8);
  }, 180_000);

  it('kill -9 of the workflow app during a bulk publication: each published once, audited once, listed once', async () => {
    const desk = await rig.newsroom();
    const ids = await approvedStories(desk, 12);
    const publishing = desk.publishMany(ids);
    const fault = await rig.inject('workflow', [JobQueue.Publication], { waitActiveMs: 5_000 });
    expect([...fault.failed, ...fault.unfinished]).toEqual([]);
    expect(await publishing).toBe(true);
    const report = await expectAllDone(desk);
    expect(report.accepted.stories).toBe(12);
  }, 180_000);

  it('a Redis restart under load of uploads and publications loses nothing', async () => {
    const desk = await rig.newsroom();
    const ids = await approvedStories(desk, 6);
    const pictures = await Promise.all(Array.from({ length: 2 }, () => pictureFor(++seed)));
    const load = Promise.all([
      ...pictures.map((file) => desk.upload(file)),
      ...ids.map(async (id, i) => {
        await sleep(i * 150);
        await desk.publish(id);
      }),
    ]);
    const fault = await rig.inject('redis', [JobQueue.Media, JobQueue.Publication]);
    expect([...fault.failed, ...fault.unfinished]).toEqual([]);
    await load;
    await expectAllDone(desk);
  }, 180_000);

  it('a PostgreSQL restart during publications: each finished once', async () => {
    const desk = await rig.newsroom();
    const ids = await approvedStories(desk, 6);
    const publishing = Promise.all(ids.map((id) => desk.publish(id)));
    const fault = await rig.inject('postgres', [JobQueue.Publication], { waitActiveMs: 5_000 });
    expect([...fault.failed, ...fault.unfinished]).toEqual([]);
    await publishing;
    // Publications refused while the server was down were never promised; ask again, as an editor would.
    for (const id of ids) if (!desk.result.stories.has(id)) await desk.publish(id);
    await expectAllDone(desk);
    // The outbox relay LISTENs again: notifications, not only its polling, wake it.
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      let listening = 0;
      for (let i = 0; i < 100 && listening === 0; i++) {
        const { rows } = await db.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where query ilike 'LISTEN outbox'`,
        );
        listening = rows[0].n;
        if (listening === 0) await sleep(100);
      }
      expect(listening).toBeGreaterThan(0);
    } finally {
      await db.end();
    }
  }, 180_000);

  it('every event delivered twice: listings, webhook deliveries and POSTs not doubled', async () => {
    const desk = await rig.newsroom();
    const ids = await approvedStories(desk, 5);
    const picture = await pictureFor(++seed);
    await Promise.all([...ids.map((id) => desk.publish(id)), desk.upload(picture)]);
    // Each event again on every consumer's queue under a new job id, as soon as the relay sent it.
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    const twice = new Set<string>();
    try {
      const deadline = Date.now() + 30_000;
      while (twice.size < ids.length + 1 && Date.now() < deadline) {
        const { rows } = await db.query<{ message_id: string }>(
          `select message_id from outbox where kind = 'event' and sent_at is not null
              and (payload->>'articleId' = any($1::text[]) or payload->>'imageId' = any($2::text[]))`,
          [ids, [...desk.result.images]],
        );
        for (const { message_id: id } of rows) {
          if (twice.has(id)) continue;
          for (const consumer of Object.values(Consumer)) {
            const queue = rig.cluster.queue(eventQueueOf(consumer));
            const job = await queue.getJob(id);
            // With the options the relay gave the first one (its retries above all).
            if (job) await queue.add(job.name, job.data, { ...job.opts, jobId: `${id}-again` });
          }
          twice.add(id);
        }
        await sleep(20);
      }
    } finally {
      await db.end();
    }
    expect(twice.size).toBeGreaterThanOrEqual(ids.length + 1);
    const report = await expectAllDone(desk);
    expect(report.webhookRepeats).toBe(0);
  }, 120_000);

  describe('graceful shutdown: SIGTERM while working → exit 0 within the grace period, work finished or returned', () => {
    async function terminateWhileBusy(app: AppName, busy: Promise<unknown>): Promise<void> {
      await rig.untilActive(QUEUES_OF[app], 10_000);
      const { exit, ms } = await rig.cluster.terminate(app, GRACE_MS);
      expect({ app, exit, withinGrace: ms <= GRACE_MS }).toEqual({
        app,
        exit: { code: 0, signal: null },
        withinGrace: true,
      });
      await rig.cluster.spawn(app);
      await busy;
    }

    it('media', async () => {
      const desk = await rig.newsroom();
      const pictures = await Promise.all(Array.from({ length: 3 }, () => pictureFor(++seed)));
      await terminateWhileBusy('media', Promise.all(pictures.map((file) => desk.upload(file))));
      await expectAllDone(desk);
    }, 120_000);

    it('workflow', async () => {
      const desk = await rig.newsroom();
      const ids = await approvedStories(desk, 6);
      await terminateWhileBusy('workflow', Promise.all(ids.map((id) => desk.publish(id))));
      await expectAllDone(desk);
    }, 120_000);

    it('projector', async () => {
      const desk = await rig.newsroom();
      const ids = await approvedStories(desk, 6);
      await terminateWhileBusy('projector', Promise.all(ids.map((id) => desk.publish(id))));
      await expectAllDone(desk);
    }, 120_000);

    it('api: an upload in flight is answered, then the API exits', async () => {
      const desk = await rig.newsroom();
      const upload = desk.upload(await pictureFor(++seed, 1600, 1200));
      await sleep(20);
      const { exit, ms } = await rig.cluster.terminate('api', GRACE_MS);
      expect({ exit, withinGrace: ms <= GRACE_MS }).toEqual({
        exit: { code: 0, signal: null },
        withinGrace: true,
      });
      await rig.cluster.spawn('api');
      await upload;
      await expectAllDone(desk);
    }, 120_000);
  });
});
