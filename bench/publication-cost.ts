/**
 * Benchmark: what one publication costs, in CPU milliseconds by process, and
 * how fast it is visible at 20 and 40 publications per second.
 *
 *   (a) BENCH_COST_STORIES (200) approved stories published at
 *       BENCH_COST_RATE (10) per second, the listing read only every 250 ms
 *       (so that reading it costs next to nothing). CPU from /proc of the api,
 *       workflow and projector apps, PostgreSQL (postmaster and backends) and
 *       Redis, from the first publish request until every story is visible and
 *       the queues and the outbox are idle, divided by the stories. What the
 *       stack spends meanwhile on its own (the relay's polling, timers) counts:
 *       it is part of what publishing costs. For scale, each process's CPU at
 *       rest is printed beside it.
 *   (b) The bare baseline of the same run, with the apps stopped: the same
 *       PostgreSQL writes and BullMQ hops with plain `pg` and `bullmq` in this
 *       process (see bench/bare-publication.ts), at the same rate: CPU of this
 *       process, PostgreSQL and Redis per publication.
 *   (c) Publish → visible in the section listing at 20/s and at 40/s,
 *       BENCH_STORIES (200) each, read by one poller every 5 ms.
 *
 * Beside (a) and (b) it prints how fast the machine itself ran in each
 * (bench/speed.ts): on a shared host the same work can cost up to 1.7× the CPU
 * from one minute to the next, and a ratio between phases run on a fast and a
 * slow machine says nothing about Newsdesk.
 *
 * Goals (#15): whole-stack CPU per publication ≤ 3× the bare baseline's;
 * p99 ≤ 100 ms at 20/s and ≤ 250 ms at 40/s on a two-core machine.
 *
 * Starts its own throwaway stack and the api, workflow and projector apps as
 * processes (the build). With BENCH_CPU_PROF_DIR set, the apps write V8 CPU
 * profiles (`--cpu-prof`) there when they stop, for a flame graph.
 *
 *   npm run build && npm run bench:cost
 *
 * Env: BENCH_COST_STORIES (200), BENCH_COST_RATE (10), BENCH_STORIES (200),
 * BENCH_TIMEOUT_MS (30000), BENCH_CPU_PROF_DIR.
 */
import { loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '@newsdesk/config';
import { ormConfig } from '@newsdesk/database';
import { sqlOf } from '@newsdesk/testing';
import type { AppName } from '../test/faults/cluster';
import { runBarePublications } from './bare-publication';
import {
  BenchApi,
  atRate,
  cpuByProcess,
  cpuSince,
  positiveInt,
  printStatsTable,
  round2,
  runOnStack,
  settled,
  stackProcesses,
  stats,
  type Cpu,
  type StackHarness,
} from './support';
import { SpeedProbe } from './speed';
import { StatementLog, type StatementCensus } from './statement-log';
import { measurePublishToListing } from './visibility';

const COST_STORIES = positiveInt('BENCH_COST_STORIES', 200);
const COST_RATE = positiveInt('BENCH_COST_RATE', 10);
const STORIES = positiveInt('BENCH_STORIES', 200);
const TIMEOUT_MS = positiveInt('BENCH_TIMEOUT_MS', 30_000);
const PROFILE_DIR = process.env.BENCH_CPU_PROF_DIR;
/** Count PostgreSQL's statements during the cost phase (which makes its CPU figures worthless). */
const STATEMENTS = process.env.BENCH_STATEMENTS === '1';
const REST_SECONDS = 10;
/** One approval step (Smart City needs two reviewers). */
const SECTION = 'it-infrastruktur';

const APPS: AppName[] = ['api', 'workflow', 'projector'];

const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

async function visibleAll(api: BenchApi, listingUrl: string, slugs: Set<string>): Promise<void> {
  const deadline = performance.now() + TIMEOUT_MS * 4;
  while (performance.now() < deadline) {
    const response = await fetch(listingUrl);
    if (response.ok) {
      const { items } = (await response.json()) as { items: { slug: string }[] };
      for (const { slug } of items) slugs.delete(slug);
    }
    if (slugs.size === 0) return;
    await sleep(250);
  }
  throw new Error(`${slugs.size} stories not visible in time (${api.base})`);
}

async function run(h: StackHarness): Promise<void> {
  if (PROFILE_DIR) {
    // Only the apps: the harness passes its environment on to them.
    process.env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${resolve(PROFILE_DIR)}`;
  }
  const cluster = await h.start();
  // Only the apps started just now are profiled, nothing this process starts later.
  delete process.env.NODE_OPTIONS;
  delete h.env.NODE_OPTIONS;
  const api = new BenchApi(cluster.apiUrl, TIMEOUT_MS);
  const orm = await MikroORM.init(ormConfig(loadConfig(h.env)));
  const sql = sqlOf(orm);
  const probe = new SpeedProbe();
  try {
    const [editor, reviewer] = await Promise.all([
      api.login('editor@newsdesk.test'),
      api.login('reviewer@newsdesk.test'),
    ]);
    let started = performance.now();
    const stories = await api.approvedStories(
      COST_STORIES + Math.max(COST_STORIES, STORIES * 2),
      editor,
      [reviewer],
      (i) => ({
        section: SECTION,
        kicker: 'Kosten',
        headline: `Landkreis digitalisiert Bauanträge, Teil ${i + 1}`,
        teaser: 'Bauherren reichen Anträge künftig online ein; die Prüfung dauert halb so lang.',
        body: [
          { type: 'paragraph', text: 'Das Portal geht im Frühjahr in allen Gemeinden online.' },
        ],
        tags: ['Digitalisierung', 'Bauen'],
        format: 'news',
      }),
    );
    console.log(
      `prepared ${stories.length} approved stories in ${Math.round(performance.now() - started)} ms`,
    );
    const listingUrl = `${cluster.apiUrl}/public/sections/${SECTION}/teasers?limit=50`;
    const processes = stackProcesses(h, cluster);
    await settled(cluster, sql, APPS);
    await sleep(2000); // the last jobs' follow-ups (metrics, stream reads) die down

    const batch = stories.slice(0, COST_STORIES);
    const phaseStart = monotonicMicros();
    const stackFrom = probe.mark();
    const statementLog = STATEMENTS
      ? new StatementLog(h.env.DATABASE_URL ?? '', join(h.root, 'logs', 'postgres.log'))
      : null;
    await statementLog?.start();
    const before = cpuByProcess(processes);
    started = performance.now();
    await atRate(batch.length, COST_RATE, (i) => api.publish(batch[i].id, reviewer));
    await visibleAll(api, listingUrl, new Set(batch.slice(-40).map((s) => s.slug)));
    await settled(cluster, sql, APPS);
    const seconds = (performance.now() - started) / 1000;
    const used = cpuSince(cpuByProcess(processes), before);
    const stackSpeed = probe.between(stackFrom);
    const census = await statementLog?.stop();
    if (PROFILE_DIR) {
      // The profiles' sample times are on the same monotonic clock: this window is the phase.
      const window = { start: phaseStart, end: monotonicMicros(), pids: processes };
      writeFileSync(join(PROFILE_DIR, 'cost-phase.json'), JSON.stringify(window));
    }

    // At rest, for scale: what each process spends per second with nothing to do.
    await sleep(2000);
    const restBefore = cpuByProcess(processes);
    await sleep(REST_SECONDS * 1000);
    const atRest = cpuSince(cpuByProcess(processes), restBefore);

    const latency: [string, ReturnType<typeof stats>][] = [];
    for (const [index, rate] of [20, 40].entries()) {
      const slice = stories.slice(
        COST_STORIES + index * STORIES,
        COST_STORIES + (index + 1) * STORIES,
      );
      const result = await measurePublishToListing(api, reviewer, slice, {
        rate,
        listingUrl,
        timeoutMs: TIMEOUT_MS,
      });
      latency.push([`${rate}/s (achieved ${result.achievedRate}/s)`, stats(result.latencies)]);
      if (result.notVisible || result.publishErrors.length)
        console.log(
          `${rate}/s: not visible ${result.notVisible}, publish errors ${result.publishErrors.length}`,
        );
      await settled(cluster, sql, APPS);
    }
    // The bare baseline, with the apps stopped, on copies of the stories the latency runs published.
    await Promise.all(APPS.map((app) => cluster.terminate(app, 10_000)));
    const serversBefore = cpuByProcess(processes);
    const bareFrom = probe.mark();
    const bare = await runBarePublications({
      databaseUrl: h.env.DATABASE_URL ?? '',
      redisUrl: h.env.REDIS_URL ?? '',
      articleIds: stories.slice(COST_STORIES, COST_STORIES * 2).map((s) => s.id),
      rate: COST_RATE,
    });
    const bareUsed = cpuSince(cpuByProcess(processes), serversBefore);
    const bareSpeed = probe.between(bareFrom);

    const ms = (cpu: Cpu, n: number): Cpu =>
      Object.fromEntries(Object.entries(cpu).map(([name, s]) => [name, round2((s * 1000) / n)]));
    const ours = ms(used, batch.length);
    const base = ms(bareUsed, bare.published);
    const stack = ['api', 'workflow', 'projector', 'postgres', 'redis'];
    const total = round2(stack.reduce((sum, name) => sum + ours[name], 0));
    const bareTotal = round2(base.bench + base.postgres + base.redis);
    console.log(
      `\nCPU ms per publication: Newsdesk (${batch.length} at ${COST_RATE}/s, ${seconds.toFixed(1)} s) ` +
        `and the bare baseline (${bare.published} at ${COST_RATE}/s, ${bare.seconds.toFixed(1)} s)`,
    );
    const row = (name: string, a: number | string, b: number | string, rest: number | string) =>
      console.log(
        `  ${name.padEnd(18)}${String(a).padStart(10)}${String(b).padStart(10)}${String(rest).padStart(14)}`,
      );
    const restOf = (name: string) => round2((atRest[name] * 1000) / REST_SECONDS);
    row('process', 'newsdesk', 'bare', 'at rest ms/s');
    for (const name of APPS) row(name, ours[name], '', restOf(name));
    row('bare (pg, bullmq)', '', base.bench, '');
    for (const name of ['postgres', 'redis']) row(name, ours[name], base[name], restOf(name));
    row('whole stack', total, bareTotal, '');
    console.log(
      `  ${(total / bareTotal).toFixed(2)}× the bare baseline (goal ≤ 3×); ` +
        `this benchmark's own process meanwhile: ${ours.bench} ms per publication`,
    );
    console.log(
      `  the machine's speed (the probe's reference work): Newsdesk ${probe.describe(stackSpeed)}, ` +
        `bare ${probe.describe(bareSpeed)}`,
    );

    if (census) printCensus(census, batch.length);
    console.log('');
    printStatsTable('publish → visible (ms)', latency);
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    probe.stop();
    await orm.close();
  }
}

function printCensus(census: StatementCensus, publications: number): void {
  const per = (n: number) => (n / publications).toFixed(2).padStart(7);
  console.log(
    `\nPostgreSQL statements in the cost phase (BENCH_STATEMENTS=1: logging every statement, ` +
      `so the CPU figures above are not this code's): ${per(census.statements).trim()} per publication ` +
      `(this benchmark's own reads and the apps' idle polling included)`,
  );
  for (const [shape, count] of census.byShape.slice(0, 30))
    console.log(`  ${per(count)}  ${shape}`);
}

runOnStack('cost', APPS, run);
