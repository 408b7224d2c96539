// Local backing services for Newsdesk (PostgreSQL, Redis, S3 via s3rver, and
// Varnish with the shipped VCL), run as real child processes. Used by
// scripts/start.mjs (dev), scripts/test.mjs and scripts/varnish.mjs (tests), and the benchmarks.
//
// Only Node built-ins here: these scripts must work before node_modules exists.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, resolved from this file's location (scripts/lib/). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Everything listens on loopback only. */
export const HOST = '127.0.0.1';

const DB_ROLE = 'newsdesk';
const DB_PASSWORD = 'newsdesk';
const DEFAULT_BUCKET = 'newsdesk';
const PG_MAJOR = '15';
const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------
// Logging and errors
// ---------------------------------------------------------------------------

let logger = (message) => console.log(`[stack] ${message}`);

/** Replace (or silence, with null) the progress logger. Errors are always thrown. */
export function setStackLogger(fn) {
  logger = fn ?? (() => {});
}

function log(message) {
  logger(message);
}

/** A start/stop failure; carries the tail of the service's log file when there is one. */
export class StackError extends Error {
  constructor(message, { logFile, logOffset = 0 } = {}) {
    super(message);
    this.name = 'StackError';
    this.logFile = logFile;
    this.logTail = logFile ? tailLog(logFile, logOffset) : '';
  }
}

/** Human-readable text for an error thrown by this module (with the log tail). */
export function describeError(error) {
  if (!(error instanceof StackError)) return error?.stack ?? String(error);
  let text = `✖ ${error.message}`;
  if (error.logFile) {
    text += error.logTail
      ? `\n--- last lines of ${displayPath(error.logFile)} ---\n${error.logTail}\n---`
      : `\n(log: ${displayPath(error.logFile)} is empty)`;
  }
  return text;
}

function displayPath(file) {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

/** Last `lines` lines written to `file` since byte `fromOffset`. */
export function tailLog(file, fromOffset = 0, lines = 40) {
  try {
    const { size } = fs.statSync(file);
    const start = Math.max(fromOffset, size - 64 * 1024); // enough for 40 lines
    const buffer = Buffer.alloc(size - start);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, buffer, 0, buffer.length, start);
    } finally {
      fs.closeSync(fd);
    }
    return buffer.toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------
// Process helpers
// ---------------------------------------------------------------------------

/** Services started by this process and not yet stopped, in start order. */
const live = new Set();
/** Other child processes (apps, jest) to kill if we exit without stopping them. */
const extraChildren = new Set();

// Last resort: if the process exits (normally, via process.exit, or after an
// uncaught error) without having stopped everything, kill it synchronously so
// no server outlives us. Registered once, when this module is first imported.
process.once('exit', () => {
  for (const child of extraChildren) killGroup(child, 'SIGKILL');
  for (const service of [...live].reverse()) {
    try {
      service.killSync();
    } catch {
      // keep going: we are exiting anyway
    }
  }
});

/** Make sure `child` (spawned with detached: true) is SIGKILLed if we exit first. */
export function killOnExit(child) {
  extraChildren.add(child);
  child.once('exit', () => extraChildren.delete(child));
}

/**
 * Signal a child's whole process group (children are spawned detached, so the
 * child is the group leader; this also reaches e.g. postgres behind runuser).
 */
export function killGroup(child, signal) {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

function which(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Run a short command to completion, capturing output (appended to logFile if given). */
function run(command, args, { env = process.env, cwd = '/', logFile } = {}) {
  return new Promise((resolve) => {
    let output = '';
    let settled = false;
    const finish = (code) => {
      if (settled) return;
      settled = true;
      if (logFile) fs.appendFileSync(logFile, `$ ${command} ${args.join(' ')}\n${output}`);
      resolve({ code, output });
    };
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', (error) => {
      output += `${error.message}\n`;
      finish(-1);
    });
    child.once('close', (code) => finish(code ?? -1));
  });
}

/**
 * Spawn a long-running server with stdout+stderr appended to logFile.
 * detached: own process group, so a terminal Ctrl-C reaches only our script,
 * which then stops things in the right order (apps first, servers last).
 */
function spawnLogged(name, command, args, { logFile, env = process.env, cwd = '/' }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = fs.openSync(logFile, 'a');
  let child;
  let logOffset;
  try {
    fs.writeSync(
      fd,
      `\n----- ${new Date().toISOString()} starting ${name}: ${command} ${args.join(' ')}\n`,
    );
    logOffset = fs.fstatSync(fd).size;
    child = spawn(command, args, { env, cwd, stdio: ['ignore', fd, fd], detached: true });
  } finally {
    fs.closeSync(fd); // the child has its own copy
  }
  const proc = { name, child, logFile, logOffset, done: false, result: null };
  proc.exited = new Promise((resolve) => {
    const settle = (result) => {
      if (proc.done) return;
      proc.done = true;
      proc.result = result;
      resolve(result);
    };
    child.once('error', (error) => settle({ code: null, signal: null, error }));
    child.once('exit', (code, signal) => settle({ code, signal }));
  });
  return proc;
}

function describeExit({ code, signal, error } = {}) {
  if (error) return error.message;
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

async function waitExit(proc, timeoutMs) {
  if (proc.done) return true;
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const result = await Promise.race([proc.exited.then(() => true), timeout]);
  clearTimeout(timer);
  return result;
}

/** Poll `check` until it returns true; fail fast (with the log tail) if the process dies. */
async function waitUntil(check, proc, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const logInfo = { logFile: proc.logFile, logOffset: proc.logOffset };
  for (;;) {
    if (proc.done)
      throw new StackError(
        `${what} exited during start-up (${describeExit(proc.result)})`,
        logInfo,
      );
    if (await check()) return;
    if (Date.now() > deadline) {
      throw new StackError(
        `${what} did not become ready within ${Math.round(timeoutMs / 1000)} s`,
        logInfo,
      );
    }
    await sleep(200);
  }
}

/**
 * Wrap a started process as a service with an idempotent async stop() and a
 * synchronous killSync() for the exit hook.
 */
function makeService({ name, proc, port, pidFile, gracefulStop, forceStopSync, info = {} }) {
  let stopping = null;
  if (pidFile) fs.writeFileSync(pidFile, `${proc.child.pid}\n`);
  const forget = () => {
    live.delete(service);
    if (pidFile) fs.rmSync(pidFile, { force: true });
  };
  const service = {
    name,
    host: HOST,
    port,
    pid: proc.child.pid,
    logFile: proc.logFile,
    exited: proc.exited,
    ...info,
    get running() {
      return !proc.done;
    },
    /** True once stop() was called (so an exit is expected, not a crash). */
    get stopping() {
      return stopping !== null;
    },
    stop() {
      stopping ??= (async () => {
        if (!proc.done) {
          try {
            await gracefulStop();
          } catch (error) {
            log(`${name}: graceful stop failed (${error.message}); killing it`);
          }
          if (!(await waitExit(proc, 15_000))) {
            log(`${name} did not stop in time; killing it`);
            forceStopSync?.();
            killGroup(proc.child, 'SIGKILL');
            await waitExit(proc, 5_000);
          }
        }
        forget();
      })();
      return stopping;
    },
    killSync() {
      if (!proc.done) {
        forceStopSync?.();
        killGroup(proc.child, 'SIGKILL');
      }
      forget();
    },
  };
  live.add(service);
  return service;
}

/** Stop every service this process started, newest first. Idempotent. */
export async function stopAllServices() {
  for (const service of [...live].reverse()) await service.stop();
}

// ---------------------------------------------------------------------------
// Ports
// ---------------------------------------------------------------------------

/** A TCP port that is free on 127.0.0.1 right now (the OS picks it). */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `count` distinct free ports. */
export async function findFreePorts(count) {
  const ports = new Set();
  while (ports.size < count) ports.add(await findFreePort());
  return [...ports];
}

function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, HOST, () => server.close(() => resolve(true)));
  });
}

async function assertPortFree(port, what) {
  if (!(await isPortFree(port))) {
    throw new StackError(
      `cannot start ${what}: port ${port} on ${HOST} is already in use ` +
        `(another process, maybe a leftover from an earlier run, holds it; stop it or choose another port)`,
    );
  }
}

/**
 * If a previous run of ours died without cleanup, its server may still be
 * running. The pid file tells us which; /proc/<pid>/cmdline makes sure it is
 * really that kind of server before we stop it.
 */
async function stopLeftover(pidFile, marker, what) {
  let pid;
  try {
    pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8'), 10);
  } catch {
    return;
  }
  let cmdline = '';
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    // not running (or no /proc)
  }
  if (pid > 0 && cmdline.includes(marker)) {
    log(`stopping ${what} left running by an earlier run (pid ${pid})`);
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // gone already
    }
    for (let i = 0; i < 50 && alive(); i++) await sleep(200);
    if (alive()) process.kill(pid, 'SIGKILL');
  }
  fs.rmSync(pidFile, { force: true });
}

// ---------------------------------------------------------------------------
// Installing missing servers
// ---------------------------------------------------------------------------

function aptInstall(packages, what) {
  if (!which('apt-get')) {
    throw new StackError(
      `${what} is not installed and apt-get is not available: install ${packages.join(' ')} yourself`,
    );
  }
  log(`${what} is missing; installing ${packages.join(' ')} with apt-get (one-time) …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Wait for a concurrently running apt/dpkg instead of failing on its lock.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...packages]]) {
    // Progress goes to stderr so stdout stays clean.
    const result = spawnSync('apt-get', [...lock, ...args], { env, stdio: ['ignore', 2, 2] });
    if (result.status !== 0) {
      throw new StackError(
        `apt-get ${args[0]} failed while installing ${packages.join(' ')}; install it yourself`,
      );
    }
  }
}

function findPgBinDir() {
  const candidates = [`/usr/lib/postgresql/${PG_MAJOR}/bin`];
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0 && pgConfig.stdout.trim()) candidates.push(pgConfig.stdout.trim());
  const initdb = which('initdb');
  if (initdb) candidates.push(path.dirname(fs.realpathSync(initdb)));
  return candidates.find((dir) =>
    ['initdb', 'postgres', 'pg_ctl'].every((b) => isExecutable(path.join(dir, b))),
  );
}

/** Directory with initdb/postgres/pg_ctl; installs postgresql-15 via apt when root. */
export function ensurePostgres() {
  let binDir = findPgBinDir();
  if (!binDir && IS_ROOT) {
    aptInstall([`postgresql-${PG_MAJOR}`], `PostgreSQL ${PG_MAJOR}`);
    binDir = findPgBinDir();
  }
  if (!binDir) {
    throw new StackError(
      `PostgreSQL ${PG_MAJOR} server binaries (initdb, postgres, pg_ctl) not found in ` +
        `/usr/lib/postgresql/${PG_MAJOR}/bin, \`pg_config --bindir\` or PATH. ` +
        `Install them, e.g. \`sudo apt-get install postgresql-${PG_MAJOR}\` (Debian/Ubuntu) or \`brew install postgresql@${PG_MAJOR}\` (macOS).`,
    );
  }
  return binDir;
}

/**
 * A system program the stack needs: `find()` it; when it is missing (or
 * `complete()` says a part of it is) and we are root, install `packages` with
 * apt and look again. Throws `missing` when it is still not there.
 */
function ensureProgram({ find, complete = () => true, packages, what, missing }) {
  let bin = find();
  if ((!bin || !complete()) && IS_ROOT) {
    aptInstall(packages, what);
    bin = find();
  }
  if (!bin) throw new StackError(missing);
  return bin;
}

/** Path of redis-server; installs it via apt when root. */
export function ensureRedis() {
  return ensureProgram({
    find: () =>
      which('redis-server') ??
      ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find(isExecutable) ??
      null,
    // The package may start a system redis on 6379; harmless, we never use it.
    packages: ['redis-server'],
    what: 'Redis',
    missing:
      'redis-server not found on PATH. Install it, e.g. `sudo apt-get install redis-server` (Debian/Ubuntu) or `brew install redis` (macOS).',
  });
}

/** Where distributions put jemalloc (Debian/Ubuntu `libjemalloc2`, Fedora/RHEL `jemalloc`). */
const JEMALLOC = [
  '/usr/lib/x86_64-linux-gnu/libjemalloc.so.2',
  '/usr/lib/aarch64-linux-gnu/libjemalloc.so.2',
  '/usr/lib64/libjemalloc.so.2',
  '/usr/lib/libjemalloc.so.2',
];

/** Path of jemalloc's library where the machine has it, or null (the start-twice test asks too). */
export function findJemalloc() {
  return JEMALLOC.find((file) => fs.existsSync(file)) ?? null;
}

/**
 * Path of jemalloc's library, which `npm start` preloads into the media app;
 * installs Debian's `libjemalloc2` via apt when root. Looked up when the apps
 * start, not before: on Debian it often arrives with redis-server. The stack runs
 * without it (the media app then stays on glibc's allocator), so a missing
 * library is logged and answered with null, not thrown.
 */
export function ensureJemalloc() {
  try {
    return ensureProgram({
      find: findJemalloc,
      packages: ['libjemalloc2'],
      what: "jemalloc (the media app's allocator)",
      missing:
        'jemalloc not found. Install it, e.g. `sudo apt-get install libjemalloc2` (Debian/Ubuntu).',
    });
  } catch (error) {
    log(describeError(error));
    return null;
  }
}

/** Where Debian's `chromium` package puts the browser; the desk's browser tests drive it. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Path of the system Chromium for the browser tests (Playwright cannot download
 * its own browsers here); installs Debian's `chromium` via apt when root, with
 * a font so that pages and screenshots show text.
 */
export function ensureChromium() {
  return ensureProgram({
    find: () =>
      (isExecutable(CHROMIUM) ? CHROMIUM : null) ?? which('chromium') ?? which('chromium-browser'),
    packages: ['chromium', 'fonts-dejavu-core'],
    what: 'Chromium (for the desk browser tests)',
    missing:
      'Chromium not found (the desk browser tests drive it). Install it, e.g. `sudo apt-get install chromium` (Debian/Ubuntu).',
  });
}

/** Where Debian's `varnish` package puts the daemon. */
const VARNISHD = '/usr/sbin/varnishd';
/** The xkey vmod from varnish-modules, which the shipped VCL imports. */
const XKEY_VMODS = [
  '/usr/lib/x86_64-linux-gnu/varnish/vmods',
  '/usr/lib/aarch64-linux-gnu/varnish/vmods',
];

function hasXkey() {
  return XKEY_VMODS.some((dir) => fs.existsSync(path.join(dir, 'libvmod_xkey.so')));
}

/** Path of varnishd with vmod xkey; installs Debian's `varnish` and `varnish-modules` via apt when root. */
export function ensureVarnish() {
  return ensureProgram({
    find: () => (isExecutable(VARNISHD) ? VARNISHD : which('varnishd')),
    complete: hasXkey,
    packages: ['varnish', 'varnish-modules'],
    what: 'Varnish with vmod xkey (the edge tests)',
    missing:
      'varnishd not found. Install it, e.g. `sudo apt-get install varnish varnish-modules` (Debian/Ubuntu).',
  });
}

/** The shipped VCL; it includes `backend.vcl` (origin and purgers) from the first folder of vcl_path that has one. */
export const NEWSDESK_VCL = path.join(REPO_ROOT, 'ops', 'varnish', 'newsdesk.vcl');

/** A `backend.vcl` for the shipped VCL: the origin on 127.0.0.1:<port> and the addresses that may purge. */
export function backendVcl({ backendPort, backendHost = HOST, purgers = [HOST] }) {
  const acl = purgers.map((address) => `    "${address}";`).join('\n');
  return [
    'backend origin {',
    `    .host = "${backendHost}";`,
    `    .port = "${backendPort}";`,
    '    .connect_timeout = 2s;',
    '    .first_byte_timeout = 30s;',
    '}',
    '',
    'acl purgers {',
    acl,
    '}',
    '',
  ].join('\n');
}

/**
 * Start varnishd on 127.0.0.1:<port> with the shipped VCL in front of an
 * origin on 127.0.0.1:<backendPort>: the VCL is the one in ops/varnish, only
 * its `backend.vcl` is written into `dir` (which also holds the working folder
 * and the log). `purgers`: the addresses whose PURGE it obeys.
 * @returns {Promise<object>} service: { name, host, port, pid, logFile, url, exited, running, stopping, stop() }
 */
export async function startVarnish({
  dir,
  port,
  backendPort,
  purgers,
  logFile,
  timeoutMs = 60_000,
}) {
  const bin = ensureVarnish();
  dir = path.resolve(dir);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'backend.vcl'), backendVcl({ backendPort, purgers }));
  logFile ??= path.join(dir, 'varnish.log');
  await assertPortFree(port, 'Varnish');
  const args = [
    '-F', // in the foreground: our child, stopped with SIGTERM
    '-a',
    `${HOST}:${port}`,
    '-f',
    NEWSDESK_VCL,
    '-p',
    `vcl_path=${dir}:${path.dirname(NEWSDESK_VCL)}`,
    '-n',
    path.join(dir, 'work'),
    '-s',
    'malloc,64m',
    '-T',
    'none',
    // No privilege separation: as root it would need the varnish users to
    // read the generated backend.vcl; it is a throwaway cache on loopback.
    '-j',
    'none',
  ];
  const proc = spawnLogged('varnish', bin, args, { logFile, cwd: dir });
  const service = makeService({
    name: 'varnish',
    proc,
    port,
    info: { url: `http://${HOST}:${port}` },
    gracefulStop: async () => killGroup(proc.child, 'SIGTERM'),
  });
  try {
    await waitUntil(() => httpAnswers(port, '/health'), proc, 'Varnish', timeoutMs);
  } catch (error) {
    await service.stop();
    throw error;
  }
  return service;
}

// ---------------------------------------------------------------------------
// PostgreSQL
// ---------------------------------------------------------------------------

/** Environment for PostgreSQL tools without the caller's PG* variables (PGDATA, PGHOST, …). */
function pgEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PG')));
}

function shortHash(text) {
  return createHash('sha1').update(text).digest('hex').slice(0, 12);
}

function postgresAccount() {
  const result = spawnSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' });
  const fields = result.status === 0 ? result.stdout.trim().split(':') : [];
  if (fields.length < 6) {
    throw new StackError(
      'running as root, PostgreSQL must run as the `postgres` system user, which does not exist ' +
        '(installing the postgresql-15 package creates it; or run this as a normal user)',
    );
  }
  return { uid: Number(fields[2]), gid: Number(fields[3]), home: fields[5] };
}

/** [command, args] that run `command` as the cluster owner (postgres when we are root). */
function asOwner(command, args) {
  return IS_ROOT ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function chownTo(dir, account) {
  if (fs.statSync(dir).uid !== account.uid) {
    spawnSync('chown', ['-R', `${account.uid}:${account.gid}`, dir], { stdio: 'ignore' });
  }
}

function postgresCanUse(dir) {
  return (
    spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-w', dir, '-a', '-x', dir], {
      stdio: 'ignore',
      cwd: '/',
    }).status === 0
  );
}

/**
 * As root: give the data folder to the postgres user. If that user cannot
 * reach it (e.g. the repo lives under a 0700 home folder), keep the cluster in
 * the postgres user's home instead, at a stable per-folder location so it is
 * reused on the next run.
 */
function prepareDataDirForPostgresUser(dataDir, account) {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chownTo(dataDir, account);
  if (postgresCanUse(dataDir)) return dataDir;

  const base = path.join(account.home, `newsdesk-${shortHash(dataDir)}`);
  const relocated = path.join(base, 'pg');
  log(
    `the postgres user cannot reach ${displayPath(dataDir)} (a parent folder is not traversable); using ${relocated} instead`,
  );
  try {
    fs.rmdirSync(dataDir); // only if empty: avoid a misleading empty folder
  } catch {
    // not empty: leave it alone
  }
  fs.mkdirSync(relocated, { recursive: true, mode: 0o700 });
  chownTo(base, account);
  if (!postgresCanUse(relocated)) {
    throw new StackError(`the postgres user cannot write to ${relocated}; check its permissions`);
  }
  return relocated;
}

/**
 * Unix socket folder next to the data folder (not /var/run). Socket paths are
 * limited to ~107 bytes, so fall back to the temp folder for very deep paths.
 */
function socketDirFor(dataDir, port, account) {
  let dir = path.join(path.dirname(dataDir), 'pg-socket');
  if (path.join(dir, `.s.PGSQL.${port}`).length > 100)
    dir = path.join(os.tmpdir(), `newsdesk-pg-${shortHash(dataDir)}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  if (account) chownTo(dir, account);
  return dir;
}

function hasUtf8CLocale() {
  const result = spawnSync('locale', ['-a'], { encoding: 'utf8' });
  return result.status === 0 && /^c\.utf-?8$/im.test(result.stdout);
}

function sqlLiteral(text) {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Start PostgreSQL on 127.0.0.1:<port> with its cluster in dataDir (initdb on
 * first use, reused afterwards), and make sure role `newsdesk` (password
 * `newsdesk`) and `database` exist.
 *
 * @param {object} options
 * @param {string} options.dataDir  cluster folder (created if missing)
 * @param {number} options.port
 * @param {string} [options.database='newsdesk']
 * @param {string} options.logFile  server output goes here
 * @param {boolean} [options.fast=false]  fsync/synchronous_commit/full_page_writes off (throwaway test clusters)
 * @param {number} [options.timeoutMs=60000]
 * @returns {Promise<object>} service: { name, host, port, pid, logFile, dataDir, database, url, exited, running, stopping, stop() }
 */
export async function startPostgres({
  dataDir,
  port,
  database = 'newsdesk',
  logFile,
  fast = false,
  timeoutMs = 60_000,
}) {
  if (!/^[a-z_][a-z0-9_]*$/.test(database))
    throw new StackError(`invalid database name: ${database}`);
  const binDir = ensurePostgres();
  const tool = (name) =>
    isExecutable(path.join(binDir, name)) ? path.join(binDir, name) : (which(name) ?? name);
  const pgCtl = tool('pg_ctl');
  const env = pgEnv();
  fs.mkdirSync(path.dirname(logFile), { recursive: true });

  const account = IS_ROOT ? postgresAccount() : null;
  let dir = path.resolve(dataDir);
  if (account) dir = prepareDataDirForPostgresUser(dir, account);
  else fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const socketDir = socketDirFor(dir, port, account);

  // First run: create the cluster. Later runs reuse it.
  const versionFile = path.join(dir, 'PG_VERSION');
  if (!fs.existsSync(versionFile)) {
    if (fs.readdirSync(dir).length > 0) {
      throw new StackError(
        `${displayPath(dir)} is not empty but holds no PostgreSQL cluster; move it away and retry`,
      );
    }
    log(`creating PostgreSQL cluster in ${displayPath(dir)} …`);
    const logOffset = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
    const initdbArgs = ['-D', dir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8'];
    initdbArgs.push(`--locale=${hasUtf8CLocale() ? 'C.UTF-8' : 'C'}`);
    if (fast) initdbArgs.push('--no-sync');
    const result = await run(...asOwner(tool('initdb'), initdbArgs), { env, logFile });
    if (result.code !== 0) throw new StackError('initdb failed', { logFile, logOffset });
  }
  const clusterVersion = fs.readFileSync(versionFile, 'utf8').trim();
  const serverVersion = /(\d+)/.exec(
    spawnSync(tool('postgres'), ['--version'], { encoding: 'utf8' }).stdout ?? '',
  )?.[1];
  if (serverVersion && clusterVersion !== serverVersion) {
    throw new StackError(
      `the cluster in ${displayPath(dir)} was created by PostgreSQL ${clusterVersion} but the server found is ${serverVersion}; ` +
        `delete that folder (losing its data) or install PostgreSQL ${clusterVersion}`,
    );
  }

  // A server left running on this cluster by a crashed earlier run would block us.
  if (fs.existsSync(path.join(dir, 'postmaster.pid'))) {
    if ((await run(...asOwner(pgCtl, ['status', '-D', dir]), { env })).code === 0) {
      log('stopping a PostgreSQL left running by an earlier run …');
      await run(...asOwner(pgCtl, ['stop', '-D', dir, '-m', 'fast', '-w', '-t', '60']), {
        env,
        logFile,
      });
    }
  }
  await assertPortFree(port, 'PostgreSQL');

  const serverArgs = [
    '-D',
    dir,
    '-p',
    String(port),
    '-c',
    `listen_addresses=${HOST}`,
    '-c',
    `unix_socket_directories=${socketDir}`,
  ];
  if (fast)
    serverArgs.push(
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    );
  const proc = spawnLogged('postgres', ...asOwner(tool('postgres'), serverArgs), { logFile, env });

  const stopArgs = (mode) => ['stop', '-D', dir, '-m', mode, '-w', '-t', '30'];
  const service = makeService({
    name: 'postgres',
    proc,
    port,
    info: { dataDir: dir, socketDir, database, url: databaseUrl(port, database) },
    gracefulStop: async () => {
      const result = await run(...asOwner(pgCtl, stopArgs('fast')), { env, logFile });
      if (result.code !== 0) throw new Error(`pg_ctl stop exited with ${result.code}`);
    },
    forceStopSync: () => {
      const [command, args] = asOwner(pgCtl, stopArgs('immediate'));
      spawnSync(command, args, { env, cwd: '/', stdio: 'ignore', timeout: 10_000 });
    },
  });

  try {
    const pgIsReady = tool('pg_isready');
    const ready = async () =>
      (
        await run(
          pgIsReady,
          ['-q', '-h', HOST, '-p', String(port), '-U', 'postgres', '-d', 'postgres'],
          { env },
        )
      ).code === 0;
    await waitUntil(ready, proc, 'PostgreSQL', timeoutMs);

    // Role and database, idempotently (over TCP as the trusted superuser).
    const psql = (sql) =>
      run(
        tool('psql'),
        [
          '-X',
          '-q',
          '-A',
          '-t',
          '-v',
          'ON_ERROR_STOP=1',
          '-h',
          HOST,
          '-p',
          String(port),
          '-U',
          'postgres',
          '-d',
          'postgres',
          '-c',
          sql,
        ],
        {
          env,
          logFile,
        },
      );
    const fail = (what) =>
      new StackError(`PostgreSQL: ${what} failed`, { logFile, logOffset: proc.logOffset });
    const role = await psql(
      `DO $$ BEGIN
         IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${sqlLiteral(DB_ROLE)}) THEN
           CREATE ROLE ${DB_ROLE} LOGIN CREATEDB PASSWORD ${sqlLiteral(DB_PASSWORD)};
         END IF;
       END $$;`,
    );
    if (role.code !== 0) throw fail(`creating role ${DB_ROLE}`);
    const exists = await psql(`SELECT 1 FROM pg_database WHERE datname = ${sqlLiteral(database)}`);
    if (exists.code !== 0) throw fail('listing databases');
    if (exists.output.trim() !== '1') {
      if ((await psql(`CREATE DATABASE ${database} OWNER ${DB_ROLE}`)).code !== 0)
        throw fail(`creating database ${database}`);
    }
  } catch (error) {
    await service.stop();
    throw error;
  }
  return service;
}

// ---------------------------------------------------------------------------
// Redis
// ---------------------------------------------------------------------------

/** True when a Redis on 127.0.0.1:<port> answers PING with +PONG (raw RESP, no redis-cli). */
export function redisPing(port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    let reply = '';
    const socket = net.connect({ host: HOST, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk;
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG')); // -LOADING while replaying the AOF
    });
  });
}

/**
 * Start redis-server on 127.0.0.1:<port>, persisting with AOF only into dir.
 * @returns {Promise<object>} service: { name, host, port, pid, logFile, dir, url, exited, running, stopping, stop() }
 */
export async function startRedis({ dir, port, logFile, pidFile, timeoutMs = 30_000 }) {
  const bin = ensureRedis();
  dir = path.resolve(dir);
  fs.mkdirSync(dir, { recursive: true });
  if (pidFile) await stopLeftover(pidFile, 'redis-server', 'a Redis');
  await assertPortFree(port, 'Redis');

  // noeviction: BullMQ must never lose queue keys. AOF only, no RDB snapshots.
  const args = ['--port', String(port), '--bind', HOST, '--daemonize', 'no', '--appendonly', 'yes'];
  // hz 100: BullMQ's delayed jobs (scheduled publications) wake on Redis's tick; 10 Hz adds up to 100 ms.
  args.push('--maxmemory-policy', 'noeviction', '--dir', dir, '--save', '', '--hz', '100');
  const proc = spawnLogged('redis', bin, args, { logFile, cwd: dir });
  const service = makeService({
    name: 'redis',
    proc,
    port,
    pidFile,
    info: { dir, url: `redis://${HOST}:${port}` },
    // SIGTERM makes Redis flush the AOF and exit cleanly.
    gracefulStop: async () => killGroup(proc.child, 'SIGTERM'),
  });
  try {
    await waitUntil(() => redisPing(port), proc, 'Redis', timeoutMs);
  } catch (error) {
    await service.stop();
    throw error;
  }
  return service;
}

// ---------------------------------------------------------------------------
// S3 (s3rver)
// ---------------------------------------------------------------------------

/** True when anything answers HTTP on 127.0.0.1:<port>. */
export function httpAnswers(port, requestPath = '/', timeoutMs = 1000) {
  return new Promise((resolve) => {
    const request = http.get(
      { host: HOST, port, path: requestPath, timeout: timeoutMs },
      (response) => {
        response.resume();
        resolve(true);
      },
    );
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(false));
  });
}

/**
 * Start s3rver (from node_modules) on 127.0.0.1:<port>, storing objects in dir,
 * with `bucket` created at start-up. Credentials are s3rver's S3RVER/S3RVER.
 * @returns {Promise<object>} service: { name, host, port, pid, logFile, dir, bucket, endpoint, exited, running, stopping, stop() }
 */
export async function startS3({
  dir,
  port,
  logFile,
  pidFile,
  bucket = DEFAULT_BUCKET,
  timeoutMs = 30_000,
}) {
  const bin = path.join(REPO_ROOT, 'node_modules', 's3rver', 'bin', 's3rver.js');
  if (!fs.existsSync(bin)) {
    throw new StackError(
      's3rver is not installed (node_modules/s3rver is missing): run `npm install` first',
    );
  }
  dir = path.resolve(dir);
  fs.mkdirSync(dir, { recursive: true });
  if (pidFile) await stopLeftover(pidFile, 's3rver', 'an s3rver');
  await assertPortFree(port, 'S3 (s3rver)');

  const args = [
    bin,
    '--directory',
    dir,
    '--port',
    String(port),
    '--address',
    HOST,
    '--configure-bucket',
    bucket,
    // CORS: the desk PUTs originals straight to the bucket (direct uploads).
    path.join(REPO_ROOT, 'scripts', 'lib', 's3-cors.xml'),
    '--silent',
  ];
  const proc = spawnLogged('s3rver', process.execPath, args, { logFile, cwd: REPO_ROOT });
  const service = makeService({
    name: 's3',
    proc,
    port,
    pidFile,
    info: { dir, bucket, endpoint: `http://${HOST}:${port}` },
    gracefulStop: async () => killGroup(proc.child, 'SIGTERM'),
  });
  try {
    await waitUntil(() => httpAnswers(port), proc, 'S3 (s3rver)', timeoutMs);
  } catch (error) {
    await service.stop();
    throw error;
  }
  return service;
}

// ---------------------------------------------------------------------------
// The whole stack
// ---------------------------------------------------------------------------

function databaseUrl(port, database) {
  return `postgres://${DB_ROLE}:${DB_PASSWORD}@${HOST}:${port}/${database}`;
}

/** The environment variables the apps read to reach the local stack. */
export function stackEnv({
  postgresPort,
  database = 'newsdesk',
  redisPort,
  s3Port,
  bucket = DEFAULT_BUCKET,
}) {
  return {
    DATABASE_URL: databaseUrl(postgresPort, database),
    REDIS_URL: `redis://${HOST}:${redisPort}`,
    S3_ENDPOINT: `http://${HOST}:${s3Port}`,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_BUCKET: bucket,
    S3_PUBLIC_URL: `http://${HOST}:${s3Port}/${bucket}`,
  };
}

/**
 * Start PostgreSQL, Redis and s3rver under `root` (root/pg, root/redis,
 * root/s3, logs and pid files in root/logs). On failure everything already
 * started is stopped again before the error is thrown.
 *
 * @param {object} options
 * @param {string} options.root
 * @param {{postgres: number, redis: number, s3: number}} options.ports
 * @param {string} [options.database='newsdesk']
 * @param {boolean} [options.fast=false]  PostgreSQL durability off (tests)
 * @param {boolean} [options.useExisting=false]  if DATABASE_URL / REDIS_URL / S3_ENDPOINT are
 *   set in process.env, use those servers instead of starting our own
 * @returns {Promise<{env: object, services: object[], external: string[], stop: () => Promise<void>, restart: (name: 'postgres' | 'redis' | 's3') => Promise<void>, summary: () => string}>}
 */
export async function startStack({
  root,
  ports,
  database = 'newsdesk',
  fast = false,
  useExisting = false,
}) {
  root = path.resolve(root);
  const logDir = path.join(root, 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = (name) => path.join(logDir, `${name}.log`);
  const pidFile = (name) => path.join(logDir, `${name}.pid`);
  const given = useExisting ? process.env : {};

  const services = [];
  let stopping = null;
  const stop = () =>
    (stopping ??= (async () => {
      for (const service of [...services].reverse()) await service.stop();
    })());

  const env = stackEnv({
    postgresPort: ports.postgres,
    database,
    redisPort: ports.redis,
    s3Port: ports.s3,
  });
  const external = [];
  // Keyed by service name; restart() uses them again.
  const starters = {
    postgres: () =>
      startPostgres({
        dataDir: path.join(root, 'pg'),
        port: ports.postgres,
        database,
        logFile: logFile('postgres'),
        fast,
      }),
    redis: () =>
      startRedis({
        dir: path.join(root, 'redis'),
        port: ports.redis,
        logFile: logFile('redis'),
        pidFile: pidFile('redis'),
      }),
    s3: () =>
      startS3({
        dir: path.join(root, 's3'),
        port: ports.s3,
        logFile: logFile('s3'),
        pidFile: pidFile('s3'),
      }),
  };
  try {
    if (given.DATABASE_URL) {
      env.DATABASE_URL = given.DATABASE_URL;
      external.push('postgres');
    } else {
      services.push(await starters.postgres());
    }
    if (given.REDIS_URL) {
      env.REDIS_URL = given.REDIS_URL;
      external.push('redis');
    } else {
      services.push(await starters.redis());
    }
    if (given.S3_ENDPOINT) {
      const bucket = given.S3_BUCKET || DEFAULT_BUCKET;
      const endpoint = given.S3_ENDPOINT.replace(/\/+$/, '');
      Object.assign(env, {
        S3_ENDPOINT: given.S3_ENDPOINT,
        S3_REGION: given.S3_REGION || 'us-east-1',
        S3_ACCESS_KEY_ID: given.S3_ACCESS_KEY_ID,
        S3_SECRET_ACCESS_KEY: given.S3_SECRET_ACCESS_KEY,
        S3_BUCKET: bucket,
        S3_PUBLIC_URL: given.S3_PUBLIC_URL || `${endpoint}/${bucket}`,
      });
      for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
      external.push('s3');
    } else {
      services.push(await starters.s3());
    }
  } catch (error) {
    await stop();
    throw error;
  }

  // One restart at a time; each waits for the previous one.
  let restarting = Promise.resolve();
  /**
   * Stops one of the servers started here (gracefully: Redis flushes its AOF,
   * PostgreSQL shuts down fast) and starts it again on the same port and data.
   * For fault tests; the new server is stopped by stop() like the first one.
   */
  const restart = (name) => {
    const run = restarting.then(async () => {
      const index = services.findIndex((service) => service.name === name);
      if (index < 0 || !starters[name])
        throw new StackError(`${name} was not started by this stack`);
      await services[index].stop();
      services[index] = await starters[name]();
    });
    restarting = run.catch(() => undefined);
    return run;
  };

  const summary = () =>
    [
      external.includes('postgres')
        ? 'PostgreSQL: DATABASE_URL from env'
        : `PostgreSQL ${HOST}:${ports.postgres}/${database}`,
      external.includes('redis') ? 'Redis: REDIS_URL from env' : `Redis ${HOST}:${ports.redis}`,
      external.includes('s3') ? 'S3: S3_ENDPOINT from env' : `S3 ${HOST}:${ports.s3}`,
    ].join(', ');
  return { env, services, external, stop, restart, summary };
}

// ---------------------------------------------------------------------------
// Script helpers shared by start.mjs and test.mjs
// ---------------------------------------------------------------------------

/** Install dependencies when node_modules is missing (npm ci with a lock file, else npm install). */
export function ensureNodeModules(root = REPO_ROOT) {
  if (fs.existsSync(path.join(root, 'node_modules'))) return;
  const command = fs.existsSync(path.join(root, 'package-lock.json')) ? 'ci' : 'install';
  log(`node_modules is missing: running npm ${command} …`);
  const result = spawnSync('npm', [command], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0)
    throw new StackError(`npm ${command} failed (exit code ${result.status ?? result.signal})`);
}

/**
 * Call `handler({ signal } | { error })` once on SIGINT/SIGTERM/SIGHUP or an
 * uncaught error. A later signal (not the echo of the same Ctrl-C that npm
 * forwards) or an error during shutdown forces an immediate exit; the exit
 * hook above still kills every server synchronously.
 */
export function onShutdown(handler) {
  let firstAt = 0;
  const trigger = (reason) => {
    if (!firstAt) {
      firstAt = Date.now();
      Promise.resolve()
        .then(() => handler(reason))
        .catch((error) => {
          console.error(describeError(error));
          process.exit(1);
        });
      return;
    }
    if (reason.error || Date.now() - firstAt > 1000) {
      console.error('forced exit: killing everything');
      process.exit(reason.signal ? 130 : 1);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(signal, () => trigger({ signal }));
  for (const event of ['uncaughtException', 'unhandledRejection']) {
    process.on(event, (error) => {
      console.error(describeError(error));
      trigger({ error });
    });
  }
}

/** Exit code for a child that ended with `code` or `signal` (shell convention 128+n). */
export function exitCodeOf(code, signal) {
  if (code !== null && code !== undefined) return code;
  return 128 + (os.constants.signals[signal] ?? 1);
}
