import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A direct upload that was announced and not yet completed: its key in the
 * bucket and until when its token is good. Completing it removes the row; the
 * {@link UploadSweeper} deletes what an upload left behind once its token has
 * run out, so that a file PUT and never completed does not stay in the bucket.
 */
@Entity({ tableName: 'pending_uploads' })
export class PendingUpload {
  @PrimaryKey({ type: 'string', length: 300 })
  key!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  @Index()
  expiresAt!: Date;

  @Property({ type: 'uuid' })
  uploadedBy!: string;
}
