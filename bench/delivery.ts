/**
 * Benchmark: public delivery, in one run.
 *
 *   1. Throughput and latency of a cached section teaser listing
 *      (`GET /public/sections/smart-city/teasers?limit=10`, read model warm in
 *      Redis) under autocannon, against a bare Fastify server that serves the
 *      very same bytes and headers from memory; then the API again at a fixed
 *      rate of half the bare figure (autocannon's `overallRate`).
 *   2. Publish → listing visible: approved stories published at a steady rate
 *      for a minute; the time from the 202 of `POST /api/articles/:id/publish`
 *      to the story being in its section listing.
 *
 * Runs against the stack `npm start` brings up:
 *
 *   npm run build && npm run bench:delivery
 *
 * Env: BENCH_API_URL (http://127.0.0.1:3000), BENCH_SECONDS (publishing time,
 * 60), BENCH_RATE (publishes per second, 20), BENCH_LOAD_SECONDS (each
 * autocannon run; 10, or BENCH_SECONDS if shorter), BENCH_CONNECTIONS (autocannon
 * connections, 20), BENCH_WARM_PUBLISH_SECONDS (publishing before the measured
 * minute, not reported; 5), BENCH_STAGGER (autocannon instances of the paced run, 10),
 * BENCH_TIMEOUT_MS (30000), BENCH_API_PID (the API process, for its CPU
 * share; found from the port otherwise).
 *
 * House rule: every benchmark prints a baseline measured in the same run. For
 * (1) that is the bare Fastify server: same route, same body bytes, same
 * response headers (copied from the API's reply, ETag included), its own
 * process like the API, with none of Nest, the guard, Redis, JSON parsing or
 * hashing in between. For (2) the scale is given by the issue: a CDN purge
 * reaches the edge in about 150 ms at best.
 *
 * Caveats the report repeats: autocannon runs in this process, on the same
 * machine (2 cores here) as the API, Redis and Postgres, so the load generator
 * takes CPU from the server it measures — the same for both sides, which is
 * why the ratio matters more than the absolute figures. autocannon's
 * `overallRate` is not a smooth rate: every connection sends back to back
 * until it has used its share of the second, then waits for the next second,
 * so the "half rate" run is one burst per second at full speed. The paced row
 * spreads the same rate over BENCH_STAGGER instances started evenly across
 * the second (smaller bursts, ten times a second). Latencies are each
 * response's own time (float ms, from autocannon's `response` event);
 * autocannon's histogram keeps whole milliseconds and, with a rate, adds
 * coordinated-omission samples at a 1 ms interval whatever the rate
 * (`Math.ceil(1 / rate)` in lib/run.js), so its p99 is shown beside ours only.
 *
 * The run leaves RATE × SECONDS stories published in `it-infrastruktur` of the
 * development database; delete `.data/` for a clean demo.
 */
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify from 'fastify';
import {
  BenchApi,
  inPool,
  nonNegativeInt,
  positiveInt,
  printStatsTable,
  round2,
  stats,
  type BenchArticle,
  type Stats,
} from './support';
import { measurePublishToListing, type PublishRun } from './visibility';

const API = (process.env.BENCH_API_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
const SECONDS = positiveInt('BENCH_SECONDS', 60);
/** Publishing at the same rate before the measured run, not reported (0 to skip). */
const WARM_PUBLISH_SECONDS = nonNegativeInt('BENCH_WARM_PUBLISH_SECONDS', 5);
const RATE = positiveInt('BENCH_RATE', 20);
const LOAD_SECONDS = positiveInt('BENCH_LOAD_SECONDS', Math.min(10, SECONDS));
const WARM_SECONDS = Math.min(3, LOAD_SECONDS);
/**
 * 20 saturates both servers here (one Node process each, on 2 cores, with
 * autocannon in a third): 50 gave the same req/s and only longer queues.
 */
const CONNECTIONS = positiveInt('BENCH_CONNECTIONS', 20);
const STAGGER = positiveInt('BENCH_STAGGER', 10);
const TIMEOUT_MS = positiveInt('BENCH_TIMEOUT_MS', 30_000);
const api = new BenchApi(API, TIMEOUT_MS);
const CORES = availableParallelism();

const LISTING_SECTION = 'smart-city';
const LISTING_ROUTE = `/public/sections/${LISTING_SECTION}/teasers`;
const LISTING_PATH = `${LISTING_ROUTE}?limit=10`;
/** One approval step (Smart City has two); more approvals are given if the section asks for them. */
const PUBLISH_SECTION = 'it-infrastruktur';
// The API caps `limit` at 50; at 20/s a story would need > 2.5 s to be pushed out unseen.
const PUBLISH_LISTING_PATH = `/public/sections/${PUBLISH_SECTION}/teasers?limit=50`;
const PREPARE_CONCURRENCY = 8;
const SETTLE_MS = 2000;
/** Publish → visible is also reported per slice of the run: a rising median means a backlog. */
const SLICE_SECONDS = 10;
/** Response headers the bare server copies from the API's reply, so both send the same bytes. */
const COPIED_HEADERS = ['content-type', 'cache-control', 'etag', 'surrogate-key'];
const BARE_SERVER_FLAG = '--bare-server';
/** Linux USER_HZ: the unit of utime/stime in /proc/<pid>/stat. */
const CLOCK_TICKS = 100;

const GOALS = { ratio: 0.6, halfRateP99Ms: 20, publishP99Ms: 100 };
/** The half-rate goal needs the rate too: a run that falls short of it measures saturation instead. */
const RATE_REACHED = 0.95;

// ---------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------

/** A cacheable reply as sent: the body bytes and the headers the bare server copies. */
interface CapturedReply {
  body: string;
  headers: Record<string, string>;
}

async function capture(url: string): Promise<CapturedReply> {
  const response = await fetch(url);
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${body}`);
  const headers: Record<string, string> = {};
  for (const name of COPIED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { body, headers };
}

// ---------------------------------------------------------------------------
// Scheduling and statistics
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// /proc: CPU of the API, of the bare server, of this process, of the machine
// ---------------------------------------------------------------------------

/** utime + stime in seconds, from /proc/<pid>/stat; null when unknown or gone. */
function procCpuSeconds(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: split after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Busy CPU seconds of the whole machine so far (all cores); null off Linux. */
function machineBusySeconds(): number | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1);
    const ticks = cpu.map(Number);
    const idle = ticks[3] + ticks[4]; // idle + iowait
    const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0); // without guest (already in user)
    return (total - idle) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/**
 * The process listening on a local TCP port (from /proc/net/tcp{,6} and the
 * sockets in /proc/<pid>/fd). Several stacks may run the same command line on
 * one machine, so the port is the reliable way to find the API we load.
 */
function pidListeningOn(port: number): number | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is ADDR:PORT; state 0A is LISTEN; the inode is the tenth field.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A') inodes.add(fields[9]);
    }
  }
  if (inodes.size === 0) return null;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${name}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${name}/fd/${fd}`))?.[1];
        if (inode && inodes.has(inode)) return Number(name);
      } catch {
        // closed meanwhile
      }
    }
  }
  return null;
}

function findApiPid(): number | null {
  if (process.env.BENCH_API_PID) return Number(process.env.BENCH_API_PID);
  const url = new URL(API);
  const host = url.hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') return null;
  return pidListeningOn(Number(url.port || (url.protocol === 'https:' ? 443 : 80)));
}

/** CPU used over an interval, as a share of one core (1 = one core fully busy). */
class CpuMeter {
  private readonly wall = performance.now();
  private readonly own = process.cpuUsage();
  private readonly machine = machineBusySeconds();
  private readonly servers: (number | null)[];

  constructor(private readonly serverPids: (number | null)[]) {
    this.servers = serverPids.map(procCpuSeconds);
  }

  read(): { generator: number; servers: (number | null)[]; machine: number | null } {
    const seconds = (performance.now() - this.wall) / 1000;
    const own = process.cpuUsage(this.own);
    const share = (used: number) => round2(used / seconds);
    const machineNow = machineBusySeconds();
    return {
      generator: share((own.user + own.system) / 1e6),
      servers: this.serverPids.map((pid, i) => {
        const now = procCpuSeconds(pid);
        const before = this.servers[i];
        return now === null || before === null ? null : share(now - before);
      }),
      machine:
        machineNow === null || this.machine === null ? null : share(machineNow - this.machine),
    };
  }
}

// ---------------------------------------------------------------------------
// 1: the bare Fastify server (a child process, like the API is one)
// ---------------------------------------------------------------------------

/** In the child: serve the captured reply on the listing's route until the parent goes. */
function runBareServer(): void {
  process.on('disconnect', () => process.exit(0));
  process.once('message', (reply: CapturedReply) => {
    const server = Fastify({ logger: false });
    server.get(LISTING_ROUTE, (_request, response) =>
      response.headers(reply.headers).send(reply.body),
    );
    server.listen({ port: 0, host: '127.0.0.1' }).then(
      () => process.send?.({ port: (server.server.address() as AddressInfo).port }),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

interface BareServer {
  url: string;
  pid: number | null;
  stop: () => Promise<void>;
}

async function startBareServer(reply: CapturedReply): Promise<BareServer> {
  const child: ChildProcess = fork(__filename, [BARE_SERVER_FLAG], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // Whatever happens to this process, the child goes with it.
  const killChild = () => void child.kill('SIGKILL');
  process.once('exit', killChild);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('error', reject);
    void exited.then(() => reject(new Error('the bare Fastify server exited before listening')));
    child.send(reply);
  });
  return {
    url: `http://127.0.0.1:${port}${LISTING_PATH}`,
    pid: child.pid ?? null,
    stop: async () => {
      process.removeListener('exit', killChild);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

// ---------------------------------------------------------------------------
// 1: autocannon runs
// ---------------------------------------------------------------------------

interface LoadRun {
  label: string;
  connections: number;
  /** Requests per second asked for (autocannon's overallRate); null for as fast as possible. */
  targetRate: number | null;
  /** 2xx answers per second over the run. */
  rps: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latencyMs: Stats;
  /** autocannon's own p99: whole ms, and with a rate its coordinated-omission correction. */
  autocannonP99: number;
  /** CPU as a share of one core: this process (autocannon), the server loaded, the machine. */
  cpu: { generator: number; server: number | null; machine: number | null };
}

/**
 * One autocannon run, or `instances` of them at once (their connections and
 * rate split between them) started evenly across one second, so that
 * `overallRate`'s once-a-second bursts come `instances` times a second instead.
 */
async function load(
  label: string,
  url: string,
  serverPid: number | null,
  options: { seconds: number; connections: number; overallRate?: number; instances?: number },
): Promise<LoadRun> {
  const instances = options.instances ?? 1;
  const share = (total: number, i: number) =>
    Math.floor(total / instances) + (i < total % instances ? 1 : 0);
  const latencies: number[] = [];
  const meter = new CpuMeter([serverPid]);
  const results = await Promise.all(
    Array.from({ length: instances }, async (_, i) => {
      await sleep((i * 1000) / instances);
      return new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url,
            connections: Math.max(1, share(options.connections, i)),
            duration: options.seconds,
            ...(options.overallRate ? { overallRate: share(options.overallRate, i) } : {}),
          },
          (error: unknown, result: autocannon.Result) => {
            if (error) reject(error instanceof Error ? error : new Error('autocannon failed'));
            else resolve(result);
          },
        );
        instance.on('response', (_client, statusCode, _bytes, responseTime) => {
          if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
        });
      });
    }),
  );
  const cpu = meter.read();
  const sum = (pick: (r: autocannon.Result) => number) => results.reduce((a, r) => a + pick(r), 0);
  return {
    label,
    connections: sum((r) => r.connections),
    targetRate: options.overallRate ?? null,
    rps: Math.round(sum((r) => r['2xx'] / r.duration)),
    ok: sum((r) => r['2xx']),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    latencyMs: stats(latencies),
    autocannonP99: Math.max(...results.map((r) => r.latency.p99)),
    cpu: { generator: cpu.generator, server: cpu.servers[0], machine: cpu.machine },
  };
}

interface DeliveryRun {
  listingBytes: number;
  bare: LoadRun;
  api: LoadRun;
  halfRate: LoadRun;
  paced: LoadRun;
  /** API req/s over bare req/s, both at full speed. */
  ratio: number;
  /** Whether the listing was the same (ETag) before and after the load runs. */
  listingUnchanged: boolean;
}

async function measureDelivery(apiPid: number | null): Promise<DeliveryRun> {
  const apiUrl = `${API}${LISTING_PATH}`;
  // The first read may rebuild a cold listing; after it the read model is in Redis.
  await capture(apiUrl);
  const reply = await capture(apiUrl);
  const bare = await startBareServer(reply);
  try {
    const bareReply = await capture(bare.url);
    if (bareReply.body !== reply.body)
      throw new Error('the bare server does not send the same body');

    const run = (
      label: string,
      target: 'bare' | 'api',
      options: { seconds: number; connections: number; overallRate?: number; instances?: number },
    ) =>
      load(
        label,
        target === 'bare' ? bare.url : apiUrl,
        target === 'bare' ? bare.pid : apiPid,
        options,
      );
    const full = { seconds: LOAD_SECONDS, connections: CONNECTIONS };
    const warm = { seconds: WARM_SECONDS, connections: CONNECTIONS };

    // JIT, connection pools and the Redis client warm on both sides first; not reported.
    console.log(`warming up (${WARM_SECONDS} s each) …`);
    await run('warm bare', 'bare', warm);
    await run('warm api', 'api', warm);

    console.log(`autocannon: ${LOAD_SECONDS} s, ${CONNECTIONS} connections per run …`);
    const bareRun = await run('bare Fastify, same bytes', 'bare', full);
    const apiRun = await run('API section teasers', 'api', full);
    const halfRate = Math.max(1, Math.round(bareRun.rps / 2));
    const halfRun = await run('API at ½ bare rate', 'api', { ...full, overallRate: halfRate });
    const pacedRun = await run(`API at ½ bare rate, ${STAGGER} staggered`, 'api', {
      ...full,
      overallRate: halfRate,
      instances: STAGGER,
    });

    const after = await capture(apiUrl);
    return {
      listingBytes: Buffer.byteLength(reply.body),
      bare: bareRun,
      api: apiRun,
      halfRate: halfRun,
      paced: pacedRun,
      ratio: round2(apiRun.rps / bareRun.rps),
      listingUnchanged: after.headers.etag === reply.headers.etag,
    };
  } finally {
    await bare.stop();
  }
}

// ---------------------------------------------------------------------------
// 2: approved stories (not measured)
// ---------------------------------------------------------------------------

async function prepareStories(
  count: number,
  editor: string,
  reviewers: string[],
  runId: string,
): Promise<BenchArticle[]> {
  const stories: BenchArticle[] = [];
  await inPool(count, PREPARE_CONCURRENCY, async (i) => {
    // One approval per step of the section, by a different reviewer each.
    stories.push(
      await api.approvedStory(editor, reviewers, {
        section: PUBLISH_SECTION,
        kicker: 'Benchmark',
        headline: `Rechenzentrum meldet Auslastung ${runId} Nr. ${i + 1}`,
        teaser: `Lauf ${runId}: Das kommunale Rechenzentrum veröffentlicht seine Auslastung jetzt stündlich.`,
        body: [
          { type: 'paragraph', text: 'Das Rechenzentrum misst Strom, Kühlung und Auslastung.' },
        ],
        format: 'news',
      }),
    );
  });
  return stories;
}

// ---------------------------------------------------------------------------
// 2: publish → visible in the listing (measured)
// ---------------------------------------------------------------------------

interface DeliveryPublishRun extends PublishRun {
  /** Per slice of SLICE_SECONDS by the time of the 202: a stage that cannot keep up shows as a rise. */
  bySlice: { from: number; p50: number; p99: number; n: number }[];
  cpu: { generator: number; api: number | null; machine: number | null };
}

/** Publish → visible in the listing, with the CPU it took and the latencies per slice of the run. */
async function measurePublishing(
  reviewer: string,
  stories: BenchArticle[],
  apiPid: number | null,
): Promise<DeliveryPublishRun> {
  const meter = new CpuMeter([apiPid]);
  const run = await measurePublishToListing(api, reviewer, stories, {
    rate: RATE,
    listingUrl: `${API}${PUBLISH_LISTING_PATH}`,
    timeoutMs: TIMEOUT_MS,
  });
  const cpu = meter.read();

  const slices = new Map<number, number[]>();
  run.latencies.forEach((ms, i) => {
    const slice =
      Math.floor((run.acceptedAt[i] - run.firstAcceptedAt) / 1000 / SLICE_SECONDS) * SLICE_SECONDS;
    const bucket = slices.get(slice) ?? [];
    bucket.push(ms);
    slices.set(slice, bucket);
  });
  return {
    ...run,
    bySlice: [...slices]
      .sort(([a], [b]) => a - b)
      .map(([from, samples]) => {
        const s = stats(samples);
        return { from, p50: s.p50, p99: s.p99, n: s.n };
      }),
    cpu: { generator: cpu.generator, api: cpu.servers[0], machine: cpu.machine },
  };
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

const cell = (text: string, width = 9) => text.padStart(width);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

function printLoadTable(rows: LoadRun[]): void {
  const columns = ['conns', 'rate', 'req/s', 'p50', 'p95', 'p99', 'max', 'ac p99', 'non2xx'];
  const labelWidth = Math.max(...rows.map((r) => r.label.length));
  console.log(`${'(latency ms)'.padEnd(labelWidth)}${columns.map((c) => cell(c)).join('')}`);
  for (const r of rows) {
    const cells = [
      String(r.connections),
      r.targetRate === null ? 'max' : String(r.targetRate),
      String(r.rps),
      r.latencyMs.p50.toFixed(2),
      r.latencyMs.p95.toFixed(2),
      r.latencyMs.p99.toFixed(2),
      r.latencyMs.max.toFixed(2),
      String(r.autocannonP99),
      String(r.non2xx + r.errors),
    ];
    console.log(`${r.label.padEnd(labelWidth)}${cells.map((c) => cell(c)).join('')}`);
  }
  const percent = (share: number | null) => (share === null ? '?' : `${Math.round(share * 100)}%`);
  for (const r of rows) {
    console.log(
      `  ${r.label}: CPU autocannon ${percent(r.cpu.generator)}, server ${percent(r.cpu.server)}, ` +
        `machine ${percent(r.cpu.machine)} of ${CORES * 100}%`,
    );
  }
}

async function main(): Promise<void> {
  const runId = randomUUID().slice(0, 8);
  const apiPid = findApiPid();
  const load1 = loadavg().map((l) => l.toFixed(2));
  console.log(
    `delivery benchmark ${runId} on ${API} (API pid ${apiPid ?? 'unknown'}); ${CORES} cores, ` +
      `load average ${load1.join(' ')}; autocannon runs in this process on the same machine`,
  );

  // -- 1 --------------------------------------------------------------------
  const delivery = await measureDelivery(apiPid);
  console.log('');
  console.log(`1) cached listing GET ${LISTING_PATH} (${delivery.listingBytes} bytes)`);
  printLoadTable([delivery.bare, delivery.api, delivery.halfRate, delivery.paced]);
  const half = delivery.halfRate;
  const halfRateReached = half.rps >= RATE_REACHED * (half.targetRate ?? 0);
  const halfRateGoal = halfRateReached && half.latencyMs.p99 <= GOALS.halfRateP99Ms;
  console.log(
    `API/bare ${Math.round(delivery.ratio * 100)}% (goal ≥ ${GOALS.ratio * 100}%: ` +
      `${verdict(delivery.ratio >= GOALS.ratio)}); at ½ bare rate ${half.rps} of ${half.targetRate} req/s ` +
      `${halfRateReached ? 'reached' : 'NOT reached (the run measures saturation)'}, p99 ` +
      `${half.latencyMs.p99.toFixed(2)} ms, paced ${delivery.paced.latencyMs.p99.toFixed(2)} ms ` +
      `(goal ≤ ${GOALS.halfRateP99Ms} ms at that rate: ${verdict(halfRateGoal)})` +
      (delivery.listingUnchanged ? '' : '; the listing changed during the runs'),
  );
  console.log('');

  // -- 2 --------------------------------------------------------------------
  const count = RATE * SECONDS;
  const [editor, reviewer, chief] = await Promise.all([
    api.login('editor@newsdesk.test'),
    api.login('reviewer@newsdesk.test'),
    api.login('chief@newsdesk.test'),
  ]);
  const warmCount = RATE * WARM_PUBLISH_SECONDS;
  let started = performance.now();
  const prepared = await prepareStories(warmCount + count, editor, [reviewer, chief], runId);
  console.log(
    `prepared ${prepared.length} approved stories in ${PUBLISH_SECTION} in ` +
      `${Math.round(performance.now() - started)} ms`,
  );
  await sleep(SETTLE_MS); // let the preparation's queued work drain before measuring
  // Like the listing runs, the publish path warms first (JIT, pools, the workers' first
  // jobs); its figures are printed but not reported.
  if (warmCount > 0) {
    const warm = stats(
      (await measurePublishing(reviewer, prepared.slice(0, warmCount), apiPid)).latencies,
    );
    console.log(
      `warm-up: ${warmCount} publishes at ${RATE}/s, publish → visible p50 ` +
        `${warm.p50.toFixed(1)} / p99 ${warm.p99.toFixed(1)} ms (not reported)`,
    );
    await sleep(SETTLE_MS);
  }
  const stories = prepared.slice(warmCount);
  console.log(`publishing ${count} stories at ${RATE}/s …`);
  started = performance.now();
  const run = await measurePublishing(reviewer, stories, apiPid);
  console.log(`published in ${Math.round(performance.now() - started)} ms`);
  for (const message of run.publishErrors.slice(0, 3)) console.log(`publish failed: ${message}`);

  const summary = {
    bench: 'delivery',
    cores: CORES,
    loadAverage: loadavg().map(round2),
    listing: {
      path: LISTING_PATH,
      bytes: delivery.listingBytes,
      seconds: LOAD_SECONDS,
      connections: CONNECTIONS,
      bare: delivery.bare,
      api: delivery.api,
      halfRate: delivery.halfRate,
      pacedHalfRate: delivery.paced,
      ratio: delivery.ratio,
      listingUnchanged: delivery.listingUnchanged,
    },
    publish: {
      section: PUBLISH_SECTION,
      stories: count,
      targetRate: RATE,
      achievedRate: run.achievedRate,
      notVisible: run.notVisible,
      timeoutMs: TIMEOUT_MS,
      publishErrors: run.publishErrors.length,
      pollPeriodMs: run.pollPeriodMs,
      publishToVisibleMs: stats(run.latencies),
      publishToVisibleBySlice: run.bySlice,
      publishAcceptedMs: stats(run.acceptLatencies),
      cpu: run.cpu,
    },
    goals: {
      ratio: delivery.ratio >= GOALS.ratio,
      halfRateReached,
      halfRateP99: halfRateGoal,
      publishP99: stats(run.latencies).p99 <= GOALS.publishP99Ms,
    },
  };

  console.log('');
  console.log(`2) publish → visible in ${PUBLISH_LISTING_PATH}`);
  printStatsTable('(ms)', [
    ['publish 202 → visible in listing', summary.publish.publishToVisibleMs],
    ['POST …/publish → 202', summary.publish.publishAcceptedMs],
  ]);
  console.log(
    `p50/p99 by ${SLICE_SECONDS} s of publishing: ` +
      run.bySlice.map((s) => `${s.from}s ${Math.round(s.p50)}/${Math.round(s.p99)}`).join(', '),
  );
  console.log(
    `publish rate ${run.achievedRate}/s (target ${RATE}/s); ` +
      `not visible within ${TIMEOUT_MS / 1000} s: ${run.notVisible}; ` +
      `publish errors: ${run.publishErrors.length}; one poll every ${run.pollPeriodMs} ms; ` +
      `p99 goal ≤ ${GOALS.publishP99Ms} ms: ${verdict(summary.goals.publishP99)} ` +
      `(a CDN purge reaches the edge in ~150 ms at best)`,
  );
  console.log(JSON.stringify(summary));
}

if (process.argv[2] === BARE_SERVER_FLAG) {
  runBareServer();
} else {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
