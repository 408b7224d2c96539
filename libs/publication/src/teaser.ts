import type { PublicArticle, TeaserItem } from './public-types';
import type { PublishedArticle } from './published-article.entity';

/** Where the public site shows a story. */
export const storyPath = (sectionSlug: string, slug: string) => `/${sectionSlug}/${slug}`;

/** The columns a teaser needs (listings load no bodies). */
export type TeaserRow = Pick<
  PublishedArticle,
  | 'articleId'
  | 'slug'
  | 'sectionSlug'
  | 'kicker'
  | 'headline'
  | 'teaser'
  | 'format'
  | 'publishedAt'
  | 'teaserImage'
>;

export function toTeaserItem(row: TeaserRow): TeaserItem {
  return {
    id: row.articleId,
    slug: row.slug,
    url: storyPath(row.sectionSlug, row.slug),
    kicker: row.kicker,
    headline: row.headline,
    teaser: row.teaser,
    format: row.format,
    publishedAt: row.publishedAt.toISOString(),
    image: row.teaserImage,
  };
}

export function toPublicArticle(row: PublishedArticle): PublicArticle {
  return {
    ...toTeaserItem(row),
    section: { slug: row.sectionSlug, name: row.sectionName },
    series: row.series,
    tags: row.tags,
    author: row.authorName,
    firstPublishedAt: row.firstPublishedAt.toISOString(),
    corrections: row.corrections,
    // The story page shows the hero preset; listings the teaser preset.
    image: row.image,
    body: row.body,
  };
}
