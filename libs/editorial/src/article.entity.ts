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
import { SEARCH_VECTOR_SQL } from '@newsdesk/publication';
import { ArticleRepository } from './article.repository';
import { Section } from './section.entity';

/** One approval step done. */
export interface Approval {
  step: string;
  label: string;
  userId: string;
  userName: string;
  at: string;
}

/** A public note that a published story was corrected. */
export interface CorrectionNote {
  at: string;
  note: string;
}

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
@Index({
  name: 'articles_search_vector_gin',
  expression: 'create index "articles_search_vector_gin" on "articles" using gin ("search_vector")',
})
export class Article {
  [EntityRepositoryType]?: ArticleRepository;
  [OptionalProps]?:
    | 'createdAt'
    | 'updatedAt'
    | 'version'
    | 'status'
    | 'approvals'
    | 'assignee'
    | 'embargoUntil'
    | 'unpublishAt'
    | 'corrections'
    | 'killReason'
    | 'updateStatus'
    | 'homePinned'
    | 'homePriority'
    | 'revision'
    | 'publishedRevision';

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

  /** Reviewers who approved the current review round, step by step. */
  @Property({ type: 'json', columnType: 'jsonb', default: '[]' })
  approvals: Approval[] = [];

  /** The reviewer whose queue the story is in. */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  assignee: User | null = null;

  /** The story may not go public before this, whatever anybody clicks. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  embargoUntil: Date | null = null;

  /** When a published story is to be taken down again. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  unpublishAt: Date | null = null;

  /** Public correction notes, oldest first. */
  @Property({ type: 'json', columnType: 'jsonb', default: '[]' })
  corrections: CorrectionNote[] = [];

  @Property({ type: 'text', nullable: true })
  killReason: string | null = null;

  /** Home page placement (editors may change it any time; a published story's listing follows). */
  @Property({ type: 'boolean', default: false })
  homePinned: boolean = false;

  @Property({ type: 'integer', default: 0 })
  homePriority: number = 0;

  /** A published story's pending update in review: the public version stays live meanwhile. */
  @Property({ type: 'string', length: 20, nullable: true })
  updateStatus: 'in_review' | 'changes_requested' | null = null;

  /** The number of the newest revision (every save makes one). */
  @Property({ type: 'integer', default: 0 })
  revision: number = 0;

  /** The revision that is public; a newer `revision` means pending changes. */
  @Property({ type: 'integer', nullable: true })
  publishedRevision: number | null = null;

  /** When a scheduled story is due; `now` for "publish now". */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  publishAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  firstPublishedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  publishedSnapshot: ArticleSnapshot | null = null;

  /**
   * The editors' full-text search over the working copy (see article.repository.ts):
   * kept by Postgres as a stored generated column, never written, loaded or serialised here.
   */
  @Property({
    type: 'string',
    columnType: 'tsvector',
    generated: SEARCH_VECTOR_SQL,
    lazy: true,
    hidden: true,
  })
  searchVector?: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
