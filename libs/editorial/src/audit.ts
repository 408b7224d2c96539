import type { EntityManager } from '@mikro-orm/postgresql';
import { RequestContext } from '@newsdesk/common';
import type { Actor } from '@newsdesk/identity';
import type { Article } from './article.entity';
import type { ArticleStatus } from './article-status';
import { AuditEntry } from './audit-entry.entity';

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
