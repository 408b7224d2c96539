import { MikroORM } from '@mikro-orm/postgresql';
import type { Section } from '@newsdesk/editorial';
import {
  FeedsService,
  ListingService,
  homeWindow,
  newestOf,
  refKey,
  type ListingRef,
} from '@newsdesk/delivery';
import { loadArchive, removeArchive, sqlOf } from '@newsdesk/testing';
import { makeSection } from './support/factories';
import { Newsdesk } from './support/newsdesk';

/** One node of `EXPLAIN (FORMAT JSON)`. */
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  /** The planner's estimate of the rows this node returns. */
  'Plan Rows': number;
  /** With `ANALYZE`, each per loop: the rows it returned and the rows its filter removed; and its loops. */
  'Actual Rows'?: number;
  'Rows Removed by Filter'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

/**
 * A sort the planner may choose over the few stories of a small series or tag
 * (it is cheaper there than walking the index); what must never happen is a
 * sort whose input grows with the archive (the series and tags the test reads
 * hold 150 to 400 stories; a sort above that fails it).
 */
const SMALL_SORT = 150;

const ARCHIVE = 60_000;
const PREFIX = 'plan-archiv-';
const LISTED = ['published_articles', 'published_tags'];

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/**
 * Listings must not slow down as the archive grows: with a large archive
 * loaded, every query a listing rebuild, an older page or a feed sends is
 * explained, and none may read `published_articles` or `published_tags` by a
 * sequential scan or sort more than a small series' worth of them — each walks
 * an index in the listing's order.
 */
describe('listings over a large archive (query plans)', () => {
  let newsdesk: Newsdesk;
  let orm: MikroORM;
  let section: Section;
  /** A section whose stories are all more than eight years old: its listing must not walk the newer archive. */
  let dormant: Section;
  const sent: { sql: string; bindings: unknown[] }[] = [];
  /** Every statement the API sent, transaction control included. */
  let statements = 0;
  const record = (query: { sql: string; bindings?: unknown[] }) => {
    statements++;
    // Quoted (built by the ORM) or not (written out).
    if (
      /^\s*select/i.test(query.sql) &&
      LISTED.some((t) => new RegExp(`\\b${t}\\b`).test(query.sql))
    )
      sent.push({ sql: query.sql, bindings: query.bindings ?? [] });
  };

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    section = await makeSection(newsdesk.orm, 'Smart City');
    const other = await makeSection(newsdesk.orm, 'Verwaltung');
    await loadArchive(sqlOf(newsdesk.orm), {
      stories: ARCHIVE,
      sections: [section, other],
      prefix: PREFIX,
    });
    dormant = await makeSection(newsdesk.orm, 'Archivierte Rubrik');
    const sql = sqlOf(newsdesk.orm);
    // One in five of the stories older than eight years, about 2,400: a section the newsroom stopped.
    await sql(
      `update published_articles set section_id = ?, section_slug = ?, section_name = ?
        where slug like ? || '%' and published_at < now() - interval '8 years' and right(slug, 1) in ('0', '5')`,
      [dormant.id, dormant.slug, dormant.name, PREFIX],
    );
    await sql('vacuum analyze published_articles');
    orm = newsdesk.api.get(MikroORM);
    orm.em.getConnection().getKnex().on('query', record);
  }, 180_000);

  afterAll(async () => {
    orm?.em.getConnection().getKnex().off('query', record);
    if (newsdesk) await removeArchive(sqlOf(newsdesk.orm), PREFIX);
    await newsdesk?.stop();
  }, 120_000);

  /** The plan of every query recorded since the last call. */
  async function plans(): Promise<{ sql: string; nodes: PlanNode[] }[]> {
    const queries = sent.splice(0);
    const knex = newsdesk.orm.em.getConnection().getKnex();
    return Promise.all(
      queries.map(async ({ sql, bindings }) => {
        const result = await knex.raw(`explain (format json) ${sql}`, bindings as never[]);
        const [
          {
            'QUERY PLAN': [{ Plan: plan }],
          },
        ] = result.rows as {
          'QUERY PLAN': { Plan: PlanNode }[];
        }[];
        return { sql, nodes: nodesOf(plan) };
      }),
    );
  }

  /** Asserts that the queries since the last call read the archive only by index. */
  async function expectIndexOrder(what: string, atLeast: number): Promise<void> {
    const explained = await plans();
    expect({ what, queries: explained.length >= atLeast }).toEqual({ what, queries: true });
    for (const { sql, nodes } of explained) {
      const bad = nodes
        .filter(
          (n) =>
            (n['Node Type'].endsWith('Sort') && (n.Plans?.[0]?.['Plan Rows'] ?? 0) > SMALL_SORT) ||
            (n['Node Type'] === 'Seq Scan' && LISTED.includes(n['Relation Name'] ?? '')),
        )
        .map((n) => `${n['Node Type']} ${n['Relation Name'] ?? ''} (${n['Plan Rows']} rows)`);
      expect({ what, sql, bad }).toEqual({ what, sql, bad: [] });
    }
  }

  const refs: [string, ListingRef][] = [
    ['home', { kind: 'home' }],
    ['section', { kind: 'section', slug: '' }],
    ['series', { kind: 'series', slug: 'reihe-7' }],
    ['tag', { kind: 'tag', slug: 'thema-42' }],
  ];

  it.each(refs)('rebuilds the %s listing in index order', async (_kind, ref) => {
    const listing = await newsdesk.api
      .get(ListingService)
      .rebuild(ref.kind === 'section' ? { kind: 'section', slug: section.slug } : ref);
    expect(listing?.items.length).toBeGreaterThan(0);
    await expectIndexOrder(`rebuild ${ref.kind}`, 1);
  });

  it.each(refs)('reads deep older pages of the %s listing in index order', async (_kind, ref) => {
    const listings = newsdesk.api.get(ListingService);
    const wanted: ListingRef =
      ref.kind === 'section' ? { kind: 'section', slug: section.slug } : ref;
    await listings.rebuild(wanted);
    sent.length = 0;
    // Past the window Redis keeps, pages come from Postgres: walk ten of them.
    let cursor: string | undefined;
    let fromPostgres = 0;
    let previous = '';
    for (let page = 0; page < 20 && fromPostgres < 10; page++) {
      const result = await listings.page(wanted, { limit: 50, cursor });
      expect(result.items.length).toBeGreaterThan(0);
      // Newest first, without repeating the previous page's last story.
      const times = result.items.map((i) => i.publishedAt);
      if (wanted.kind !== 'home') expect([...times].sort().reverse()).toEqual(times);
      expect(result.items[0].id).not.toBe(previous);
      previous = result.items[result.items.length - 1].id;
      // A first page as long as the window is served from it and still says there is more.
      if (page === 0)
        expect({ version: result.version !== null, next: !!result.next }).toEqual({
          version: true,
          next: true,
        });
      if (result.version === null) fromPostgres++;
      cursor = result.next ?? undefined;
      if (!cursor) break;
    }
    expect(fromPostgres).toBeGreaterThan(0);
    await expectIndexOrder(`older pages ${ref.kind}`, fromPostgres);
  });

  it('reads a round of every kind in one statement and no transaction, in index order, each listing as it reads alone', async () => {
    const listings = newsdesk.api.get(ListingService);
    const wanted: ListingRef[] = [
      { kind: 'home' },
      { kind: 'section', slug: section.slug },
      { kind: 'series', slug: 'reihe-7' },
      { kind: 'tag', slug: 'thema-42' },
    ];
    sent.length = 0;
    statements = 0;
    await listings.rebuildAll(wanted.map(refKey));
    expect(sent).toHaveLength(1);
    expect(statements).toBe(1);
    await expectIndexOrder('a round of four listings', 1);

    const em = newsdesk.orm.em.fork();
    const size = newsdesk.config.listingSize;
    const alone = [
      await homeWindow(em, size),
      await newestOf(em, { sectionId: section.id }, size),
      await newestOf(em, { seriesSlug: 'reihe-7' }, size),
      await newestOf(em, { tagSlug: 'thema-42' }, size),
    ];
    for (const [i, ref] of wanted.entries()) {
      const stored = await listings.page(ref, { limit: size });
      expect(stored.version).not.toBeNull(); // from the listing the round stored
      expect({ ref, ids: stored.items.map((item) => item.id) }).toEqual({
        ref,
        ids: alone[i].map((row) => row.articleId),
      });
    }
    expect(alone.every((rows) => rows.length > 1)).toBe(true);
  });

  it("reads a dormant section's listing and older pages from its own stories, not the newer archive", async () => {
    const listings = newsdesk.api.get(ListingService);
    const ref: ListingRef = { kind: 'section', slug: dormant.slug };
    const listing = await listings.rebuild(ref);
    const size = newsdesk.config.listingSize;
    expect(listing?.items).toHaveLength(size);
    const cursor = (await listings.page(ref, { limit: size })).next;
    expect(cursor).toBeTruthy();
    expect((await listings.page(ref, { limit: 50, cursor: cursor! })).items).toHaveLength(50);
    const queries = sent.splice(0);
    expect(queries.length).toBeGreaterThanOrEqual(2);
    const knex = newsdesk.orm.em.getConnection().getKnex();
    for (const { sql, bindings } of queries) {
      const result = await knex.raw(`explain (analyze, format json) ${sql}`, bindings as never[]);
      const [
        {
          'QUERY PLAN': [{ Plan: plan }],
        },
      ] = result.rows as { 'QUERY PLAN': { Plan: PlanNode }[] }[];
      // Every row a scan of the stories touched, kept or filtered out, in every loop.
      const read = nodesOf(plan)
        .filter((n) => n['Relation Name'] === 'published_articles')
        .reduce(
          (sum, n) =>
            sum +
            ((n['Actual Rows'] ?? 0) + (n['Rows Removed by Filter'] ?? 0)) *
              (n['Actual Loops'] ?? 1),
          0,
        );
      expect({ sql, readTooMany: read > 2 * (size + 1) ? read : 0 }).toEqual({
        sql,
        readTooMany: 0,
      });
    }
  });

  it('reads the feeds and the news sitemap in index order', async () => {
    const feeds = newsdesk.api.get(FeedsService);
    expect((await feeds.homeFeed()).items.length).toBeGreaterThan(0);
    expect((await feeds.sectionFeed(section.slug)).items.length).toBeGreaterThan(0);
    await feeds.newsSitemapItems();
    await expectIndexOrder('feeds', 3);
  });
});
