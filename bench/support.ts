/**
 * What every benchmark shares: env settings, bounded and paced loops,
 * percentiles, a throwaway stack with the apps as processes, the API's typed
 * client, and CPU and memory readings from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createNewsdeskClient, type NewsdeskClient, type paths } from '@newsdesk/api-client';
import { Client } from 'pg';
import type { Sql } from '@newsdesk/testing';
import { Cluster, QUEUES_OF, type AppName } from '../test/faults/cluster';
import { TICKS_PER_SECOND, findProcess, statOf, treeCpuSeconds } from './proc';

/** A positive whole number from the environment, or `fallback` when unset. */
export function positiveInt(name: string, fallback: number): number {
  const value = nonNegativeInt(name, fallback);
  if (value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

export function nonNegativeInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be an integer ≥ 0`);
  return value;
}

/** One of `choices` from the environment, the first when unset. */
export function oneOf<T extends string>(name: string, choices: readonly [T, ...T[]]): T {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return choices[0];
  const choice = choices.find((c) => c === raw);
  if (!choice) throw new Error(`${name} must be one of ${choices.join(', ')}`);
  return choice;
}

/** Runs `work(0..count-1)` with at most `width` in flight. */
export async function inPool(
  count: number,
  width: number,
  work: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, lane));
}

/**
 * Starts `fire(i)` at a steady `rate` per second without waiting for earlier
 * calls (an open loop: a slow reply must not slow the offered load), then
 * waits for all of them.
 */
export async function atRate(
  count: number,
  rate: number,
  fire: (index: number) => Promise<void>,
): Promise<void> {
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  // Caught at once: an unhandled rejection would kill the process before the clean-up runs.
  const failures: unknown[] = [];
  for (let i = 0; i < count && failures.length === 0; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(fire(i).catch((error: unknown) => void failures.push(error)));
  }
  await Promise.all(inFlight);
  if (failures.length > 0) throw failures[0];
}

export interface Stats {
  n: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * One metric of an app's Prometheus text (`GET <appUrl>/metrics`): the sum
 * of its samples whose labels contain `labels` (e.g. `kind="home"`), every
 * label set together when none is given.
 */
export async function metricTotal(appUrl: string, name: string, labels = ''): Promise<number> {
  return (await metricsOf(appUrl))(name, labels);
}

/** One reading of an app's `/metrics`, to take several {@link metricTotal}s from. */
export async function metricsOf(
  appUrl: string,
): Promise<(name: string, labels?: string) => number> {
  const lines = (await (await fetch(`${appUrl}/metrics`)).text())
    .split('\n')
    .filter((line) => /^[a-z_]+[{ ]/.test(line));
  return (name, labels = '') =>
    lines
      .filter((line) => line.slice(0, line.search(/[{ ]/)) === name && line.includes(labels))
      .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

/** Rounded to 0.01. */
export const round2 = (value: number) => Math.round(value * 100) / 100;

/** Nearest-rank percentiles, in ms rounded to 0.01. */
export function stats(samples: number[]): Stats {
  const sorted = Float64Array.from(samples).sort();
  const round = round2;
  const at = (p: number) =>
    sorted.length ? round(sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]) : NaN;
  return { n: sorted.length, min: at(0), p50: at(50), p95: at(95), p99: at(99), max: at(100) };
}

/** What `startStack()` of scripts/lib/stack.mjs returns: throwaway PostgreSQL, Redis and S3. */
export interface BenchStack {
  env: Record<string, string>;
  stop(): Promise<void>;
  restart(name: 'redis' | 'postgres'): Promise<void>;
  summary(): string;
}

/** The part of scripts/lib/stack.mjs (the stack scripts' plain Node ESM module) the benchmarks use. */
export interface StackModule {
  findFreePorts(count: number): Promise<number[]>;
  startStack(options: {
    root: string;
    ports: { postgres: number; redis: number; s3: number };
    database?: string;
    fast?: boolean;
  }): Promise<BenchStack>;
  setStackLogger(fn: ((message: string) => void) | null): void;
  killGroup(child: ChildProcess, signal: NodeJS.Signals): void;
  killOnExit(child: ChildProcess): void;
  describeError(error: unknown): string;
  tailLog(file: string, fromOffset?: number, lines?: number): string;
  /** varnishd with the shipped VCL in front of 127.0.0.1:`backendPort`. */
  startVarnish(options: {
    dir: string;
    port: number;
    backendPort: number;
    purgers?: string[];
  }): Promise<{ url: string; stop(): Promise<void> }>;
}

/** The repository root, from a compiled benchmark in dist/bench. */
export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Loads scripts/lib/stack.mjs, the module `npm start` and `npm test` start their servers with. */
export async function loadStackModule(): Promise<StackModule> {
  return (await import(join(REPO_ROOT, 'scripts', 'lib', 'stack.mjs'))) as StackModule;
}

/**
 * A throwaway stack (PostgreSQL, Redis, S3 on free ports in a temp folder),
 * migrated and seeded with the demo content, and some apps of the build as
 * processes.
 */
export class StackHarness {
  root = '';
  stack: BenchStack | null = null;
  cluster: Cluster | null = null;
  env: NodeJS.ProcessEnv = {};

  constructor(
    readonly lib: StackModule,
    /** Names the temp folder: `newsdesk-bench-<name>-…`. */
    readonly name: string,
    readonly apps: readonly AppName[],
  ) {}

  async start(): Promise<Cluster> {
    this.root = mkdtempSync(join(tmpdir(), `newsdesk-bench-${this.name}-`));
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
    await this.cluster.start(this.apps);
    return this.cluster;
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

// Not 'delayed': repeatable jobs (the schedule reconciler's) always wait there.
const BUSY = ['wait', 'active', 'prioritized'] as const;

/** Waits until every queue the running `apps` read is empty and every outbox row is sent. */
export async function settled(cluster: Cluster, sql: Sql, apps: readonly AppName[]): Promise<void> {
  const queues = apps.flatMap((app) => QUEUES_OF[app]);
  for (;;) {
    const counts = await Promise.all(
      queues.map((name) => cluster.queue(name).getJobCounts(...BUSY)),
    );
    const busy = counts.some((c) => Object.values(c).some((n) => n > 0));
    const [{ unsent }] = await sql<{ unsent: string }>(
      `select count(*)::text as unsent from outbox where sent_at is null`,
    );
    if (!busy && unsent === '0') return;
    await sleep(50);
  }
}

/**
 * Runs a benchmark on a {@link StackHarness} as the process's main: stops the
 * apps and the stack whatever happens (Ctrl-C included), prints the apps' last
 * log lines when it fails, and exits 0 or 1.
 */
export function runOnStack(
  name: string,
  apps: readonly AppName[],
  run: (h: StackHarness) => Promise<void>,
): void {
  runOnStacks([name], apps, ([h]) => run(h));
}

/** {@link runOnStack} on several stacks side by side, one per name, each with the same apps. */
export function runOnStacks(
  names: readonly string[],
  apps: readonly AppName[],
  run: (hs: StackHarness[]) => Promise<void>,
): void {
  const main = async () => {
    const lib = await loadStackModule();
    const hs = names.map((name) => new StackHarness(lib, name, apps));
    // Every stack is stopped even when one fails to; the failures are reported, not lost.
    const stopAll = async () => {
      const stopped = await Promise.allSettled(hs.map((h) => h.stop()));
      for (const result of stopped)
        if (result.status === 'rejected') console.error(lib.describeError(result.reason));
    };
    let interrupted = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (interrupted) process.exit(130);
      interrupted = true;
      console.error(`${signal}: stopping the apps and the stack …`);
      void stopAll().finally(() => process.exit(130));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      await run(hs);
    } catch (error) {
      console.error(lib.describeError(error));
      for (const h of hs)
        for (const app of apps)
          console.error(`--- ${h.name} ${app} ---\n${h.cluster?.logTail(app) ?? ''}`);
      throw new Error('benchmark failed', { cause: error });
    } finally {
      await stopAll();
    }
  };
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

/** A story as the benchmarks read it back from the API (the API's story view). */
export type BenchArticle =
  paths['/api/articles/{id}']['get']['responses'][200]['content']['application/json'];
/** What a new story may say, as the API documents it. */
export type StoryFields =
  paths['/api/articles']['post']['requestBody']['content']['application/json'];
/** What the stories list may be asked for: status, section, search text, page … */
export type StoryListQuery = NonNullable<paths['/api/articles']['get']['parameters']['query']>;
/** What a publication request may say: `at` (scheduled) and `until`. */
export type PublishFields = NonNullable<
  paths['/api/articles/{id}/publish']['post']['requestBody']
>['content']['application/json'];
/** An image as the photo desk sees it. */
export type BenchImage =
  paths['/api/images/{id}']['get']['responses'][200]['content']['application/json'];

/** The answer of a typed call, or an error naming the call, the status and the API's error body. */
function expect<T>(
  what: string,
  expected: number,
  result: { data?: T; error?: unknown; response: Response },
): T {
  if (result.response.status !== expected || result.data === undefined) {
    throw new Error(
      `${what}: expected ${expected}, got ${result.response.status} ${JSON.stringify(result.error ?? result.data)}`,
    );
  }
  return result.data;
}

/**
 * The API as the benchmarks use it: the generated, typed client (so a change
 * of the API's contract breaks the benchmarks' build, not their run); every
 * call throws on any other status than expected.
 */
export class BenchApi {
  private readonly clients = new Map<string, NewsdeskClient>();

  constructor(
    readonly base: string,
    private readonly timeoutMs = 30_000,
  ) {}

  /** The client that calls as `token` (or anonymously). */
  as(token?: string): NewsdeskClient {
    const key = token ?? '';
    let client = this.clients.get(key);
    if (!client) {
      client = createNewsdeskClient({ baseUrl: this.base, token });
      this.clients.set(key, client);
    }
    return client;
  }

  /** A demo user's access token (every seeded user's password is `newsdesk`). */
  async login(email: string): Promise<string> {
    const reply = await this.as().POST('/api/auth/login', {
      body: { email, password: 'newsdesk' },
    });
    return expect(`login ${email}`, 200, reply).accessToken;
  }

  /** A story as its editor sees it. */
  async story(id: string, token: string): Promise<BenchArticle> {
    const reply = await this.as(token).GET('/api/articles/{id}', { params: { path: { id } } });
    return expect(`GET /api/articles/${id}`, 200, reply);
  }

  /** A page of the stories list, as the desk asks for it; answers the stories' total. */
  async storyList(token: string, query: StoryListQuery): Promise<number> {
    const reply = await this.as(token).GET('/api/articles', { params: { query } });
    return expect('GET /api/articles', 200, reply).total;
  }

  /** Asks for a story's publication (now, or at `fields.at`); resolves on the 202. */
  async publish(id: string, token: string, fields: PublishFields = {}): Promise<void> {
    const reply = await this.as(token).POST('/api/articles/{id}/publish', {
      params: { path: { id } },
      body: fields,
    });
    expect(`POST /api/articles/${id}/publish`, 202, reply);
  }

  /** Publishes many approved stories in one request (all or none). */
  async publishMany(ids: string[], token: string, fields: PublishFields = {}): Promise<void> {
    const reply = await this.as(token).POST('/api/articles/publish', {
      body: { ids, ...fields },
    });
    expect(`POST /api/articles/publish (${ids.length} stories)`, 202, reply);
  }

  /** An image as the photo desk sees it. */
  async image(id: string, token: string): Promise<BenchImage> {
    const reply = await this.as(token).GET('/api/images/{id}', { params: { path: { id } } });
    return expect(`GET /api/images/${id}`, 200, reply);
  }

  /**
   * Writes a story, submits it, waits for its checks and approves it once per
   * approval step of its section, each time by the next of `reviewers`; throws
   * unless it ends `approved`.
   */
  async approvedStory(
    editor: string,
    reviewers: string[],
    fields: StoryFields,
  ): Promise<BenchArticle> {
    const draft = expect(
      'POST /api/articles',
      201,
      await this.as(editor).POST('/api/articles', { body: fields }),
    );
    const path = { params: { path: { id: draft.id } } };
    expect(
      `POST /api/articles/${draft.id}/submit`,
      202,
      await this.as(editor).POST('/api/articles/{id}/submit', path),
    );
    await this.waitForReview(draft.id, editor);
    let status: string = 'in_review';
    for (const reviewer of reviewers) {
      if (status === 'approved') break;
      ({ status } = expect(
        `POST /api/articles/${draft.id}/approve`,
        200,
        await this.as(reviewer).POST('/api/articles/{id}/approve', path),
      ));
    }
    if (status !== 'approved') throw new Error(`story ${draft.id} is ${status} after approvals`);
    return draft;
  }

  /**
   * `count` approved stories in `fields.section`, written by `editor` and
   * approved by `reviewers`, `concurrency` at a time; `fields(i)` says what
   * the i-th one says. Answers them in the order they were approved.
   */
  async approvedStories(
    count: number,
    editor: string,
    reviewers: string[],
    fields: (index: number) => StoryFields,
    concurrency = 8,
  ): Promise<BenchArticle[]> {
    const stories: BenchArticle[] = [];
    await inPool(count, concurrency, async (i) => {
      stories.push(await this.approvedStory(editor, reviewers, fields(i)));
    });
    return stories;
  }

  /** The publish checks run in a queued job; waits for them to pass. */
  async waitForReview(id: string, token: string): Promise<void> {
    const deadline = performance.now() + this.timeoutMs;
    while (performance.now() < deadline) {
      const article = await this.story(id, token);
      if (article.status === 'in_review') return;
      if (article.status === 'draft' && article.failedChecks?.length) {
        throw new Error(`story ${id} failed its checks: ${JSON.stringify(article.failedChecks)}`);
      }
      await sleep(20);
    }
    throw new Error(`story ${id} did not reach in_review within ${this.timeoutMs} ms`);
  }
}

/**
 * Prints latency figures as a table: a row per label, columns n, min, p50,
 * p95, p99, max. A sample of `Infinity` (what never happened) prints as `never`.
 */
export function printStatsTable(title: string, rows: [string, Stats][], width = 9): void {
  const columns = ['n', 'min', 'p50', 'p95', 'p99', 'max'] as const;
  const labelWidth = Math.max(title.length, ...rows.map(([label]) => label.length));
  const cell = (text: string) => text.padStart(width);
  console.log(`${title.padEnd(labelWidth)}${columns.map(cell).join('')}`);
  for (const [label, s] of rows) {
    const figure = (ms: number) => (ms === Infinity ? 'never' : ms.toFixed(2));
    const cells = columns.map((c) => cell(c === 'n' ? String(s.n) : figure(s[c])));
    console.log(`${label.padEnd(labelWidth)}${cells.join('')}`);
  }
}

/** CPU seconds (user + system) a process used so far, from /proc; 0 when unknown. */
export function processCpuSeconds(pid: number | undefined): number {
  const stat = pid ? statOf(pid) : null;
  return stat ? stat.own / TICKS_PER_SECOND : 0;
}

/** Busy CPU seconds of the whole machine so far (all cores, every process); 0 off Linux. */
export function machineBusySeconds(): number {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1);
    const ticks = cpu.map(Number);
    const idle = ticks[3] + ticks[4]; // idle + iowait
    const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0); // without guest (already in user)
    return (total - idle) / 100;
  } catch {
    return 0;
  }
}

/** Resident memory of a process in MB, from /proc; null when unknown. */
export function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** CPU seconds by process name. */
export type Cpu = Record<string, number>;

/**
 * The processes a publication runs in: the three apps, PostgreSQL (every
 * backend) and Redis of a harness's stack.
 */
export function stackProcesses(
  h: StackHarness,
  cluster: Cluster,
): Record<string, number | undefined> {
  const redisPort = new URL(h.env.REDIS_URL ?? '').port;
  return {
    api: cluster.pid('api'),
    workflow: cluster.pid('workflow'),
    projector: cluster.pid('projector'),
    postgres: findProcess('postgres', '-D', h.root),
    redis: findProcess('redis-server', `:${redisPort}`),
  };
}

/** CPU seconds used so far by each of `processes` and by this one (without its children: it started the apps and the servers). */
export const cpuByProcess = (processes: Record<string, number | undefined>): Cpu => ({
  ...treeCpuSeconds(processes),
  bench: processCpuSeconds(process.pid),
});

/** What each process used between two readings. */
export const cpuSince = (after: Cpu, before: Cpu): Cpu =>
  Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]));

/** Runs statements as the throwaway stack's superuser (`postgres`, trusted locally), in order. */
export async function asSuperuser(databaseUrl: string, statements: string[]): Promise<void> {
  const url = new URL(databaseUrl);
  url.username = 'postgres';
  url.password = '';
  const superuser = new Client({ connectionString: url.toString() });
  await superuser.connect();
  try {
    for (const statement of statements) await superuser.query(statement);
  } finally {
    await superuser.end();
  }
}
