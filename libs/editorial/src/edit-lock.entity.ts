import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Who is editing a story: a lease that a heartbeat renews and that ends by
 * itself at `expiresAt` — checked against the clock, so no lock outlives its
 * lease, whatever restarts in between.
 */
@Entity({ tableName: 'edit_locks' })
export class EditLock {
  [OptionalProps]?: 'takenOverFromId' | 'takenOverFromName' | 'takenOverAt';

  @PrimaryKey({ type: 'uuid' })
  articleId!: string;

  @Property({ type: 'uuid' })
  holderId!: string;

  @Property({ type: 'string', length: 120 })
  holderName!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  acquiredAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  /** The holder a reviewer or admin took the lock from; told so on their next call. */
  @Property({ type: 'uuid', nullable: true })
  takenOverFromId: string | null = null;

  @Property({ type: 'string', length: 120, nullable: true })
  takenOverFromName: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  takenOverAt: Date | null = null;
}
