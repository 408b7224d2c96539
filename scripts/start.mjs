#!/usr/bin/env node
// `npm start`: build (the apps, and the desk when its sources changed), start
// PostgreSQL/Redis/S3 under .data/, migrate + seed, then run the four apps with
// prefixed output until Ctrl-C.
//
// Ports: PG_PORT (54329), REDIS_PORT (63799), S3_PORT (45699), PORT (3000, the API),
// WORKFLOW_PORT (3001), MEDIA_PORT (3002), PROJECTOR_PORT (3003): the worker apps' health and metrics.
// Set DATABASE_URL / REDIS_URL / S3_ENDPOINT to use existing servers instead.
// NEWSDESK_DATA_DIR: the data folder (default .data/); NEWSDESK_SKIP_BUILD=1 runs
// dist/ as it is.
//
// One start per data folder: .data/start.lock names the running one. A second
// start says where that one is and leaves it alone; a lock whose process is gone
// is taken over, with the servers and apps that process left running.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';
import { acquireRunLock, stopLeftoverProcesses } from './lib/run-lock.mjs';
import { prepareRuntime } from './lib/runtime.mjs';
import {
  REPO_ROOT,
  describeError,
  ensureJemalloc,
  exitCodeOf,
  killGroup,
  killOnExit,
  onShutdown,
  startStack,
  stopAllServices,
} from './lib/stack.mjs';

const DATA_DIR = process.env.NEWSDESK_DATA_DIR
  ? path.resolve(process.env.NEWSDESK_DATA_DIR)
  : path.join(REPO_ROOT, '.data');
const LOCK_FILE = path.join(DATA_DIR, 'start.lock');
const CLI = path.join('dist', 'libs', 'database', 'src', 'cli.js');
const APPS = ['api', 'workflow', 'media', 'projector'];
const HEALTH_TIMEOUT_MS = Number(process.env.HEALTH_TIMEOUT_MS) || 90_000;
const APP_STOP_TIMEOUT_MS = 10_000;

// First of all (before any signal handler): the dependencies, which bring the
// pinned Node.js, and running on it when this node is older.
await prepareRuntime();

const useColor = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const paint = (code, text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);
const APP_COLORS = { api: 36, workflow: 35, media: 33, projector: 32 }; // cyan, magenta, yellow, green

function displayDir(dir) {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith('..') ? `${relative}/` : `${dir}/`;
}

function port(name, fallback) {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 65535) {
    console.error(`✖ ${name} must be a TCP port number, got "${value}"`);
    process.exit(1);
  }
  return number;
}

const ports = {
  postgres: port('PG_PORT', 54329),
  redis: port('REDIS_PORT', 63799),
  s3: port('S3_PORT', 45699),
};
const apiPort = port('PORT', 3000);
// Every app serves /health/live, /health/ready and /metrics; the worker apps on a port of their own.
const appPorts = {
  api: apiPort,
  workflow: port('WORKFLOW_PORT', 3001),
  media: port('MEDIA_PORT', 3002),
  projector: port('PROJECTOR_PORT', 3003),
};

// ---------------------------------------------------------------------------
// Shutdown: apps first (SIGTERM, then SIGKILL after 10 s), then the servers.
// ---------------------------------------------------------------------------

const apps = new Map(); // name -> child process
let foreground = null; // build / migrate / seed child while it runs
let shuttingDown = false;

async function shutdown(code, message) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (message) console.log(message);
  if (foreground) killGroup(foreground, 'SIGTERM');

  const running = [...apps.values()].filter(
    (child) => child.exitCode === null && child.signalCode === null,
  );
  if (running.length) console.log(`stopping ${running.length} app(s) …`);
  for (const child of running) killGroup(child, 'SIGTERM');
  await Promise.all(
    running.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => {
            console.log(
              `${child.appName} did not stop within ${APP_STOP_TIMEOUT_MS / 1000} s; killing it`,
            );
            killGroup(child, 'SIGKILL');
          }, APP_STOP_TIMEOUT_MS);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        }),
    ),
  );

  console.log('stopping PostgreSQL, Redis and S3 …');
  await stopAllServices();
  process.exit(code);
}

onShutdown(({ signal }) =>
  shutdown(signal ? 0 : 1, signal ? `\n${signal} received, shutting down …` : undefined),
);

// ---------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------

/** Run a one-off command in the foreground; exit (shutting down) if it fails. */
async function step(description, command, args, env = process.env) {
  console.log(`▶ ${description}`);
  // detached: a Ctrl-C is handled by us (which then terminates this child).
  foreground = spawn(command, args, { cwd: REPO_ROOT, env, stdio: 'inherit', detached: true });
  killOnExit(foreground);
  const { code, signal, error } = await new Promise((resolve) => {
    foreground.once('error', (err) => resolve({ code: null, signal: null, error: err }));
    foreground.once('exit', (exitCode, exitSignal) =>
      resolve({ code: exitCode, signal: exitSignal }),
    );
  });
  foreground = null;
  if (shuttingDown) await new Promise(() => {}); // shutdown() exits the process
  if (error || code !== 0) {
    await shutdown(
      error ? 1 : exitCodeOf(code, signal),
      `✖ ${description} failed${error ? `: ${error.message}` : ` (${signal ?? `exit code ${code}`})`}`,
    );
  }
}

/** Keep one random JWT secret in .data so tokens survive restarts. */
function jwtSecret() {
  if (process.env.JWT_SECRET) return process.env.JWT_SECRET;
  const file = path.join(DATA_DIR, 'jwt-secret');
  try {
    const saved = fs.readFileSync(file, 'utf8').trim();
    if (saved) return saved;
  } catch {
    // first run
  }
  const secret = randomBytes(48).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Copy a stream line by line to `out`, each line prefixed with the app's tag. */
function prefixLines(stream, out, tag) {
  readline
    .createInterface({ input: stream, crlfDelay: Infinity })
    .on('line', (line) => out.write(`${tag} ${line}\n`));
}

/**
 * jemalloc for image jobs: one arena, so that a block one job frees serves the other
 * job's next rendition (with two arenas, each kept freed pages of its own: peaks of
 * 452–462 MB over 30 images against 407–408 with one); large blocks (decoded frames,
 * encoder buffers) from that arena too, not from the separate one that hands every block
 * above 8 MB back to the kernel as soon as it is freed; and transparent huge pages (where
 * the kernel offers them, as it does to programs that ask on most distributions), so
 * that a block is faulted in 2 MB at a time instead of 4 KB. Page faults were the
 * worker's largest cost beyond libvips; huge pages cut them to about a fifth. When freed
 * pages go back to the kernel, the worker decides once it runs (apps/media/src/
 * freed-memory.ts: kept while busy, all handed back above MEDIA_PURGE_ABOVE_MB or when
 * idle); until then, or should it fail to, jemalloc's background thread hands them back
 * 2 s after they were freed. docs/benchmarks/images.md has every run, on five hosts.
 */
const MEDIA_MALLOC_CONF =
  'narenas:1,oversize_threshold:0,dirty_decay_ms:2000,thp:always,background_thread:true';

/**
 * The media app's allocator. sharp's image buffers fragment glibc's heap, so a
 * long-running worker's resident memory creeps up; jemalloc (what sharp's
 * documentation recommends) returns it. Without jemalloc, two malloc arenas bound
 * the growth (sharp itself would run libvips on one thread on plain glibc; the worker
 * sets the threads per job, MEDIA_THREADS_PER_JOB).
 */
function mediaAllocatorEnv(jemalloc) {
  if (jemalloc) return { LD_PRELOAD: jemalloc, MALLOC_CONF: MEDIA_MALLOC_CONF };
  return { MALLOC_ARENA_MAX: '2' };
}

const appMain = (name) => path.join('dist', 'apps', name, 'src', 'main.js');
const NODE_FLAGS = JSON.parse(
  fs.readFileSync(path.join(REPO_ROOT, 'apps', 'node-flags.json'), 'utf8'),
);
/** The Node.js options an app runs with: every app's, then its own (why: apps/node-flags.json). */
const appNodeFlags = (name) => [...NODE_FLAGS.flags, ...(NODE_FLAGS.apps?.[name]?.flags ?? [])];

function startApp(name, env) {
  const main = appMain(name);
  const width = Math.max(...APPS.map((app) => app.length)) + 2;
  const tag = paint(APP_COLORS[name], `[${name}]`.padEnd(width));
  const child = spawn(process.execPath, [...appNodeFlags(name), main], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.appName = name;
  killOnExit(child);
  prefixLines(child.stdout, process.stdout, tag);
  prefixLines(child.stderr, process.stderr, tag);
  child.once('error', (error) => shutdown(1, `✖ could not start ${name}: ${error.message}`));
  child.once('exit', (code, signal) => {
    if (!shuttingDown)
      shutdown(
        1,
        `✖ ${name} exited unexpectedly (${signal ?? `exit code ${code}`}); shutting everything down`,
      );
  });
  apps.set(name, child);
  // A later start that finds this one dead stops what it left running.
  lock.update({ apps: Object.fromEntries([...apps].map(([app, { pid }]) => [app, pid])) });
}

function healthOk(appPort = apiPort, route = '/health') {
  return new Promise((resolve) => {
    const request = http.get(
      { host: '127.0.0.1', port: appPort, path: route, timeout: 2000 },
      (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      },
    );
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(false));
  });
}

async function waitForHealth() {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (!shuttingDown) {
    const waiting = [];
    for (const [name, appPort] of Object.entries(appPorts)) {
      if (!(await healthOk(appPort, '/health/ready'))) waiting.push(name);
    }
    if (waiting.length === 0) return;
    if (Date.now() > deadline) {
      const [name] = waiting;
      await shutdown(
        1,
        `✖ ${name} did not answer GET http://127.0.0.1:${appPorts[name]}/health/ready with 200 within ${HEALTH_TIMEOUT_MS / 1000} s; see the [${name}] output above`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** A demo story's page on the public site: the newest Smart City story, if the listing answers. */
async function demoStoryPage(base) {
  try {
    const response = await fetch(`${base}/public/sections/smart-city/teasers?limit=1`);
    const [story] = (await response.json()).items ?? [];
    return story ? `${base}/site/smart-city/${story.slug}` : null;
  } catch {
    return null;
  }
}

async function printBox() {
  const base = `http://localhost:${apiPort}`;
  const storyPage = await demoStoryPage(base);
  const lines = [
    paint(1, 'Newsdesk is running'),
    '',
    `Desk       ${base}/desk/  (the newsroom's web app; sign in as editor@newsdesk.test)`,
    `API        ${base}/api`,
    `OpenAPI    ${base}/docs`,
    `Teasers    ${base}/public/sections/smart-city/teasers`,
    ...(storyPage ? [`Story page ${storyPage}`] : []),
    `Queues     ${base}/ops/queues  (Bull Board; sign in as ops@newsdesk.test)`,
    '',
    'Health and Prometheus metrics (/health/live, /health/ready, /metrics)',
    ...Object.entries(appPorts).map(
      ([name, appPort]) => `  ${name.padEnd(10)} http://localhost:${appPort}/metrics`,
    ),
    '',
    'Demo logins (password: newsdesk)',
    ...['editor', 'editor2', 'reviewer', 'chief', 'photo', 'ops', 'admin'].map(
      (user) => `  ${user}@newsdesk.test`,
    ),
    '',
    'Press Ctrl-C to stop.',
  ];
  const visible = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');
  const width = Math.max(...lines.map((line) => visible(line).length));
  const out = [`┌${'─'.repeat(width + 2)}┐`];
  for (const line of lines) out.push(`│ ${line}${' '.repeat(width - visible(line).length)} │`);
  out.push(`└${'─'.repeat(width + 2)}┘`);
  console.log(`\n${out.join('\n')}\n`);
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

console.log(`▶ Node.js ${process.version} (${process.execPath})`);

const claim = acquireRunLock(LOCK_FILE, 'start.mjs', {
  dataDir: DATA_DIR,
  node: process.version,
  api: `http://localhost:${apiPort}/api`,
  ports: { ...ports, ...appPorts },
});
if (!claim.acquired) {
  const { owner } = claim;
  const since = owner.startedAt ? `, since ${owner.startedAt}` : '';
  console.error(
    [
      `✖ Newsdesk is already ${owner.state === 'running' ? 'running' : 'starting'} from ${displayDir(DATA_DIR)} (pid ${owner.pid}${since}):`,
      `    API      ${owner.api ?? '?'}`,
      `    servers  PostgreSQL :${owner.ports?.postgres ?? '?'}, Redis :${owner.ports?.redis ?? '?'}, S3 :${owner.ports?.s3 ?? '?'}`,
      '  This start leaves it alone. Stop that one with Ctrl-C in its terminal (or `kill ' +
        `${owner.pid}\`), or run a second Newsdesk with its own NEWSDESK_DATA_DIR and ports.`,
    ].join('\n'),
  );
  process.exit(1);
}
const { lock } = claim;
if (claim.previous) {
  const previous = claim.previous;
  console.log(
    `▶ an earlier start (pid ${previous.pid ?? '?'}) is gone; taking over what it left running`,
  );
  const stopped = await stopLeftoverProcesses(previous.apps, (name) => appMain(name));
  if (stopped.length) console.log(`  stopped its ${stopped.join(', ')}`);
}

if (process.env.NEWSDESK_SKIP_BUILD === '1')
  console.log('▶ using dist/ as built (NEWSDESK_SKIP_BUILD=1)');
else await step('npm run build', 'npm', ['run', 'build']);

fs.mkdirSync(DATA_DIR, { recursive: true });
let stack;
try {
  console.log(
    `▶ starting PostgreSQL, Redis and S3 (data in ${displayDir(DATA_DIR)}, logs in ${displayDir(path.join(DATA_DIR, 'logs'))})`,
  );
  stack = await startStack({ root: DATA_DIR, ports, database: 'newsdesk', useExisting: true });
} catch (error) {
  const hint = /already in use/.test(error.message)
    ? '\n  (dev ports can be changed with PG_PORT, REDIS_PORT and S3_PORT)'
    : '';
  await shutdown(1, describeError(error) + hint);
}
console.log(`  ${stack.summary()}`);

// A server dying while we run is as fatal as an app crashing.
for (const service of stack.services) {
  service.exited.then((result) => {
    if (!service.stopping && !shuttingDown) {
      shutdown(
        1,
        `✖ ${service.name} exited unexpectedly (${result.signal ?? `exit code ${result.code}`}); see ${path.relative(process.cwd(), service.logFile)}`,
      );
    }
  });
}

const env = {
  ...process.env,
  ...stack.env,
  NODE_ENV: 'development',
  PORT: String(apiPort),
  WORKFLOW_PORT: String(appPorts.workflow),
  MEDIA_PORT: String(appPorts.media),
  PROJECTOR_PORT: String(appPorts.projector),
  JWT_SECRET: jwtSecret(),
};

await step('database migrations', process.execPath, [CLI, 'migrate'], env);
await step('demo data (seed)', process.execPath, [CLI, 'seed'], env);

// Looked up only now: on Debian, redis-server (installed above when it was missing) brings it.
const jemalloc = ensureJemalloc();
const mediaAllocator = jemalloc ? 'jemalloc' : "glibc's allocator with two arenas";
console.log(`▶ starting ${APPS.join(', ')} (the media app on ${mediaAllocator})`);
// The environment's own settings win over the media app's allocator settings.
const appEnv = { media: { ...mediaAllocatorEnv(jemalloc), ...env } };
for (const name of APPS) startApp(name, appEnv[name] ?? env);

await waitForHealth();
if (!shuttingDown) {
  lock.update({ state: 'running' });
  await printBox();
}
