import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { PublishedArticle, PublishedTag } from '@newsdesk/publication';

/** The columns a listing reads: a teaser, its place on the home page and the listing's title (no bodies). */
const LISTING_FIELDS = [
  'articleId',
  'slug',
  'sectionSlug',
  'kicker',
  'headline',
  'teaser',
  'format',
  'publishedAt',
  'teaserImage',
  'homePinned',
  'homePriority',
  'series',
  'tags',
] as const;

/**
 * A listing's row: plain data mapped to property names, not a managed entity.
 * A listing is read, turned into teasers and dropped, so hydrating and
 * tracking 51 entities per listing (and checking them for changes when the
 * transaction ends) would be all cost and no use.
 */
export type ListingRow = Pick<PublishedArticle, (typeof LISTING_FIELDS)[number]>;

/** Which stories, newest first: one section, series or tag, or all of them (unpinned only, for the home page's older pages). */
export type Scope =
  | { sectionId: string }
  | { seriesSlug: string }
  | { tagSlug: string }
  | { all: true; unpinnedOnly?: boolean };

/** Where the previous page ended: the last story's publication time and id. */
export interface After {
  publishedAt: Date;
  articleId: string;
}

/**
 * The newest stories of a scope, strictly after `after` in the order
 * (publishedAt desc, articleId desc). Each read walks an index in that order
 * and stops after `limit` rows — `(section_id | series_slug, published_at,
 * article_id)`, `(published_at, article_id)` or `published_tags` — so its cost
 * does not depend on how many stories the archive holds or how deep the page is.
 */
export async function newestOf(
  em: EntityManager,
  scope: Scope,
  limit: number,
  after?: After,
): Promise<ListingRow[]> {
  if ('tagSlug' in scope) return newestWithTag(em, scope.tagSlug, limit, after);
  const where: FilterQuery<PublishedArticle> =
    'sectionId' in scope
      ? { sectionId: scope.sectionId }
      : 'seriesSlug' in scope
        ? { seriesSlug: scope.seriesSlug }
        : scope.unpinnedOnly
          ? { homePinned: false }
          : {};
  const qb = em
    .createQueryBuilder(PublishedArticle, 'p')
    .select([...LISTING_FIELDS])
    .where(where)
    .orderBy({ publishedAt: 'desc', articleId: 'desc' })
    .limit(limit);
  if (after) keysetAfter(qb, 'p', after);
  return qb.execute<ListingRow[]>('all');
}

/** The home page's first page: pinned stories by priority, then the newest (the index on all four, read backwards). */
export function homeWindow(em: EntityManager, limit: number): Promise<ListingRow[]> {
  return em
    .createQueryBuilder(PublishedArticle, 'p')
    .select([...LISTING_FIELDS])
    .orderBy({ homePinned: 'desc', homePriority: 'desc', publishedAt: 'desc', articleId: 'desc' })
    .limit(limit)
    .execute<ListingRow[]>('all');
}

/** A tag listing: the ids in order from `published_tags`, then those stories by primary key. */
async function newestWithTag(
  em: EntityManager,
  tagSlug: string,
  limit: number,
  after?: After,
): Promise<ListingRow[]> {
  const qb = em
    .createQueryBuilder(PublishedTag, 't')
    .select(['articleId'])
    .where({ tagSlug })
    .orderBy({ publishedAt: 'desc', articleId: 'desc' })
    .limit(limit);
  if (after) keysetAfter(qb, 't', after);
  const ids = (await qb.execute<{ articleId: string }[]>('all')).map((r) => r.articleId);
  if (!ids.length) return [];
  const rows = await em
    .createQueryBuilder(PublishedArticle, 'p')
    .select([...LISTING_FIELDS])
    .where({ articleId: { $in: ids } })
    .execute<ListingRow[]>('all');
  const byId = new Map(rows.map((row) => [row.articleId, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** `(published_at, article_id) < (…)`: a row comparison, so that the index bounds the scan instead of filtering it. */
function keysetAfter(
  qb: { andWhere(cond: string, params: unknown[]): unknown },
  alias: string,
  after: After,
): void {
  qb.andWhere(`(${alias}.published_at, ${alias}.article_id) < (?, ?)`, [
    after.publishedAt,
    after.articleId,
  ]);
}
