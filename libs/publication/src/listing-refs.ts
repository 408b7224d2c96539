import { slugify } from '@newsdesk/common';

/**
 * Names of the teaser listings a published story appears in: `home`,
 * `section:<slug>`, `series:<slug>`, `tag:<slug>`. Events carry the listings
 * that may have changed (before and after the change), so that consumers
 * rebuild exactly those.
 */
export function listingRefsOf(story: {
  sectionSlug: string;
  series: string | null;
  tags: string[];
}): string[] {
  return [
    'home',
    `section:${story.sectionSlug}`,
    ...(story.series ? [`series:${slugify(story.series)}`] : []),
    ...story.tags.map((t) => `tag:${slugify(t)}`),
  ];
}

export const seriesSlugOf = (series: string | null) => (series ? slugify(series) : null);
export const tagSlugsOf = (tags: string[]) => [...new Set(tags.map((t) => slugify(t)))];
