import {
  Entity,
  EntityRepositoryType,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { User } from '@newsdesk/identity';
import { Image } from '@newsdesk/media';
import {
  ARTICLE_FORMATS,
  ARTICLE_STATUSES,
  type ArticleFormat,
  type ArticleStatus,
} from './article-status';
import type { BodyBlock } from './body';
import type { PublishCheckFailure } from './publish-checks';
import { ArticleRepository } from './article.repository';
import { Section } from './section.entity';

/** The content frozen at publication: what the public sees until the next publication. */
export interface ArticleSnapshot {
  version: number;
  kicker: string;
  headline: string;
  teaser: string;
  body: BodyBlock[];
  format: ArticleFormat;
  series: string | null;
  tags: string[];
  sectionId: string;
  heroImageId: string | null;
  authorName: string;
}

@Entity({ tableName: 'articles', repository: () => ArticleRepository })
@Index({ properties: ['status', 'updatedAt'] })
export class Article {
  [EntityRepositoryType]?: ArticleRepository;
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'status';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 120 })
  @Unique()
  slug!: string;

  @Property({ type: 'string', length: 80, default: '' })
  kicker: string = '';

  @Property({ type: 'string', length: 200 })
  headline!: string;

  @Property({ type: 'text', default: '' })
  teaser: string = '';

  @Property({ type: 'json', columnType: 'jsonb' })
  body: BodyBlock[] = [];

  @ManyToOne(() => Section, { deleteRule: 'restrict' })
  section!: Section;

  @Enum({ items: () => ARTICLE_FORMATS, nativeEnumName: 'article_format', default: 'news' })
  format: ArticleFormat = 'news';

  @Property({ type: 'string', length: 120, nullable: true })
  series: string | null = null;

  @Property({ type: 'array', columnType: 'text[]', default: '{}' })
  tags: string[] = [];

  @ManyToOne(() => Image, { nullable: true, deleteRule: 'set null' })
  heroImage: Image | null = null;

  @Enum({ items: () => ARTICLE_STATUSES, nativeEnumName: 'article_status', default: 'draft' })
  @Index()
  status: ArticleStatus = 'draft';

  /** Optimistic lock: bumped by every change; `If-Match` must name the current one. */
  @Property({ version: true, type: 'integer' })
  version!: number;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  author!: User;

  /** The publish checks that failed on the last submission, readable by the author. */
  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  failedChecks: PublishCheckFailure[] | null = null;

  /** When a scheduled story is due; `now` for "publish now". */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  publishAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  firstPublishedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  publishedSnapshot: ArticleSnapshot | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
