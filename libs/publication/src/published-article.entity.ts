import { Entity, Index, PrimaryKey, Property, Unique, OptionalProps } from '@mikro-orm/core';
import type { PublicContent } from './public-story';
import type { PublicImage, PublicBodyBlock } from './public-types';
import { SEARCH_VECTOR_SQL } from './search-vector';

/**
 * The public version of a published story: what `/public` serves and what
 * listings are rebuilt from. Written only by {@link PublicationService}; gone
 * while the story is not public.
 */
@Entity({ tableName: 'published_articles' })
// Every listing and older page reads one of these in its own order (keyset), never a sort of the archive.
@Index({ properties: ['sectionId', 'publishedAt', 'articleId'] })
@Index({ properties: ['seriesSlug', 'publishedAt', 'articleId'] })
@Index({ properties: ['homePinned', 'homePriority', 'publishedAt', 'articleId'] })
@Index({ properties: ['publishedAt', 'articleId'] })
@Index({
  name: 'published_articles_search_vector_gin',
  expression:
    'create index "published_articles_search_vector_gin" on "published_articles" using gin ("search_vector")',
})
@Index({
  name: 'published_articles_tag_slugs_gin',
  expression:
    'create index "published_articles_tag_slugs_gin" on "published_articles" using gin ("tag_slugs")',
})
@Index({
  name: 'published_articles_image_ids_gin',
  expression:
    'create index "published_articles_image_ids_gin" on "published_articles" using gin ("image_ids")',
})
export class PublishedArticle {
  [OptionalProps]?:
    | 'series'
    | 'tags'
    | 'image'
    | 'teaserImage'
    | 'imageIds'
    | 'corrections'
    | 'seriesSlug'
    | 'tagSlugs'
    | 'homePinned'
    | 'homePriority'
    | 'content';

  @PrimaryKey({ type: 'uuid' })
  articleId!: string;

  @Property({ type: 'string', length: 120 })
  @Unique()
  slug!: string;

  @Property({ type: 'uuid' })
  sectionId!: string;

  @Property({ type: 'string', length: 80 })
  sectionSlug!: string;

  @Property({ type: 'string', length: 120 })
  sectionName!: string;

  @Property({ type: 'string', length: 80 })
  kicker!: string;

  @Property({ type: 'string', length: 200 })
  headline!: string;

  @Property({ type: 'text' })
  teaser!: string;

  @Property({ type: 'json', columnType: 'jsonb' })
  body!: PublicBodyBlock[];

  @Property({ type: 'string', length: 20 })
  format!: string;

  @Property({ type: 'string', length: 120, nullable: true })
  series: string | null = null;

  @Property({ type: 'array', columnType: 'text[]', default: '{}' })
  tags: string[] = [];

  /** Slugs of the series and tags, as their listings are addressed. */
  @Property({ type: 'string', length: 120, nullable: true })
  seriesSlug: string | null = null;

  @Property({ type: 'array', columnType: 'text[]', default: '{}' })
  tagSlugs: string[] = [];

  /** Home page placement: pinned stories first, by priority, then the newest. */
  @Property({ type: 'boolean', default: false })
  homePinned: boolean = false;

  @Property({ type: 'integer', default: 0 })
  homePriority: number = 0;

  /** The hero image in the `hero` preset, for the story page. */
  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  image: PublicImage | null = null;

  /** The hero image in the `teaser` preset, for listings. */
  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  teaserImage: PublicImage | null = null;

  /** Every image the story shows, so that an image change finds the stories to refresh. */
  @Property({ type: 'array', columnType: 'uuid[]', default: '{}' })
  imageIds: string[] = [];

  @Property({ type: 'string', length: 120 })
  authorName!: string;

  /**
   * The frozen content this version was made from, images by id: a changed or
   * re-rendered image is resolved again from it. Null only for rows older than
   * the column whose story had no snapshot.
   */
  @Property({ type: 'json', columnType: 'jsonb', nullable: true, lazy: true })
  content: PublicContent | null = null;

  /** Public correction notes, oldest first. */
  @Property({ type: 'json', columnType: 'jsonb', default: '[]' })
  corrections: { at: string; note: string }[] = [];

  /** The story's version at publication; an older write never replaces a newer one. */
  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  firstPublishedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  publishedAt!: Date;

  /** The public search over the published version (see article.repository.ts): kept by Postgres. */
  @Property({
    type: 'string',
    columnType: 'tsvector',
    generated: SEARCH_VECTOR_SQL,
    lazy: true,
    hidden: true,
  })
  searchVector?: string;
}
