import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ValidationFailed, type FieldProblem, isUuid } from '@newsdesk/common';
import { SqlParams, parseSearchQuery, searchQuerySql, snippetSql } from '@newsdesk/editorial';
import { PublishedArticle, toTeaserItem, type TeaserItem } from '@newsdesk/publication';

export const DEFAULT_SEARCH_LIMIT = 10;
export const MAX_SEARCH_LIMIT = 50;

/** A story found: its teaser and a snippet (HTML: escaped text, `<mark>` around the words found). */
export type SearchHit = TeaserItem & { snippet: string };

export interface SearchPage {
  items: SearchHit[];
  /** The cursor of the next page, or null on the last one. */
  next: string | null;
}

/** Where a page ends: rank (as Postgres prints the `real`), publication time (µs, UTC), story id. */
type Position = [rank: string, publishedAt: string, articleId: string];

const RANK = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d{1,2})?$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

function decodeCursor(cursor: string): Position | null {
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 3) return null;
  const [rank, at, id] = value as unknown[];
  if (typeof rank !== 'string' || !RANK.test(rank) || !Number.isFinite(Number(rank))) return null;
  if (typeof at !== 'string' || !INSTANT.test(at)) return null;
  // A real instant (no 30 February), which Postgres reads back exactly.
  const ms = Date.parse(at);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 19) !== at.slice(0, 19)) return null;
  if (!isUuid(id)) return null;
  return [rank, at, id];
}

/**
 * The public full-text search over published stories (the read model only):
 * most relevant first, the newest first among equally relevant ones, paged by
 * an opaque cursor (the position of the last story shown, so that stories
 * published meanwhile neither repeat nor push others off a page).
 */
@Injectable()
export class SearchService {
  constructor(private readonly em: EntityManager) {}

  async search(input: { q?: unknown; limit?: unknown; cursor?: unknown }): Promise<SearchPage> {
    const problems: FieldProblem[] = [];
    const parsed = parseSearchQuery(input.q);
    if ('problem' in parsed) problems.push(parsed.problem);
    let limit = DEFAULT_SEARCH_LIMIT;
    if (input.limit !== undefined) {
      limit =
        typeof input.limit === 'string' && /^\d{1,3}$/.test(input.limit) ? Number(input.limit) : 0;
      if (limit < 1 || limit > MAX_SEARCH_LIMIT)
        problems.push({
          field: 'limit',
          reason: `must be a whole number from 1 to ${MAX_SEARCH_LIMIT}`,
        });
    }
    let after: Position | null = null;
    if (input.cursor !== undefined) {
      after = typeof input.cursor === 'string' ? decodeCursor(input.cursor) : null;
      if (!after)
        problems.push({ field: 'cursor', reason: 'must be the `next` of a previous page' });
    }
    if (problems.length || 'problem' in parsed) throw new ValidationFailed(problems);
    const { q } = parsed;

    const em = this.em.fork();
    const params = new SqlParams();
    // Rank and cut the page first; snippets (which parse the whole text) only for the page.
    const sql = `select h.article_id as id, h.rank::text as rank,
        to_char(h.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as published_at,
        ${snippetSql(params, q, `concat_ws(' ', h.teaser, newsdesk_body_text(h.body))`)} as snippet
      from (
        select r.* from (
          select p.article_id, p.published_at, p.teaser, p.body,
            ts_rank_cd(p.search_vector, ${searchQuerySql(params, q)}) as rank
          from published_articles p
          where p.search_vector @@ ${searchQuerySql(params, q)}
        ) r
        ${after ? `where (r.rank, r.published_at, r.article_id) < (${params.bind(after[0])}::real, ${params.bind(after[1])}::timestamptz, ${params.bind(after[2])}::uuid)` : ''}
        order by r.rank desc, r.published_at desc, r.article_id desc
        limit ${params.bind(limit + 1)}
      ) h
      order by h.rank desc, h.published_at desc, h.article_id desc`;
    const rows = await em
      .getConnection()
      .execute<{ id: string; rank: string; published_at: string; snippet: string }[]>(
        sql,
        params.values,
      );
    const page = rows.slice(0, limit);
    const stories = await em.find(PublishedArticle, { articleId: { $in: page.map((r) => r.id) } });
    const byId = new Map(stories.map((s) => [s.articleId, s]));
    const last = page.at(-1);
    return {
      items: page.flatMap((r) => {
        const story = byId.get(r.id);
        return story ? [{ ...toTeaserItem(story), snippet: r.snippet }] : [];
      }),
      next:
        rows.length > limit && last ? encodeCursor([last.rank, last.published_at, last.id]) : null,
    };
  }
}
