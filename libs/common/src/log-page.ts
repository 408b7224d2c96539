import type { FieldProblem } from './errors';

/** The paging of an append-only log read newest first: by the rows' increasing bigint id. */
export interface LogPageQuery {
  /** Rows older than this id (cursor for the next page). */
  before?: string;
  limit?: string;
}

/**
 * Reads `before` and `limit` (1 to 500, default 100) of a log page, adding to
 * `problems` what is wrong with them. Ask the database for `limit + 1` rows, so
 * that {@link logPageOf} can tell whether another page follows.
 */
export function readLogPage(
  query: LogPageQuery,
  problems: FieldProblem[],
): { before?: string; limit: number } {
  let before: string | undefined;
  if (query.before !== undefined) {
    if (/^\d{1,18}$/.test(query.before)) before = query.before;
    else problems.push({ field: 'before', reason: 'must be a cursor from a previous page' });
  }
  const limit = query.limit === undefined ? 100 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    problems.push({ field: 'limit', reason: 'must be 1 to 500' });
  return { before, limit };
}

/** One page of at most `limit` rows, and the cursor of the next one (null on the last page). */
export function logPageOf<T extends { id: string }>(
  rows: T[],
  limit: number,
): { items: T[]; next: string | null } {
  return { items: rows.slice(0, limit), next: rows.length > limit ? rows[limit - 1].id : null };
}
