import type { EntityManager } from '@mikro-orm/postgresql';
import { RequestContext, insertEntities, type SqlStatement } from '@newsdesk/common';
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

/** What an audit row about a story says. */
interface StoryAudit {
  articleId: string;
  actor: Actor;
  action: string;
  from: ArticleStatus | null;
  to: ArticleStatus | null;
  /** The story's version after the change. */
  version: number;
  at: Date;
  details?: Record<string, unknown>;
  comment?: string;
}

/** The values of a story's audit row, as the entity holds them. */
const auditEntryOf = (entry: StoryAudit) => ({
  articleId: entry.articleId,
  actorId: entry.actor.kind === 'user' ? entry.actor.id : null,
  action: entry.action,
  fromStatus: entry.from,
  toStatus: entry.to,
  articleVersion: entry.version,
  comment: entry.comment ?? null,
  details: entry.details ?? {},
  createdAt: entry.at,
  requestId: RequestContext.requestId(),
});

/** Adds an audit row to the caller's transaction. */
export function recordAudit(
  em: EntityManager,
  entry: Omit<StoryAudit, 'articleId' | 'version'> & { article: Article },
): void {
  const { article, ...rest } = entry;
  em.persist(
    em.create(
      AuditEntry,
      auditEntryOf({ ...rest, articleId: article.id, version: article.version }),
    ),
  );
}

/** {@link recordAudit} for hand-written SQL: the insert of stories' audit rows, the same as the entities'. */
export function insertAudit(em: EntityManager, entries: readonly StoryAudit[]): SqlStatement {
  return insertEntities(em, AuditEntry, entries.map(auditEntryOf));
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
