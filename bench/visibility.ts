import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { atRate, round2, type BenchApi, type BenchArticle } from './support';

/** How often the one poller reads the listing. */
const POLL_EVERY_MS = 5;

export interface PublishRun {
  /** Per story, from its publish request's 202 to the first poll that showed it (ms). */
  latencies: number[];
  /** The 202 (t0) of each latency, in the same order. */
  acceptedAt: number[];
  /** POST …/publish → 202, as the reviewer's client sees it. */
  acceptLatencies: number[];
  notVisible: number;
  publishErrors: string[];
  /** 202s per second, from the first to the last 202. */
  achievedRate: number;
  /** The first 202 (performance.now()). */
  firstAcceptedAt: number;
  /** Listing polls made and their mean period (the measurement's resolution). */
  polls: number;
  pollPeriodMs: number;
  /** The last listing seen, so a baseline can serve the same bytes. */
  listingBody: string;
}

/**
 * Publishes approved `stories` at `rate` per second and times each from its
 * 202 to its first appearance in the listing at `listingUrl`, read by one
 * poller for all of them (a poller per story would load the API with N
 * concurrent reads and measure that instead). A story not seen within
 * `timeoutMs` counts as not visible.
 */
export async function measurePublishToListing(
  api: BenchApi,
  reviewer: string,
  stories: BenchArticle[],
  options: { rate: number; listingUrl: string; timeoutMs: number },
): Promise<PublishRun> {
  const pending = new Map<string, number>(); // slug → t0 (the 202)
  const latencies: number[] = [];
  const acceptedAt: number[] = [];
  const acceptLatencies: number[] = [];
  const publishErrors: string[] = [];
  const acks: number[] = [];
  let notVisible = 0;
  let polls = 0;
  let listingBody = '';
  let etag = '';
  let publishing = true;
  const pollStart = performance.now();

  const poller = (async () => {
    while (publishing || pending.size > 0) {
      try {
        // Conditional, as a CDN or a browser revalidates: an unchanged listing is a
        // 304 with no body, so the poller costs the API (and this process) little.
        const response = await fetch(options.listingUrl, {
          headers: etag ? { 'if-none-match': etag } : {},
        });
        const body = await response.text();
        const t1 = performance.now();
        polls++;
        if (response.status === 200) {
          listingBody = body;
          etag = response.headers.get('etag') ?? '';
          for (const { slug } of (JSON.parse(listingBody) as { items: { slug: string }[] }).items) {
            const t0 = pending.get(slug);
            if (t0 === undefined) continue;
            latencies.push(t1 - t0);
            acceptedAt.push(t0);
            pending.delete(slug);
          }
        }
      } catch {
        // A failed read is just a missed poll; the deadline below still applies.
      }
      const now = performance.now();
      for (const [slug, t0] of pending) {
        if (now - t0 <= options.timeoutMs) continue;
        notVisible++;
        pending.delete(slug);
      }
      await sleep(POLL_EVERY_MS);
    }
  })();

  try {
    await atRate(stories.length, options.rate, async (i) => {
      const story = stories[i];
      const sent = performance.now();
      try {
        await api.publish(story.id, reviewer);
        const t0 = performance.now();
        acceptLatencies.push(t0 - sent);
        acks.push(t0);
        pending.set(story.slug, t0);
      } catch (error) {
        publishErrors.push(error instanceof Error ? error.message : String(error));
      }
    });
  } finally {
    publishing = false;
    await poller;
  }

  const span = acks.length > 1 ? (Math.max(...acks) - Math.min(...acks)) / 1000 : NaN;
  return {
    latencies,
    acceptedAt,
    acceptLatencies,
    notVisible,
    publishErrors,
    achievedRate: round2((acks.length - 1) / span),
    firstAcceptedAt: Math.min(...acks),
    polls,
    pollPeriodMs: round2((performance.now() - pollStart) / Math.max(1, polls)),
    listingBody,
  };
}
