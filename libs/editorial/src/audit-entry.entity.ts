import { Entity, Index, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import type { ArticleStatus } from './article-status';

/**
 * One line of the append-only audit log: a transition (or a refused one) of a
 * story, or an access event (login locked, sessions ended, API token issued). Written in the same transaction as the change; a database trigger
 * refuses UPDATE and DELETE on the table.
 */
@Entity({ tableName: 'audit_log' })
@Index({ properties: ['articleId', 'id'] })
export class AuditEntry {
  [OptionalProps]?:
    | 'id'
    | 'createdAt'
    | 'details'
    | 'comment'
    | 'articleVersion'
    | 'fromStatus'
    | 'toStatus'
    | 'actorId';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** Null for rows about access rather than a story (see `recordAccessAudit`). */
  @Property({ type: 'uuid', nullable: true })
  articleId!: string | null;

  /** The user who acted; null when the system did (jobs). */
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Property({ type: 'string', length: 40 })
  action!: string;

  @Property({ type: 'string', length: 20, nullable: true })
  fromStatus: ArticleStatus | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  toStatus: ArticleStatus | null = null;

  @Property({ type: 'integer', nullable: true })
  articleVersion: number | null = null;

  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @Property({ type: 'json', columnType: 'jsonb', default: '{}' })
  details: Record<string, unknown> = {};

  /** The HTTP request that caused it, when there was one. */
  @Property({ type: 'string', length: 80, nullable: true })
  requestId: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
