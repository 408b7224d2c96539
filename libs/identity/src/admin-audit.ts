import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  RequestContext,
  ValidationFailed,
  isUuid,
  logPageOf,
  readLogPage,
  type FieldProblem,
  type LogPage,
  type LogPageQuery,
} from '@newsdesk/common';
import { ADMIN_SUBJECT_KINDS, AdminAuditEntry, type AdminSubjectKind } from './admin-audit.entity';
import type { Actor } from './role';

/** A field's value before and after a change, as the audit shows it. */
export type Change = { from: unknown; to: unknown };

/**
 * Adds an administration audit row to the caller's transaction: call it with
 * the `em` that writes the change, so that both commit or neither does.
 */
export function recordAdminAudit(
  em: EntityManager,
  entry: {
    actor: Actor;
    action: string;
    subject: { kind: AdminSubjectKind; id: string };
    at: Date;
    details?: Record<string, unknown>;
  },
): void {
  em.persist(
    em.create(AdminAuditEntry, {
      actorId: entry.actor.kind === 'user' ? entry.actor.id : null,
      action: entry.action,
      subjectKind: entry.subject.kind,
      subjectId: entry.subject.id,
      details: entry.details ?? {},
      requestId: RequestContext.requestId(),
      createdAt: entry.at,
    }),
  );
}

/** The fields whose value differs, as `{field: {from, to}}`; compared as JSON. */
export function changesOf<T extends object>(before: T, after: Partial<T>): Record<string, Change> {
  const changes: Record<string, Change> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (after[key] === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}

export interface AdminAuditQuery extends LogPageQuery {
  kind?: string;
  subject?: string;
  actor?: string;
}

/** One administration audit row as admins read it. */
export interface AdminAuditEntryView {
  /** Increases with every row; the cursor of the next page is one of these. */
  id: string;
  /** Null for the system (e.g. the demo seed). */
  actorId: string | null;
  action: string;
  subjectKind: AdminSubjectKind;
  subjectId: string;
  details: Record<string, unknown>;
  requestId: string | null;
  createdAt: string;
}

export const toAdminAuditEntryView = (e: AdminAuditEntry): AdminAuditEntryView => ({
  id: e.id,
  actorId: e.actorId,
  action: e.action,
  subjectKind: e.subjectKind,
  subjectId: e.subjectId,
  details: e.details,
  requestId: e.requestId,
  createdAt: e.createdAt.toISOString(),
});

/** The administration log for admins: newest first, filterable, paged by cursor. */
@Injectable()
export class AdminAuditService {
  constructor(private readonly em: EntityManager) {}

  async search(query: AdminAuditQuery): Promise<LogPage<AdminAuditEntryView>> {
    const problems: FieldProblem[] = [];
    const where: FilterQuery<AdminAuditEntry> = {};
    if (query.kind !== undefined) {
      if ((ADMIN_SUBJECT_KINDS as readonly string[]).includes(query.kind))
        where.subjectKind = query.kind as AdminSubjectKind;
      else problems.push({ field: 'kind', reason: `must be ${ADMIN_SUBJECT_KINDS.join(' or ')}` });
    }
    for (const field of ['subject', 'actor'] as const) {
      const value = query[field];
      if (value === undefined) continue;
      if (!isUuid(value)) problems.push({ field, reason: 'must be an id' });
      else if (field === 'subject') where.subjectId = value;
      else where.actorId = value;
    }
    const { before, limit } = readLogPage(query, problems);
    if (before) where.id = { $lt: before };
    if (problems.length) throw new ValidationFailed(problems);
    const rows = await this.em
      .fork()
      .find(AdminAuditEntry, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
    return logPageOf(rows, limit, toAdminAuditEntryView);
  }
}
