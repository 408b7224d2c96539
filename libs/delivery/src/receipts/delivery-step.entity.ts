import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * `listing`: a teaser listing the event named was rebuilt; `purge`: a batch
 * of CDN surrogate keys was purged; `verify`: the CDN confirmed that batch.
 */
export const DELIVERY_STEP_KINDS = ['listing', 'purge', 'verify'] as const;
export type DeliveryStepKind = (typeof DELIVERY_STEP_KINDS)[number];

/**
 * One step that carried an article event out to readers, done once: unique on
 * (event, kind, target), written with `on conflict do nothing`, so a job that
 * runs again keeps the first time and adds nothing.
 */
@Entity({ tableName: 'delivery_steps' })
@Unique({ properties: ['eventId', 'kind', 'target'] })
export class DeliveryStep {
  [OptionalProps]?: 'id' | 'detail';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'uuid' })
  articleId!: string;

  @Property({ type: 'string', length: 10 })
  kind!: DeliveryStepKind;

  /** The listing ref, or for purges a digest of the batch's keys (the keys are in `detail`). */
  @Property({ type: 'string', length: 200 })
  target!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  doneAt!: Date;

  /** For purges and verifications: `{ keys }`. */
  @Property({ type: 'json', columnType: 'jsonb', default: '{}' })
  detail: { keys?: string[]; batches?: number } = {};
}
