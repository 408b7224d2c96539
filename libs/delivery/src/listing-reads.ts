import type { EntityManager } from '@mikro-orm/postgresql';
import type { PublishedArticle, TeaserRow } from '@newsdesk/publication';

/** The columns a listing reads: a teaser, its place on the home page and the listing's title (no bodies). */
const COLUMNS = `p.article_id, p.slug, p.section_slug, p.kicker, p.headline, p.teaser, p.format,
  p.published_at, p.teaser_image, p.home_pinned, p.home_priority, p.series, p.tags`;

/**
 * A listing's row: plain data, not a managed entity. A listing is read,
 * turned into teasers and dropped, so hydrating and tracking 51 entities per
 * listing (and checking them for changes when the transaction ends) would be
 * all cost and no use; so would building the same few queries anew each time.
 */
export type ListingRow = TeaserRow &
  Pick<PublishedArticle, 'homePinned' | 'homePriority' | 'series' | 'tags'>;

/** As a query returns them: timestamps are text (MikroORM leaves Postgres' dates unparsed; JSON has none). */
interface Columns {
  article_id: string;
  slug: string;
  section_slug: string;
  kicker: string;
  headline: string;
  teaser: string;
  format: ListingRow['format'];
  published_at: string;
  teaser_image: ListingRow['teaserImage'];
  home_pinned: boolean;
  home_priority: number;
  series: string | null;
  tags: string[];
}

const rowOf = (c: Columns): ListingRow => ({
  articleId: c.article_id,
  slug: c.slug,
  sectionSlug: c.section_slug,
  kicker: c.kicker,
  headline: c.headline,
  teaser: c.teaser,
  format: c.format,
  publishedAt: new Date(c.published_at),
  teaserImage: c.teaser_image,
  homePinned: c.home_pinned,
  homePriority: c.home_priority,
  series: c.series,
  tags: c.tags,
});

async function rowsOf(em: EntityManager, sql: string, params: unknown[]): Promise<ListingRow[]> {
  return (await em.execute<Columns[]>(sql, params)).map(rowOf);
}

/** Which stories, newest first: one section, series or tag, or all of them (unpinned only, for the home page's older pages). */
export type Scope =
  | { sectionId: string }
  /** A section by slug: its id is looked up in the same statement (an unknown slug reads nothing). */
  | { sectionSlug: string }
  | { seriesSlug: string }
  | { tagSlug: string }
  | { all: true; unpinnedOnly?: boolean };

/** Where the previous page ended: the last story's publication time and id. */
export interface After {
  publishedAt: Date;
  articleId: string;
}

/** One listing's read as SQL: alone, or beside others in {@link listingColumns}. */
export interface ListingRead {
  sql: string;
  params: unknown[];
  /** Its order over the columns it returns, for aggregating its rows in that order. */
  order: readonly string[];
}

const NEWEST_FIRST = ['published_at desc', 'article_id desc'];
const HOME_ORDER = ['home_pinned desc', 'home_priority desc', ...NEWEST_FIRST];

/**
 * The newest stories of a scope, strictly after `after` in the order
 * (publishedAt desc, articleId desc). Each read walks an index in that order
 * and stops after `limit` rows — `(section_id | series_slug, published_at,
 * article_id)`, `(published_at, article_id)` or `published_tags` — so its cost
 * does not depend on how many stories the archive holds or how deep the page is.
 */
export function newestRead(scope: Scope, limit: number, after?: After): ListingRead {
  if ('tagSlug' in scope) return newestWithTag(scope.tagSlug, limit, after);
  if ('sectionId' in scope) return newestIn('section_id', '?', scope.sectionId, limit, after);
  if ('sectionSlug' in scope)
    return newestIn(
      'section_id',
      '(select id from sections where slug = ?)',
      scope.sectionSlug,
      limit,
      after,
    );
  if ('seriesSlug' in scope) return newestIn('series_slug', '?', scope.seriesSlug, limit, after);
  return {
    sql: `select ${COLUMNS} from published_articles p
      where ${scope.unpinnedOnly ? 'not p.home_pinned' : 'true'} ${keysetAfter('p', after)}
      order by p.published_at desc, p.article_id desc limit ?`,
    params: [...keysetParams(after), limit],
    order: NEWEST_FIRST,
  };
}

/**
 * The newest stories whose `column` is `value` (a section's, a series'), read
 * from the index on `(column, published_at, article_id)` alone: the scope is
 * given as that index's range — from the value's first key to its last, or to
 * `after` — and the order as the index's own. Given as `column = value`
 * instead, the planner may walk the newest stories of all and filter them,
 * cheaper by its estimate when the scope holds a good share of the archive; but
 * for a section without recent stories that walk reads the whole archive
 * published since its last one.
 */
function newestIn(
  column: 'section_id' | 'series_slug',
  valueSql: string,
  value: string,
  limit: number,
  after?: After,
): ListingRead {
  const key = `(p.${column}, p.published_at, p.article_id)`;
  return {
    sql: `select ${COLUMNS} from published_articles p
      where ${key} > (${valueSql}, '-infinity', '${FIRST_ID}')
        and ${key} < (${valueSql}, ?, ?)
      order by p.${column} desc, p.published_at desc, p.article_id desc limit ?`,
    params: [value, value, after?.publishedAt ?? 'infinity', after?.articleId ?? LAST_ID, limit],
    order: NEWEST_FIRST,
  };
}

/** The lowest and highest story ids, the ends of a scope's range in its index. */
const FIRST_ID = '00000000-0000-0000-0000-000000000000';
const LAST_ID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

export function newestOf(
  em: EntityManager,
  scope: Scope,
  limit: number,
  after?: After,
): Promise<ListingRow[]> {
  const read = newestRead(scope, limit, after);
  return rowsOf(em, read.sql, read.params);
}

/** The home page's first page: pinned stories by priority, then the newest (the index on all four, read backwards). */
export function homeRead(limit: number): ListingRead {
  return {
    sql: `select ${COLUMNS} from published_articles p
      order by p.home_pinned desc, p.home_priority desc, p.published_at desc, p.article_id desc
      limit ?`,
    params: [limit],
    order: HOME_ORDER,
  };
}

/** The home page's first page on its own. */
export function homeWindow(em: EntityManager, limit: number): Promise<ListingRow[]> {
  const read = homeRead(limit);
  return rowsOf(em, read.sql, read.params);
}

/** A tag listing: `published_tags` in order, each story by primary key. */
function newestWithTag(tagSlug: string, limit: number, after?: After): ListingRead {
  return {
    sql: `select ${COLUMNS} from published_tags t join published_articles p on p.article_id = t.article_id
      where t.tag_slug = ? ${keysetAfter('t', after)}
      order by t.published_at desc, t.article_id desc limit ?`,
    params: [tagSlug, ...keysetParams(after), limit],
    order: NEWEST_FIRST,
  };
}

/**
 * Several listings as the columns of one select, for one round trip: each
 * read stays a subquery of its own (the same index walk as alone), and its
 * rows come back as one JSON array in column `l<i>`, aggregated in the read's
 * order. A publication's round reads four or more listings this way.
 */
export function listingColumns(reads: ListingRead[]): { sql: string; params: unknown[] } {
  return {
    sql: reads
      .map(
        (read, i) =>
          `(select coalesce(json_agg(r order by ${read.order.map((key) => `r.${key}`).join(', ')}), '[]')
             from (${read.sql}) r) as l${i}`,
      )
      .join(', '),
    params: reads.flatMap((read) => read.params),
  };
}

/** The rows of each listing from a row selected with {@link listingColumns}. */
export function listingsIn(row: Record<string, unknown>, count: number): ListingRow[][] {
  return Array.from({ length: count }, (_, i) => (row[`l${i}`] as Columns[]).map(rowOf));
}

/** `and (published_at, article_id) < (…)`: a row comparison, so that the index bounds the scan instead of filtering it. */
function keysetAfter(alias: string, after?: After): string {
  return after ? `and (${alias}.published_at, ${alias}.article_id) < (?, ?)` : '';
}

function keysetParams(after?: After): unknown[] {
  return after ? [after.publishedAt, after.articleId] : [];
}
