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
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import http, { type IncomingMessage } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { redisOptions } from '@newsdesk/messaging';
import { Cluster } from '../test/faults/cluster';
import {
  BenchApi,
  REPO_ROOT,
  atRate,
  inPool,
  loadStackModule,
  positiveInt,
  printStatsTable,
  stats,
  type BenchStack,
  type StackModule,
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
// The stack and the apps
// ---------------------------------------------------------------------------

class Harness {
  root = '';
  stack: BenchStack | null = null;
  cluster: Cluster | null = null;
  env: NodeJS.ProcessEnv = {};

  constructor(readonly lib: StackModule) {}

  async start(): Promise<void> {
    this.root = mkdtempSync(join(tmpdir(), 'newsdesk-bench-stream-'));
    // mkdtemp creates 0700; as root, PostgreSQL runs as `postgres` and must traverse it.
    chmodSync(this.root, 0o755);
    const [postgres, redis, s3] = await this.lib.findFreePorts(3);
    this.lib.setStackLogger(null);
    this.stack = await this.lib.startStack({
      root: this.root,
      ports: { postgres, redis, s3 },
      database: 'newsdesk_bench',
      fast: true,
    });
    this.env = {
      ...process.env,
      ...this.stack.env,
      NODE_ENV: 'test',
      JWT_SECRET: `bench-secret-${randomBytes(16).toString('hex')}`,
    };
    console.log(`stack: ${this.stack.summary()} (in ${this.root})`);
    const cli = join(REPO_ROOT, 'dist', 'libs', 'database', 'src', 'cli.js');
    await this.runToEnd('migrate', [cli, 'migrate']);
    await this.runToEnd('seed', [cli, 'seed']);
    this.cluster = new Cluster({ env: this.env, logDir: join(this.root, 'logs') });
    await this.cluster.start(['api', 'workflow', 'projector']);
  }

  private async runToEnd(name: string, args: string[]): Promise<void> {
    const logFile = join(this.root, 'logs', `${name}.log`);
    const fd = openSync(logFile, 'a');
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env: this.env,
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    const code = await new Promise<number | string>((done) => {
      child.once('error', (error) => done(error.message));
      child.once('exit', (exitCode, signal) => done(exitCode ?? signal ?? -1));
    });
    if (code !== 0) throw new Error(`${name} failed (${code}):\n${this.lib.tailLog(logFile)}`);
  }

  async stop(): Promise<void> {
    await this.cluster?.stop().catch(() => undefined);
    await this.stack?.stop();
    if (this.root) rmSync(this.root, { recursive: true, force: true, maxRetries: 2 });
  }
}

/** CPU seconds (user + system) a process used so far, from /proc; 0 when unknown. */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Resident memory of a process in MB, from /proc; null when unknown. */
function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
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

async function run(h: Harness): Promise<void> {
  await h.start();
  const cluster = h.cluster!;
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
  const ids: string[] = [];
  await inPool(STORIES, PREPARE_CONCURRENCY, async (i) => {
    const story = await api.approvedStory(editor, [reviewer], {
      section: SECTION,
      kicker: 'Benchmark',
      headline: `Live-Stream meldet die Veröffentlichung ${runId} Nr. ${i + 1}`,
      teaser: `Lauf ${runId}: Jede Veröffentlichung erreicht jeden offenen Desk in Millisekunden.`,
      body: [
        { type: 'paragraph', text: 'Die Redaktion sieht, was sich ändert, sobald es geschieht.' },
      ],
      format: 'news',
    });
    ids.push(story.id);
  });
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
  const cpuBefore = [...apps.map((app) => cpuSeconds(cluster.pid(app))), process.cpuUsage()];
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
      (cpuSeconds(cluster.pid(app)) - (cpuBefore[i] as number)) / runSeconds,
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

async function main(): Promise<void> {
  const lib = await loadStackModule();
  const h = new Harness(lib);
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`${signal}: stopping the apps and the stack …`);
    void h.stop().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await run(h);
  } catch (error) {
    console.error(lib.describeError(error));
    for (const app of ['api', 'workflow', 'projector'] as const)
      console.error(`--- ${app} ---\n${h.cluster?.logTail(app) ?? ''}`);
    throw new Error('benchmark failed', { cause: error });
  } finally {
    await h.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
