import type { PublicImage } from '@newsdesk/media';

export type { PublicImage };

export type PublicBodyBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string; level: 2 | 3 }
  | { type: 'quote'; text: string; attribution?: string }
  | { type: 'image'; image: PublicImage | null; caption?: string }
  | { type: 'embed'; url: string; caption?: string };

/** One entry of a teaser listing ("More news from the section …"). */
export interface TeaserItem {
  id: string;
  slug: string;
  url: string;
  kicker: string;
  headline: string;
  teaser: string;
  format: string;
  publishedAt: string;
  image: PublicImage | null;
}

/** A published story as `/public/articles/:slug` serves it. */
export interface PublicArticle extends TeaserItem {
  section: { slug: string; name: string };
  series: string | null;
  tags: string[];
  author: string;
  firstPublishedAt: string;
  /** Correction notes, oldest first. */
  corrections: { at: string; note: string }[];
  body: PublicBodyBlock[];
}
