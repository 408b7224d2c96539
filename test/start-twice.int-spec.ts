/**
 * `npm start` twice in the same folder: the second start finds the running one
 * through its lock, names it and leaves it alone; a start whose owner was killed
 * is taken over (its servers and apps stopped and started afresh); Ctrl-C stops
 * everything a start started.
 *
 * Runs the real `scripts/start.mjs` on the built apps (`npm test` has built
 * dist/) with its own data folder and free ports, so it never meets the servers
 * of the test run itself or a developer's `npm start`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { appNodeFlags, commandLineOf } from './faults/cluster';
import { jemallocOnMachine } from './support/jemalloc';

const ROOT = path.resolve(__dirname, '..');
const START = path.join(ROOT, 'scripts', 'start.mjs');
const READY = /Newsdesk is running/;
const START_TIMEOUT_MS = 150_000;

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(env: NodeJS.ProcessEnv): Run {
  const child = spawn(process.execPath, [START], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

async function waitForOutput(run: Run, pattern: RegExp, timeoutMs = START_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void run.exited.then(() => (exited = true));
  while (!pattern.test(run.output())) {
    if (exited || Date.now() > deadline) {
      throw new Error(
        `start.mjs ${exited ? 'exited' : 'timed out'} before printing ${String(pattern)}:\n${run.output().slice(-4000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A GET's status and body; status 0 and no body when nothing answered within 5 s. */
function httpGet(port: number, route: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: route, timeout: 5000 },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve({ status: 0, body: '' }));
  });
}

const httpStatus = async (port: number, route: string) => (await httpGet(port, route)).status;

/** Alive and not a zombie (an orphan's parent may be a PID 1 that never reaps). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    return !fs.existsSync('/proc/self/stat');
  }
}

async function waitUntilGone(pids: number[], timeoutMs = 20_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  while (pids.some(isAlive) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 200));
  return pids.filter(isAlive);
}

interface Lock {
  pid: number;
  state: string;
  apps?: Record<string, number>;
}

describe('npm start twice in the same data folder', () => {
  const required = Number(
    /\d+/.exec(
      JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines.node,
    )![0],
  );
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let ports: Record<
    'postgres' | 'redis' | 's3' | 'api' | 'workflow' | 'media' | 'projector',
    number
  >;
  const runs: Run[] = [];

  const lockFile = () => path.join(dataDir, 'start.lock');
  const readLock = () => JSON.parse(fs.readFileSync(lockFile(), 'utf8')) as Lock;
  /** Every process a start started: its apps (from the lock) and its servers (pid files). */
  const startedPids = (): Record<string, number> => {
    const pidIn = (file: string) => Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    return {
      ...readLock().apps,
      postgres: pidIn(path.join(dataDir, 'pg', 'postmaster.pid')),
      redis: pidIn(path.join(dataDir, 'logs', 'redis.pid')),
      s3: pidIn(path.join(dataDir, 'logs', 's3.pid')),
    };
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-start-twice-'));
    // As root PostgreSQL runs as `postgres`, which must reach the folder.
    fs.chmodSync(dataDir, 0o755);
    const names = ['postgres', 'redis', 's3', 'api', 'workflow', 'media', 'projector'] as const;
    const free = new Set<number>();
    while (free.size < names.length) free.add(await freePort());
    ports = Object.fromEntries(names.map((name, i) => [name, [...free][i]])) as typeof ports;

    env = { ...process.env };
    // The test run's own servers and settings are not this start's.
    for (const key of Object.keys(env)) {
      if (/^(DATABASE_URL|REDIS_URL|S3_|JWT_SECRET|NEWSDESK_|PORT$)/.test(key)) delete env[key];
    }
    Object.assign(env, {
      NEWSDESK_DATA_DIR: dataDir,
      NEWSDESK_SKIP_BUILD: '1',
      NO_COLOR: '1',
      LOG_LEVEL: 'warn',
      PG_PORT: String(ports.postgres),
      REDIS_PORT: String(ports.redis),
      S3_PORT: String(ports.s3),
      PORT: String(ports.api),
      WORKFLOW_PORT: String(ports.workflow),
      MEDIA_PORT: String(ports.media),
      PROJECTOR_PORT: String(ports.projector),
    });
  });

  afterAll(async () => {
    // Whatever a failed assertion left behind: starts first (they stop their own), then strays.
    const running = runs.filter((run) => run.child.exitCode === null && !run.child.signalCode);
    for (const run of running) run.child.kill('SIGINT');
    const timeout = new Promise((resolve) => setTimeout(resolve, 30_000).unref());
    await Promise.race([Promise.all(running.map((run) => run.exited)), timeout]);
    for (const run of running) if (run.child.exitCode === null) run.child.kill('SIGKILL');
    try {
      for (const pid of Object.values(startedPids()))
        if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    } catch {
      // no lock or pid files left: nothing to clean up
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  let first: Run;
  let firstPids: Record<string, number>;

  it(
    'the first start serves on a supported Node.js',
    async () => {
      const startedAt = Date.now();
      first = start(env);
      runs.push(first);
      await waitForOutput(first, READY);

      const version = /▶ Node\.js v(\d+)\.\d+\.\d+/.exec(first.output());
      expect(Number(version?.[1])).toBeGreaterThanOrEqual(required);
      expect(readLock()).toMatchObject({ pid: first.child.pid, state: 'running' });
      firstPids = startedPids();
      expect(Object.keys(firstPids).sort()).toEqual(
        ['api', 'media', 'postgres', 'projector', 'redis', 's3', 'workflow'].sort(),
      );
      expect(await httpStatus(ports.api, '/health/ready')).toBe(200);
      // Each app runs with the Node.js options of apps/node-flags.json, before its main file.
      for (const app of ['api', 'workflow', 'media', 'projector'] as const)
        expect({ app, argv: commandLineOf(firstPids[app]).slice(1) }).toEqual({
          app,
          argv: [...appNodeFlags(app), `dist/apps/${app}/src/main.js`],
        });
      // The media app runs on jemalloc wherever the machine has it (the start installs it as
      // root): the start says so, the running worker has it loaded and decides when freed
      // pages go back (its purge counter is on /metrics: test/freed-memory.int-spec.ts),
      // and jemalloc's background thread runs (it hands them back on jemalloc's timer
      // should the worker fail to take that over).
      // Where the library is, the stack scripts' own lookup says.
      const onMachine = jemallocOnMachine('findJemalloc') !== null;
      const loaded = fs
        .readFileSync(`/proc/${firstPids.media}/maps`, 'utf8')
        .includes('libjemalloc');
      const threads = fs
        .readdirSync(`/proc/${firstPids.media}/task`)
        .map((tid) => fs.readFileSync(`/proc/${firstPids.media}/task/${tid}/comm`, 'utf8').trim());
      const purging = threads.includes('jemalloc_bg_thd');
      const said = /the media app on (jemalloc|glibc)/.exec(first.output())?.[1];
      const mediaMetrics = (await httpGet(ports.media, '/metrics')).body;
      const deciding = /^newsdesk_media_memory_purges_total\{[^}]*reason="idle"[^}]*\} 0$/m.test(
        mediaMetrics,
      );
      expect({ said, loaded, purging, deciding }).toEqual(
        onMachine
          ? { said: 'jemalloc', loaded: true, purging: true, deciding: true }
          : { said: 'glibc', loaded: false, purging: false, deciding: false },
      );
      // The media app swept abandoned direct uploads on start, and says when on /metrics.
      const sweptAt = /^newsdesk_media_upload_sweep_last_success_seconds\{[^}]*\} (\S+)$/m.exec(
        mediaMetrics,
      )?.[1];
      expect(Number(sweptAt) * 1000).toBeGreaterThanOrEqual(startedAt);
    },
    START_TIMEOUT_MS + 30_000,
  );

  it('a second start names the running one, exits non-zero and leaves it alone', async () => {
    const second = start(env);
    runs.push(second);
    const { code } = await second.exited;

    expect(code).toBe(1);
    const output = second.output();
    expect(output).toContain(`already running from ${dataDir}/ (pid ${first.child.pid}`);
    expect(output).toContain(`http://localhost:${ports.api}/api`);
    // It neither rebuilt dist/ nor touched a server.
    expect(output).not.toMatch(/npm run build|starting PostgreSQL|left running/);

    expect(first.child.exitCode).toBeNull();
    expect(Object.values(firstPids).filter((pid) => !isAlive(pid))).toEqual([]);
    expect(startedPids()).toEqual(firstPids);
    expect(readLock().pid).toBe(first.child.pid);
    // The API answers, and through it PostgreSQL, Redis and S3 (its readiness checks them).
    expect(await httpStatus(ports.api, '/health/ready')).toBe(200);
  }, 60_000);

  it(
    'a start whose owner was killed is taken over, servers and apps included',
    async () => {
      first.child.kill('SIGKILL');
      await first.exited;
      // What it started outlives it (own process groups) until a new start takes over.
      expect(isAlive(firstPids.redis)).toBe(true);

      const third = start(env);
      runs.push(third);
      await waitForOutput(third, READY);

      expect(third.output()).toContain(`an earlier start (pid ${first.child.pid}) is gone`);
      expect(await waitUntilGone(Object.values(firstPids), 5_000)).toEqual([]);
      expect(readLock()).toMatchObject({ pid: third.child.pid, state: 'running' });
      expect(await httpStatus(ports.api, '/health/ready')).toBe(200);
    },
    START_TIMEOUT_MS + 60_000,
  );

  it('Ctrl-C stops everything the start started and frees the lock', async () => {
    const third = runs[runs.length - 1];
    const pids = startedPids();
    third.child.kill('SIGINT');
    const { code } = await third.exited;

    expect(code).toBe(0);
    expect(await waitUntilGone(Object.values(pids), 5_000)).toEqual([]);
    expect(fs.existsSync(lockFile())).toBe(false);
    for (const port of Object.values(ports)) expect(await portIsFree(port)).toBe(true);
  }, 90_000);
});
