import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { ArticleFormat } from './article-status';
import type { BodyBlock } from './body';

/** The content of a story as one revision holds it. */
export interface RevisionContent {
  kicker: string;
  headline: string;
  teaser: string;
  body: BodyBlock[];
  sectionId: string;
  format: ArticleFormat;
  series: string | null;
  tags: string[];
  heroImageId: string | null;
}

/** Every save of a story: numbered from 1, never changed afterwards. */
@Entity({ tableName: 'revisions' })
@Unique({ properties: ['articleId', 'number'] })
@Index({ properties: ['articleId', 'createdAt'] })
export class Revision {
  [OptionalProps]?: 'createdAt' | 'note';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  articleId!: string;

  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'json', columnType: 'jsonb' })
  content!: RevisionContent;

  @Property({ type: 'uuid', nullable: true })
  authorId!: string | null;

  /** e.g. "restored from revision 3". */
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
