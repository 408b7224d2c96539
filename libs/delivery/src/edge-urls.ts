/** A story as the edge shows it: its slug and its section's. */
export interface EdgeStory {
  slug: string;
  sectionSlug: string;
}

/**
 * Where a purged surrogate key is seen at the edge: one representative URL
 * per kind of document that names the key (other variants — `?limit=`,
 * `?exclude=`, cursor pages, JSON feeds — carry the same key and go with
 * these). One line per URL kind; a new kind of page is one more line.
 */
export const EDGE_URLS = {
  home: () => ['/public/home', '/public/feed.xml', '/public/sitemap-news.xml'],
  section: (slug: string) => [
    `/public/sections/${slug}/teasers`,
    `/public/sections/${slug}/feed.xml`,
  ],
  series: (slug: string) => [`/public/series/${slug}/teasers`],
  tag: (slug: string) => [`/public/tags/${slug}/teasers`],
  story: (story: EdgeStory) => [
    `/public/articles/${story.slug}`,
    `/site/${story.sectionSlug}/${story.slug}`,
  ],
} as const;

/**
 * The URLs to check after purging `key`: a listing key's own, a story key's
 * through `stories` (by id; a story not found has no URL). Keys of other kinds
 * (`image:<id>`, `feed` …) have no URL of their own: the documents they
 * reach are checked through their other keys.
 */
export function edgeUrlsOf(key: string, stories: ReadonlyMap<string, EdgeStory>): string[] {
  const colon = key.indexOf(':');
  const kind = colon < 0 ? key : key.slice(0, colon);
  const ref = encodeURIComponent(colon < 0 ? '' : key.slice(colon + 1));
  switch (kind) {
    case 'home':
      return EDGE_URLS.home();
    case 'section':
    case 'series':
    case 'tag':
      return ref ? EDGE_URLS[kind](ref) : [];
    case 'story': {
      const story = stories.get(key.slice(colon + 1));
      return story ? EDGE_URLS.story(story) : [];
    }
    default:
      return [];
  }
}
