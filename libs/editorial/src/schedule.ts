import type { Article } from './article.entity';

/**
 * When a scheduled story may go public: its publication time, or the end of
 * its embargo when that is later. The release job and the schedule reconciler
 * both ask here, so a story is never queued for one time and released at another.
 */
export function publicationDueAt(article: Pick<Article, 'publishAt' | 'embargoUntil'>): Date {
  return new Date(
    Math.max(article.publishAt?.getTime() ?? 0, article.embargoUntil?.getTime() ?? 0),
  );
}
