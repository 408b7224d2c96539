#!/usr/bin/env node
// `npm run varnish -- --backend-port 3000 [--port 6081] [--purger 127.0.0.1 …]`:
// varnishd with the shipped VCL (ops/varnish/newsdesk.vcl) on 127.0.0.1 in
// front of an API on 127.0.0.1:<backend-port> — for trying the edge with
// `npm start` (then set VARNISH_URL and CDN_VERIFY_URL to its address), and
// for the tests, which start one per test file. Prints one JSON line
// `{"ready":true,"url":…}` when it answers; stops varnishd and deletes its
// folder on SIGINT/SIGTERM, and when its stdin closes (the parent is gone).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  describeError,
  findFreePort,
  onShutdown,
  setStackLogger,
  startVarnish,
  stopAllServices,
} from './lib/stack.mjs';

setStackLogger((message) => console.error(`[varnish] ${message}`));

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'backend-port': { type: 'string' },
    purger: { type: 'string', multiple: true },
  },
});
const number = (name, value) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    console.error(`--${name} must be a port number`);
    process.exit(2);
  }
  return n;
};
const backendPort = number('backend-port', values['backend-port']);
const port = values.port ? number('port', values.port) : await findFreePort();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-varnish-'));
let stopping = null;
const stop = () =>
  (stopping ??= (async () => {
    await stopAllServices();
    fs.rmSync(dir, { recursive: true, force: true });
  })());

onShutdown(async ({ signal }) => {
  await stop();
  process.exit(signal ? 0 : 1);
});
process.stdin.resume();
process.stdin.once('end', () => void stop().then(() => process.exit(0)));

try {
  const varnish = await startVarnish({ dir, port, backendPort, purgers: values.purger });
  console.log(JSON.stringify({ ready: true, url: varnish.url, port, log: varnish.logFile }));
  const { code, signal } = await varnish.exited;
  if (!varnish.stopping) {
    console.error(`[varnish] varnishd exited (${signal ?? code})`);
    await stop();
    process.exit(1);
  }
} catch (error) {
  console.error(describeError(error));
  await stop();
  process.exit(1);
}
