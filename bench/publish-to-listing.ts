/**
 * Benchmark: how long after "publish" (the 202) does a story show in its
 * section's teaser listing? Runs against the stack `npm start` brings up.
 *
 *   npm run build && node dist/bench/publish-to-listing.js
 *
 * Env: BENCH_API_URL (http://127.0.0.1:3000), BENCH_STORIES (200),
 * BENCH_RATE (publishes per second, 20), BENCH_TIMEOUT_MS (30000),
 * REDIS_URL (redis://127.0.0.1:63799, the `npm start` Redis).
 *
 * House rule: every benchmark prints a baseline measured in the same run.
 * Here that is the floor of the two things our path is made of: one bare
 * Fastify round trip and one bare BullMQ hop. The path itself has two queue
 * hops (publication job, then article.published to the projector) plus the
 * Postgres transactions and the outbox relay in between.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue, Worker } from 'bullmq';
import Fastify from 'fastify';
import { redisOptions } from '@newsdesk/messaging';
import { measurePublishToListing } from './visibility';
import {
  BenchApi,
  atRate,
  inPool,
  positiveInt,
  printStatsTable,
  stats,
  type BenchArticle,
} from './support';

const API = (process.env.BENCH_API_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
const STORIES = positiveInt('BENCH_STORIES', 200);
const RATE = positiveInt('BENCH_RATE', 20);
const TIMEOUT_MS = positiveInt('BENCH_TIMEOUT_MS', 30_000);
const api = new BenchApi(API, TIMEOUT_MS);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:63799';
// A section with one approval step (Smart City needs two reviewers).
const SECTION = 'it-infrastruktur';
// The API caps `limit` at 50; at 20/s a story would need > 2.5 s to be pushed out unseen.
const LISTING_PATH = `/public/sections/${SECTION}/teasers?limit=50`;
const PREPARE_CONCURRENCY = 8;
const POLL_EVERY_MS = 5;
const WARM_UP = 20;

// ---------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// 1 + 2: approved stories (not measured)
// ---------------------------------------------------------------------------

async function prepareStories(
  editor: string,
  reviewer: string,
  runId: string,
): Promise<BenchArticle[]> {
  const stories: BenchArticle[] = [];
  await inPool(STORIES, PREPARE_CONCURRENCY, async (i) => {
    stories.push(
      await api.approvedStory(editor, [reviewer], {
        section: SECTION,
        kicker: 'Benchmark',
        headline: `Sensoren melden Füllstand ${runId} Nr. ${i + 1}`,
        teaser: `Lauf ${runId}: Sensoren in 400 Behältern sparen der Stadt zwei Leerungsfahrten pro Woche.`,
        body: [
          { type: 'paragraph', text: 'Die Stadt hat ihre Abfallbehälter mit Sensoren versehen.' },
        ],
        format: 'news',
      }),
    );
  });
  return stories;
}

// ---------------------------------------------------------------------------
// 4a: bare Fastify round trip
// ---------------------------------------------------------------------------

async function measureFastify(body: string): Promise<number[]> {
  const server = Fastify({ logger: false });
  server.get('/teasers', (_request, reply) => reply.type('application/json').send(body));
  await server.listen({ port: 0, host: '127.0.0.1' });
  try {
    const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/teasers`;
    const get = async () => {
      const started = performance.now();
      const response = await fetch(url);
      await response.text();
      return performance.now() - started;
    };
    // The stack had the preparation phase to open connections and warm the JIT; give this the same.
    for (let i = 0; i < WARM_UP; i++) await get();
    const samples: number[] = [];
    await atRate(STORIES, RATE, async () => {
      samples.push(await get());
    });
    return samples;
  } finally {
    await server.close();
  }
}

// ---------------------------------------------------------------------------
// 4b: bare BullMQ hop
// ---------------------------------------------------------------------------

async function measureBullMq(runId: string): Promise<number[]> {
  const connection = redisOptions(REDIS_URL);
  const name = `bench-hop-${runId}`;
  const queue = new Queue(name, { connection });
  const added = new Map<string, number>();
  const started = new Map<string, number>();
  const worker = new Worker(
    name,
    (job) => {
      started.set(job.id ?? '', performance.now());
      return Promise.resolve();
    },
    { connection },
  );
  try {
    await worker.waitUntilReady();
    const hop = async (id: string) => {
      await queue.add('hop', {}, { jobId: id, removeOnComplete: true });
      added.set(id, performance.now());
    };
    for (let i = 0; i < WARM_UP; i++) await hop(`warm-${i}`);
    await atRate(STORIES, RATE, (i) => hop(`hop-${i}`));

    // The worker may still be on the last jobs; wait for them, but not forever.
    const deadline = performance.now() + TIMEOUT_MS;
    const measured = () => [...added.keys()].filter((id) => id.startsWith('hop-'));
    while (measured().some((id) => !started.has(id)) && performance.now() < deadline) {
      await sleep(POLL_EVERY_MS);
    }
    return measured()
      .filter((id) => started.has(id))
      .map((id) => (started.get(id) ?? 0) - (added.get(id) ?? 0));
  } finally {
    await worker.close();
    // A throwaway queue: leave nothing behind in the dev Redis.
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

// ---------------------------------------------------------------------------
// 5: report
// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const runId = randomUUID().slice(0, 8);
  console.log(`publish → listing benchmark ${runId}: ${STORIES} stories at ${RATE}/s on ${API}`);

  const [editor, reviewer] = await Promise.all([
    api.login('editor@newsdesk.test'),
    api.login('reviewer@newsdesk.test'),
  ]);

  let started = performance.now();
  const stories = await prepareStories(editor, reviewer, runId);
  console.log(
    `prepared ${stories.length} approved stories in ${Math.round(performance.now() - started)} ms`,
  );

  started = performance.now();
  const run = await measurePublishToListing(api, reviewer, stories, {
    rate: RATE,
    listingUrl: `${API}${LISTING_PATH}`,
    timeoutMs: TIMEOUT_MS,
  });
  console.log(`published in ${Math.round(performance.now() - started)} ms`);
  for (const message of run.publishErrors.slice(0, 3)) console.log(`publish failed: ${message}`);

  // Same payload size as the real listing, falling back to a fresh read if no poll ran.
  const body = run.listingBody || (await (await fetch(`${API}${LISTING_PATH}`)).text());
  const fastify = await measureFastify(body);
  const bullmq = await measureBullMq(runId);

  const summary = {
    bench: 'publish-to-listing',
    stories: STORIES,
    targetRate: RATE,
    achievedRate: run.achievedRate,
    notVisible: run.notVisible,
    timeoutMs: TIMEOUT_MS,
    publishErrors: run.publishErrors.length,
    publishToVisibleMs: stats(run.latencies),
    fastifyRoundTripMs: stats(fastify),
    bullmqHopMs: stats(bullmq),
    listingBytes: Buffer.byteLength(body),
  };

  console.log('');
  printStatsTable('(ms)', [
    ['publish → visible in listing', summary.publishToVisibleMs],
    ['bare Fastify round trip', summary.fastifyRoundTripMs],
    ['bare BullMQ hop', summary.bullmqHopMs],
  ]);
  console.log(
    `publish rate ${summary.achievedRate}/s (target ${RATE}/s); ` +
      `not visible within ${TIMEOUT_MS / 1000} s: ${run.notVisible}; ` +
      `publish errors: ${run.publishErrors.length}`,
  );
  console.log(JSON.stringify(summary));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
