import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** The article events, as {@link PublicationEvent} records them. */
export type PublicationEventName =
  'article.published' | 'article.updated' | 'article.unpublished' | 'article.killed';

/**
 * One `article.*` event, written with it in the same transaction: the log of
 * a story's public versions and retractions. A delivery receipt reports on
 * the newest one (what it named, when it happened), so a correction counts as
 * pending from the moment it commits, before any consumer has seen it.
 */
@Entity({ tableName: 'publication_events' })
@Index({ properties: ['articleId', 'seq'] })
export class PublicationEvent {
  [OptionalProps]?: 'seq';

  /** Commit order: two events of one transaction share their time. */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq!: string;

  /** The event's id (its outbox message id): what consumers and delivery steps name. */
  @Property({ type: 'uuid' })
  @Unique()
  eventId!: string;

  @Property({ type: 'uuid' })
  articleId!: string;

  @Property({ type: 'string', length: 40 })
  event!: PublicationEventName;

  /** The story's version the event announced. */
  @Property({ type: 'integer' })
  version!: number;

  /** The teaser listings the event named (`home`, `section:x` …): those its consumers rebuild. */
  @Property({ type: 'array', columnType: 'text[]' })
  listings!: string[];

  /** When the event occurred: its envelope's `occurredAt`. */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  occurredAt!: Date;
}
