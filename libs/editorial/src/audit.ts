import type { EntityManager } from '@mikro-orm/postgresql';
import { RequestContext, insertRows, type SqlStatement } from '@newsdesk/common';
import type { Actor } from '@newsdesk/identity';
import type { Article } from './article.entity';
import type { ArticleStatus } from './article-status';
import { AuditEntry } from './audit-entry.entity';

/** One audit row as the API shows it: a story's history, the global audit log. */
export interface AuditEntryView {
  /** Increasing with every row; the cursor of the audit log's pages. */
  id: string;
  articleId: string | null;
  actorId: string | null;
  action: string;
  fromStatus: ArticleStatus | null;
  toStatus: ArticleStatus | null;
  articleVersion: number | null;
  comment: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
  createdAt: string;
}

export const toAuditEntryView = (e: AuditEntry): AuditEntryView => ({
  id: e.id,
  articleId: e.articleId,
  actorId: e.actorId,
  action: e.action,
  fromStatus: e.fromStatus,
  toStatus: e.toStatus,
  articleVersion: e.articleVersion,
  comment: e.comment,
  details: e.details,
  requestId: e.requestId,
  createdAt: e.createdAt.toISOString(),
});

/** Adds an audit row to the caller's transaction. */
export function recordAudit(
  em: EntityManager,
  entry: {
    article: Article;
    actor: Actor;
    action: string;
    from: ArticleStatus | null;
    to: ArticleStatus | null;
    at: Date;
    details?: Record<string, unknown>;
    comment?: string;
  },
): void {
  em.persist(
    em.create(AuditEntry, {
      articleId: entry.article.id,
      actorId: entry.actor.kind === 'user' ? entry.actor.id : null,
      action: entry.action,
      fromStatus: entry.from,
      toStatus: entry.to,
      articleVersion: entry.article.version,
      comment: entry.comment ?? null,
      details: entry.details ?? {},
      createdAt: entry.at,
      requestId: RequestContext.requestId(),
    }),
  );
}

/** {@link recordAudit} for hand-written SQL: the insert of a story's audit rows, the same as the entities'. */
export function insertAudit(
  entries: readonly {
    articleId: string;
    actor: Actor;
    action: string;
    from: ArticleStatus | null;
    to: ArticleStatus | null;
    version: number;
    at: Date;
    details?: Record<string, unknown>;
    comment?: string;
  }[],
): SqlStatement {
  const requestId = RequestContext.requestId();
  return insertRows(
    'audit_log',
    [
      'article_id',
      'actor_id',
      'action',
      'from_status',
      'to_status',
      'article_version',
      'comment',
      'details',
      'created_at',
      'request_id',
    ],
    entries.map((e) => ({
      article_id: e.articleId,
      actor_id: e.actor.kind === 'user' ? e.actor.id : null,
      action: e.action,
      from_status: e.from,
      to_status: e.to,
      article_version: e.version,
      comment: e.comment ?? null,
      details: e.details ?? {},
      created_at: e.at,
      request_id: requestId,
    })),
  );
}

/**
 * Adds an audit row about access rather than a story (a login lock, sessions
 * ended, an API token created or revoked) to the caller's transaction; its
 * `articleId` is null. Actions are `<subject>:<pastTense>`, e.g. `login:locked`.
 */
export function recordAccessAudit(
  em: EntityManager,
  entry: { actorId: string | null; action: string; at: Date; details?: Record<string, unknown> },
): void {
  em.persist(
    em.create(AuditEntry, {
      articleId: null,
      actorId: entry.actorId,
      action: entry.action,
      details: entry.details ?? {},
      createdAt: entry.at,
      requestId: RequestContext.requestId(),
    }),
  );
}
