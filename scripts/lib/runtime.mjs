// The Node.js that `npm start` and `npm test` run on. package.json's engines name
// the major the product supports (24); a machine whose own `node` is older (say,
// Debian's Node 20) runs the project on the pinned Node from the npm package
// `node` (a devDependency: npm ci puts a real binary at node_modules/node/bin/node).
//
// Only Node built-ins here: this runs before anything else, on whatever node started us.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, StackError, describeError, ensureNodeModules, exitCodeOf } from './stack.mjs';

const majorOf = (version) => Number(/^v?(\d+)/.exec(version)?.[1] ?? 0);

/** The lowest Node.js major that package.json's `engines.node` (">=24.11") accepts. */
export function requiredNodeMajor(root = REPO_ROOT) {
  const { engines } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return majorOf(/\d+/.exec(engines?.node ?? '')?.[0] ?? '0');
}

/** node_modules/node/bin/node when npm has installed it, else null. */
export function pinnedNodeBinary(root = REPO_ROOT) {
  const file = path.join(root, 'node_modules', 'node', 'bin', 'node');
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return file;
  } catch {
    return null;
  }
}

/**
 * Make sure this script runs on a supported Node.js. When the running node is
 * older than engines.node and the pinned one is installed, run this same script
 * again on the pinned binary (same arguments, same terminal), pass signals on to
 * it, and exit with its code: the returned promise then never settles. Call it
 * first thing, before any signal handler is installed.
 *
 * Either way node_modules/.bin goes first on PATH, so that what the script starts
 * by name (`npm run build`, tsc, eslint: all `#!/usr/bin/env node`) runs on the
 * same Node as the script, like it does under `npm run`.
 */
export async function ensureSupportedNode(root = REPO_ROOT) {
  const pinned = pinnedNodeBinary(root);
  if (pinned) {
    const binDir = path.join(root, 'node_modules', '.bin');
    const entries = (process.env.PATH ?? '').split(path.delimiter).filter((dir) => dir !== binDir);
    process.env.PATH = [binDir, ...entries].join(path.delimiter);
  }

  const required = requiredNodeMajor(root);
  if (majorOf(process.version) >= required) return;
  if (!pinned) {
    throw new StackError(
      `Newsdesk needs Node.js ${required}; this is ${process.version} and the pinned Node.js ` +
        `(node_modules/node) is not installed: run \`npm ci\` (it brings it), or install Node.js ${required}`,
    );
  }
  const version = spawnSync(pinned, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  if (majorOf(version) < required || process.env.NEWSDESK_PINNED_NODE) {
    throw new StackError(
      `Newsdesk needs Node.js ${required}; this is ${process.version} and node_modules/node/bin/node ` +
        `reports "${version || 'nothing'}": run \`npm ci\` again to reinstall it`,
    );
  }

  console.log(
    `node ${process.version} is older than ${required}: running on the pinned Node.js ${version} (node_modules/node)`,
  );
  const child = spawn(pinned, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, NEWSDESK_PINNED_NODE: version },
  });
  // A Ctrl-C reaches both of us (same process group); a `kill` or npm's
  // forwarding reaches only this process. The script treats a repeated signal
  // within a second as the same one.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  const { code, signal } = await new Promise((resolve) => {
    child.once('error', (error) => {
      console.error(`✖ could not run ${pinned}: ${error.message}`);
      resolve({ code: 1, signal: null });
    });
    child.once('exit', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
  });
  process.exit(exitCodeOf(code, signal));
  return new Promise(() => {});
}

/**
 * What `npm start` and `npm test` do first: install the dependencies when they
 * are missing (they bring the pinned Node.js), then run on a supported Node
 * ({@link ensureSupportedNode}). Exits with the reason when either fails.
 */
export async function prepareRuntime(root = REPO_ROOT) {
  try {
    ensureNodeModules(root);
    await ensureSupportedNode(root);
  } catch (error) {
    console.error(describeError(error));
    process.exit(1);
  }
}
