/**
 * Benchmark: a burst — a wire import, a bulk action — of BENCH_BURST (2,000)
 * publications accepted within BENCH_BURST_SECONDS (10). Goal: every story
 * in its listings within 15 s of the first request, and a bounded number of
 * listing rebuilds and CDN purges per listing, not one per story.
 *
 * Prints the time from the first publish request to the last 202 and to
 * "all visible" (the publication queue idle, then the outbox sent, then the
 * projector's event queue idle: each event is acknowledged only once its
 * listings are rebuilt and their purge queued), and per listing kind the
 * rebuilds (the projector's `newsdesk_listing_rebuilds_total`) and the purges
 * naming each listing's key (received by a CDN purge endpoint in this
 * process), beside the baseline of the same run: the events that named each
 * listing, which is what one rebuild and one purge per event would cost.
 *
 * The stories go out in bulk publish requests of BENCH_BURST_BATCH (100)
 * stories each, as a wire import or the desk's bulk action sends them;
 * BENCH_BURST_BATCH=1 sends one publish request per story instead.
 *
 * Starts its own throwaway stack and the api, workflow and projector apps as
 * processes (the build).
 *
 *   npm run build && npm run bench:burst
 *
 * Env: BENCH_BURST (2000), BENCH_BURST_SECONDS (10), BENCH_BURST_BATCH (100),
 * BENCH_TIMEOUT_MS (60000).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '@newsdesk/config';
import { ormConfig } from '@newsdesk/database';
import { JobQueue } from '@newsdesk/messaging';
import { sqlOf, type Sql } from '@newsdesk/testing';
import type { Cluster } from '../test/faults/cluster';
import {
  BenchApi,
  atRate,
  cpuByProcess,
  cpuSince,
  metricTotal,
  positiveInt,
  runOnStack,
  stackProcesses,
  type StackHarness,
} from './support';

const BURST = positiveInt('BENCH_BURST', 2000);
const SECONDS = positiveInt('BENCH_BURST_SECONDS', 10);
const BATCH = positiveInt('BENCH_BURST_BATCH', 100);
const TIMEOUT_MS = positiveInt('BENCH_TIMEOUT_MS', 60_000);
/** Tags the burst's stories carry, two each: each tag listing is named by many events. */
const TAGS = ['Breitband', 'OZG', 'Haushalt', 'Klimaschutz', 'Verkehr', 'Schule', 'Wahl', 'Kita'];
const IDLE = ['wait', 'active', 'delayed', 'prioritized'] as const;
/** The listing kinds a burst's events name. */
const KINDS = ['home', 'section', 'tag'];

/** Counts the purges naming each surrogate key, as a CDN's purge API would receive them. */
async function purgeCounter(): Promise<{ url: string; byKey: Map<string, number>; close(): void }> {
  const byKey = new Map<string, number>();
  const server = createServer((request, response) => {
    for (const key of String(request.headers['surrogate-key'] ?? '').split(' '))
      if (key) byKey.set(key, (byKey.get(key) ?? 0) + 1);
    response.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/purge`,
    byKey,
    close: () => server.close(),
  };
}

/** The projector's listing rebuilds so far, by kind. */
async function rebuildsByKind(cluster: Cluster): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const kind of KINDS)
    counts.set(
      kind,
      await metricTotal(
        cluster.urlOf('projector'),
        'newsdesk_listing_rebuilds_total',
        `kind="${kind}"`,
      ),
    );
  return counts;
}

/** Whether a queue has nothing waiting or running. */
async function idle(cluster: Cluster, queue: string): Promise<boolean> {
  const counts = await cluster.queue(queue).getJobCounts(...IDLE);
  return IDLE.every((state) => !counts[state]);
}

/**
 * Waits until every publication is done, sent as an event, and that event
 * handled. Returns when the publications were all done (the publication queue
 * first seen idle), in `performance.now()` time.
 */
async function allHandled(cluster: Cluster, sql: Sql): Promise<number> {
  const deadline = performance.now() + TIMEOUT_MS;
  let released: number | null = null;
  while (performance.now() < deadline) {
    // In this order: a publication done before the outbox is seen empty has been relayed, and
    // an event relayed before its queue is seen idle has been handled.
    if (await idle(cluster, JobQueue.Publication)) {
      released ??= performance.now();
      const [{ unsent }] = await sql<{ unsent: string }>(
        'select count(*)::text as unsent from outbox where sent_at is null',
      );
      if (Number(unsent) === 0 && (await idle(cluster, 'events.projector'))) return released;
    }
    await sleep(20);
  }
  throw new Error(`the burst was not handled within ${TIMEOUT_MS} ms`);
}

async function run(h: StackHarness): Promise<void> {
  const cdn = await purgeCounter();
  process.env.CDN_PURGE_URL = cdn.url;
  const cluster = await h.start();
  const orm = await MikroORM.init(ormConfig(loadConfig(h.env)));
  const sql = sqlOf(orm);
  const api = new BenchApi(cluster.apiUrl, TIMEOUT_MS);
  try {
    // Sections with one approval step (Smart City needs two).
    const sections = (
      await sql<{ slug: string }>(
        `select slug from sections where jsonb_array_length(approval_steps) <= 1 order by slug`,
      )
    ).map((s) => s.slug);
    const [editor, reviewer] = await Promise.all([
      api.login('editor@newsdesk.test'),
      api.login('reviewer@newsdesk.test'),
    ]);
    console.log(
      `burst benchmark: ${BURST} publications in ${SECONDS} s over ${sections.length} sections, ` +
        (BATCH === 1 ? 'one request each' : `${BATCH} to a bulk request`),
    );
    let started = performance.now();
    const stories = await api.approvedStories(BURST, editor, [reviewer], (i) => ({
      section: sections[i % sections.length],
      kicker: 'Agenturmeldung',
      headline: `Landkreis meldet Fortschritt beim Ausbau, Meldung ${i + 1}`,
      teaser: 'Die Agentur berichtet über den Stand der Arbeiten in den Gemeinden des Landkreises.',
      body: [{ type: 'paragraph', text: 'Die Arbeiten sollen im Herbst abgeschlossen sein.' }],
      format: 'news',
      tags: [TAGS[i % TAGS.length], TAGS[(i + 3) % TAGS.length]],
    }));
    console.log(
      `prepared ${stories.length} approved stories in ${Math.round(performance.now() - started)} ms`,
    );

    // What one rebuild and one purge per event would cost: the events naming each listing.
    const named = new Map<string, number>();
    const name = (key: string) => named.set(key, (named.get(key) ?? 0) + 1);
    stories.forEach((_story, i) => {
      name('home');
      name(`section:${sections[i % sections.length]}`);
      name(`tag:${TAGS[i % TAGS.length].toLowerCase()}`);
      name(`tag:${TAGS[(i + 3) % TAGS.length].toLowerCase()}`);
    });

    const before = await rebuildsByKind(cluster);
    const processes = stackProcesses(h, cluster);
    const [{ seq: seqBefore }] = await sql<{ seq: string }>(
      'select coalesce(max(seq), 0)::text as seq from outbox',
    );
    const cpuBefore = cpuByProcess(processes);
    cdn.byKey.clear();
    const errors: string[] = [];
    started = performance.now();
    const requests = Math.ceil(BURST / BATCH);
    let refused = 0;
    await atRate(requests, requests / SECONDS, async (r) => {
      const ids = stories.slice(r * BATCH, (r + 1) * BATCH).map((s) => s.id);
      await (
        ids.length === 1 ? api.publish(ids[0], reviewer) : api.publishMany(ids, reviewer)
      ).catch((error: unknown) => {
        refused += ids.length;
        errors.push(error instanceof Error ? error.message : String(error));
      });
    });
    const accepted = performance.now() - started;
    const released = (await allHandled(cluster, sql)) - started;
    const visible = performance.now() - started;
    const cpu = cpuSince(cpuByProcess(processes), cpuBefore);
    // The last purges may still be on their way from the CDN queue.
    for (let i = 0; i < 100 && !(await idle(cluster, JobQueue.Cdn)); i++) await sleep(50);
    const after = await rebuildsByKind(cluster);
    const [{ live }] = await sql<{ live: string }>(
      `select count(*)::text as live from published_articles where headline like 'Landkreis meldet Fortschritt%'`,
    );

    console.log(
      `\naccepted ${BURST - refused} of ${BURST} in ${(accepted / 1000).toFixed(1)} s; ` +
        `all published ${(released / 1000).toFixed(1)} s and all ${live} visible ` +
        `${(visible / 1000).toFixed(1)} s after the first request (goal ≤ 15 s)`,
    );
    const total = Object.values(cpu).reduce((sum, v) => sum + v, 0);
    console.log(
      `CPU s from the first request to all visible: ${Object.entries(cpu)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ')}; ${total.toFixed(1)} in all, ` +
        `${((total * 1000) / BURST).toFixed(1)} ms per publication`,
    );
    const messages = await sql<{ name: string; count: string }>(
      `select name, count(*)::text as count from outbox where seq > ? group by name order by count(*) desc`,
      [seqBefore],
    );
    console.log(`outbox messages: ${messages.map((m) => `${m.name} ${m.count}`).join(', ')}`);
    console.log('\nper listing       events naming it   rebuilds   purges naming it');
    for (const kind of KINDS) {
      const keys = [...named.keys()].filter((k) => k.split(':')[0] === kind);
      const events = keys.reduce((sum, k) => sum + (named.get(k) ?? 0), 0) / keys.length;
      const rebuilds = ((after.get(kind) ?? 0) - (before.get(kind) ?? 0)) / keys.length;
      const purges = keys.reduce((sum, k) => sum + (cdn.byKey.get(k) ?? 0), 0) / keys.length;
      console.log(
        `${`${kind} (${keys.length})`.padEnd(18)}${events.toFixed(0).padStart(16)}` +
          `${rebuilds.toFixed(1).padStart(11)}${purges.toFixed(1).padStart(19)}`,
      );
    }
    console.log(
      `publish requests: ${requests}, failed: ${errors.length}; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    // Why they failed, each reason once with its count.
    const reasons = new Map<string, number>();
    for (const error of errors) reasons.set(error, (reasons.get(error) ?? 0) + 1);
    for (const [reason, count] of reasons) console.log(`  ${count} × ${reason}`);
  } finally {
    cdn.close();
    await orm.close(true);
  }
}

runOnStack('burst', ['api', 'workflow', 'projector'], run);
