import { Entity, Index, PrimaryKey } from '@mikro-orm/core';

/**
 * One row per published story and tag, in tag-listing order: what a tag
 * listing reads instead of sorting every story with the tag. Kept by the
 * `published_tags_sync` trigger from `published_articles.tag_slugs`; no code
 * writes it.
 */
@Entity({ tableName: 'published_tags' })
export class PublishedTag {
  @PrimaryKey({ type: 'string', length: 120 })
  tagSlug!: string;

  @PrimaryKey({ type: 'datetime', columnType: 'timestamptz' })
  publishedAt!: Date;

  @PrimaryKey({ type: 'uuid' })
  @Index()
  articleId!: string;
}
