import { Entity, Index, PrimaryKey, Property, Unique, OptionalProps } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '@newsdesk/common';

/**
 * A message written in the same transaction as the change it announces: an
 * event for the consumers, or a job for a queue. The relay sends committed rows
 * and stamps `sentAt`; a rolled-back transaction leaves no row to send.
 */
@Entity({ tableName: 'outbox' })
@Index({
  name: 'outbox_unsent_idx',
  expression: 'create index "outbox_unsent_idx" on "outbox" ("seq") where "sent_at" is null',
})
export class OutboxEntry {
  [OptionalProps]?:
    | 'seq'
    | 'messageId'
    | 'createdAt'
    | 'attempts'
    | 'jobId'
    | 'runAt'
    | 'sentAt'
    | 'lastError'
    | 'requestId';

  /** Commit order for the relay. */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq!: string;

  /** The message id; consumers and BullMQ dedupe on it. */
  @Property({ type: 'uuid' })
  @Unique()
  messageId: string = randomUUID();

  @Property({ type: 'string', length: 10 })
  kind!: 'event' | 'job';

  @Property({ type: 'string', length: 80 })
  name!: string;

  @Property({ type: 'json', columnType: 'jsonb' })
  payload!: Record<string, unknown>;

  /** For jobs: BullMQ's job id (deduplication), and when the job is due. */
  @Property({ type: 'string', length: 200, nullable: true })
  jobId: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  runAt: Date | null = null;

  /** The request that caused the change; sent along with the message so that logs follow it. */
  @Property({ type: 'string', length: 100, nullable: true })
  requestId: string | null = RequestContext.requestId();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  sentAt: Date | null = null;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;
}
