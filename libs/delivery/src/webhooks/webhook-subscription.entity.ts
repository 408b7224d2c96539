import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** The events a subscriber may ask for. */
export const WEBHOOK_EVENTS = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'article.killed',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * A receiver of article events, registered by an admin. The secret signs every
 * delivery (HMAC-SHA256); it is shown once, at registration. A subscription that
 * keeps failing is paused (`pausedAt`, `pausedReason`) until ops resume it; a
 * deleted one is kept (`deletedAt`) so that its delivery log stays readable.
 */
@Entity({ tableName: 'webhook_subscriptions' })
@Index({ properties: ['deletedAt', 'createdAt'] })
export class WebhookSubscription {
  [OptionalProps]?:
    | 'id'
    | 'createdAt'
    | 'createdBy'
    | 'pausedAt'
    | 'pausedReason'
    | 'consecutiveFailures'
    | 'lastSuccessAt'
    | 'lastFailureAt'
    | 'lastError'
    | 'deletedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 2000 })
  url!: string;

  @Property({ type: 'array', columnType: 'text[]' })
  events!: WebhookEvent[];

  /** Needed in clear to sign; never returned after registration. */
  @Property({ type: 'string', length: 100 })
  secret!: string;

  @Property({ type: 'uuid', nullable: true })
  createdBy: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  pausedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  pausedReason: string | null = null;

  /** Failed attempts since the last success, over all of its deliveries. */
  @Property({ type: 'integer', default: 0 })
  consecutiveFailures: number = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastFailureAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deletedAt: Date | null = null;
}
