/**
 * Benchmark: does a publication cost the same with a newsroom's whole archive?
 *
 *   (a) Publish → visible in the section listing at BENCH_RATE (20) per
 *       second, BENCH_STORIES (200) stories, on the demo content alone (the
 *       baseline of this run) and again with BENCH_ARCHIVE (1,000,000)
 *       published stories in the archive: ten years, every section, two tags
 *       each, one in ten in a series. Goal: p99 ≤ 100 ms with the archive and
 *       ≤ 1.2× the empty archive's.
 *   (b) Each listing query (the code the listings run: home, section, series,
 *       tag, the newest overall, and an older page five years deep) timed at
 *       0, 100,000 and BENCH_ARCHIVE stories: the median of 20 runs.
 *
 * Each phase also prints the mean publication job and event → listings rebuilt
 * (the apps' metrics), each process's CPU ms per publication (from /proc), each
 * app's garbage collection per publication and heap, how often the poller read
 * the listing, and how fast the machine itself ran (bench/speed.ts): the two
 * phases are minutes apart.
 *
 * The apps sit idle while the archive loads (about two minutes). BENCH_IDLE_SECONDS
 * adds more idleness before the second phase: with a small BENCH_ARCHIVE
 * (1000) it is the control that tells the archive's effect from the idleness's.
 *
 * The archive is written inside Postgres (`INSERT … SELECT generate_series`,
 * see libs/testing/src/archive.ts), through the same trigger and indexes as
 * every publication. Starts its own throwaway stack and the api, workflow and
 * projector apps as processes (the build).
 *
 *   npm run build && npm run bench:archive
 *
 * BENCH_STATEMENT_TIMES=1 logs every statement's duration in both measured
 * phases and prints PostgreSQL's time by statement shape beside each other:
 * which statements take longer with the archive. Logging costs time, so such a
 * run's latencies are not the ones to report.
 *
 * Env: BENCH_ARCHIVE (1000000), BENCH_STORIES (200), BENCH_RATE (20),
 * BENCH_TIMEOUT_MS (30000), BENCH_IDLE_SECONDS (0), BENCH_STATEMENT_TIMES.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
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
  nonNegativeInt,
  positiveInt,
  printStatsTable,
  runOnStack,
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
const STORIES = positiveInt('BENCH_STORIES', 200);
const RATE = positiveInt('BENCH_RATE', 20);
const TIMEOUT_MS = positiveInt('BENCH_TIMEOUT_MS', 30_000);
const IDLE_SECONDS = nonNegativeInt('BENCH_IDLE_SECONDS', 0);
const STATEMENT_TIMES = process.env.BENCH_STATEMENT_TIMES === '1';
/** One approval step (Smart City needs two reviewers). */
const SECTION = 'it-infrastruktur';
const LISTING_SIZE = 51;
const QUERY_RUNS = 20;
/** Publications before each measured phase, not measured: the apps' code paths warm. */
const WARM_UP = 20;
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
  stories: number,
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

async function run(h: StackHarness): Promise<void> {
  const cluster = await h.start();
  const api = new BenchApi(cluster.apiUrl, TIMEOUT_MS);
  const config = loadConfig(h.env);
  const orm = await MikroORM.init(ormConfig(config));
  const sql = sqlOf(orm);
  const probe = new SpeedProbe();
  try {
    const sections = await sql<ArchiveSection>('select id, slug, name from sections');
    const section = sections.find((s) => s.slug === SECTION);
    if (!section) throw new Error(`the demo content has no section ${SECTION}`);
    const [editor, reviewer] = await Promise.all([
      api.login('editor@newsdesk.test'),
      api.login('reviewer@newsdesk.test'),
    ]);
    console.log(`archive benchmark: ${ARCHIVE} stories, ${STORIES} publications per phase`);
    let started = performance.now();
    const stories = await api.approvedStories((STORIES + WARM_UP) * 2, editor, [reviewer], (i) => ({
      section: SECTION,
      kicker: 'Archiv',
      headline: `Kreistag beschließt Glasfaserplan Nr. ${i + 1}`,
      teaser:
        'Der Kreistag hat den Ausbau beschlossen; die Gemeinden erhalten Fördergeld vom Land.',
      body: [{ type: 'paragraph', text: 'Die Verwaltung legt den Plan im Frühjahr vor.' }],
      format: 'news',
    }));
    console.log(
      `prepared ${stories.length} approved stories in ${Math.round(performance.now() - started)} ms`,
    );
    const processes = stackProcesses(h, cluster);
    // Each phase starts on a settled stack, after a warm-up of its own.
    const publish = async (batch: BenchArticle[]) => {
      const run = (slice: BenchArticle[]) =>
        measurePublishToListing(api, reviewer, slice, {
          rate: RATE,
          listingUrl: `${cluster.apiUrl}/public/sections/${SECTION}/teasers?limit=50`,
          timeoutMs: TIMEOUT_MS,
        });
      await settled(cluster, sql, APPS);
      await run(batch.slice(0, WARM_UP));
      await settled(cluster, sql, APPS);
      const memoryBefore = await memoryOf(cluster);
      const before = cpuByProcess(processes);
      const from = probe.mark();
      const statementTimes = STATEMENT_TIMES
        ? new StatementTimes(h.env.DATABASE_URL ?? '', join(h.root, 'logs', 'postgres.log'))
        : null;
      await statementTimes?.start();
      const measured = await run(batch.slice(WARM_UP));
      await settled(cluster, sql, APPS);
      return {
        ...measured,
        statements: await statementTimes?.stop(),
        cpu: cpuSince(cpuByProcess(processes), before),
        speed: probe.between(from),
        gc: gcPerStory(memoryBefore, await memoryOf(cluster), STORIES),
      };
    };

    const times: [string, Record<string, number>][] = [];
    const [{ count }] = await sql<{ count: string }>(
      'select count(*)::text as count from published_articles',
    );
    times.push([`${count} (demo)`, await queryTimes(orm, section)]);
    const beforeEmpty = await stages(cluster);
    const empty = await publish(stories.slice(0, STORIES + WARM_UP));
    const afterEmpty = await stages(cluster);

    let loaded = 0;
    for (const size of [...new Set([Math.min(100_000, ARCHIVE), ARCHIVE])]) {
      started = performance.now();
      await loadArchive(sql, {
        stories: size - loaded,
        sections,
        prefix: `archiv-${size}-`,
        progress: (n) => process.stdout.write(`\rloading: ${loaded + n} of ${size} `),
      });
      loaded = size;
      console.log(`in ${Math.round((performance.now() - started) / 1000)} s`);
      // As a newsroom's archive would be: vacuumed and analysed, not just bulk-loaded.
      await sql('vacuum analyze published_articles, published_tags');
      times.push([String(size), await queryTimes(orm, section)]);
    }
    console.log(
      `written out (checkpoint, sync) in ${Math.round(await writeOut(config.databaseUrl))} ms`,
    );
    if (IDLE_SECONDS) {
      console.log(`idle for ${IDLE_SECONDS} s`);
      await sleep(IDLE_SECONDS * 1000);
    }
    const beforeFull = await stages(cluster);
    const full = await publish(stories.slice(STORIES + WARM_UP));
    const afterFull = await stages(cluster);

    const emptyStats = stats(empty.latencies);
    const fullStats = stats(full.latencies);
    console.log('');
    printStatsTable('publish → visible (ms)', [
      ['empty archive (demo content)', emptyStats],
      [`${ARCHIVE} stories`, fullStats],
    ]);
    console.log(
      `p99 ${fullStats.p99} ms with the archive, ${emptyStats.p99} ms without: ` +
        `${(fullStats.p99 / emptyStats.p99).toFixed(2)}× (goal ≤ 100 ms and ≤ 1.2×); ` +
        `not visible: ${empty.notVisible} + ${full.notVisible}; ` +
        `publish errors: ${empty.publishErrors.length + full.publishErrors.length}; ` +
        `rates ${empty.achievedRate}/s and ${full.achievedRate}/s`,
    );
    console.log(`means, empty archive: ${meanMs(beforeEmpty, afterEmpty)}`);
    console.log(`means, ${ARCHIVE} stories: ${meanMs(beforeFull, afterFull)}`);
    // Which processes work harder with the archive: CPU ms per publication, until settled.
    const perStory = (cpu: Cpu) =>
      Object.entries(cpu)
        .map(([name, seconds]) => `${name} ${((seconds * 1000) / STORIES).toFixed(1)}`)
        .join(', ');
    console.log(
      `listing polls: ${empty.polls} (every ${empty.pollPeriodMs} ms) and ${full.polls} (every ${full.pollPeriodMs} ms)`,
    );
    console.log(`CPU ms per publication, empty archive: ${perStory(empty.cpu)}`);
    console.log(`CPU ms per publication, ${ARCHIVE} stories: ${perStory(full.cpu)}`);
    console.log(`GC ms per publication, empty archive: ${empty.gc}`);
    console.log(`GC ms per publication, ${ARCHIVE} stories: ${full.gc}`);
    console.log(
      `the machine's speed (the probe's reference work): empty archive ${probe.describe(empty.speed)}, ` +
        `${ARCHIVE} stories ${probe.describe(full.speed)}`,
    );
    if (empty.statements && full.statements) printTimes(empty.statements, full.statements);
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
    await orm.close(true);
  }
}

/** PostgreSQL's time per publication by statement shape, both phases side by side. */
function printTimes(empty: StatementTime[], full: StatementTime[]): void {
  const fullByShape = new Map(full.map((t) => [t.shape, t]));
  const per = (n: number | undefined) => (n === undefined ? '–' : (n / STORIES).toFixed(2));
  console.log(
    '\nPostgreSQL time per publication by statement (ms; BENCH_STATEMENT_TIMES=1), ' +
      `empty archive → ${ARCHIVE} stories, and statements per publication`,
  );
  const shapes = [...new Set([...empty, ...full].sort((a, b) => b.ms - a.ms).map((t) => t.shape))];
  const emptyByShape = new Map(empty.map((t) => [t.shape, t]));
  for (const shape of shapes.slice(0, 20)) {
    const [e, f] = [emptyByShape.get(shape), fullByShape.get(shape)];
    console.log(
      `  ${per(e?.ms).padStart(6)} → ${per(f?.ms).padStart(6)}  ×${per(f?.count ?? e?.count).padStart(5)}  ${shape}`,
    );
  }
}

runOnStack('archive', APPS, run);
