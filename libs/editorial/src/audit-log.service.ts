import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  ValidationFailed,
  isUuid,
  logPageOf,
  parseOffsetDateTime,
  readLogPage,
  type FieldProblem,
  type LogPage,
  type LogPageQuery,
} from '@newsdesk/common';
import { AuditEntry } from './audit-entry.entity';
import type { ArticleStatus } from './article-status';

/** What an action filter looks like: `approve`, `refused:approve`, `login:locked` … */
export const AUDIT_ACTION = /^[a-zA-Z:]{1,40}$/;

export interface AuditQuery extends LogPageQuery {
  actor?: string;
  action?: string;
  article?: string;
  from?: string;
  to?: string;
}

/** One audit row as admins read it. */
export interface AuditEntryView {
  /** Increases with every row; the cursor of the next page is one of these. */
  id: string;
  /** Null for rows about access rather than a story. */
  articleId: string | null;
  /** Null when the system acted (jobs). */
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

/** The global audit log for admins: newest first, filterable, paged by cursor. */
@Injectable()
export class AuditLogService {
  constructor(private readonly em: EntityManager) {}

  async search(query: AuditQuery): Promise<LogPage<AuditEntryView>> {
    const problems: FieldProblem[] = [];
    const where: FilterQuery<AuditEntry> = {};
    if (query.actor !== undefined) {
      if (isUuid(query.actor)) where.actorId = query.actor;
      else problems.push({ field: 'actor', reason: 'must be a user id' });
    }
    if (query.article !== undefined) {
      if (isUuid(query.article)) where.articleId = query.article;
      else problems.push({ field: 'article', reason: 'must be a story id' });
    }
    if (query.action !== undefined) {
      if (!AUDIT_ACTION.test(query.action))
        problems.push({
          field: 'action',
          reason: 'must be an action name, e.g. approve or refused:approve',
        });
      else where.action = query.action;
    }
    const createdAt: { $gte?: Date; $lt?: Date } = {};
    for (const field of ['from', 'to'] as const) {
      const raw = query[field];
      if (raw === undefined) continue;
      const when = parseOffsetDateTime(raw);
      if (!when) problems.push({ field, reason: 'must be an ISO-8601 date-time with offset' });
      else if (field === 'from') createdAt.$gte = when;
      else createdAt.$lt = when;
    }
    if (createdAt.$gte || createdAt.$lt) where.createdAt = createdAt;
    const { before, limit } = readLogPage(query, problems);
    if (before) where.id = { $lt: before };
    if (problems.length) throw new ValidationFailed(problems);
    const rows = await this.em
      .fork()
      .find(AuditEntry, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
    return logPageOf(rows, limit, toAuditEntryView);
  }
}
