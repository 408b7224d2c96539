/** What every benchmark shares: env settings, bounded and paced loops, percentiles. */
import type { ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

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

/** Nearest-rank percentiles, in ms rounded to 0.01. */
export function stats(samples: number[]): Stats {
  const sorted = Float64Array.from(samples).sort();
  const round = (ms: number) => Math.round(ms * 100) / 100;
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
}

/** The repository root, from a compiled benchmark in dist/bench. */
export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Loads scripts/lib/stack.mjs, the module `npm start` and `npm test` start their servers with. */
export async function loadStackModule(): Promise<StackModule> {
  return (await import(join(REPO_ROOT, 'scripts', 'lib', 'stack.mjs'))) as StackModule;
}
