import { z } from 'zod';
import { ValidationFailed, fieldProblemsOf } from '@newsdesk/common';
import { INPUT_LIMITS } from './article-input';
import { BODY_BLOCK_TYPES, type BodyBlockType } from './body';

/** Inclusive bounds on a text's length in characters (as JavaScript counts them). */
export interface LengthLimit {
  min: number;
  max: number;
}

/**
 * What a story of a section must look like to pass the publish checks. It
 * belongs to the section (column `sections.content_profile`), admins edit it,
 * and `GET /api/sections` returns it so that a client can show live counts.
 */
export interface ContentProfile {
  kicker: LengthLimit;
  headline: LengthLimit;
  teaser: LengthLimit;
  heroImage: {
    /** A story cannot go to review without a hero image. */
    required: boolean;
    /** The hero image needs alt text (for screen readers). */
    altRequired: boolean;
    /** The hero image needs a credit line. */
    creditRequired: boolean;
  };
  /** The body block types a story may use; at least `paragraph`. */
  bodyBlocks: BodyBlockType[];
}

/**
 * The profile of a section nobody has tuned. The teaser limit admits the real
 * Kommune21 leads this newsroom is modelled on: five of sixteen on one page
 * ran from 304 to 370 characters, so 300 refused working stories; 400 keeps a margin.
 */
export const DEFAULT_CONTENT_PROFILE: ContentProfile = {
  kicker: { min: 0, max: 60 },
  headline: { min: 10, max: 120 },
  teaser: { min: 40, max: 400 },
  heroImage: { required: false, altRequired: true, creditRequired: false },
  bodyBlocks: [...BODY_BLOCK_TYPES],
};

/** A fresh copy, so that no section shares (and mutates) the constant. */
export const defaultContentProfile = (): ContentProfile => structuredClone(DEFAULT_CONTENT_PROFILE);

// Limits above the save-time caps could never be reached: a draft cannot hold more.
const whole = (from: number, to: number) => {
  const message = `must be a whole number from ${from} to ${to}`;
  return z.int(message).min(from, message).max(to, message);
};
const length = (cap: number, minFloor: number) =>
  z
    .object({ min: whole(minFloor, cap), max: whole(1, cap) })
    .partial()
    .strict();

/**
 * A change of a content profile as an admin sends it: every field optional
 * (left out keeps its value), each limit within what a draft may hold at all.
 * {@link parseContentProfile} lays it over the current profile.
 */
export const ContentProfilePatchSchema = z
  .object(
    {
      kicker: length(INPUT_LIMITS.kicker, 0),
      // Headline and teaser are always required, so their minimum is at least 1.
      headline: length(INPUT_LIMITS.headline, 1),
      teaser: length(INPUT_LIMITS.teaser, 1),
      heroImage: z
        .object({
          required: z.boolean('must be true or false'),
          altRequired: z.boolean('must be true or false'),
          creditRequired: z.boolean('must be true or false'),
        })
        .partial()
        .strict(),
      bodyBlocks: z
        .array(z.enum(BODY_BLOCK_TYPES, `must be one of ${BODY_BLOCK_TYPES.join(', ')}`))
        // The checks require a paragraph; a profile without it would refuse every story.
        .refine((types) => types.includes('paragraph'), 'must include paragraph')
        .transform((types) => BODY_BLOCK_TYPES.filter((t) => types.includes(t))),
    },
    'must be an object',
  )
  .partial()
  .strict();

/**
 * Validates a (partial) profile from an admin and lays it over `base`: fields
 * left out keep their value. Throws {@link ValidationFailed} naming each field
 * below `root`, e.g. `profile.teaser.max`.
 */
export function parseContentProfile(
  input: unknown,
  base: ContentProfile = DEFAULT_CONTENT_PROFILE,
  root = 'profile',
): ContentProfile {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new ValidationFailed([{ field: root, reason: 'must be an object' }]);
  const parsed = ContentProfilePatchSchema.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldProblemsOf(parsed.error.issues, root));
  const patch = parsed.data;
  const profile: ContentProfile = {
    kicker: { ...base.kicker, ...patch.kicker },
    headline: { ...base.headline, ...patch.headline },
    teaser: { ...base.teaser, ...patch.teaser },
    heroImage: { ...base.heroImage, ...patch.heroImage },
    bodyBlocks: [...(patch.bodyBlocks ?? base.bodyBlocks)],
  };
  const problems = (['kicker', 'headline', 'teaser'] as const)
    .filter((field) => profile[field].min > profile[field].max)
    .map((field) => ({
      field: `${root}.${field}.max`,
      reason: `must not be below the minimum (${profile[field].min})`,
    }));
  if (problems.length) throw new ValidationFailed(problems);
  return profile;
}

/**
 * The effective profile of a stored value: the defaults, with what the section
 * sets laid over them (a row written before a field existed still reads whole).
 */
export function resolveContentProfile(stored: unknown): ContentProfile {
  if (stored === null || stored === undefined) return defaultContentProfile();
  try {
    return parseContentProfile(stored, DEFAULT_CONTENT_PROFILE);
  } catch (error) {
    // Only SQL past the API can store an invalid profile; say so rather than check with guesses.
    throw new Error(
      `a section's content profile is invalid: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
