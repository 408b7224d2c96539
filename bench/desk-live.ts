/**
 * Benchmark: a publication as the open desks see it — from the publish
 * request's 202 to the story shown as published in the DOM of desks open in
 * a real browser, at 20 publications a second.
 *
 * Starts its own throwaway stack (PostgreSQL, Redis, S3 on free ports in a
 * temp folder) and the api, workflow and projector apps as processes (the
 * build; the API serves the built desk), seeds the demo content, prepares
 * BENCH_STORIES (200) approved stories in the three sections in turn, and
 * opens desks in the system's Chromium, each a browser profile of its own,
 * signed in through the form:
 *
 *   - BENCH_DESKS (3) stories lists: the editor's on all stories (where
 *     everyone starts: newest change first), then the published stories of
 *     one section each (editor2, the chief, the admin);
 *   - one open story, of the reviewer who publishes: from a section's
 *     approved stories (the next to go out there) she opens one due in a
 *     second or more, watches it go out, goes back to the list and opens the
 *     next — in the app, as a person does, so her stream stays open.
 *
 * Then it publishes the stories at BENCH_RATE (20) per second, newest approval
 * first (so that the approved list shows the next ones), and measures in each
 * desk, for each story it can show, from the moment its publish request
 * returned:
 *
 *   - shown: a MutationObserver in the page notes when the DOM first shows
 *     the story's status as published (its row in a list, the status in the
 *     open story's details);
 *   - baseline, in the same pages and run: when the desk's own stream
 *     (`GET /api/stream`, the page's EventSource) delivered the story's
 *     `story.changed` with `status: published`. The difference is the desk:
 *     its invalidation, the refetch and React's render. Any event refetches
 *     a list, so a list may show a story published before that story's own
 *     event arrives: the difference can be negative.
 *
 * Page and benchmark read the same clock (`performance.timeOrigin +
 * performance.now()`; one machine). A story a list never showed as published
 * (it went past the list's first page, 25 rows, before a refetch landed)
 * counts as `never`; so does an open story not shown published within 10 s.
 * Also printed: the API requests the desks made while publishing, the CPU of
 * the apps and of the machine, the load average.
 *
 *   npm run build && npm run bench:desk-live
 *
 * Env: BENCH_STORIES (200), BENCH_RATE (20 per second), BENCH_DESKS (3
 * lists; the open story comes on top), BENCH_TIMEOUT_MS (30000: how long to
 * wait for the last event after the last publication).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page, Request } from 'playwright-core';
import {
  closeChromium,
  launchChromium,
  openDesk,
  signInThroughForm,
  type DeskWindow,
} from '../test/support/browser';
import {
  BenchApi,
  REPO_ROOT,
  atRate,
  machineBusySeconds,
  positiveInt,
  printStatsTable,
  processCpuSeconds,
  runOnStack,
  stats,
  type StackHarness,
} from './support';

const STORIES = positiveInt('BENCH_STORIES', 200);
const RATE = positiveInt('BENCH_RATE', 20);
const DESKS = positiveInt('BENCH_DESKS', 3);
const TIMEOUT_MS = positiveInt('BENCH_TIMEOUT_MS', 30_000);
/** The stories go to these sections in turn (Smart City asks two approvals, the others one). */
const SECTIONS = ['it-infrastruktur', 'egovernment', 'smart-city'] as const;
type SectionSlug = (typeof SECTIONS)[number];
/** The run is over once every desk has every event and its requests have been quiet this long. */
const QUIET_MS = 1_000;
/** While publishing, the benchmark asks the API for the first page of all stories this often. */
const LIST_PROBE_EVERY_MS = 250;
/** The open story is one due at least this far ahead: time to open it before it goes out. */
const STORY_LEAD_MS = 1_000;
/** How long the open story may take to show its publication before the reviewer moves on. */
const STORY_WAIT_MS = 10_000;
/**
 * The stories lists, in turn: whose, which list, and which of the run's
 * stories it can show. The first is where everyone starts — all stories,
 * newest change first — whose first page (25 rows) holds a story for only
 * about 0.6 s at 20 publications a second (two changes each); the first page
 * of a section's published stories (a third of them) for about 3.75 s.
 */
const LIST_DESKS: { who: string; name: string; path: string; section: SectionSlug | null }[] = [
  { who: 'editor', name: 'all stories', path: '/stories', section: null },
  ...SECTIONS.map((section, i) => ({
    who: ['editor2', 'chief', 'admin'][i],
    name: `published in ${section}`,
    path: `/stories?view=published&section=${section}`,
    section,
  })),
];
/** The reviewer opens stories from those approved in one section: the next to go out there. */
const STORY_DESK = {
  who: 'reviewer',
  path: '/stories?status=approved&section=it-infrastruktur',
} as const;
const APPS = ['api', 'workflow', 'projector'] as const;

/** The same clock in the pages: milliseconds since the epoch, sub-millisecond resolution. */
const clock = () => performance.timeOrigin + performance.now();

// ---------------------------------------------------------------------------
// The probe inside each page
// ---------------------------------------------------------------------------

/** The desk's German texts the probe reads the screen by. */
interface DeskTexts {
  published: string;
  statusColumn: string;
  storyStatus: string;
  back: string;
}

function deskTexts(): DeskTexts {
  const de = JSON.parse(
    readFileSync(join(REPO_ROOT, 'apps', 'desk', 'src', 'i18n', 'de.json'), 'utf8'),
  ) as {
    status: { published: string };
    stories: { columns: { status: string } };
    story: { status: string; back: string };
  };
  return {
    published: de.status.published,
    statusColumn: de.stories.columns.status,
    storyStatus: de.story.status,
    back: de.story.back,
  };
}

/** When a page first showed a story, with which status, and when it first showed it published. */
interface Shown {
  first: string;
  firstAt: number;
  /** 0 while not shown published. */
  publishedAt: number;
}

/** What the probe collected in a page (`window.__deskLive`). */
interface Probe {
  /** When the desk's stream said `ready` (0 before). */
  ready: number;
  /** Per story: when the desk's stream delivered its `story.changed` to `published`. */
  sse: Record<string, { at: number; occurredAt: number }>;
  /** Per story: its row in a stories list. */
  list: Record<string, Shown>;
  /** Per story: its status in the open story's details. */
  story: Record<string, Shown>;
  /** The stories in the list on screen, top to bottom. */
  rows: string[];
  /** How often the list on screen changed (its stories or their statuses). */
  listChanges: number;
}

/**
 * Runs in every page of a desk before the desk's own scripts (an init script,
 * which the desk's Content-Security-Policy does not apply to). The desk's
 * EventSource gets one more listener, registered before the desk's own, that
 * notes when each story's `published` event arrived; a MutationObserver notes,
 * after every change of the DOM, which stories the list shows with which
 * status (the column headed "Status"; each row's link names its story), and
 * the status in an open story's details.
 */
function probeScript(texts: DeskTexts): string {
  return `(() => {
  const TEXTS = ${JSON.stringify(texts)};
  const now = () => performance.timeOrigin + performance.now();
  const probe = { ready: 0, sse: {}, list: {}, story: {}, rows: [], listChanges: 0 };
  Object.defineProperty(window, '__deskLive', { value: probe });

  const NativeEventSource = window.EventSource;
  window.EventSource = class extends NativeEventSource {
    constructor(url, init) {
      super(url, init);
      this.addEventListener('ready', () => (probe.ready = now()));
      this.addEventListener('story.changed', (event) => {
        const at = now();
        const data = JSON.parse(event.data);
        if (data.status === 'published' && !probe.sse[data.articleId])
          probe.sse[data.articleId] = { at, occurredAt: Date.parse(data.occurredAt) };
      });
    }
  };

  const storyIn = (path) => (/\\/stories\\/([0-9a-f-]{36})/.exec(path || '') || [])[1];
  const note = (seen, id, text, at) => {
    const shown = seen[id] || (seen[id] = { first: text, firstAt: at, publishedAt: 0 });
    if (!shown.publishedAt && text.startsWith(TEXTS.published)) shown.publishedAt = at;
  };
  let lastList = '';
  const scan = () => {
    const at = now();
    const rows = [];
    let list = '';
    for (const table of document.querySelectorAll('table')) {
      const head = table.tHead && table.tHead.rows[0];
      const column = head
        ? [...head.cells].findIndex((cell) => cell.textContent.trim() === TEXTS.statusColumn)
        : -1;
      if (column < 0) continue;
      for (const body of table.tBodies) {
        for (const row of body.rows) {
          const link = row.querySelector('a[href]');
          const id = link && storyIn(link.getAttribute('href'));
          const cell = row.cells[column];
          if (!id || !cell) continue;
          const text = cell.textContent.trim();
          note(probe.list, id, text, at);
          rows.push(id);
          list += id + text;
        }
      }
    }
    probe.rows = rows;
    if (list && list !== lastList) probe.listChanges += 1;
    lastList = list;
    const open = /\\/stories\\/[0-9a-f-]{36}$/.test(location.pathname) && storyIn(location.pathname);
    if (!open) return;
    for (const term of document.querySelectorAll('dt')) {
      if (term.textContent.trim() === TEXTS.storyStatus && term.nextElementSibling)
        note(probe.story, open, term.nextElementSibling.textContent.trim(), at);
    }
  };
  new MutationObserver(scan).observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
  });
})();`;
}

// ---------------------------------------------------------------------------
// The desks
// ---------------------------------------------------------------------------

/** An open desk: its browser profile, and the API requests its pages made (not the stream). */
interface Desk {
  label: string;
  /** The run's stories it can show: those of this section, null for all. */
  section: SectionSlug | null;
  window: DeskWindow;
  requests: { at: number; path: string; ms?: number }[];
  /** Requests sent and not yet answered. */
  pending: number;
  /** When the last request was answered (or failed). */
  lastAnswerAt: number;
}

async function openDeskAs(
  browser: Browser,
  base: string,
  script: string,
  label: string,
  who: string,
  path: string,
  section: SectionSlug | null,
): Promise<Desk> {
  const window = await openDesk(browser);
  const desk: Desk = { label, section, window, requests: [], pending: 0, lastAnswerAt: 0 };
  await window.context.addInitScript(script);
  const isApiCall = (request: Request) => {
    const { pathname } = new URL(request.url());
    return pathname.startsWith('/api/') && pathname !== '/api/stream';
  };
  const open = new Map<Request, Desk['requests'][number]>();
  const answered = (request: Request) => {
    const sent = open.get(request);
    if (!sent) return;
    open.delete(request);
    desk.pending -= 1;
    desk.lastAnswerAt = clock();
    sent.ms = desk.lastAnswerAt - sent.at;
  };
  window.context.on('request', (request) => {
    if (!isApiCall(request)) return;
    const sent = { at: clock(), path: new URL(request.url()).pathname };
    desk.pending += 1;
    desk.requests.push(sent);
    open.set(request, sent);
  });
  window.context.on('requestfinished', answered);
  window.context.on('requestfailed', answered);
  const { page } = window;
  await page.goto(`${base}/desk${path}`);
  await page.waitForURL(/\/desk\/sign-in/);
  await signInThroughForm(page, `${who}@newsdesk.test`, 'newsdesk');
  await page.waitForURL((url) => url.pathname + url.search === `/desk${path}`);
  await page.getByRole('table').waitFor();
  if (!(await until(page, 'window.__deskLive.ready > 0', 10_000)))
    throw new Error(`${label}: the desk's stream did not open`);
  return desk;
}

const probeOf = (page: Page) => page.evaluate<Probe>('window.__deskLive');

/**
 * Polls `expression` in the page until it is true (true) or `timeoutMs` passed
 * (false). Not `page.waitForFunction`: that evaluates a string with `eval`,
 * which the desk's Content-Security-Policy forbids.
 */
async function until(page: Page, expression: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate<boolean>(expression)) return true;
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
}

/**
 * The reviewer's desk while the stories go out: from the approved list she
 * opens a story due at least STORY_LEAD_MS ahead, waits until it shows
 * published (at most STORY_WAIT_MS), goes back to the list, and again, until
 * none is due far enough ahead. Answers the stories she watched.
 */
async function watchOpenStories(
  desk: Desk,
  dueAt: ReadonlyMap<string, number>,
  headlines: ReadonlyMap<string, string>,
  texts: DeskTexts,
): Promise<string[]> {
  const { page } = desk.window;
  const watched: string[] = [];
  const last = Math.max(...dueAt.values());
  while (clock() + STORY_LEAD_MS <= last) {
    const { rows } = await probeOf(page);
    const next = rows.find((id) => (dueAt.get(id) ?? 0) >= clock() + STORY_LEAD_MS);
    if (!next) {
      // The list on screen is older than the publications: wait for its refetch.
      await sleep(50);
      continue;
    }
    await page.getByRole('link', { name: headlines.get(next), exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/desk/stories/${next}`);
    watched.push(next);
    // Not shown in time: counted as never shown.
    const shown = `(window.__deskLive.story[${JSON.stringify(next)}] || {}).publishedAt > 0`;
    await until(page, shown, STORY_WAIT_MS);
    await page.getByRole('link', { name: texts.back }).click();
    await page.getByRole('table').waitFor();
  }
  return watched;
}

// ---------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------

async function run(h: StackHarness): Promise<void> {
  const cluster = await h.start();
  const base = cluster.apiUrl;
  const api = new BenchApi(base);
  const editor = await api.login('editor@newsdesk.test');
  const reviewer = await api.login('reviewer@newsdesk.test');
  const chief = await api.login('chief@newsdesk.test');
  const runId = randomUUID().slice(0, 8);

  console.log(`preparing ${STORIES} approved stories in ${SECTIONS.join(', ')} …`);
  const sectionOf = (i: number) => SECTIONS[i % SECTIONS.length];
  const prepared = await api.approvedStories(STORIES, editor, [reviewer, chief], (i) => ({
    section: sectionOf(i),
    kicker: 'Benchmark',
    headline: `Der Desk zeigt die Veröffentlichung ${runId} Nr. ${i + 1} (${sectionOf(i)})`,
    teaser: `Lauf ${runId}: Jede Veröffentlichung erscheint in jedem offenen Desk.`,
    body: [
      { type: 'paragraph', text: 'Die Redaktion sieht, was sich ändert, sobald es geschieht.' },
    ],
    format: 'news',
  }));
  // Newest approval first: the approved list (newest change first) shows the next to go out.
  const order = prepared.map((story) => story.id).reverse();
  const headlines = new Map(prepared.map((story) => [story.id, story.headline]));
  const sections = new Map(prepared.map((story) => [story.id, story.section.slug]));

  const texts = deskTexts();
  const script = probeScript(texts);
  const browser = await launchChromium();
  try {
    console.log(`opening ${DESKS} stories lists and an open story in Chromium …`);
    const lists = await Promise.all(
      Array.from({ length: DESKS }, (_, i) => {
        const { who, name, path, section } = LIST_DESKS[i % LIST_DESKS.length];
        return openDeskAs(browser, base, script, `${who} · ${name}`, who, path, section);
      }),
    );
    const storyDesk = await openDeskAs(
      browser,
      base,
      script,
      `${STORY_DESK.who} · open story`,
      STORY_DESK.who,
      STORY_DESK.path,
      null,
    );
    const desks = [...lists, storyDesk];
    await sleep(1000);
    const changesBefore = await Promise.all(
      lists.map(async (d) => (await probeOf(d.window.page)).listChanges),
    );

    const loadBefore = loadavg()[0];
    const cpuBefore = APPS.map((app) => processCpuSeconds(cluster.pid(app)));
    const machineBefore = machineBusySeconds();
    const returned = new Map<string, number>();
    const runStart = clock();
    const dueAt = new Map(order.map((id, i) => [id, runStart + (i * 1000) / RATE]));
    console.log(`publishing ${STORIES} stories at ${RATE}/s …`);
    let storyDeskFailure = '';
    // Baseline for the desk's part: the API answering the first page of all stories, as the desk asks.
    const listAnswers: number[] = [];
    let publishing = true;
    const listing = (async () => {
      while (publishing) {
        const asked = clock();
        await api.storyList(editor, { limit: 25, offset: 0 });
        listAnswers.push(clock() - asked);
        await sleep(LIST_PROBE_EVERY_MS);
      }
    })().catch((error: unknown) => error); // thrown below, after the publications
    const watching = watchOpenStories(storyDesk, dueAt, headlines, texts).catch(
      (error: unknown) => {
        storyDeskFailure = error instanceof Error ? error.message : String(error);
        return [];
      },
    );
    await atRate(STORIES, RATE, async (i) => {
      await api.publish(order[i], reviewer);
      returned.set(order[i], clock());
    });
    const publishEnd = clock();
    publishing = false;
    const listFailure = await listing;
    if (listFailure) throw new Error('listing the stories failed', { cause: listFailure });
    const seconds = (publishEnd - runStart) / 1000;
    const cpu = Object.fromEntries(
      APPS.map((app, i) => [app, (processCpuSeconds(cluster.pid(app)) - cpuBefore[i]) / seconds]),
    ) as Record<(typeof APPS)[number], number>;
    const machineCores = (machineBusySeconds() - machineBefore) / seconds;
    const loadAfter = loadavg()[0];

    // Every desk's stream has delivered every publication, and the refetches it caused have
    // landed: no request open, none answered for QUIET_MS (or the timeout).
    const deadline = Date.now() + TIMEOUT_MS;
    while (Date.now() < deadline) {
      const probes = await Promise.all(desks.map((d) => probeOf(d.window.page)));
      const quiet = desks.every((d) => d.pending === 0 && clock() - d.lastAnswerAt > QUIET_MS);
      if (quiet && probes.every((p) => order.every((id) => p.sse[id]))) break;
      await sleep(100);
    }
    const watched = await watching;
    cluster.assertNoCrash();
    const probes = await Promise.all(desks.map((d) => probeOf(d.window.page)));
    const problems = desks.flatMap((d) => d.window.problems.map((p) => `${d.label}: ${p}`));

    // --- figures ---
    const since = (at: number | undefined, id: string) =>
      at ? at - (returned.get(id) ?? NaN) : Infinity;
    const rows: [string, ReturnType<typeof stats>][] = [];
    const deskShare: number[] = [];
    const streamed: number[] = [];
    const missed: string[] = [];
    desks.forEach((desk, d) => {
      const probe = probes[d];
      const isStory = desk === storyDesk;
      // The open story: only those she opened before they were shown published (else it was a load, not a change).
      const ids = isStory
        ? watched.filter((id) => !probe.story[id]?.first.startsWith(texts.published))
        : order.filter((id) => !desk.section || sections.get(id) === desk.section);
      const surface = isStory ? probe.story : probe.list;
      const shown = ids.map((id) => since(surface[id]?.publishedAt || undefined, id));
      const arrived = ids.map((id) => since(probe.sse[id]?.at, id));
      rows.push([`${desk.label}: shown published`, stats(shown)]);
      rows.push([`${desk.label}: baseline, its stream delivered`, stats(arrived)]);
      missed.push(
        `${desk.label}: ${shown.filter((ms) => ms === Infinity).length} of ${ids.length} never shown published` +
          (isStory ? ` (${watched.length - ids.length} opened too late to see the change)` : ''),
      );
      for (const id of ids) {
        const sse = probe.sse[id];
        const at = surface[id]?.publishedAt;
        if (sse && at) deskShare.push(at - sse.at);
      }
      for (const id of order) {
        const sse = probe.sse[id];
        if (sse) streamed.push(sse.at - sse.occurredAt);
      }
    });
    const anyProbe = probes[0];
    const job = order.flatMap((id) =>
      anyProbe.sse[id] ? [anyProbe.sse[id].occurredAt - (returned.get(id) ?? NaN)] : [],
    );

    const requests = desks.map((desk) => {
      const during = desk.requests.filter((r) => r.at >= runStart && r.at <= publishEnd);
      const lists = during.filter((r) => r.path === '/api/articles').length;
      const stories = during.filter((r) => r.path.startsWith('/api/articles/')).length;
      // From the page's asking to the answer's last byte: the browser's queue included.
      const answeredIn = stats(during.flatMap((r) => (r.ms === undefined ? [] : [r.ms])));
      return { desk: desk.label, total: during.length, lists, stories, answeredIn };
    });
    const total = requests.reduce((n, r) => n + r.total, 0);
    const listChanges = await Promise.all(
      lists.map(async (d, i) => (await probeOf(d.window.page)).listChanges - changesBefore[i]),
    );

    console.log(
      `\n(a) publish request returned (202) → shown published in the desk's DOM; baseline: the desk's stream delivered the event (${STORIES} publications at ${RATE}/s; ms)`,
    );
    printStatsTable('', [
      ...rows,
      ['every desk: stream delivered → shown (the refetch and render)', stats(deskShare)],
      [
        `baseline: GET /api/articles (first page) from the benchmark, every ${LIST_PROBE_EVERY_MS} ms`,
        stats(listAnswers),
      ],
      ["publication job: 202 → the `published` event's outbox row", stats(job)],
      ['stream: outbox row → delivered, every desk', stats(streamed)],
    ]);
    for (const line of missed) console.log(`  ${line}`);
    console.log(`\n(b) API requests from the desks while publishing (${seconds.toFixed(1)} s)`);
    for (const [i, r] of requests.entries()) {
      const changes =
        i < lists.length ? `; the list on screen changed ${listChanges[i]} times` : '';
      console.log(
        `  ${r.desk}: ${r.total} (${(r.total / seconds).toFixed(1)}/s): ${r.lists} list, ${r.stories} story, ${r.total - r.lists - r.stories} other; answered in p50 ${r.answeredIn.p50.toFixed(0)} ms, max ${r.answeredIn.max.toFixed(0)} ms${changes}`,
      );
    }
    console.log(
      `  all desks: ${(total / seconds).toFixed(1)}/s (the publications themselves: ${(STORIES / seconds).toFixed(1)}/s)`,
    );
    console.log(
      `\n  machine: ${availableParallelism()} cores, load average ${loadBefore.toFixed(1)} before publishing, ${loadAfter.toFixed(1)} after (other work included); busy ${machineCores.toFixed(2)} cores while publishing, of which ${Object.entries(
        cpu,
      )
        .map(([app, cores]) => `${app} ${cores.toFixed(2)}`)
        .join(', ')} (the rest: Chromium, PostgreSQL, Redis, the benchmark, other work)`,
    );
    if (problems.length) console.log(`  page errors: ${problems.join('; ')}`);
    if (storyDeskFailure) console.log(`  the open story's desk gave up: ${storyDeskFailure}`);
    console.log(
      JSON.stringify({
        stories: STORIES,
        rate: RATE,
        desks: Object.fromEntries(rows.map(([label, s]) => [label, s])),
        deskShare: stats(deskShare),
        listAnswers: stats(listAnswers),
        job: stats(job),
        stream: stats(streamed),
        requests,
        requestsPerSecond: total / seconds,
        listChanges,
        cpuCores: { ...cpu, machine: machineCores },
        loadAverage: { before: loadBefore, after: loadAfter },
      }),
    );
  } finally {
    await closeChromium(browser);
  }
}

runOnStack('desk-live', APPS, run);
