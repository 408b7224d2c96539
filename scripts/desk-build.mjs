#!/usr/bin/env node
// `npm run desk:build` (also the last step of `npm run build`): type-check the desk
// (apps/desk) and build it with Vite into dist/desk, which the API serves at /desk/.
// Skipped when dist/desk was built from exactly these sources (a hash of apps/desk and
// package-lock.json, kept in dist/desk/.source-hash); `--force` builds anyway.
//
// Either way it prints what a first visit downloads: the entry script and every
// script it imports statically, gzipped, and fails when that is over the budget.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'apps', 'desk');
const OUT = path.join(ROOT, 'dist', 'desk');
const STAMP = path.join(OUT, '.source-hash');
const MANIFEST = path.join(OUT, '.vite', 'manifest.json');
/** The most initial JavaScript (gzipped) a first visit may download. */
const BUDGET_BYTES = 200 * 1024;

function filesUnder(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.name !== 'node_modules')
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const file = path.join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(file) : [file];
    });
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(SOURCE), path.join(ROOT, 'package-lock.json')]) {
    hash.update(path.relative(ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function run(description, args) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✖ desk: ${description} failed (${result.signal ?? `exit code ${result.status}`})`);
    process.exit(result.status || 1);
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gzipped = (file) => zlib.gzipSync(fs.readFileSync(path.join(OUT, file)), { level: 9 }).length;

/** The entry chunk and its static imports, transitively (dynamic imports load later, when needed). */
function initialFiles(manifest) {
  const js = new Set();
  const css = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || js.has(chunk.file)) return;
    js.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return { js: [...js], css: [...css] };
}

const hash = sourceHash();
const force = process.argv.includes('--force');
const built = fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8').trim();
if (!force && built === hash && fs.existsSync(MANIFEST)) {
  console.log('desk: dist/desk is up to date');
} else {
  run('type check', [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', path.join(SOURCE, 'tsconfig.json')]);
  run('vite build', [
    path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--config',
    path.join(SOURCE, 'vite.config.ts'),
    '--logLevel',
    'warn',
  ]);
  fs.writeFileSync(STAMP, `${hash}\n`);
}

const { js, css } = initialFiles(JSON.parse(fs.readFileSync(MANIFEST, 'utf8')));
const jsBytes = js.reduce((sum, file) => sum + gzipped(file), 0);
const cssBytes = css.reduce((sum, file) => sum + gzipped(file), 0);
console.log(
  `desk: initial JS ${kb(jsBytes)} gzipped in ${js.length} file(s) (budget ${kb(BUDGET_BYTES)}), CSS ${kb(cssBytes)} gzipped`,
);
if (jsBytes > BUDGET_BYTES) {
  console.error(`✖ desk: the initial JS is over its budget of ${kb(BUDGET_BYTES)} gzipped`);
  process.exit(1);
}
