import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** What an admin action changed: a user account or a section. */
export const ADMIN_SUBJECT_KINDS = ['user', 'section'] as const;
export type AdminSubjectKind = (typeof ADMIN_SUBJECT_KINDS)[number];

/**
 * One line of the append-only administration log: who changed which user or
 * section, and how (field by field, never a password). Written in the same
 * transaction as the change; a database trigger refuses UPDATE and DELETE.
 * Stories have their own log (`audit_log`).
 */
@Entity({ tableName: 'admin_audit' })
@Index({ properties: ['subjectKind', 'subjectId', 'id'] })
export class AdminAuditEntry {
  [OptionalProps]?: 'id' | 'createdAt' | 'details' | 'requestId' | 'actorId';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** The user who acted; null for the system (e.g. the demo seed). */
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  /** E.g. `user.create`, `user.update`, `section.update`. */
  @Property({ type: 'string', length: 40 })
  action!: string;

  @Property({ type: 'string', length: 20 })
  subjectKind!: AdminSubjectKind;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'json', columnType: 'jsonb', default: '{}' })
  details: Record<string, unknown> = {};

  /** The HTTP request that caused it, when there was one. */
  @Property({ type: 'string', length: 80, nullable: true })
  requestId: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
