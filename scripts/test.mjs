#!/usr/bin/env node
// `npm test`: build (the fault tests run the built apps as processes; the desk's
// browser tests need the built desk, and Chromium, installed with apt when missing; the edge
// tests Varnish with vmod xkey, likewise), start a
// throwaway PostgreSQL/Redis/S3 on free ports in a fresh temp folder, run jest
// (--runInBand, plus this script's arguments) against it, then always stop the
// servers and delete the folder. Exits with jest's code.
//
// Fault tests restart Redis and PostgreSQL through a small HTTP endpoint on
// 127.0.0.1 that this script serves (NEWSDESK_STACK_CONTROL_URL):
// `POST /services/<redis|postgres>/restart`. This process owns the servers, so
// the restarted ones are stopped and deleted with the rest.

import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { prepareRuntime } from './lib/runtime.mjs';
import {
  HOST,
  REPO_ROOT,
  StackError,
  describeError,
  ensureChromium,
  ensureVarnish,
  exitCodeOf,
  findFreePorts,
  killOnExit,
  onShutdown,
  setStackLogger,
  startStack,
  stopAllServices,
} from './lib/stack.mjs';

// Keep the output to one summary line; failures still print in full.
setStackLogger((message) => console.error(`[test stack] ${message}`));

// First of all (before any signal handler): the dependencies, which bring the
// pinned Node.js, and running on it when this node is older.
await prepareRuntime();

let root = null;
let jest = null;
let control = null;
let cleaning = null;

/** Stop the servers and delete the temp folder; idempotent. */
function cleanup() {
  cleaning ??= (async () => {
    control?.close();
    await stopAllServices();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  })();
  return cleaning;
}

// Last resort for abrupt exits (the stack module kills the servers first).
process.on('exit', () => {
  if (root) fs.rmSync(root, { recursive: true, force: true, maxRetries: 2 });
});

onShutdown(async ({ signal }) => {
  if (jest && jest.exitCode === null && jest.signalCode === null) {
    // Jest shares our terminal and usually got the Ctrl-C itself; make sure it
    // ends, then the main flow below cleans up and exits with its code.
    jest.kill('SIGTERM');
    setTimeout(() => jest.kill('SIGKILL'), 10_000).unref();
    return;
  }
  await cleanup();
  process.exit(signal ? exitCodeOf(null, signal) : 1);
});

/** `npm run build`; its output is shown only when it fails. */
function build() {
  const result = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    throw new StackError(
      `npm run build failed (exit ${result.status ?? result.signal ?? result.error?.message}); ` +
        `the tests need the built apps:\n${output}`,
    );
  }
}

/** Serves `POST /services/<name>/restart` on 127.0.0.1; resolves to its URL. */
function serveControl(stack) {
  control = http.createServer((request, response) => {
    const match = /^\/services\/(redis|postgres)\/restart$/.exec(request.url ?? '');
    request.resume();
    if (request.method !== 'POST' || !match) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    const started = Date.now();
    stack.restart(match[1]).then(
      () => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ service: match[1], ms: Date.now() - started }));
      },
      (error) => {
        response.writeHead(500, { 'content-type': 'text/plain' }).end(describeError(error));
      },
    );
  });
  return new Promise((resolve, reject) => {
    control.once('error', reject);
    control.listen(0, HOST, () => resolve(`http://${HOST}:${control.address().port}`));
  });
}

async function main() {
  const jestBin = path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  if (!fs.existsSync(jestBin))
    throw new Error('jest is not installed (node_modules/jest is missing): run `npm install`');
  // The desk's browser tests drive the system's Chromium (apt-get install chromium when missing).
  const chromium = ensureChromium();
  // The edge tests start varnishd with the shipped VCL (apt-get install varnish varnish-modules when missing).
  ensureVarnish();
  build();

  root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-test-'));
  // mkdtemp creates 0700; as root, PostgreSQL runs as `postgres` and must traverse it.
  fs.chmodSync(root, 0o755);
  const [postgres, redis, s3] = await findFreePorts(3);
  const stack = await startStack({
    root,
    ports: { postgres, redis, s3 },
    database: 'newsdesk_test',
    fast: true,
  });
  console.log(`test stack: ${stack.summary()} (in ${root}); Node.js ${process.version}`);

  const env = {
    ...process.env,
    ...stack.env,
    NEWSDESK_STACK_CONTROL_URL: await serveControl(stack),
    CHROMIUM_PATH: chromium,
    NODE_ENV: 'test',
    JWT_SECRET: `test-secret-${randomBytes(16).toString('hex')}`,
  };
  jest = spawn(process.execPath, [jestBin, '--runInBand', ...process.argv.slice(2)], {
    cwd: REPO_ROOT,
    env,
    stdio: 'inherit',
  });
  killOnExit(jest);
  const { code, signal } = await new Promise((resolve) => {
    jest.once('error', () => resolve({ code: 1, signal: null }));
    jest.once('exit', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
  });
  await cleanup();
  return exitCodeOf(code, signal);
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(describeError(error));
  await cleanup();
  process.exitCode = 1;
}
