import type { PublicBodyBlock } from './public-types';

/** A body block as frozen at publication: images by id, resolved when the public version is written. */
export type ContentBlock =
  | Exclude<PublicBodyBlock, { type: 'image' }>
  | { type: 'image'; imageId: string; caption?: string };

/**
 * The content a public version is made of: a story's working copy frozen at
 * the moment it goes public. The public version keeps it, so that a change of
 * one of its images can be resolved again without asking the newsroom side.
 */
export interface PublicContent {
  /** The story's version this content went public with. */
  version: number;
  kicker: string;
  headline: string;
  teaser: string;
  body: ContentBlock[];
  format: string;
  series: string | null;
  tags: string[];
  sectionId: string;
  heroImageId: string | null;
  authorName: string;
}

/** Which story a change of the public version is about, as it stands now (its working copy). */
export interface StoryRef {
  articleId: string;
  slug: string;
  /** The story's version after this change; the event announcing it names this version. */
  version: number;
  section: { id: string; slug: string; name: string };
  series: string | null;
  tags: string[];
}

/** Everything a public version is written from. */
export interface PublicStory extends StoryRef {
  content: PublicContent;
  firstPublishedAt: Date;
  publishedAt: Date;
  homePinned: boolean;
  homePriority: number;
  /** Public correction notes, oldest first. */
  corrections: { at: string; note: string }[];
}

/** Home page placement: pinned stories lead, by priority (0–100), then the newest. */
export interface HomePlacement {
  homePinned: boolean;
  homePriority: number;
}
