import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { RenditionFormat } from '@newsdesk/config';
import { Image } from './image.entity';

/** One derived file of an image: a preset at one width in one format, stored in S3 under `key`. */
@Entity({ tableName: 'renditions' })
@Unique({ properties: ['image', 'preset', 'format', 'width'] })
export class Rendition {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Image, { deleteRule: 'cascade' })
  image!: Image;

  @Property({ type: 'string', length: 40 })
  preset!: string;

  @Property({ type: 'string', length: 10 })
  format!: RenditionFormat;

  /** The width asked for (the preset's); the file may be narrower when the original is. */
  @Property({ type: 'integer' })
  width!: number;

  @Property({ type: 'integer' })
  actualWidth!: number;

  @Property({ type: 'integer' })
  height!: number;

  @Property({ type: 'integer' })
  bytes!: number;

  /** Deterministic: the same original, crop and settings always give the same key. */
  @Property({ type: 'string', length: 300 })
  key!: string;
}
