import { randomUUID } from 'node:crypto';
import { ListingService } from '@newsdesk/delivery';
import type { Section } from '@newsdesk/editorial';
import { AppMetrics } from '@newsdesk/observability';
import { loadArchive, removeArchive, sqlOf, type Sql } from '@newsdesk/testing';
import { ListingRounds } from '../apps/projector/src/listing-rounds';
import { makeSection } from './support/factories';
import { Newsdesk } from './support/newsdesk';
import { purgeReceiver, type PurgeReceiver } from './support/purge-receiver';

const PREFIX = 'burst-';
const BURST = 300;

/**
 * A burst of publications in one section: the projector's rounds rebuild the
 * section's listing and purge its key a bounded number of times, not once per
 * story, and still purge every story and show the newest ones.
 */
describe('listing rebuilds and purges in rounds (bursts)', () => {
  let newsdesk: Newsdesk;
  let cdn: PurgeReceiver;
  let section: Section;
  let rounds: ListingRounds;
  let metrics: AppMetrics;
  let sql: Sql;
  beforeAll(async () => {
    cdn = await purgeReceiver();
    process.env.CDN_PURGE_URL = cdn.url;
    newsdesk = await Newsdesk.start();
    section = await makeSection(newsdesk.orm, 'Eilmeldungen');
    rounds = newsdesk.projector!.get(ListingRounds);
    metrics = newsdesk.projector!.get(AppMetrics);
    sql = sqlOf(newsdesk.orm);
  });

  afterAll(async () => {
    delete process.env.CDN_PURGE_URL;
    if (newsdesk) await removeArchive(sql, PREFIX);
    await newsdesk?.stop();
    cdn?.server.close();
  });

  const rebuildsOf = async (kind: string) =>
    (await metrics.listingRebuilds.get()).values.find((v) => v.labels.kind === kind)?.value ?? 0;

  /** Waits until the CDN has received purges naming every one of `keys`. */
  async function purged(keys: string[]): Promise<string[][]> {
    for (let i = 0; i < 200; i++) {
      const seen = new Set(cdn.purges.flat());
      if (keys.every((k) => seen.has(k))) return cdn.purges;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`not purged: ${keys.filter((k) => !cdn.purges.flat().includes(k)).length}`);
  }

  it('coalesces a burst into a few rebuilds and purges of the listing, covering every story', async () => {
    await loadArchive(sql, { stories: BURST, sections: [section], prefix: PREFIX });
    const ids = (
      await sql(`select article_id from published_articles where slug like ? || '%'`, [PREFIX])
    ).map((row) => row.article_id);
    expect(ids).toHaveLength(BURST);
    const sectionBefore = await rebuildsOf('section');
    cdn.purges.length = 0;

    // The burst's events arrive together, as the projector's consumer hands them over.
    const results = await Promise.all(
      ids.map((id) =>
        rounds.refresh({
          listings: ['home', `section:${section.slug}`],
          storyIds: [id],
          cover: { eventId: randomUUID(), articleId: id, occurredAt: new Date().toISOString() },
        }),
      ),
    );

    // Every event's listings were rebuilt by a round it was part of …
    for (const rebuilt of results) expect(rebuilt).toContain(`section:${section.slug}`);
    // … but the listing was rebuilt a few times, not once per story: the first request starts
    // a round, the rest gather in the next.
    const rebuilds = (await rebuildsOf('section')) - sectionBefore;
    expect(rebuilds).toBeGreaterThanOrEqual(1);
    expect(rebuilds).toBeLessThanOrEqual(3);

    const purges = await purged(ids.map((id) => `story:${id}`));
    const naming = (key: string) => purges.filter((keys) => keys.includes(key)).length;
    expect(naming(`section:${section.slug}`)).toBeLessThanOrEqual(3);
    expect(naming('home')).toBeLessThanOrEqual(3);
    // Each story was purged once, in the round of its event.
    for (const id of ids) expect(naming(`story:${id}`)).toBe(1);

    // The listing shows the newest of the burst.
    const page = await newsdesk.api
      .get(ListingService)
      .page({ kind: 'section', slug: section.slug }, { limit: 5 });
    const newest = await sql(
      `select slug from published_articles where section_id = ? order by published_at desc, article_id desc limit 5`,
      [section.id],
    );
    expect(page.items.map((i) => i.slug)).toEqual(newest.map((r) => r.slug));
  });

  it('rebuilds the sections an older event names only by id', async () => {
    const rebuilt = await rounds.refresh({
      listings: ['home'],
      sectionIds: [section.id],
      storyIds: [],
      cover: { eventId: randomUUID(), articleId: null, occurredAt: new Date().toISOString() },
    });
    expect(rebuilt).toEqual(expect.arrayContaining(['home', `section:${section.slug}`]));
  });

  it('runs a failed round again one event at a time, so that only the bad event fails', async () => {
    const request = (sectionIds: string[] = []) =>
      rounds.refresh({
        listings: [`section:${section.slug}`],
        sectionIds,
        storyIds: [],
        cover: { eventId: randomUUID(), articleId: null, occurredAt: new Date().toISOString() },
      });
    // The first request runs a round at once; the next two wait for the following round
    // together, and one of them names a section id Postgres rejects.
    const first = request();
    const sound = request();
    const broken = request(['not-a-uuid']);
    await expect(first).resolves.toContain(`section:${section.slug}`);
    await expect(broken).rejects.toThrow(/uuid/);
    await expect(sound).resolves.toContain(`section:${section.slug}`);
    // The failure ends that round only.
    await expect(request()).resolves.toContain(`section:${section.slug}`);
  });
});
