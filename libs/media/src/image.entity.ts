import {
  Collection,
  Entity,
  Enum,
  OneToMany,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Rendition } from './rendition.entity';

export const IMAGE_STATUSES = ['processing', 'ready', 'failed'] as const;
export type ImageStatus = (typeof IMAGE_STATUSES)[number];

/** Where a crop centres, as fractions of the upright image (0,0 top left; 1,1 bottom right). */
export interface FocalPoint {
  x: number;
  y: number;
}

/** A picture from the photo desk: the original in S3, what is known about it, and its renditions. */
@Entity({ tableName: 'images' })
export class Image {
  [OptionalProps]?:
    | 'createdAt'
    | 'updatedAt'
    | 'alt'
    | 'caption'
    | 'credit'
    | 'copyright'
    | 'byline'
    | 'status'
    | 'width'
    | 'height'
    | 'failureReason'
    | 'focalPoint'
    | 'blurhash'
    | 'dominantColor'
    | 'dateTaken'
    | 'byteSize'
    | 'presetsHash'
    | 'processedAt'
    | 'uploadedBy';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** SHA-256 of the original's bytes: the same file uploaded twice is one image. */
  @Property({ type: 'string', length: 64 })
  @Unique()
  contentHash!: string;

  @Property({ type: 'string', length: 300 })
  originalKey!: string;

  /** The real format, read from the bytes. */
  @Property({ type: 'string', length: 40 })
  mimeType!: string;

  @Property({ type: 'bigint', nullable: true })
  byteSize: number | null = null;

  /** Dimensions of the upright image (EXIF orientation applied). */
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

  @Property({ type: 'string', length: 300, default: '' })
  copyright: string = '';

  @Property({ type: 'string', length: 300, default: '' })
  byline: string = '';

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  dateTaken: Date | null = null;

  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  focalPoint: FocalPoint | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  blurhash: string | null = null;

  /** `#rrggbb`, for a placeholder before the picture loads. */
  @Property({ type: 'string', length: 7, nullable: true })
  dominantColor: string | null = null;

  @Enum({ items: () => IMAGE_STATUSES, nativeEnumName: 'image_status', default: 'processing' })
  status: ImageStatus = 'processing';

  @Property({ type: 'text', nullable: true })
  failureReason: string | null = null;

  /** The presets the current renditions were made with; the ops re-render skips images that match. */
  @Property({ type: 'string', length: 16, nullable: true })
  presetsHash: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  uploadedBy: string | null = null;

  @OneToMany(() => Rendition, (r) => r.image, {
    orderBy: { preset: 'asc', format: 'asc', width: 'asc' },
  })
  renditions = new Collection<Rendition>(this);

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  processedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
