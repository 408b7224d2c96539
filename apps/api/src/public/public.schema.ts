import { z } from 'zod';
import { RENDITION_FORMATS, type RenditionFormat } from '@newsdesk/config';
import { ARTICLE_FORMATS } from '@newsdesk/editorial';
import { responseShape } from '../contract/schema';

const instant = () => z.iso.datetime({ offset: true });

const SRCSET_EXAMPLE =
  'https://cdn.newsdesk.test/renditions/9f2c…/teaser-320.jpg 320w, https://cdn.newsdesk.test/renditions/9f2c…/teaser-640.jpg 640w';

/** A picture as the public site gets it: enough for a `<picture>` without another call. */
export const PublicImageSchema = responseShape(
  'PublicImage',
  z.object({
    id: z.uuid(),
    alt: z.string().meta({ example: 'Ein Sensor am Deckel eines Abfallbehälters' }),
    caption: z.string().meta({ example: 'Die Sensoren melden den Füllstand alle zehn Minuten.' }),
    credit: z.string().meta({ example: 'Foto: Stadtwerke Ulm' }),
    width: z.int().nullable().meta({
      description: 'of the largest rendition, so that `<img width height>` reserves the right box',
      example: 1280,
    }),
    height: z.int().nullable().meta({ example: 720 }),
    blurhash: z.string().nullable().meta({ description: 'a placeholder while the picture loads' }),
    dominantColor: z
      .string()
      .regex(/^#[0-9a-f]{6}$/)
      .nullable()
      .meta({ example: '#4a6b8c' }),
    src: z.string().meta({
      description: 'a JPEG for `<img src>` (the original while there is no rendition)',
      example: 'https://cdn.newsdesk.test/renditions/9f2c…/teaser-640.jpg',
    }),
    srcset: z
      .object(
        Object.fromEntries(
          RENDITION_FORMATS.map((format) => [format, z.string().optional()]),
        ) as Record<RenditionFormat, z.ZodOptional<z.ZodString>>,
      )
      .meta({
        description:
          'per format, a ready `srcset` ("url 320w, url 640w") for `<source type="image/…">`',
        example: { jpeg: SRCSET_EXAMPLE },
      }),
  }),
  { description: 'A ready picture in one preset (teaser, hero …), with its renditions.' },
);

const section = z.object({
  slug: z.string().meta({ example: 'smart-city' }),
  name: z.string().meta({ example: 'Smart City' }),
});

const next = z.string().nullable().meta({
  description: 'pass as `cursor` for the next page; null on the last page',
  example: 'eyJyIjoic2VjdGlvbjpzbWFydC1jaXR5IiwicyI6WzE3NzI1MjUzMDAwMDAsIjBiNmMuLi4iXX0',
});

const teaserFields = {
  id: z.uuid(),
  slug: z.string().meta({ example: 'digitalministerkonferenz-laender-verwaltung-1a2b3c4d' }),
  url: z.string().meta({
    description: 'where the public site shows the story (`/<section>/<slug>`)',
    example: '/smart-city/digitalministerkonferenz-laender-verwaltung-1a2b3c4d',
  }),
  kicker: z.string().meta({ example: 'Digitalisierung' }),
  headline: z.string().meta({
    example: 'Digitalministerkonferenz: Länder wollen Verwaltung gemeinsam digitalisieren',
  }),
  teaser: z.string().meta({
    example: 'Bund und Länder einigen sich auf gemeinsame Plattformen für Bürgerdienste.',
  }),
  format: z.enum(ARTICLE_FORMATS),
  publishedAt: instant().meta({ description: 'the latest publication (an update moves it)' }),
  image: PublicImageSchema.nullable().meta({
    description: 'the teaser picture; null when the story has none or it is not ready',
  }),
};

/** One story in a teaser listing. */
export const TeaserSchema = responseShape('Teaser', z.object(teaserFields), {
  description: 'One story in a teaser listing: what a teaser box shows, with its picture.',
});

/** A page of the home, series or tag listing. */
export const TeaserPageSchema = responseShape(
  'TeaserPage',
  z.object({
    title: z.string().meta({
      description: '"Startseite", the series\' or the tag\'s name',
      example: 'Startseite',
    }),
    items: z.array(TeaserSchema),
    next,
  }),
  { description: 'One page of a teaser listing, newest first (on the home page pinned first).' },
);

/** A page of a section's listing. */
export const SectionTeaserPageSchema = responseShape(
  'SectionTeaserPage',
  z.object({ section, items: z.array(TeaserSchema), next }),
  { description: "One page of a section's stories, newest first." },
);

/** A story found by the search: its teaser and where the words were found. */
export const SearchHitSchema = responseShape(
  'SearchHit',
  z.object({
    ...teaserFields,
    snippet: z.string().meta({
      description: 'HTML: the text escaped, `<mark>` around the words found',
      example: 'Die <mark>Abfallbehälter</mark> melden ihren Füllstand …',
    }),
  }),
);

export const SearchResultsSchema = responseShape(
  'SearchResults',
  z.object({ items: z.array(SearchHitSchema), next }),
  { description: 'One page of search results: most relevant first, then the newest.' },
);

/** A body block of a public story; image blocks carry the picture itself. */
export const PublicBodyBlockSchema = responseShape(
  'PublicBodyBlock',
  z.discriminatedUnion('type', [
    z.object({
      type: z.literal('paragraph'),
      text: z.string().meta({ example: 'Die Länder wollen ihre Verwaltung gemeinsam …' }),
    }),
    z.object({ type: z.literal('heading'), text: z.string(), level: z.literal([2, 3]) }),
    z.object({ type: z.literal('quote'), text: z.string(), attribution: z.string().optional() }),
    z.object({
      type: z.literal('image'),
      image: PublicImageSchema.nullable().meta({
        description:
          'in the `original` preset (its widths, uncropped); null while the picture is not ready',
      }),
      caption: z.string().optional(),
    }),
    z.object({ type: z.literal('embed'), url: z.string(), caption: z.string().optional() }),
  ]),
);

const storyFields = {
  ...teaserFields,
  image: PublicImageSchema.nullable().meta({
    description: 'the hero picture (`hero` preset); null when there is none or it is not ready',
  }),
  section,
  series: z.string().nullable().meta({ example: 'Verwaltung digital' }),
  tags: z.array(z.string()).meta({ example: ['OZG', 'Verwaltung'] }),
  author: z.string().meta({ example: 'Jana Schütte' }),
  firstPublishedAt: instant(),
  corrections: z
    .array(
      z.object({
        at: instant(),
        note: z.string().meta({ example: 'In einer früheren Fassung hieß es, …' }),
      }),
    )
    .meta({ description: 'public correction notes, oldest first' }),
  body: z.array(PublicBodyBlockSchema),
};

/** A published story as the public site shows it. */
export const PublicStorySchema = responseShape('PublicStory', z.object(storyFields), {
  description: 'A published story, its pictures resolved to renditions.',
});

/** A revision as it would be published, opened with a preview link. */
export const StoryPreviewSchema = responseShape(
  'StoryPreview',
  z.object({
    ...storyFields,
    preview: z.object({
      revision: z.int().meta({ example: 3 }),
      expiresAt: instant().meta({ description: 'when the link stops working' }),
    }),
  }),
  { description: 'A revision as it would be published (the public story of that revision).' },
);

/** RSS 2.0 with Media RSS: the teaser picture as `<enclosure>` and `<media:content>` with `<media:credit>`. */
export const RssFeedSchema = responseShape(
  'RssFeed',
  z.string().meta({
    description:
      'RSS 2.0 (UTF-8) with Media RSS and Dublin Core: per story title, link, teaser, the kicker and the section as categories, the author, a stable guid (the story id), the teaser picture with its credit',
  }),
);

/** The Google News sitemap. */
export const NewsSitemapSchema = responseShape(
  'NewsSitemap',
  z.string().meta({
    description:
      'A Google News sitemap (UTF-8): one `<url>` with `<news:news>` per story of the last 48 hours, at most 1000',
  }),
);

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) as the feeds write it, with the `_newsdesk` extension. */
export const JsonFeedSchema = responseShape(
  'JsonFeed',
  z.object({
    version: z.literal('https://jsonfeed.org/version/1.1'),
    title: z.string().meta({ example: 'Newsdesk – Smart City' }),
    home_page_url: z.string().meta({ example: 'https://www.newsdesk.test/smart-city' }),
    feed_url: z
      .string()
      .meta({ example: 'https://www.newsdesk.test/public/sections/smart-city/feed.json' }),
    description: z.string().meta({ example: 'Die neuesten Meldungen aus Smart City' }),
    language: z.string().meta({ example: 'de' }),
    items: z.array(
      z.object({
        id: z.uuid().meta({ description: 'the story id: stable across slug changes' }),
        url: z.string().meta({
          example: 'https://www.newsdesk.test/smart-city/digitalministerkonferenz-1a2b3c4d',
        }),
        title: z.string().meta({
          example: 'Digitalministerkonferenz: Länder wollen Verwaltung gemeinsam digitalisieren',
        }),
        content_text: z.string().meta({ description: 'the teaser' }),
        summary: z.string().meta({ description: 'the teaser' }),
        image: z
          .string()
          .optional()
          .meta({ description: 'the teaser picture (a JPEG); absent when there is none' }),
        date_published: z.iso.datetime({ offset: true }).meta({
          description: "RFC 3339 in the newsroom's zone",
          example: '2026-03-03T09:15:00+01:00',
        }),
        authors: z
          .array(z.object({ name: z.string().meta({ example: 'Jana Schütte' }) }))
          .optional(),
        tags: z.array(z.string()).meta({
          description: 'the kicker and the section',
          example: ['Digitalisierung', 'Smart City'],
        }),
        _newsdesk: z
          .object({
            kicker: z.string(),
            section,
            credit: z.string().nullable().meta({ description: 'must be shown with the picture' }),
            alt: z.string().nullable(),
          })
          .meta({
            description: "Newsdesk's extension: kicker, section, picture credit and alt text",
          }),
      }),
    ),
  }),
  { description: 'JSON Feed 1.1 of the newest 50 stories of a section or across all sections.' },
);
