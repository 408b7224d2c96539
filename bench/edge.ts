/**
 * Benchmark: the edge. Through varnishd with the shipped VCL
 * (ops/varnish/newsdesk.vcl) in front of the API, how long after a kill is
 * every kind of cached URL fresh (the story page gone, the story out of every
 * listing variant, feed and the sitemap), and how long after a publication do
 * the section's cached listing variants show the story? Starts its own stack
 * (PostgreSQL, Redis, S3, the api, workflow and projector apps as processes,
 * varnishd) with `VARNISH_URL` set: purges by surrogate key.
 *
 *   npm run build && npm run bench:edge
 *
 * Env: BENCH_KILLS (50), BENCH_PUBLISHES (50), BENCH_TIMEOUT_MS (10000).
 *
 * Baseline, in the same run: the same URLs polled at the origin (the API
 * without Varnish) for the same change — the edge's own cost is the difference.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BenchApi,
  positiveInt,
  printStatsTable,
  runOnStack,
  stats,
  type StackHarness,
  type Stats,
} from './support';

const KILLS = positiveInt('BENCH_KILLS', 50);
const PUBLISHES = positiveInt('BENCH_PUBLISHES', 50);
const TIMEOUT_MS = positiveInt('BENCH_TIMEOUT_MS', 10_000);
// A section with one approval step.
const SECTION = 'it-infrastruktur';
const POLL_EVERY_MS = 10;

/** What a URL kind needs to know about the story that changed. */
interface Subject {
  slug: string;
  /** Another story of the section, for `?exclude=` and its site page's box; null before there is one. */
  other: string | null;
}

/**
 * Every kind of cached URL the change must reach, one line each. `page`: the
 * story's own page (gone after a kill, there after a publication); the others
 * show it or not — the site page of another story of the section in its box
 * "Weitere Meldungen und Beiträge aus dem Bereich".
 */
const URL_KINDS: { kind: string; page?: true; path: (s: Subject) => string | null }[] = [
  { kind: 'story page', page: true, path: (s) => `/public/articles/${s.slug}` },
  { kind: 'site story page', page: true, path: (s) => `/site/${SECTION}/${s.slug}` },
  { kind: 'site page, box', path: (s) => s.other && `/site/${SECTION}/${s.other}` },
  { kind: 'section listing', path: () => `/public/sections/${SECTION}/teasers` },
  { kind: 'listing ?limit=10', path: () => `/public/sections/${SECTION}/teasers?limit=10` },
  {
    kind: 'listing ?exclude=',
    path: (s) => `/public/sections/${SECTION}/teasers?exclude=${s.other ?? 'none'}`,
  },
  { kind: 'home', path: () => '/public/home' },
  { kind: 'home ?limit=10', path: () => '/public/home?limit=10' },
  { kind: 'home feed', path: () => '/public/feed.xml' },
  { kind: 'section feed', path: () => `/public/sections/${SECTION}/feed.json` },
  { kind: 'sitemap', path: () => '/public/sitemap-news.xml' },
];

/** Whether `base + path` already shows the change: the story `there` or not. */
async function showsChange(
  base: string,
  kind: (typeof URL_KINDS)[number],
  subject: Subject,
  there: boolean,
): Promise<boolean> {
  const path = kind.path(subject);
  if (path === null) return true;
  const response = await fetch(`${base}${path}`);
  const body = await response.text();
  if (kind.page) return there ? response.status === 200 : response.status === 404;
  return response.ok && body.includes(subject.slug) === there;
}

/** Polls until `base` shows the change for every URL kind; ms per kind since `start`. */
async function untilFresh(
  base: string,
  subject: Subject,
  there: boolean,
  start: number,
): Promise<number[]> {
  return Promise.all(
    URL_KINDS.map(async (kind) => {
      while (!(await showsChange(base, kind, subject, there))) {
        if (performance.now() - start > TIMEOUT_MS) return Infinity;
        await sleep(POLL_EVERY_MS);
      }
      return performance.now() - start;
    }),
  );
}

/** Fetches every URL kind twice through the edge, so that each is cached before the change. */
async function warm(edge: string, subject: Subject): Promise<void> {
  for (const kind of URL_KINDS)
    for (let i = 0; i < 2; i++) {
      const path = kind.path(subject);
      if (path !== null) await (await fetch(`${edge}${path}`)).text();
    }
}

/**
 * Per URL kind and in all (the slowest kind), for the edge and the origin; and
 * what the edge adds: how much later than the origin it was fresh in all.
 */
function report(title: string, edge: number[][], origin: number[][]): void {
  const rows = (samples: number[][], where: string): [string, Stats][] => [
    [`${where}: every kind`, stats(samples.map((s) => Math.max(...s)))],
    ...URL_KINDS.map((k, i): [string, Stats] => [
      `${where}: ${k.kind}`,
      stats(samples.map((s) => s[i])),
    ]),
  ];
  const added = edge.map((s, i) => Math.max(...s) - Math.max(...origin[i]));
  printStatsTable(title, [
    ...rows(edge, 'edge'),
    ...rows(origin, 'origin'),
    ['edge later than origin, every kind', stats(added)],
  ]);
}

async function run(h: StackHarness): Promise<void> {
  const [varnishPort] = await h.lib.findFreePorts(1);
  const edge = `http://127.0.0.1:${varnishPort}`;
  process.env.VARNISH_URL = edge;
  const cluster = await h.start();
  const origin = cluster.apiUrl;
  const varnish = await h.lib.startVarnish({
    dir: `${h.root}/varnish`,
    port: varnishPort,
    backendPort: Number(new URL(origin).port),
  });
  try {
    const api = new BenchApi(origin);
    const editor = await api.login('editor@newsdesk.test');
    const reviewer = await api.login('reviewer@newsdesk.test');
    const runId = randomUUID().slice(0, 8);
    console.log(`preparing ${KILLS + PUBLISHES + 1} approved stories in ${SECTION} …`);
    const stories = await api.approvedStories(KILLS + PUBLISHES + 1, editor, [reviewer], (i) => ({
      section: SECTION,
      kicker: 'Benchmark',
      headline: `Die Kante meldet ${runId} Nr. ${i + 1}`,
      teaser: `Lauf ${runId}: Was die Redaktion ändert, gilt am Rand des Netzes sofort.`,
      body: [
        {
          type: 'paragraph',
          text: 'Varnish hält, was die Leser sehen, und vergisst es auf Zuruf.',
        },
      ],
      format: 'news',
    }));
    const [kept, ...rest] = stories;
    const toKill = rest.slice(0, KILLS);
    const toPublish = rest.slice(KILLS);
    /** Publishes a story and waits until the origin and the edge show it everywhere (not measured). */
    const publishAndWait = async (subject: Subject, id: string) => {
      await api.publish(id, reviewer);
      for (const base of [origin, edge])
        if ((await untilFresh(base, subject, true, performance.now())).includes(Infinity))
          throw new Error(`${subject.slug} did not appear at ${base}`);
    };
    await publishAndWait({ slug: kept.slug, other: null }, kept.id);

    console.log(`${KILLS} kills …`);
    const kills = { edge: [] as number[][], origin: [] as number[][] };
    // Each story is published first, so that it is the newest in every listing it is killed from.
    for (const story of toKill) {
      const subject = { slug: story.slug, other: kept.slug };
      await publishAndWait(subject, story.id);
      await warm(edge, subject);
      const start = performance.now();
      const reply = await api.as(reviewer).POST('/api/articles/{id}/kill', {
        params: { path: { id: story.id } },
        body: { reason: 'Benchmark: die Meldung wird zurückgezogen.' },
      });
      if (reply.response.status !== 200) throw new Error(`kill answered ${reply.response.status}`);
      const [atEdge, atOrigin] = await Promise.all([
        untilFresh(edge, subject, false, start),
        untilFresh(origin, subject, false, start),
      ]);
      kills.edge.push(atEdge);
      kills.origin.push(atOrigin);
    }

    console.log(`${PUBLISHES} publications …`);
    const publishes = { edge: [] as number[][], origin: [] as number[][] };
    for (const story of toPublish) {
      const subject = { slug: story.slug, other: kept.slug };
      await warm(edge, subject);
      const start = performance.now();
      await api.publish(story.id, reviewer);
      const [atEdge, atOrigin] = await Promise.all([
        untilFresh(edge, subject, true, start),
        untilFresh(origin, subject, true, start),
      ]);
      publishes.edge.push(atEdge);
      publishes.origin.push(atOrigin);
    }

    console.log('');
    report('kill → fresh (ms since the 200)', kills.edge, kills.origin);
    console.log('');
    report('publish → shown (ms since the 202)', publishes.edge, publishes.origin);
    const [one, five, fifteen] = (await import('node:os')).loadavg();
    console.log(`\nload average: ${one.toFixed(2)} ${five.toFixed(2)} ${fifteen.toFixed(2)}`);
  } finally {
    await varnish.stop();
  }
}

runOnStack('edge', ['api', 'workflow', 'projector'], run);
