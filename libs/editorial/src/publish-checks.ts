/**
 * The checks a story must pass before review: pure, so the submission job and
 * the tests run the same rules.
 */
import type { BodyBlock } from './body';

export const LIMITS = {
  kicker: 60,
  headlineMin: 10,
  headline: 120,
  teaserMin: 40,
  teaser: 300,
} as const;

export interface PublishCheckFailure {
  check: string;
  field: string;
  message: string;
}

/** The hero image as far as the checks care. */
export interface HeroImageFacts {
  status: 'processing' | 'ready' | 'failed';
  alt: string;
}

export interface CheckableStory {
  kicker: string;
  headline: string;
  teaser: string;
  body: BodyBlock[];
  hasSection: boolean;
  heroImage: HeroImageFacts | null;
}

/** Returns every failed check; an empty list means the story may go to review. */
export function runPublishChecks(story: CheckableStory): PublishCheckFailure[] {
  const failures: PublishCheckFailure[] = [];
  const fail = (check: string, field: string, message: string) =>
    failures.push({ check, field, message });

  if (!story.hasSection) fail('required', 'section', 'a section is required');
  if (!story.headline) fail('required', 'headline', 'a headline is required');
  else if (story.headline.length < LIMITS.headlineMin)
    fail('length', 'headline', `the headline needs at least ${LIMITS.headlineMin} characters`);
  else if (story.headline.length > LIMITS.headline)
    fail(
      'length',
      'headline',
      `the headline may have at most ${LIMITS.headline} characters (has ${story.headline.length})`,
    );
  if (story.kicker.length > LIMITS.kicker)
    fail(
      'length',
      'kicker',
      `the kicker may have at most ${LIMITS.kicker} characters (has ${story.kicker.length})`,
    );
  if (!story.teaser) fail('required', 'teaser', 'a teaser is required');
  else if (story.teaser.length < LIMITS.teaserMin)
    fail('length', 'teaser', `the teaser needs at least ${LIMITS.teaserMin} characters`);
  else if (story.teaser.length > LIMITS.teaser)
    fail(
      'length',
      'teaser',
      `the teaser may have at most ${LIMITS.teaser} characters (has ${story.teaser.length})`,
    );
  if (!story.body.some((b) => b.type === 'paragraph'))
    fail('required', 'body', 'the body needs at least one paragraph');
  if (story.heroImage) {
    if (story.heroImage.status !== 'ready')
      fail('image', 'heroImageId', `the hero image is ${story.heroImage.status}, not ready`);
    if (!story.heroImage.alt) fail('image', 'heroImageId', 'the hero image needs alt text');
  }
  return failures;
}

/** The facts of a story entity the checks need. */
export function checkable(a: {
  kicker: string;
  headline: string;
  teaser: string;
  body: BodyBlock[];
  section: unknown;
  heroImage: HeroImageFacts | null;
}): CheckableStory {
  return {
    kicker: a.kicker,
    headline: a.headline,
    teaser: a.teaser,
    body: a.body,
    hasSection: Boolean(a.section),
    heroImage: a.heroImage ? { status: a.heroImage.status, alt: a.heroImage.alt } : null,
  };
}
