/**
 * The checks a story must pass before review: pure, so the submission job and
 * the tests run the same rules. The limits are the section's
 * {@link ContentProfile}, not constants.
 */
import type { BodyBlock } from './body';
import { resolveContentProfile, type ContentProfile, type LengthLimit } from './content-profile';

export interface PublishCheckFailure {
  check: string;
  field: string;
  message: string;
  /** The profile limit that was broken, for length checks. */
  limit?: { min?: number; max?: number };
}

/** The hero image as far as the checks care. */
export interface HeroImageFacts {
  status: 'processing' | 'ready' | 'failed';
  alt: string;
  credit: string;
}

export interface CheckableStory {
  kicker: string;
  headline: string;
  teaser: string;
  body: BodyBlock[];
  hasSection: boolean;
  heroImage: HeroImageFacts | null;
}

const LABEL = { kicker: 'kicker', headline: 'headline', teaser: 'teaser' } as const;

/** Returns every failed check against `profile`; an empty list means the story may go to review. */
export function runPublishChecks(
  story: CheckableStory,
  profile: ContentProfile,
): PublishCheckFailure[] {
  const failures: PublishCheckFailure[] = [];
  const fail = (
    check: string,
    field: string,
    message: string,
    limit?: PublishCheckFailure['limit'],
  ) => failures.push({ check, field, message, ...(limit ? { limit } : {}) });

  const length = (field: keyof typeof LABEL, limit: LengthLimit, required: boolean) => {
    const value = story[field];
    const name = LABEL[field];
    if (!value) {
      if (required || limit.min > 0) fail('required', field, `a ${name} is required`);
    } else if (value.length < limit.min)
      fail(
        'length',
        field,
        `the ${name} needs at least ${limit.min} characters (has ${value.length})`,
        { min: limit.min },
      );
    else if (value.length > limit.max)
      fail(
        'length',
        field,
        `the ${name} may have at most ${limit.max} characters (has ${value.length})`,
        { max: limit.max },
      );
  };

  if (!story.hasSection) fail('required', 'section', 'a section is required');
  length('headline', profile.headline, true);
  length('kicker', profile.kicker, false);
  length('teaser', profile.teaser, true);
  if (!story.body.some((b) => b.type === 'paragraph'))
    fail('required', 'body', 'the body needs at least one paragraph');
  story.body.forEach((block, i) => {
    if (!profile.bodyBlocks.includes(block.type))
      fail(
        'block',
        `body[${i}]`,
        `${block.type} blocks are not allowed in this section (allowed: ${profile.bodyBlocks.join(', ')})`,
      );
  });
  if (!story.heroImage) {
    if (profile.heroImage.required)
      fail('required', 'heroImageId', 'a hero image is required in this section');
  } else {
    if (story.heroImage.status !== 'ready')
      fail('image', 'heroImageId', `the hero image is ${story.heroImage.status}, not ready`);
    if (profile.heroImage.altRequired && !story.heroImage.alt)
      fail('image', 'heroImageId', 'the hero image needs alt text');
    if (profile.heroImage.creditRequired && !story.heroImage.credit)
      fail('image', 'heroImageId', 'the hero image needs a credit line');
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
    heroImage: a.heroImage
      ? { status: a.heroImage.status, alt: a.heroImage.alt, credit: a.heroImage.credit }
      : null,
  };
}

/** Runs the checks on a story entity against its own section's profile. */
export function checkStory(
  a: Parameters<typeof checkable>[0] & { section: { contentProfile: unknown } | null },
): PublishCheckFailure[] {
  return runPublishChecks(checkable(a), resolveContentProfile(a.section?.contentProfile));
}
