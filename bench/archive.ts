/**
 * Benchmark: does a publication cost the same with a newsroom's whole archive?
 *
 *   (a) Publish → visible in the section listing at BENCH_RATE (20) per
 *       second, BENCH_STORIES (400) stories on each of two stacks side by
 *       side: one with the demo content alone (the baseline of this run), one
 *       with BENCH_ARCHIVE (1,000,000) published stories in its archive: ten
 *       years, every section, two tags each, one in ten in a series. The two
 *       take turns in BENCH_ROUNDS (10) rounds, so a slow stretch of the host
 *       falls on both, not on one phase minutes apart from the other. Goal: p99
 *       ≤ 100 ms with the archive and ≤ 1.2× the empty archive's.
 *   (b) Each listing query (the code the listings run: home, section, series,
 *       tag, the newest overall, and an older page five years deep) timed at
 *       0, 100,000 and BENCH_ARCHIVE stories: the median of 20 runs.
 *
 * For each stack it also prints the mean publication job and event → listings
 * rebuilt (the apps' metrics), each process's CPU ms per publication (from
 * /proc, each turn until settled), each app's garbage collection per
 * publication and heap, and how often the poller read the listing; and how
 * fast the machine itself ran while they took turns (bench/speed.ts).
 *
 * The archive is written inside Postgres (`INSERT … SELECT generate_series`,
 * see libs/testing/src/archive.ts), through the same trigger and indexes as
 * every publication. Starts two throwaway stacks, each with the api, workflow
 * and projector apps as processes (the build); both sit idle while the archive
 * loads (about two minutes).
 *
 * BENCH_STATEMENT_TIMES=1 logs every statement's duration on both stacks while
 * they take turns and prints PostgreSQL's time by statement shape beside each
 * other: which statements take longer with the archive. Logging costs time, so
 * such a run's latencies are not the ones to report.
 *
 *   npm run build && npm run bench:archive
 *
 * Env: BENCH_ARCHIVE (1000000), BENCH_STORIES (400), BENCH_RATE (20),
 * BENCH_ROUNDS (10), BENCH_TIMEOUT_MS (30000), BENCH_STATEMENT_TIMES.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { loadConfig } from '@newsdesk/config';
import { ormConfig } from '@newsdesk/database';
import { homeWindow, newestOf } from '@newsdesk/delivery';
import { loadArchive, sqlOf, type ArchiveSection, type Sql } from '@newsdesk/testing';
import {
  BenchApi,
  asSuperuser,
  cpuByProcess,
  cpuSince,
  metricsOf,
  positiveInt,
  printStatsTable,
  runOnStacks,
  settled,
  stackProcesses,
  stats,
  type BenchArticle,
  type Cpu,
  type StackHarness,
} from './support';
import type { Cluster } from '../test/faults/cluster';
import { SpeedProbe } from './speed';
import { StatementTimes, type StatementTime } from './statement-log';
import { measurePublishToListing } from './visibility';

const ARCHIVE = positiveInt('BENCH_ARCHIVE', 1_000_000);
const STORIES = positiveInt('BENCH_STORIES', 400);
const RATE = positiveInt('BENCH_RATE', 20);
const TIMEOUT_MS = positiveInt('BENCH_TIMEOUT_MS', 30_000);
const ROUNDS = positiveInt('BENCH_ROUNDS', 10);
const STATEMENT_TIMES = process.env.BENCH_STATEMENT_TIMES === '1';
/** One approval step (Smart City needs two reviewers). */
const SECTION = 'it-infrastruktur';
const LISTING_SIZE = 51;
const QUERY_RUNS = 20;
/**
 * Publications of each stack before the turns, not measured: a turn's worth, so
 * that the apps' code paths and PostgreSQL's buffers are warm again (the load
 * of the archive pushes the other stack's hot pages out; the other idled).
 */
const WARM_UP = 40;
const APPS = ['api', 'workflow', 'projector'] as const;

/** The most used series and tag right now, so each size times a listing that has stories. */
async function busiest(sql: Sql): Promise<{ series: string; tag: string }> {
  const [series] = await sql<{ slug: string }>(
    `select series_slug as slug from published_articles where series_slug is not null
     group by 1 order by count(*) desc limit 1`,
  );
  const [tag] = await sql<{ slug: string }>(
    `select tag_slug as slug from published_tags group by 1 order by count(*) desc limit 1`,
  );
  return { series: series?.slug ?? 'none', tag: tag?.slug ?? 'none' };
}

/** Sum and count of a histogram in an app's metrics (the label sets that contain `labels`). */
async function histogram(
  cluster: Cluster,
  app: 'workflow' | 'projector',
  name: string,
  labels = '',
): Promise<{ sum: number; count: number }> {
  const metric = await metricsOf(cluster.urlOf(app));
  return { sum: metric(`${name}_sum`, labels), count: metric(`${name}_count`, labels) };
}

const GC_KINDS = ['minor', 'major', 'incremental'] as const;

/** Each app's garbage collection so far (seconds by kind) and its heap in use now (MB). */
async function memoryOf(cluster: Cluster): Promise<Record<string, Record<string, number>>> {
  const result: Record<string, Record<string, number>> = {};
  for (const app of APPS) {
    const metric = await metricsOf(cluster.urlOf(app));
    const gc: Record<string, number> = {};
    for (const kind of GC_KINDS)
      gc[kind] = metric('nodejs_gc_duration_seconds_sum', `kind="${kind}"`);
    gc.heapMb = metric('nodejs_heap_size_used_bytes') / 1e6;
    result[app] = gc;
  }
  return result;
}

/** "api: minor 41 ms, major 0 ms, incremental 2 ms, heap 61 → 64 MB; …" per publication. */
const gcPerStory = (
  before: Record<string, Record<string, number>>,
  after: Record<string, Record<string, number>>,
  stories = STORIES,
) =>
  APPS.map(
    (app) =>
      `${app} ` +
      GC_KINDS.map(
        (kind) =>
          `${kind} ${(((after[app][kind] - before[app][kind]) * 1000) / stories).toFixed(2)}`,
      ).join(', ') +
      `, heap ${before[app].heapMb.toFixed(0)} → ${after[app].heapMb.toFixed(0)} MB`,
  ).join('; ');

/** Where a phase's time went: the mean publication job, and event → listings rebuilt (ms). */
async function stages(cluster: Cluster): Promise<Record<string, { sum: number; count: number }>> {
  return {
    'publication job': await histogram(
      cluster,
      'workflow',
      'newsdesk_job_duration_seconds',
      'name="ArticlePublish"',
    ),
    'event → listings rebuilt': await histogram(
      cluster,
      'projector',
      'newsdesk_publish_to_listing_seconds',
    ),
  };
}

const meanMs = (
  before: Record<string, { sum: number; count: number }>,
  after: Record<string, { sum: number; count: number }>,
) =>
  Object.keys(after)
    .map((k) => {
      const n = after[k].count - before[k].count;
      return `${k} ${n ? (((after[k].sum - before[k].sum) / n) * 1000).toFixed(1) : '–'} ms`;
    })
    .join(', ');

/**
 * Writes the bulk load out, as it long would be in a newsroom's database: a
 * checkpoint (as the throwaway stack's superuser), then the kernel's dirty
 * pages (`sync`). Otherwise the gigabytes just loaded are written back during
 * the measured phase. Returns how long it took (ms).
 */
async function writeOut(databaseUrl: string): Promise<number> {
  const started = performance.now();
  await asSuperuser(databaseUrl, ['checkpoint']);
  execFileSync('sync');
  return performance.now() - started;
}

/** Median milliseconds of each listing query, as the listings run them. */
async function queryTimes(orm: MikroORM, section: ArchiveSection): Promise<Record<string, number>> {
  const { series, tag } = await busiest(sqlOf(orm));
  const fiveYearsAgo = new Date(Date.now() - 5 * 365 * 24 * 3600 * 1000);
  const queries: Record<string, (em: EntityManager) => Promise<unknown>> = {
    home: (em) => homeWindow(em, LISTING_SIZE),
    section: (em) => newestOf(em, { sectionId: section.id }, LISTING_SIZE),
    series: (em) => newestOf(em, { seriesSlug: series }, LISTING_SIZE),
    tag: (em) => newestOf(em, { tagSlug: tag }, LISTING_SIZE),
    'newest overall (feeds)': (em) => newestOf(em, { all: true }, LISTING_SIZE),
    'section, 5 years back': (em) =>
      newestOf(em, { sectionId: section.id }, LISTING_SIZE, {
        publishedAt: fiveYearsAgo,
        articleId: 'ffffffff-ffff-4fff-bfff-ffffffffffff',
      }),
  };
  const medians: Record<string, number> = {};
  for (const [name, query] of Object.entries(queries)) {
    const samples: number[] = [];
    for (let i = 0; i < QUERY_RUNS; i++) {
      const started = performance.now();
      await query(orm.em.fork());
      samples.push(performance.now() - started);
    }
    medians[name] = stats(samples).p50;
  }
  return medians;
}

/** One of the two stacks, ready to publish: its approved stories and what to measure it by. */
interface Side {
  label: string;
  h: StackHarness;
  cluster: Cluster;
  api: BenchApi;
  orm: MikroORM;
  sql: Sql;
  reviewer: string;
  stories: BenchArticle[];
  processes: Record<string, number | undefined>;
  statementTimes: StatementTimes | null;
}

/** What one stack's turns added up to. */
interface Turns {
  latencies: number[];
  notVisible: number;
  publishErrors: string[];
  rates: number[];
  polls: number;
  pollPeriods: number[];
  /** Each turn's slowest publication (ms), in order; null for a turn in which none became visible. */
  slowest: (number | null)[];
  cpu: Cpu;
}

/** Starts a stack's apps, signs in and approves the stories it will publish. */
async function prepare(h: StackHarness, label: string): Promise<Side> {
  const cluster = await h.start();
  const api = new BenchApi(cluster.apiUrl, TIMEOUT_MS);
  const orm = await MikroORM.init(ormConfig(loadConfig(h.env)));
  const [editor, reviewer] = await Promise.all([
    api.login('editor@newsdesk.test'),
    api.login('reviewer@newsdesk.test'),
  ]);
  const started = performance.now();
  const stories = await api.approvedStories(STORIES + WARM_UP, editor, [reviewer], (i) => ({
    section: SECTION,
    kicker: 'Archiv',
    headline: `Kreistag beschließt Glasfaserplan Nr. ${i + 1}`,
    teaser: 'Der Kreistag hat den Ausbau beschlossen; die Gemeinden erhalten Fördergeld vom Land.',
    body: [{ type: 'paragraph', text: 'Die Verwaltung legt den Plan im Frühjahr vor.' }],
    format: 'news',
  }));
  console.log(
    `${label}: prepared ${stories.length} approved stories in ${Math.round(performance.now() - started)} ms`,
  );
  return {
    label,
    h,
    cluster,
    api,
    orm,
    sql: sqlOf(orm),
    reviewer,
    stories,
    processes: stackProcesses(h, cluster),
    statementTimes: STATEMENT_TIMES
      ? new StatementTimes(h.env.DATABASE_URL ?? '', join(h.root, 'logs', 'postgres.log'))
      : null,
  };
}

/** Publishes `batch` on a side at the rate, until its stack has settled again. */
async function turn(side: Side, batch: BenchArticle[], into?: Turns): Promise<void> {
  const before = cpuByProcess(side.processes);
  const run = await measurePublishToListing(side.api, side.reviewer, batch, {
    rate: RATE,
    listingUrl: `${side.cluster.apiUrl}/public/sections/${SECTION}/teasers?limit=50`,
    timeoutMs: TIMEOUT_MS,
  });
  await settled(side.cluster, side.sql, APPS);
  if (!into) return;
  into.latencies.push(...run.latencies);
  into.notVisible += run.notVisible;
  into.publishErrors.push(...run.publishErrors);
  into.rates.push(run.achievedRate);
  into.polls += run.polls;
  into.pollPeriods.push(run.pollPeriodMs);
  into.slowest.push(run.latencies.length ? Math.round(Math.max(...run.latencies)) : null);
  for (const [name, seconds] of Object.entries(cpuSince(cpuByProcess(side.processes), before)))
    into.cpu[name] = (into.cpu[name] ?? 0) + seconds;
}

async function run([emptyStack, fullStack]: StackHarness[]): Promise<void> {
  console.log(
    `archive benchmark: ${ARCHIVE} stories, ${STORIES} publications per stack in ${ROUNDS} turns each`,
  );
  const sides = [
    await prepare(emptyStack, 'empty archive'),
    await prepare(fullStack, `${ARCHIVE} stories`),
  ];
  const full = sides[1];
  const probe = new SpeedProbe();
  try {
    const sections = await full.sql<ArchiveSection>('select id, slug, name from sections');
    const section = sections.find((s) => s.slug === SECTION);
    if (!section) throw new Error(`the demo content has no section ${SECTION}`);

    const times: [string, Record<string, number>][] = [];
    const [{ count }] = await full.sql<{ count: string }>(
      'select count(*)::text as count from published_articles',
    );
    times.push([`${count} (demo)`, await queryTimes(full.orm, section)]);
    let loaded = 0;
    for (const size of [...new Set([Math.min(100_000, ARCHIVE), ARCHIVE])]) {
      const started = performance.now();
      await loadArchive(full.sql, {
        stories: size - loaded,
        sections,
        prefix: `archiv-${size}-`,
        progress: (n) => process.stdout.write(`\rloading: ${loaded + n} of ${size} `),
      });
      loaded = size;
      console.log(`in ${Math.round((performance.now() - started) / 1000)} s`);
      // As a newsroom's archive would be: vacuumed and analysed, not just bulk-loaded.
      await full.sql('vacuum analyze published_articles, published_tags');
      times.push([String(size), await queryTimes(full.orm, section)]);
    }
    console.log(
      `written out (checkpoint, sync) in ${Math.round(await writeOut(full.h.env.DATABASE_URL ?? ''))} ms`,
    );

    // Each stack warms up on its own, then the two take turns.
    for (const side of sides) {
      await settled(side.cluster, side.sql, APPS);
      await turn(side, side.stories.slice(0, WARM_UP));
    }
    // Each stack's collections, heap and stage histograms, before and after the turns.
    const readings = () =>
      Promise.all(
        sides.map(async (side) => ({
          memory: await memoryOf(side.cluster),
          stages: await stages(side.cluster),
        })),
      );
    const before = await readings();
    const turns: Turns[] = sides.map(() => ({
      latencies: [],
      notVisible: 0,
      publishErrors: [],
      rates: [],
      polls: 0,
      pollPeriods: [],
      slowest: [],
      cpu: {},
    }));
    for (const side of sides) await side.statementTimes?.start();
    const from = probe.mark();
    const perTurn = Math.ceil(STORIES / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      // Each goes first in every other round.
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      for (const i of order) {
        const start = WARM_UP + round * perTurn;
        const batch = sides[i].stories.slice(start, Math.min(start + perTurn, WARM_UP + STORIES));
        await turn(sides[i], batch, turns[i]);
      }
    }
    const speed = probe.between(from);
    const statements = await Promise.all(sides.map(async (side) => side.statementTimes?.stop()));
    const after = await readings();

    const [emptyStats, fullStats] = turns.map((t) => stats(t.latencies));
    console.log('');
    printStatsTable('publish → visible (ms)', [
      ['empty archive (demo content)', emptyStats],
      [`${ARCHIVE} stories`, fullStats],
    ]);
    const meanRate = (t: Turns) =>
      (t.rates.reduce((a, b) => a + b, 0) / Math.max(1, t.rates.length)).toFixed(2);
    console.log(
      `p99 ${fullStats.p99} ms with the archive, ${emptyStats.p99} ms without: ` +
        `${(fullStats.p99 / emptyStats.p99).toFixed(2)}× (goal ≤ 100 ms and ≤ 1.2×); ` +
        `not visible: ${turns[0].notVisible} + ${turns[1].notVisible}; ` +
        `publish errors: ${turns[0].publishErrors.length + turns[1].publishErrors.length}; ` +
        `rates ${meanRate(turns[0])}/s and ${meanRate(turns[1])}/s (mean of the turns)`,
    );
    const perStory = (cpu: Cpu) =>
      Object.entries(cpu)
        .map(([name, seconds]) => `${name} ${((seconds * 1000) / STORIES).toFixed(1)}`)
        .join(', ');
    for (const [i, side] of sides.entries()) {
      const t = turns[i];
      const period = Math.max(...t.pollPeriods);
      console.log(`\n${side.label}:`);
      console.log(`  means: ${meanMs(before[i].stages, after[i].stages)}`);
      console.log(
        `  slowest publication of each turn: ${t.slowest.map((ms) => ms ?? 'none visible').join(', ')} ms`,
      );
      console.log(`  listing polls: ${t.polls} (every ${period} ms at the slowest turn)`);
      console.log(`  CPU ms per publication: ${perStory(t.cpu)}`);
      console.log(`  GC ms per publication: ${gcPerStory(before[i].memory, after[i].memory)}`);
    }
    console.log(
      `\nthe machine's speed (the probe's reference work) while the stacks took turns: ${probe.describe(speed)}`,
    );
    if (statements[0] && statements[1]) printTimes(statements[0], statements[1]);
    console.log('\nlisting queries, median of 20 (ms), by stories in the archive');
    console.log(['query'.padEnd(24), ...times.map(([size]) => size.padStart(14))].join(''));
    for (const name of Object.keys(times[0][1])) {
      console.log(
        [name.padEnd(24), ...times.map(([, t]) => t[name].toFixed(2).padStart(14))].join(''),
      );
    }
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log(
      JSON.stringify({
        bench: 'archive',
        archive: ARCHIVE,
        publishToVisibleMs: { empty: emptyStats, full: fullStats },
        queryMedianMs: Object.fromEntries(times),
      }),
    );
  } finally {
    probe.stop();
    await Promise.all(sides.map((side) => side.orm.close(true)));
  }
}

/** PostgreSQL's time per publication by statement shape, both stacks side by side. */
function printTimes(empty: StatementTime[], full: StatementTime[]): void {
  const per = (n: number | undefined) => (n === undefined ? '–' : (n / STORIES).toFixed(2));
  console.log(
    '\nPostgreSQL time per publication by statement (ms; BENCH_STATEMENT_TIMES=1), ' +
      `empty archive → ${ARCHIVE} stories, and statements per publication`,
  );
  const emptyByShape = new Map(empty.map((t) => [t.shape, t]));
  const fullByShape = new Map(full.map((t) => [t.shape, t]));
  const shapes = [...new Set([...empty, ...full].sort((a, b) => b.ms - a.ms).map((t) => t.shape))];
  for (const shape of shapes.slice(0, 20)) {
    const [e, f] = [emptyByShape.get(shape), fullByShape.get(shape)];
    console.log(
      `  ${per(e?.ms).padStart(6)} → ${per(f?.ms).padStart(6)}  ×${per(f?.count ?? e?.count).padStart(5)}  ${shape}`,
    );
  }
}

runOnStacks(['archive-empty', 'archive-full'], APPS, run);
