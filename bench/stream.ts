/**
 * Benchmark: the desk's live stream (`GET /api/stream`), in one run.
 *
 *   (a) BENCH_CONNECTIONS (1,000) streams open on one API process while
 *       BENCH_STORIES (200) approved stories are published at BENCH_RATE (20)
 *       per second: does every connection receive every event of the run
 *       (two `story.changed` per story: scheduled, then published), none
 *       twice? Prints the connections, the events sent (the outbox rows), the
 *       events received per connection (min, max), and the API's RSS.
 *   (b) Latency of the same run: from the event's outbox row (its
 *       `occurredAt`, taken in the transaction just before the commit) to its
 *       arrival at a stream client — at one probe client, and at the last of
 *       all the connections (the fan-out done).
 *
 * Starts its own throwaway stack (PostgreSQL, Redis, S3 on free ports in a
 * temp folder) and the api, workflow and projector apps as processes (the
 * build), seeds the demo content and signs in as its users.
 *
 *   npm run build && npm run bench:stream
 *
 * Env: BENCH_CONNECTIONS (1000), BENCH_STORIES (200), BENCH_RATE (20 per
 * second), BENCH_BASELINE_EVENTS (400), BENCH_TIMEOUT_MS (30000: how long to
 * wait for the last event after the last publication).
 *
 * House rule: every benchmark prints a baseline measured in the same run.
 * Here that is a bare Redis hop on the same Redis: XADD from one connection,
 * XREAD BLOCK on another, at the run's event rate (two per publication), the
 * time taken in the entry and read on arrival. The path under test adds the
 * outbox relay (LISTEN/NOTIFY, then the Lua append to the stream), the
 * API's reader and fan-out, and
 * HTTP to every client. All clients run in this process, on the same
 * 2 cores as everything else: their parsing is part of what is measured.
 */
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { redisOptions } from '@newsdesk/messaging';
import {
  BenchApi,
  atRate,
  inPool,
  positiveInt,
  printStatsTable,
  processCpuSeconds,
  rssMb,
  runOnStack,
  stats,
  type StackHarness,
} from './support';

const CONNECTIONS = positiveInt('BENCH_CONNECTIONS', 1000);
const STORIES = positiveInt('BENCH_STORIES', 200);
const RATE = positiveInt('BENCH_RATE', 20);
const BASELINE_EVENTS = positiveInt('BENCH_BASELINE_EVENTS', 400);
const TIMEOUT_MS = positiveInt('BENCH_TIMEOUT_MS', 30_000);
/** One approval step (Smart City needs two reviewers). */
const SECTION = 'it-infrastruktur';
const PREPARE_CONCURRENCY = 8;
/** Connections opened at once while the run sets up. */
const OPEN_CONCURRENCY = 50;
/** Each story's publication makes two desk events: scheduled (the request), published (the job). */
const EVENTS_PER_STORY = 2;
const RUN_TRANSITIONS = new Set(['schedule', 'release']);

// ---------------------------------------------------------------------------
// Stream clients
// ---------------------------------------------------------------------------

/** One stream connection: counts the run's events and notes when each arrived. */
class Connection {
  /** Entry ids of the run's events received, to find one received twice. */
  readonly ids = new Set<string>();
  received = 0;
  duplicates = 0;
  ended = false;
  private buffer = '';
  private ready!: () => void;
  readonly opened = new Promise<void>((resolve) => (this.ready = resolve));

  constructor(
    private readonly watched: Set<string>,
    private readonly onEvent: (entryId: string, occurredAt: number) => void,
  ) {}

  open(url: string, token: string): Promise<void> {
    const request = http.get(
      url,
      { agent: false, headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` } },
      (response: IncomingMessage) => {
        if (response.statusCode !== 200) {
          response.resume();
          this.ended = true;
          this.ready();
          return;
        }
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => this.take(chunk));
        response.on('close', () => (this.ended = true));
      },
    );
    request.on('error', () => {
      this.ended = true;
      this.ready();
    });
    this.close = () => request.destroy();
    return this.opened;
  }

  close: () => void = () => undefined;

  private take(chunk: string): void {
    this.buffer += chunk;
    let at: number;
    while ((at = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, at);
      this.buffer = this.buffer.slice(at + 2);
      if (block.includes('\nevent: ready\n')) this.ready();
      if (!block.includes('\nevent: story.changed\n')) continue;
      const id = block.slice(4, block.indexOf('\n'));
      // Two fields of the data without parsing all of it: a thousand clients share this process.
      const articleId = fieldOf(block, 'articleId');
      if (!articleId || !this.watched.has(articleId)) continue;
      if (!RUN_TRANSITIONS.has(fieldOf(block, 'transition') ?? '')) continue;
      if (this.ids.has(id)) {
        this.duplicates += 1;
        continue;
      }
      this.ids.add(id);
      this.received += 1;
      this.onEvent(id, Date.parse(fieldOf(block, 'occurredAt') ?? ''));
    }
  }
}

/** A string field of an event's JSON data, found by its key. */
function fieldOf(block: string, key: string): string | null {
  const at = block.indexOf(`"${key}":"`);
  if (at < 0) return null;
  const start = at + key.length + 4;
  return block.slice(start, block.indexOf('"', start));
}

// ---------------------------------------------------------------------------
// Baseline: a bare XADD → XREAD hop on the same Redis
// ---------------------------------------------------------------------------

async function bareRedisHop(redisUrl: string, count: number, rate: number): Promise<number[]> {
  const key = `bench:stream-baseline:${randomUUID()}`;
  const writer = new Redis(redisOptions(redisUrl));
  const reader = new Redis(redisOptions(redisUrl));
  const samples: number[] = [];
  let last = '0-0';
  let reading = true;
  const loop = (async () => {
    while (reading) {
      const reply = await reader.call('XREAD', 'BLOCK', 1000, 'STREAMS', key, last);
      if (!Array.isArray(reply) || reply.length === 0) continue;
      const pair = (typeof reply[0] === 'string' ? reply : reply[0]) as [
        string,
        [string, string[]][],
      ];
      const now = performance.timeOrigin + performance.now();
      for (const [id, fields] of pair[1]) {
        samples.push(now - Number(fields[1]));
        last = id;
      }
    }
  })();
  try {
    await atRate(count, rate, async () => {
      await writer.call(
        'XADD',
        key,
        'MAXLEN',
        '~',
        10_000,
        '*',
        'at',
        String(performance.timeOrigin + performance.now()),
      );
    });
    const deadline = Date.now() + 5000;
    while (samples.length < count && Date.now() < deadline) await sleep(20);
  } finally {
    reading = false;
    await loop.catch(() => undefined);
    await writer.del(key);
    writer.disconnect();
    reader.disconnect();
  }
  return samples;
}

// ---------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------

async function run(h: StackHarness): Promise<void> {
  const cluster = await h.start();
  const api = new BenchApi(cluster.apiUrl);
  const editor = await api.login('editor@newsdesk.test');
  const reviewer = await api.login('reviewer@newsdesk.test');
  // The desk's people: several sessions of several roles share the connections.
  const tokens = await Promise.all(
    ['editor', 'editor2', 'reviewer', 'chief', 'ops', 'admin'].map((who) =>
      api.login(`${who}@newsdesk.test`),
    ),
  );
  const runId = randomUUID().slice(0, 8);

  console.log(`preparing ${STORIES} approved stories in ${SECTION} …`);
  const stories = await api.approvedStories(
    STORIES,
    editor,
    [reviewer],
    (i) => ({
      section: SECTION,
      kicker: 'Benchmark',
      headline: `Live-Stream meldet die Veröffentlichung ${runId} Nr. ${i + 1}`,
      teaser: `Lauf ${runId}: Jede Veröffentlichung erreicht jeden offenen Desk in Millisekunden.`,
      body: [
        { type: 'paragraph', text: 'Die Redaktion sieht, was sich ändert, sobald es geschieht.' },
      ],
      format: 'news',
    }),
    PREPARE_CONCURRENCY,
  );
  const ids = stories.map((story) => story.id);
  const watched = new Set(ids);
  const apiPid = cluster.pid('api');
  const rssIdle = rssMb(apiPid);

  // Latency samples: at the probe (a connection of its own), and when the last connection got each event.
  const probeLatency: number[] = [];
  const arrivals = new Map<string, { occurredAt: number; count: number; last: number }>();
  const now = () => performance.timeOrigin + performance.now();
  const streamUrl = `${cluster.apiUrl}/api/stream`;
  console.log(`opening ${CONNECTIONS} stream connections …`);
  const connections = Array.from(
    { length: CONNECTIONS },
    () =>
      new Connection(watched, (id, occurredAt) => {
        const seen = arrivals.get(id) ?? { occurredAt, count: 0, last: 0 };
        seen.count += 1;
        seen.last = now();
        arrivals.set(id, seen);
      }),
  );
  const opening = performance.now();
  await inPool(CONNECTIONS, OPEN_CONCURRENCY, async (i) => {
    await connections[i].open(streamUrl, tokens[i % tokens.length]);
  });
  const refused = connections.filter((c) => c.ended).length;
  if (refused) throw new Error(`${refused} of ${CONNECTIONS} connections were refused or cut`);
  console.log(`  open in ${((performance.now() - opening) / 1000).toFixed(1)} s`);
  // The entry id's time part is Redis's clock at the XADD: it splits the path in two.
  const toAppend: number[] = [];
  const fromAppend: number[] = [];
  const probe = new Connection(watched, (id, occurredAt) => {
    const at = now();
    const appended = Number(id.slice(0, id.indexOf('-')));
    probeLatency.push(at - occurredAt);
    toAppend.push(appended - occurredAt);
    fromAppend.push(at - appended);
  });
  await probe.open(streamUrl, tokens[0]);
  await sleep(1000);
  const rssOpen = rssMb(apiPid);

  const loadBefore = loadavg()[0];
  const apps = ['api', 'workflow', 'projector'] as const;
  const cpuBefore = [...apps.map((app) => processCpuSeconds(cluster.pid(app))), process.cpuUsage()];
  const runStarted = performance.now();
  console.log(`publishing ${STORIES} stories at ${RATE}/s …`);
  let rssPeak = rssOpen ?? 0;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(apiPid) ?? 0)), 200);
  const expected = STORIES * EVENTS_PER_STORY;
  try {
    await atRate(STORIES, RATE, async (i) => {
      await api.publish(ids[i], reviewer);
    });
    const deadline = Date.now() + TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (connections.every((c) => c.received >= expected) && probe.received >= expected) break;
      await sleep(100);
    }
    // Whatever else would come (a duplicate) has had a moment to arrive.
    await sleep(1000);
  } finally {
    clearInterval(sampler);
  }
  cluster.assertNoCrash();
  const runSeconds = (performance.now() - runStarted) / 1000;
  const loadAfter = loadavg()[0];
  const ownCpu = process.cpuUsage(cpuBefore[3] as NodeJS.CpuUsage);
  const cpu = Object.fromEntries([
    ...apps.map((app, i) => [
      app,
      (processCpuSeconds(cluster.pid(app)) - (cpuBefore[i] as number)) / runSeconds,
    ]),
    ['bench clients', (ownCpu.user + ownCpu.system) / 1e6 / runSeconds],
  ]) as Record<string, number>;

  const db = new (await import('pg')).Client({ connectionString: h.env.DATABASE_URL });
  await db.connect();
  const sent = await db.query<{ n: number }>(
    `select count(*)::int as n from outbox
      where name = 'story.changed' and payload->>'articleId' = any($1::text[])
        and payload->>'transition' in ('schedule', 'release')`,
    [ids],
  );
  await db.end();
  const counts = connections.map((c) => c.received);
  const duplicates = connections.reduce((n, c) => n + c.duplicates, probe.duplicates);
  const cut = connections.filter((c) => c.ended).length;
  const fanOut = [...arrivals.values()].filter((a) => a.count === CONNECTIONS);
  for (const connection of [...connections, probe]) connection.close();

  console.log('\nbaseline: bare Redis XADD → XREAD BLOCK …');
  const baseline = await bareRedisHop(
    String(h.env.REDIS_URL),
    BASELINE_EVENTS,
    RATE * EVENTS_PER_STORY,
  );

  console.log('\n(a) every event to every connection');
  console.log(`  connections:                 ${CONNECTIONS} on one API process (+1 probe)`);
  console.log(
    `  events sent:                 ${sent.rows[0].n} (outbox rows; ${expected} expected)`,
  );
  console.log(
    `  received per connection:     min ${Math.min(...counts)}, max ${Math.max(...counts)}; probe ${probe.received}`,
  );
  console.log(`  received twice:              ${duplicates}`);
  console.log(`  connections cut:             ${cut}`);
  console.log(
    `  API RSS:                     ${rssIdle} MB before, ${rssOpen} MB with the connections open, peak ${rssPeak} MB`,
  );
  console.log(
    `  machine:                     ${availableParallelism()} cores, load average ${loadBefore.toFixed(1)} before publishing, ${loadAfter.toFixed(1)} after (other work included)`,
  );
  console.log(
    `  CPU (cores) while publishing: ${Object.entries(cpu)
      .map(([name, cores]) => `${name} ${cores.toFixed(2)}`)
      .join(', ')}`,
  );
  console.log(
    `\n(b) event (outbox row) → stream client, ${STORIES} publications at ${RATE}/s (ms)`,
  );
  printStatsTable('', [
    ['probe client', stats(probeLatency)],
    ['  of which: outbox row → XADD', stats(toAppend)],
    ['  of which: XADD → probe client', stats(fromAppend)],
    [`last of ${CONNECTIONS} connections`, stats(fanOut.map((a) => a.last - a.occurredAt))],
    ['baseline: bare Redis XADD → XREAD', stats(baseline)],
  ]);
  console.log(
    JSON.stringify({
      connections: CONNECTIONS,
      stories: STORIES,
      rate: RATE,
      sent: sent.rows[0].n,
      expected,
      receivedMin: Math.min(...counts),
      receivedMax: Math.max(...counts),
      probe: probe.received,
      duplicates,
      cut,
      rssMb: { idle: rssIdle, open: rssOpen, peak: rssPeak },
      cpuCores: cpu,
      loadAverage: { before: loadBefore, after: loadAfter },
      probeLatency: stats(probeLatency),
      toAppend: stats(toAppend),
      fromAppend: stats(fromAppend),
      fanOutLatency: stats(fanOut.map((a) => a.last - a.occurredAt)),
      baseline: stats(baseline),
    }),
  );
  const lost = Math.min(...counts) < expected || probe.received < expected;
  if (lost || duplicates || cut) throw new Error('events were lost, doubled or cut off');
}

runOnStack('stream', ['api', 'workflow', 'projector'], run);
