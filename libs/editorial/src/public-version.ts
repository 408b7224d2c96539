import type { PublicStory, StoryRef } from '@newsdesk/publication';
import type { Article, ArticleSnapshot } from './article.entity';

/** What a public version is made from: a story entity, or a row shaped like one. */
export type PublishableStory = Pick<
  Article,
  | 'id'
  | 'slug'
  | 'version'
  | 'kicker'
  | 'headline'
  | 'teaser'
  | 'body'
  | 'format'
  | 'series'
  | 'tags'
  | 'publishedAt'
  | 'updatedAt'
  | 'firstPublishedAt'
  | 'homePinned'
  | 'homePriority'
  | 'corrections'
> & {
  section: { id: string; slug: string; name: string };
  author: { name: string };
  heroImage: { id: string } | null;
};

/**
 * Freezes the story's working copy as its next public version. Call it before
 * the transition writes the story: the snapshot names the version that write
 * creates. The publication service then writes it (see {@link publicStoryOf}).
 */
export function freezePublicVersion(article: Article): void {
  article.publishedRevision = article.revision;
  article.publishedSnapshot = nextPublicVersionOf(article);
}

/** The story's working copy as the public version its next write (version + 1) makes. */
export function nextPublicVersionOf(article: PublishableStory): ArticleSnapshot {
  return {
    version: article.version + 1,
    kicker: article.kicker,
    headline: article.headline,
    teaser: article.teaser,
    body: structuredClone(article.body),
    format: article.format,
    series: article.series,
    tags: [...article.tags],
    sectionId: article.section.id,
    heroImageId: article.heroImage?.id ?? null,
    authorName: article.author.name,
  };
}

/** Which story a change of the public version is about, as the story stands now. */
export function storyRefOf(
  article: Pick<PublishableStory, 'id' | 'slug' | 'version' | 'section' | 'series' | 'tags'>,
): StoryRef {
  return {
    articleId: article.id,
    slug: article.slug,
    version: article.version,
    section: { id: article.section.id, slug: article.section.slug, name: article.section.name },
    series: article.series,
    tags: article.tags,
  };
}

/** The story's frozen snapshot as the publication service writes it. */
export function publicStoryOf(article: PublishableStory, content: ArticleSnapshot): PublicStory {
  const publishedAt = article.publishedAt ?? article.updatedAt;
  return {
    ...storyRefOf(article),
    content,
    firstPublishedAt: article.firstPublishedAt ?? publishedAt,
    publishedAt,
    homePinned: article.homePinned,
    homePriority: article.homePriority,
    corrections: article.corrections,
  };
}
