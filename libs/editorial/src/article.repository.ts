import { EntityRepository, LockMode, type FilterQuery } from '@mikro-orm/postgresql';
import { placeholders, trimText, type FieldProblem } from '@newsdesk/common';
import type { Article } from './article.entity';
import type { ArticleStatus } from './article-status';
import type { PublishableStory } from './public-version';
import type { StoryState } from './story-store';
import { Section } from './section.entity';

export interface ArticleSearch {
  status?: ArticleStatus;
  sectionSlug?: string;
  /** Full-text search (see {@link parseSearchQuery}); ranks by relevance when given. */
  q?: string;
  assigneeId?: string;
  authorId?: string;
  limit: number;
  offset: number;
}

/** One story found, with its highlighted snippet when the search had a text. */
export interface ArticleHit {
  article: Article;
  /** HTML: the text is escaped, `<mark>…</mark>` around the words found; null without a text. */
  snippet: string | null;
}

export const MAX_SEARCH_QUERY_LENGTH = 200;

/** What a story is loaded with for the editorial API: its view names all of them. */
const STORY_RELATIONS = ['section', 'author', 'heroImage', 'assignee'] as const;

/** What a job's locked story is loaded with: what its public version needs. */
const LOCKED_RELATIONS = ['section', 'author', 'heroImage'] as const;

/**
 * A job's story is locked for update, and only the story's row (`a0` is
 * MikroORM's alias for the root of the query). A plain `for update` would
 * lock the joined section and author rows too, and so make every job on a
 * story of the same section or author wait for the one before it: in a busy
 * section one slow publication held up all the others behind it.
 */
const STORY_ROW_LOCK = {
  lockMode: LockMode.PESSIMISTIC_WRITE as const,
  lockTableAliases: ['a0'],
};

/**
 * A story as the publication job reads it: its own values, and its section,
 * author, hero image and assignee as far as the job needs them, in the shape
 * of the entity's (so the functions that take a story take either).
 */
export type ReleasableStory = PublishableStory &
  StoryState &
  Pick<Article, 'revision' | 'publishAt' | 'unpublishAt' | 'embargoUntil'>;

/** A row of {@link LOCK_FOR_RELEASE}. Timestamps come as text: MikroORM leaves Postgres' dates unparsed. */
interface ReleasableRow {
  id: string;
  slug: string;
  kicker: string;
  headline: string;
  teaser: string;
  body: Article['body'];
  format: Article['format'];
  series: string | null;
  tags: string[];
  status: ArticleStatus;
  update_status: Article['updateStatus'];
  version: number;
  revision: number;
  publish_at: string | null;
  unpublish_at: string | null;
  embargo_until: string | null;
  first_published_at: string | null;
  published_at: string | null;
  updated_at: string;
  home_pinned: boolean;
  home_priority: number;
  corrections: Article['corrections'];
  hero_image_id: string | null;
  assignee_id: string | null;
  author_id: string;
  author_name: string;
  section_id: string;
  section_slug: string;
  section_name: string;
}

/**
 * The stories of a publication job, in one statement: each story's row
 * locked for update and its section's for share, as {@link findForUpdate}
 * and {@link shareSections} lock them, in the order of their ids.
 */
const LOCK_FOR_RELEASE = (ids: readonly string[]) => `
  select a.id, a.slug, a.kicker, a.headline, a.teaser, a.body, a.format, a.series, a.tags,
         a.status, a.update_status, a.version, a.revision, a.publish_at, a.unpublish_at,
         a.embargo_until, a.first_published_at, a.published_at, a.updated_at, a.home_pinned,
         a.home_priority, a.corrections, a.hero_image_id, a.assignee_id,
         u.id as author_id, u.name as author_name,
         s.id as section_id, s.slug as section_slug, s.name as section_name
    from articles a
    join sections s on s.id = a.section_id
    join users u on u.id = a.author_id
   where a.id in (${placeholders(ids)})
   order by a.id
     for update of a
     for share of s`;

const dateOf = (text: string | null) => (text === null ? null : new Date(text));

const releasableOf = (row: ReleasableRow): ReleasableStory => ({
  id: row.id,
  slug: row.slug,
  kicker: row.kicker,
  headline: row.headline,
  teaser: row.teaser,
  body: row.body,
  format: row.format,
  series: row.series,
  tags: row.tags,
  status: row.status,
  updateStatus: row.update_status,
  version: row.version,
  revision: row.revision,
  publishAt: dateOf(row.publish_at),
  unpublishAt: dateOf(row.unpublish_at),
  embargoUntil: dateOf(row.embargo_until),
  firstPublishedAt: dateOf(row.first_published_at),
  publishedAt: dateOf(row.published_at),
  updatedAt: new Date(row.updated_at),
  homePinned: row.home_pinned,
  homePriority: row.home_priority,
  corrections: row.corrections,
  section: { id: row.section_id, slug: row.section_slug, name: row.section_name },
  author: { id: row.author_id, name: row.author_name },
  heroImage: row.hero_image_id ? { id: row.hero_image_id } : null,
  assignee: row.assignee_id ? { id: row.assignee_id } : null,
});

/**
 * A search text from a URL, checked: control characters become spaces,
 * surrounding whitespace goes; empty, repeated or longer than 200 characters is
 * a problem. Anything else is fine, operators and quotes included: the query is
 * read by `websearch_to_tsquery` (through {@link websearchText}, which keeps it
 * from the one input that function fails on).
 */
export function parseSearchQuery(raw: unknown): { q: string } | { problem: FieldProblem } {
  if (raw === undefined) return { problem: { field: 'q', reason: 'is required' } };
  if (typeof raw !== 'string') return { problem: { field: 'q', reason: 'must be given once' } };
  if (raw.length > MAX_SEARCH_QUERY_LENGTH)
    return {
      problem: { field: 'q', reason: `must be at most ${MAX_SEARCH_QUERY_LENGTH} characters` },
    };
  // eslint-disable-next-line no-control-regex
  const q = trimText(raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' '));
  if (!q) return { problem: { field: 'q', reason: 'must not be empty' } };
  return { q };
}

/** Collects the values of a query while it is written, in the order of their `?`. */
export class SqlParams {
  readonly values: unknown[] = [];

  bind(value: unknown): string {
    this.values.push(value);
    return '?';
  }
}

/** More `-` than a search text may hold with each still able to exclude a word. */
const MAX_SEARCH_DASHES = 16;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The search text as `websearch_to_tsquery` may read it. That function does
 * fail on one kind of input: more than 32 exclusions in a row (`-` before `-`,
 * with only spaces, quotes or operators between) overflow its stack, an error
 * instead of a query. A text with more than {@link MAX_SEARCH_DASHES} dashes
 * keeps only those inside a word ("E-Government"); the others become spaces,
 * so they exclude nothing. Any other text is left as typed.
 */
export function websearchText(q: string): string {
  if (q.split('-').length - 1 <= MAX_SEARCH_DASHES) return q;
  return q.replace(/-/g, (dash, at: number) =>
    LETTER_OR_DIGIT.test(q[at - 1] ?? '') && LETTER_OR_DIGIT.test(q[at + 1] ?? '') ? dash : ' ',
  );
}

/** The tsquery that `search_vector` is matched and ranked with. */
export function searchQuerySql(params: SqlParams, q: string): string {
  return `websearch_to_tsquery('german', newsdesk_search_text(${params.bind(websearchText(q))}))`;
}

/** Characters of snippet source text that are searched for and highlighted. */
const SNIPPET_SOURCE_MAX = 50_000;
const SNIPPET_OPTIONS =
  'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=" … "';

const spelledOut: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/**
 * A highlighted snippet of `source` (an SQL text expression): the text is
 * HTML-escaped first, so that `<mark>` and `</mark>` are the only markup. The
 * source is the original text, so the highlight query takes the search text as
 * typed, as the vector normalises it, and with umlauts spelled out: each way of
 * writing a word found is marked.
 */
export function snippetSql(params: SqlParams, q: string, source: string): string {
  const escaped = [
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ["''", '&#39;'],
  ].reduce(
    (sql, [from, to]) => `replace(${sql}, '${from}', '${to}')`,
    `left(${source}, ${SNIPPET_SOURCE_MAX})`,
  );
  const text = websearchText(q);
  const highlight = [
    `websearch_to_tsquery('german', ${params.bind(text)})`,
    `websearch_to_tsquery('german', newsdesk_search_text(${params.bind(text)}))`,
    `websearch_to_tsquery('german', ${params.bind(text.toLowerCase().replace(/[äöüß]/g, (c) => spelledOut[c] ?? c))})`,
  ].join(' || ');
  return `ts_headline('german', ${escaped}, ${highlight}, '${SNIPPET_OPTIONS}')`;
}

export class ArticleRepository extends EntityRepository<Article> {
  /**
   * Loads a story with a row lock, for jobs that must not run on it twice at
   * once, and its section read again under a share lock (see {@link shareSections}).
   */
  async findForUpdate(id: string): Promise<Article | null> {
    const article = await this.findOne({ id }, { ...STORY_ROW_LOCK, populate: LOCKED_RELATIONS });
    if (article) await this.shareSections([article]);
    return article;
  }

  /**
   * {@link findForUpdate} for the publication job, which every publication
   * runs: one statement, plain rows rather than entities (nothing for a flush
   * to look at), for any number of stories (a bulk publish). The stories of
   * `ids` that exist, locked in the order of their ids (no deadlock between
   * two batches).
   */
  async lockForRelease(ids: readonly string[]): Promise<ReleasableStory[]> {
    if (ids.length === 0) return [];
    const rows = await this.getEntityManager().execute<ReleasableRow[]>(LOCK_FOR_RELEASE(ids), [
      ...ids,
    ]);
    return rows.map(releasableOf);
  }

  /**
   * The stories' sections, read again under a share lock: any number of jobs
   * hold it at once, but a rename waits until they commit, and a job that
   * waited for a rename reads the new name. A job's public version therefore
   * never carries a section name that a rename committed beside it has
   * already replaced everywhere else.
   */
  private async shareSections(articles: readonly Article[]): Promise<void> {
    if (articles.length === 0) return;
    await this.getEntityManager().find(
      Section,
      { id: { $in: [...new Set(articles.map((a) => a.section.id))] } },
      { lockMode: LockMode.PESSIMISTIC_READ, refresh: true, orderBy: { id: 'asc' } },
    );
  }

  findWithRelations(id: string): Promise<Article | null> {
    return this.findOne({ id }, { populate: STORY_RELATIONS });
  }

  /** The stories of `ids` that exist, in no particular order, as {@link findWithRelations} loads one. */
  findManyWithRelations(ids: readonly string[]): Promise<Article[]> {
    return this.find({ id: { $in: [...ids] } }, { populate: STORY_RELATIONS });
  }

  /**
   * The editors' search: every state, newest change first; with a text, the
   * stories that match it, most relevant first, each with a snippet.
   */
  async search(criteria: ArticleSearch): Promise<{ items: ArticleHit[]; total: number }> {
    if (criteria.q) return this.fullTextSearch(criteria, criteria.q);
    const where: FilterQuery<Article> = {};
    if (criteria.status) where.status = criteria.status;
    if (criteria.sectionSlug) where.section = { slug: criteria.sectionSlug };
    if (criteria.assigneeId) where.assignee = criteria.assigneeId;
    if (criteria.authorId) where.author = criteria.authorId;
    const [items, total] = await this.findAndCount(where, {
      populate: ['section', 'author', 'assignee'],
      // A reviewer's queue is worked oldest first; the editors' search shows the newest change first.
      orderBy: criteria.assigneeId
        ? { createdAt: 'asc', id: 'asc' }
        : { updatedAt: 'desc', id: 'asc' },
      limit: criteria.limit,
      offset: criteria.offset,
    });
    return { items: items.map((article) => ({ article, snippet: null })), total };
  }

  private async fullTextSearch(
    criteria: ArticleSearch,
    q: string,
  ): Promise<{ items: ArticleHit[]; total: number }> {
    const where = (params: SqlParams) =>
      [
        `a.search_vector @@ ${searchQuerySql(params, q)}`,
        criteria.status ? `a.status = ${params.bind(criteria.status)}` : '',
        criteria.sectionSlug
          ? `a.section_id = (select s.id from sections s where s.slug = ${params.bind(criteria.sectionSlug)})`
          : '',
        criteria.assigneeId ? `a.assignee_id = ${params.bind(criteria.assigneeId)}` : '',
        criteria.authorId ? `a.author_id = ${params.bind(criteria.authorId)}` : '',
      ]
        .filter(Boolean)
        .join(' and ');
    const connection = this.getEntityManager().getConnection();

    const counted = new SqlParams();
    const countSql = `select count(*)::int as total from articles a where ${where(counted)}`;
    const [{ total }] = await connection.execute<{ total: number }[]>(countSql, counted.values);

    // Rank and cut the page first; snippets (which parse the whole text) only for the page.
    const page = new SqlParams();
    const pageSql = `select h.id, ${snippetSql(page, q, `concat_ws(' ', h.teaser, newsdesk_body_text(h.body))`)} as snippet
      from (
        select a.id, a.teaser, a.body, a.updated_at, ts_rank_cd(a.search_vector, ${searchQuerySql(page, q)}) as rank
        from articles a
        where ${where(page)}
        order by rank desc, a.updated_at desc, a.id
        limit ${page.bind(criteria.limit)} offset ${page.bind(criteria.offset)}
      ) h
      order by h.rank desc, h.updated_at desc, h.id`;
    const rows = await connection.execute<{ id: string; snippet: string }[]>(pageSql, page.values);

    const articles = await this.find(
      { id: { $in: rows.map((r) => r.id) } },
      { populate: ['section', 'author', 'assignee'] },
    );
    const byId = new Map(articles.map((a) => [a.id, a]));
    const items = rows.flatMap((r) => {
      const article = byId.get(r.id);
      return article ? [{ article, snippet: r.snippet }] : [];
    });
    return { items, total };
  }

  /** Slugs already taken that start with `base`, to pick the next free one. */
  async slugsLike(base: string): Promise<Set<string>> {
    const rows = await this.find({ slug: { $like: `${base}%` } }, { fields: ['slug'] });
    return new Set(rows.map((r) => r.slug));
  }
}
