import { Entity, Enum, PrimaryKey, Property, Unique, OptionalProps } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export const IMAGE_STATUSES = ['processing', 'ready', 'failed'] as const;
export type ImageStatus = (typeof IMAGE_STATUSES)[number];

/** A picture from the photo desk: the original in S3 and what is known about it. */
@Entity({ tableName: 'images' })
export class Image {
  [OptionalProps]?:
    | 'createdAt'
    | 'updatedAt'
    | 'alt'
    | 'caption'
    | 'credit'
    | 'status'
    | 'width'
    | 'height'
    | 'failureReason';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** SHA-256 of the original's bytes: the same file uploaded twice is one image. */
  @Property({ type: 'string', length: 64 })
  @Unique()
  contentHash!: string;

  @Property({ type: 'string', length: 300 })
  originalKey!: string;

  @Property({ type: 'string', length: 40 })
  mimeType!: string;

  @Property({ type: 'integer', nullable: true })
  width: number | null = null;

  @Property({ type: 'integer', nullable: true })
  height: number | null = null;

  @Property({ type: 'text', default: '' })
  alt: string = '';

  @Property({ type: 'text', default: '' })
  caption: string = '';

  @Property({ type: 'string', length: 300, default: '' })
  credit: string = '';

  @Enum({ items: () => IMAGE_STATUSES, nativeEnumName: 'image_status', default: 'processing' })
  status: ImageStatus = 'processing';

  @Property({ type: 'text', nullable: true })
  failureReason: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
