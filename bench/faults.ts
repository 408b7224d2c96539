/**
 * Benchmark: nothing lost, nothing doubled, under crashes and restarts. Starts
 * its own throwaway stack (PostgreSQL, Redis, S3 on free ports in a temp
 * folder) and the four apps as processes, puts a steady load of publications
 * (each story written, submitted, approved and published over HTTP) and
 * uploads on them, and meanwhile SIGKILLs the media and workflow apps in the
 * middle of jobs, restarts Redis and restarts PostgreSQL, one fault at a time.
 * Afterwards the checker of the fault tests (test/faults/checker.ts) compares
 * every accepted publication and upload with what exists.
 *
 *   npm run build && npm run bench:faults
 *
 * Env: BENCH_KILLS (100: worker kills, media and workflow in turn),
 * BENCH_REDIS_RESTARTS (20), BENCH_POSTGRES_RESTARTS (20), BENCH_PUBLISH_RATE
 * (stories started per second, 1), BENCH_UPLOAD_RATE (uploads per minute, 10),
 * BENCH_PAUSE_MS (between faults, 1000), BENCH_SEED (the order of the faults;
 * random, printed), BENCH_OVERHEAD_JOBS (20000), BENCH_OVERHEAD_ROUNDS (3).
 *
 * A fault's recovery lasts from the fault until every job that was in flight
 * anywhere at that moment has finished (a killed worker's job comes back when
 * its lock expires and a stalled check returns it). The next fault waits for
 * that, so that no job is killed twice.
 *
 * House rule: a baseline measured in the same run. For the messaging layer that
 * is a bare BullMQ worker: the same no-op job through our BullMqTransport (a
 * Nest microservice with @EventPattern handlers) and through a bare `Worker`
 * with an empty processor, same Redis, same queue, same job count and
 * concurrency, in alternating rounds, before the apps start.
 */
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, type MicroserviceOptions } from '@nestjs/microservices';
import { Queue, Worker } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BullMqTransport,
  Consumer,
  EventName,
  JobQueue,
  eventQueueOf,
  redisOptions,
  type EventEnvelope,
} from '@newsdesk/messaging';
import { describeReport } from '../test/faults/checker';
import { QUEUES_OF, type AppName, type ServiceName } from '../test/faults/cluster';
import { pictureFor, type Newsroom } from '../test/faults/load';
import { Rig, type Fault } from '../test/faults/rig';
import { seededRandom } from '@newsdesk/common';
import { loadStackModule, nonNegativeInt, positiveInt, stats, type BenchStack } from './support';

const KILLS = nonNegativeInt('BENCH_KILLS', 100);
const REDIS_RESTARTS = nonNegativeInt('BENCH_REDIS_RESTARTS', 20);
const POSTGRES_RESTARTS = nonNegativeInt('BENCH_POSTGRES_RESTARTS', 20);
const PUBLISH_RATE = positiveInt('BENCH_PUBLISH_RATE', 1);
const UPLOADS_PER_MINUTE = nonNegativeInt('BENCH_UPLOAD_RATE', 10);
const PAUSE_MS = nonNegativeInt('BENCH_PAUSE_MS', 1000);
const SEED = positiveInt('BENCH_SEED', randomBytes(4).readUInt32BE() || 1);
const OVERHEAD_JOBS = positiveInt('BENCH_OVERHEAD_JOBS', 20_000);
const OVERHEAD_ROUNDS = positiveInt('BENCH_OVERHEAD_ROUNDS', 3);
/** The transport's default; the bare worker gets the same. */
const CONCURRENCY = 4;
/** Work in flight at once from the load generator, at most (an open loop must not run away). */
const MAX_IN_FLIGHT = 100;
const DONE_TIMEOUT_MS = 300_000;
const OVERHEAD_GOAL = 0.7;

// ---------------------------------------------------------------------------
// The throwaway stack (scripts/lib/stack.mjs, plain Node ESM)
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// 1: the messaging layer against bare BullMQ
// ---------------------------------------------------------------------------

@Controller()
class NoopHandlers {
  @EventPattern(EventName.ArticlePublished)
  published(): void {}
  @EventPattern(EventName.ArticleUpdated)
  updated(): void {}
  @EventPattern(EventName.ArticleUnpublished)
  unpublished(): void {}
  @EventPattern(EventName.ArticleKilled)
  killed(): void {}
}

@Module({ controllers: [NoopHandlers] })
class NoopModule {}

/** Fills the queue with `count` no-op events (not timed). */
async function fill(queue: Queue, count: number): Promise<void> {
  for (let from = 0; from < count; from += 1000) {
    const jobs = Array.from({ length: Math.min(1000, count - from) }, (_, i) => {
      const envelope: EventEnvelope<EventName.ArticlePublished> = {
        id: `bench-${from + i}`,
        name: EventName.ArticlePublished,
        occurredAt: new Date().toISOString(),
        payload: { articleId: 'bench', slug: 'bench', version: 1, sectionIds: [] },
      };
      return {
        name: envelope.name,
        data: envelope,
        opts: { jobId: `${envelope.id}-${randomBytes(4).toString('hex')}`, removeOnComplete: true },
      };
    });
    await queue.addBulk(jobs);
  }
}

/** Waits until nothing is waiting or active; returns when. */
async function drained(queue: Queue): Promise<number> {
  for (;;) {
    const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
    if (counts.waiting + counts.active + counts.prioritized === 0) return performance.now();
    await sleep(5);
  }
}

async function throughputBare(redisUrl: string, queue: Queue): Promise<number> {
  await fill(queue, OVERHEAD_JOBS);
  const started = performance.now();
  const worker = new Worker(queue.name, async () => {}, {
    connection: redisOptions(redisUrl),
    concurrency: CONCURRENCY,
  });
  const ended = await drained(queue);
  await worker.close();
  return (OVERHEAD_JOBS * 1000) / (ended - started);
}

async function throughputTransport(redisUrl: string, queue: Queue): Promise<number> {
  await fill(queue, OVERHEAD_JOBS);
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(NoopModule, {
    strategy: new BullMqTransport({
      redisUrl,
      consumer: Consumer.Webhooks,
      concurrency: CONCURRENCY,
    }),
    logger: false,
  });
  const started = performance.now();
  await app.listen();
  const ended = await drained(queue);
  await app.close();
  return (OVERHEAD_JOBS * 1000) / (ended - started);
}

interface Overhead {
  bare: number[];
  transport: number[];
}

async function measureOverhead(redisUrl: string): Promise<Overhead> {
  const queue = new Queue(eventQueueOf(Consumer.Webhooks), { connection: redisOptions(redisUrl) });
  const result: Overhead = { bare: [], transport: [] };
  try {
    for (let round = 0; round < OVERHEAD_ROUNDS; round++) {
      result.bare.push(await throughputBare(redisUrl, queue));
      result.transport.push(await throughputTransport(redisUrl, queue));
      console.log(
        `  round ${round + 1}: bare BullMQ ${result.bare[round].toFixed(0)} jobs/s, ` +
          `BullMqTransport ${result.transport[round].toFixed(0)} jobs/s`,
      );
    }
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
  }
  return result;
}

// ---------------------------------------------------------------------------
// 2: the steady load
// ---------------------------------------------------------------------------

class Load {
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;
  private loops: Promise<void>[] = [];
  prepFailures: string[] = [];
  private picture = 0;

  constructor(private readonly desk: Newsroom) {}

  start(): void {
    this.loops = [
      this.every(1000 / PUBLISH_RATE, (i) => this.publication(i)),
      ...(UPLOADS_PER_MINUTE > 0
        ? [this.every(60_000 / UPLOADS_PER_MINUTE, () => this.upload())]
        : []),
    ];
  }

  /** Stops starting work and waits for what was started. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
    await Promise.all(this.inFlight);
  }

  private async every(intervalMs: number, work: (i: number) => Promise<void>): Promise<void> {
    const start = performance.now();
    for (let i = 0; !this.stopped; i++) {
      const wait = start + i * intervalMs - performance.now();
      if (wait > 0) await sleep(wait);
      if (this.inFlight.size >= MAX_IN_FLIGHT) continue;
      const task: Promise<void> = work(i)
        .catch((error: unknown) => {
          this.prepFailures.push(error instanceof Error ? error.message : String(error));
        })
        .finally(() => this.inFlight.delete(task));
      this.inFlight.add(task);
    }
  }

  private async publication(i: number): Promise<void> {
    const id = await this.desk.approvedStory(`Ausfallsicher ${SEED}-${i}: Dienst läuft weiter`);
    // Refused while a server restarts: the editor clicks again, until the API accepts.
    for (let attempt = 0; attempt < 20 && !(await this.desk.publish(id)); attempt++)
      await sleep(500);
  }

  private async upload(): Promise<void> {
    const file = await pictureFor(++this.picture + SEED, 800, 600);
    for (let attempt = 0; attempt < 20 && !(await this.desk.upload(file)); attempt++)
      await sleep(500);
  }
}

// ---------------------------------------------------------------------------
// 3: the faults
// ---------------------------------------------------------------------------

type Target = AppName | ServiceName;

function faultPlan(): Target[] {
  const plan: Target[] = [
    ...Array.from({ length: KILLS }, (_, i): Target => (i % 2 === 0 ? 'media' : 'workflow')),
    ...Array.from({ length: REDIS_RESTARTS }, (): Target => 'redis'),
    ...Array.from({ length: POSTGRES_RESTARTS }, (): Target => 'postgres'),
  ];
  const next = seededRandom(SEED);
  for (let i = plan.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [plan[i], plan[j]] = [plan[j], plan[i]];
  }
  return plan;
}

/** The jobs a fault should catch in the middle. */
const BUSY_QUEUES: Record<Target, readonly string[]> = {
  media: QUEUES_OF.media,
  workflow: [JobQueue.Publication, JobQueue.Submission],
  projector: QUEUES_OF.projector,
  api: [],
  redis: [JobQueue.Media, JobQueue.Publication, eventQueueOf(Consumer.Projector)],
  postgres: [JobQueue.Publication, JobQueue.Media, eventQueueOf(Consumer.Projector)],
};

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const lib = await loadStackModule();
  const benchStarted = Date.now();
  const root = mkdtempSync(join(tmpdir(), 'newsdesk-bench-faults-'));
  // mkdtemp creates 0700; as root, PostgreSQL runs as `postgres` and must traverse it.
  chmodSync(root, 0o755);
  let stack: BenchStack | null = null;
  let rig: Rig | null = null;
  let interrupted = false;
  const cleanUp = async () => {
    await rig?.stop().catch(() => undefined);
    await stack?.stop();
    rmSync(root, { recursive: true, force: true, maxRetries: 2 });
  };
  process.on('SIGINT', () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error('SIGINT: stopping the apps and the stack …');
    void cleanUp().finally(() => process.exit(130));
  });
  try {
    const plan = faultPlan();
    console.log(
      `faults benchmark: ${KILLS} worker kills, ${REDIS_RESTARTS} Redis and ${POSTGRES_RESTARTS} ` +
        `PostgreSQL restarts (seed ${SEED}); load ${PUBLISH_RATE} publication(s)/s, ` +
        `${UPLOADS_PER_MINUTE} upload(s)/min`,
    );
    const [postgres, redis, s3] = await lib.findFreePorts(3);
    lib.setStackLogger(null);
    stack = await lib.startStack({
      root,
      ports: { postgres, redis, s3 },
      database: 'newsdesk_bench',
      fast: true,
    });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...stack.env,
      NODE_ENV: 'test',
      JWT_SECRET: `bench-secret-${randomBytes(16).toString('hex')}`,
      WEBHOOK_BACKOFF_MS: '200',
    };
    console.log(`stack: ${stack.summary()} (in ${root})`);

    console.log(
      `messaging layer: ${OVERHEAD_JOBS} no-op events, concurrency ${CONCURRENCY}, ` +
        `${OVERHEAD_ROUNDS} alternating rounds`,
    );
    const overhead = await measureOverhead(String(env.REDIS_URL));

    const started = stack;
    rig = await Rig.start({
      env,
      control: { restart: (service) => started.restart(service) },
      logDir: join(root, 'logs', 'apps'),
    });
    const desk = await rig.newsroom('Betrieb');
    const load = new Load(desk);
    load.start();
    // Some work in every queue before the first fault.
    await sleep(5000);

    const faults: Fault[] = [];
    const runStarted = Date.now();
    for (const [i, target] of plan.entries()) {
      const fault = await rig.inject(target, BUSY_QUEUES[target], {
        waitActiveMs: 10_000,
        recoverMs: 180_000,
      });
      faults.push(fault);
      rig.cluster.assertNoCrash();
      if ((i + 1) % 10 === 0 || fault.recoveryMs === null) {
        console.log(
          `  ${i + 1}/${plan.length} faults after ${seconds(Date.now() - runStarted)}: last ${target}, ` +
            `${fault.held} job(s) in flight, back ${seconds(fault.backMs)}, recovered ` +
            `${fault.recoveryMs === null ? 'NEVER' : seconds(fault.recoveryMs)}; ` +
            `accepted so far ${desk.result.stories.size} publications, ${desk.result.images.size} uploads`,
        );
      }
      await sleep(PAUSE_MS);
    }
    await load.stop();
    const finished = await rig.checker.waitUntilDone(desk.result, DONE_TIMEOUT_MS);
    rig.cluster.assertNoCrash();
    const report = await rig.checker.check(desk.result);

    // ---- report ----
    const ratio = median(overhead.transport) / median(overhead.bare);
    const byTarget = (target: Target) => faults.filter((f) => f.target === target);
    const recovery = (list: Fault[]) =>
      stats(list.flatMap((f) => (f.recoveryMs === null ? [] : [f.recoveryMs])));
    const acceptedCount = report.accepted.stories + report.accepted.images;
    const completedCount = report.completed.stories + report.completed.images;
    const neverRecovered = faults.filter((f) => f.recoveryMs === null).length;
    const summary = {
      bench: 'faults',
      seed: SEED,
      seconds: Math.round((Date.now() - benchStarted) / 1000),
      faults: {
        kills: byTarget('media').length + byTarget('workflow').length,
        killsMidJob: faults.filter(
          (f) => (f.target === 'media' || f.target === 'workflow') && f.busy,
        ).length,
        redisRestarts: byTarget('redis').length,
        postgresRestarts: byTarget('postgres').length,
        neverRecovered,
      },
      jobs: {
        accepted: acceptedCount,
        acceptedPublications: report.accepted.stories,
        acceptedUploads: report.accepted.images,
        completed: completedCount,
        lost: acceptedCount - completedCount,
        doubled: report.doubled.length,
        refusedRequests: desk.result.refused,
        preparationFailures: load.prepFailures.length,
        rerunAfterCrash: report.reruns,
        repeatedWebhookPosts: report.webhookRepeats,
        finishedInTime: finished,
      },
      recoveryMs: {
        all: recovery(faults),
        mediaKill: recovery(byTarget('media')),
        workflowKill: recovery(byTarget('workflow')),
        redisRestart: recovery(byTarget('redis')),
        postgresRestart: recovery(byTarget('postgres')),
      },
      backMs: {
        mediaKill: stats(byTarget('media').map((f) => f.backMs)),
        workflowKill: stats(byTarget('workflow').map((f) => f.backMs)),
        redisRestart: stats(byTarget('redis').map((f) => f.backMs)),
        postgresRestart: stats(byTarget('postgres').map((f) => f.backMs)),
      },
      messaging: {
        jobs: OVERHEAD_JOBS,
        concurrency: CONCURRENCY,
        bareJobsPerSecond: Math.round(median(overhead.bare)),
        transportJobsPerSecond: Math.round(median(overhead.transport)),
        ratio: Math.round(ratio * 1000) / 1000,
        roundRatios: overhead.transport.map(
          (t, i) => Math.round((t / overhead.bare[i]) * 1000) / 1000,
        ),
        goal: OVERHEAD_GOAL,
      },
    };

    console.log('');
    console.log(describeReport(report));
    if (load.prepFailures.length)
      console.log(
        `preparation failures (not accepted, not counted): ${load.prepFailures.slice(0, 5).join('; ')}`,
      );
    console.log(
      `accepted ${acceptedCount} (${report.accepted.stories} publications, ${report.accepted.images} uploads), ` +
        `completed ${completedCount}, lost ${acceptedCount - completedCount} (goal 0), ` +
        `side effects doubled ${report.doubled.length} (goal 0)`,
    );
    if (faults.length) {
      const longest = Math.max(...faults.map((f) => f.recoveryMs ?? Infinity));
      console.log(
        `longest recovery ${seconds(longest)}; by fault (median / max): ` +
          (['media', 'workflow', 'redis', 'postgres'] as const)
            .filter((t) => byTarget(t).length > 0)
            .map((t) => {
              const s = recovery(byTarget(t));
              return `${t} ${seconds(s.p50)} / ${seconds(s.max)} (n=${s.n})`;
            })
            .join(', '),
      );
    }
    console.log(
      `messaging layer: BullMqTransport ${summary.messaging.transportJobsPerSecond} jobs/s vs bare ` +
        `BullMQ ${summary.messaging.bareJobsPerSecond} jobs/s (medians of the rounds) = ` +
        `${(ratio * 100).toFixed(1)} %; per round ${summary.messaging.roundRatios.map((r) => `${(r * 100).toFixed(0)} %`).join(', ')} ` +
        `(goal ≥ ${OVERHEAD_GOAL * 100} %: ${ratio >= OVERHEAD_GOAL ? 'met' : 'NOT met'})`,
    );
    console.log(`total ${seconds(Date.now() - benchStarted)}`);
    console.log(JSON.stringify(summary));
  } catch (error) {
    console.error(lib.describeError(error));
    throw new Error('benchmark failed', { cause: error });
  } finally {
    await cleanUp();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
