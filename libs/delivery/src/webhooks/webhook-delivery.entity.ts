import {
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { WebhookSubscription, type WebhookEvent } from './webhook-subscription.entity';

/** What a subscriber receives: the JSON body of every attempt of one delivery. */
export interface WebhookPayload {
  /** The event's id: the same for every subscriber and every attempt; receivers dedupe on it. */
  id: string;
  event: WebhookEvent;
  occurredAt: string;
  data: Record<string, unknown>;
}

/** One POST to the subscriber: its HTTP status or the error, and how long it took. */
export interface WebhookAttempt {
  at: string;
  /** The HTTP status, or null when no response came (refused, timeout, blocked address). */
  statusCode: number | null;
  error: string | null;
  latencyMs: number;
  ok: boolean;
}

/**
 * `pending`: queued or retrying; `delivered`: a 2xx came back; `failed`: the
 * retries ran out or the subscription was paused; `cancelled`: not sent because
 * the subscription was deleted or the story is no longer public.
 */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * One event for one subscription. Unique per (subscription, event), so an
 * event delivered twice to the consumer makes one delivery. The body is a
 * snapshot taken when the event was handled, so every attempt and every
 * redelivery sends the same content.
 */
@Entity({ tableName: 'webhook_deliveries' })
@Unique({ properties: ['subscription', 'eventId'] })
@Index({ properties: ['subscription', 'createdAt'] })
export class WebhookDelivery {
  [OptionalProps]?:
    | 'id'
    | 'status'
    | 'attempts'
    | 'redeliveries'
    | 'createdAt'
    | 'deliveredAt'
    | 'lastAttemptAt'
    | 'lastError';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => WebhookSubscription, { deleteRule: 'cascade' })
  subscription!: WebhookSubscription;

  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'string', length: 40 })
  event!: WebhookEvent;

  @Property({ type: 'json', columnType: 'jsonb' })
  payload!: WebhookPayload;

  @Property({ type: 'string', length: 20, default: 'pending' })
  status: WebhookDeliveryStatus = 'pending';

  /** Every attempt, oldest first. */
  @Property({ type: 'json', columnType: 'jsonb', default: '[]' })
  attempts: WebhookAttempt[] = [];

  /** How often ops asked for it again by hand. */
  @Property({ type: 'integer', default: 0 })
  redeliveries: number = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deliveredAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;
}
