import { z } from 'zod';
import { ValidationFailed } from '@newsdesk/common';
import { trimText } from '@newsdesk/common';

const text = (max: number) =>
  z
    .string()
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

const block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: text(10_000) }).strict(),
  z
    .object({
      type: z.literal('heading'),
      text: text(200),
      level: z.union([z.literal(2), z.literal(3)]).default(2),
    })
    .strict(),
  z
    .object({ type: z.literal('quote'), text: text(2_000), attribution: text(200).optional() })
    .strict(),
  z
    .object({
      type: z.literal('image'),
      imageId: z.string().uuid('must be an image id'),
      caption: text(1_000).optional(),
    })
    .strict(),
  z.object({ type: z.literal('embed'), url: httpUrl, caption: text(1_000).optional() }).strict(),
]);

export const MAX_BODY_BLOCKS = 500;

/** Every kind of body block a story may hold; a section's content profile may allow fewer. */
export const BODY_BLOCK_TYPES = ['paragraph', 'heading', 'quote', 'image', 'embed'] as const;
export type BodyBlockType = (typeof BODY_BLOCK_TYPES)[number];

/** One structured piece of a story's body. */
export type BodyBlock = z.infer<typeof block>;

/**
 * Validates and normalises body blocks from untrusted input: known block types
 * only, text trimmed, lengths bounded. Problems name the block, e.g. `body[3].text`.
 */
export function parseBody(input: unknown): BodyBlock[] {
  const parsed = z
    .array(block)
    .max(MAX_BODY_BLOCKS, `must have at most ${MAX_BODY_BLOCKS} blocks`)
    .safeParse(input);
  if (!parsed.success) {
    throw new ValidationFailed(
      parsed.error.issues.map((issue) => ({
        field: issue.path.reduce<string>(
          (path, key) => (typeof key === 'number' ? `${path}[${key}]` : `${path}.${String(key)}`),
          'body',
        ),
        reason:
          issue.code === 'invalid_union'
            ? `type must be one of ${BODY_BLOCK_TYPES.join(', ')}`
            : issue.message,
      })),
    );
  }
  return parsed.data;
}
