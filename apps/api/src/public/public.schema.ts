import { z } from 'zod';
import { RENDITION_FORMATS } from '@newsdesk/config';
import { responseShape } from '../contract/schema';

const instant = z.iso.datetime({ offset: true });

/** An image as the public site gets it: enough for a `<picture>` without another call. */
export const PublicImageSchema = responseShape(
  'PublicImage',
  z.object({
    id: z.uuid(),
    alt: z.string(),
    caption: z.string(),
    credit: z.string(),
    width: z.int().nullable().meta({ description: 'of the largest rendition' }),
    height: z.int().nullable(),
    blurhash: z.string().nullable(),
    dominantColor: z.string().nullable(),
    src: z.string().meta({ description: 'a JPEG for `<img src>`' }),
    srcset: z
      .partialRecord(z.enum(RENDITION_FORMATS), z.string())
      .meta({ description: 'per format, a ready `srcset` ("url 320w, url 640w")' }),
  }),
  { description: 'An image as the public site shows it.' },
);

const PublicBodyBlockSchema = responseShape(
  'PublicBodyBlock',
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('paragraph'), text: z.string() }),
    z.object({
      type: z.literal('heading'),
      text: z.string(),
      level: z.union([z.literal(2), z.literal(3)]),
    }),
    z.object({ type: z.literal('quote'), text: z.string(), attribution: z.string().optional() }),
    z.object({
      type: z.literal('image'),
      image: PublicImageSchema.nullable(),
      caption: z.string().optional(),
    }),
    z.object({ type: z.literal('embed'), url: z.string(), caption: z.string().optional() }),
  ]),
  {
    description:
      'One piece of a public story body; an image block carries its image (null while it is processing).',
  },
);

const publicStoryShape = {
  id: z.uuid(),
  slug: z.string(),
  url: z.string(),
  kicker: z.string(),
  headline: z.string(),
  teaser: z.string(),
  format: z.string(),
  publishedAt: instant,
  firstPublishedAt: instant,
  image: PublicImageSchema.nullable(),
  section: z.object({ slug: z.string(), name: z.string() }),
  series: z.string().nullable(),
  tags: z.array(z.string()),
  author: z.string(),
  corrections: z.array(z.object({ at: instant, note: z.string() })),
  body: z.array(PublicBodyBlockSchema),
};

/** A published story as the public site reads it. */
export const PublicStorySchema = responseShape('PublicStory', z.object(publicStoryShape), {
  description: 'A published story as the public site shows it, with its correction notes.',
});

/** A revision as it would be published, for whoever holds a preview link. */
export const PublicPreviewSchema = responseShape(
  'PublicPreview',
  z.object({
    ...publicStoryShape,
    preview: z.object({
      revision: z.int().min(1).meta({ description: 'the revision shown' }),
      expiresAt: instant.meta({ description: 'when the link stops working' }),
    }),
  }),
  {
    description:
      'A revision of a story as it would be published (the public story’s shape), and which revision it is.',
  },
);
