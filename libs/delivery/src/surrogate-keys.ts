import { slugify } from '@newsdesk/common';
import type { PublicArticle } from '@newsdesk/publication';

/** Surrogate keys of teaser items: each story and its picture. */
export const teaserKeys = (items: { id: string; image: { id: string } | null }[]): string[] =>
  items.flatMap((item) => [`story:${item.id}`, ...(item.image ? [`image:${item.image.id}`] : [])]);

/**
 * Surrogate keys of a story document: the story, the listings it is in
 * (section, series, tags) and every picture it shows, hero and body.
 */
export const storyKeys = (story: PublicArticle): string[] => [
  `story:${story.id}`,
  `section:${story.section.slug}`,
  ...(story.series ? [`series:${slugify(story.series)}`] : []),
  ...story.tags.map((t) => `tag:${slugify(t)}`),
  ...(story.image ? [`image:${story.image.id}`] : []),
  ...story.body.flatMap((b) => (b.type === 'image' && b.image ? [`image:${b.image.id}`] : [])),
];
