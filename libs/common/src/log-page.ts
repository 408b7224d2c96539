import type { FieldProblem } from './errors';

/** The paging of an append-only log read newest first: by the rows' increasing bigint id. */
export interface LogPageQuery {
  /** Rows older than this id (cursor for the next page). */
  before?: string;
  limit?: string;
}

/** How many rows a log page holds: `limit` is 1 to `max`, `default` when it is left out. */
export const LOG_PAGE_LIMIT = { default: 100, max: 500 } as const;

/** A cursor: the id of the last row of the previous page (a bigint, as text). */
export const LOG_PAGE_CURSOR = /^\d{1,18}$/;

/**
 * Reads `before` and `limit` (1 to {@link LOG_PAGE_LIMIT}.max, default
 * {@link LOG_PAGE_LIMIT}.default) of a log page, adding to
 * `problems` what is wrong with them. Ask the database for `limit + 1` rows, so
 * that {@link logPageOf} can tell whether another page follows.
 */
export function readLogPage(
  query: LogPageQuery,
  problems: FieldProblem[],
): { before?: string; limit: number } {
  let before: string | undefined;
  if (query.before !== undefined) {
    if (LOG_PAGE_CURSOR.test(query.before)) before = query.before;
    else problems.push({ field: 'before', reason: 'must be a cursor from a previous page' });
  }
  const limit = query.limit === undefined ? LOG_PAGE_LIMIT.default : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > LOG_PAGE_LIMIT.max)
    problems.push({ field: 'limit', reason: `must be 1 to ${LOG_PAGE_LIMIT.max}` });
  return { before, limit };
}

/** One page of a log, newest first, and the cursor of the next one (null on the last page). */
export interface LogPage<T> {
  items: T[];
  next: string | null;
}

/** One page of at most `limit` rows, each as `view` shows it, and the cursor of the next page. */
export function logPageOf<T extends { id: string }, V>(
  rows: T[],
  limit: number,
  view: (row: T) => V,
): LogPage<V> {
  return {
    items: rows.slice(0, limit).map(view),
    next: rows.length > limit ? rows[limit - 1].id : null,
  };
}
