import { z } from 'zod';
import { ValidationFailed } from '@newsdesk/common';
import { trimText } from '@newsdesk/common';

/** Text of a block: at most `max` characters as sent, trimmed, and not empty once trimmed. */
const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .transform(trimText)
    .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`));

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.');
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL');

export const MAX_BODY_BLOCKS = 500;

/** Every kind of body block a story may hold; a section's content profile may allow fewer. */
export const BODY_BLOCK_TYPES = ['paragraph', 'heading', 'quote', 'image', 'embed'] as const;
export type BodyBlockType = (typeof BODY_BLOCK_TYPES)[number];

/**
 * One structured piece of a story's body, told apart by `type`. The one
 * definition of a block: it validates what editors send and describes what
 * the API answers.
 */
export const BodyBlockSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('paragraph'), text: text(10_000) }).strict(),
    z
      .object({
        type: z.literal('heading'),
        text: text(200),
        level: z.literal([2, 3]).default(2),
      })
      .strict(),
    z
      .object({ type: z.literal('quote'), text: text(2_000), attribution: text(200).optional() })
      .strict(),
    z
      .object({
        type: z.literal('image'),
        imageId: z.guid('must be an image id'),
        caption: text(1_000).optional(),
      })
      .strict(),
    z.object({ type: z.literal('embed'), url: httpUrl, caption: text(1_000).optional() }).strict(),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union' ? `must be one of ${BODY_BLOCK_TYPES.join(', ')}` : undefined,
  },
);

/** A story's body: its blocks in order. */
export const BodySchema = z
  .array(BodyBlockSchema)
  .max(MAX_BODY_BLOCKS, `must have at most ${MAX_BODY_BLOCKS} blocks`);

/** One structured piece of a story's body. */
export type BodyBlock = z.output<typeof BodyBlockSchema>;

/**
 * Validates and normalises body blocks from untrusted input: known block types
 * only, text trimmed, lengths bounded. Problems name the block, e.g. `body[3].text`.
 */
export function parseBody(input: unknown): BodyBlock[] {
  const parsed = BodySchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationFailed(
      parsed.error.issues.map((issue) => ({
        field: issue.path.reduce<string>(
          (path, key) => (typeof key === 'number' ? `${path}[${key}]` : `${path}.${String(key)}`),
          'body',
        ),
        reason: issue.message,
      })),
    );
  }
  return parsed.data;
}
