import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A review comment on a story, optionally answering another and anchored to a body block. */
@Entity({ tableName: 'comments' })
@Index({ properties: ['articleId', 'createdAt'] })
export class Comment {
  [OptionalProps]?: 'createdAt' | 'parentId' | 'blockIndex' | 'resolvedAt' | 'resolvedBy';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  articleId!: string;

  /** The comment this one answers; threads are one level of root plus replies. */
  @Property({ type: 'uuid', nullable: true })
  parentId: string | null = null;

  @Property({ type: 'uuid' })
  authorId!: string;

  @Property({ type: 'string', length: 120 })
  authorName!: string;

  @Property({ type: 'text' })
  text!: string;

  /** The body block (index in the revision commented on) the comment is about. */
  @Property({ type: 'integer', nullable: true })
  blockIndex: number | null = null;

  @Property({ type: 'integer' })
  revision!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  resolvedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  resolvedBy: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
