import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, formatInZone, NotFound } from '@newsdesk/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { Section } from '@newsdesk/editorial';
import { Rendition } from '@newsdesk/media';
import { PublishedArticle, storyPath } from '@newsdesk/publication';

/** Stories per RSS / JSON feed. */
export const FEED_LIMIT = 50;
/** Google News reads at most 1000 URLs per news sitemap. */
export const NEWS_SITEMAP_LIMIT = 1000;
/** Google News wants the stories of the last two days only. */
export const NEWS_SITEMAP_WINDOW_MS = 48 * 60 * 60 * 1000;
export const PUBLICATION_NAME = 'Newsdesk';
export const PUBLICATION_LANGUAGE = 'de';

export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8';
export const JSON_FEED_CONTENT_TYPE = 'application/feed+json; charset=utf-8';
export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';

/** The picture of a feed item: the teaser preset's JPEG, with its credit. */
export interface FeedImage {
  id: string;
  url: string;
  type: string;
  /** Bytes of the file, from the renditions table; 0 when unknown (RSS allows that). */
  length: number;
  /** Of this very file, when known. */
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  credit: string;
}

export interface FeedItem {
  /** The article id: stable across slug changes and republication. */
  id: string;
  /** Absolute link to the story page. */
  url: string;
  headline: string;
  kicker: string;
  teaser: string;
  author: string;
  section: { slug: string; name: string };
  publishedAt: Date;
  image: FeedImage | null;
}

/** One feed (a section's or the home page's), ready to be written as RSS or JSON Feed. */
export interface Feed {
  /** `home` or `section:<slug>`, the listing names the events use. */
  ref: string;
  title: string;
  description: string;
  homePageUrl: string;
  rssUrl: string;
  jsonUrl: string;
  items: FeedItem[];
}

/** The columns a feed needs: not the body, so that 1000 sitemap rows stay small. */
const FEED_FIELDS = [
  'articleId',
  'slug',
  'sectionSlug',
  'sectionName',
  'kicker',
  'headline',
  'teaser',
  'authorName',
  'teaserImage',
  'publishedAt',
] as const;

type FeedRow = Pick<PublishedArticle, (typeof FEED_FIELDS)[number]>;

/** Newest first, in the order of the `(…, published_at, article_id)` indexes, read backwards. */
const NEWEST_FIRST = { publishedAt: 'desc', articleId: 'desc' } as const;

/**
 * RSS 2.0, JSON Feed 1.1 and the Google News sitemap, read from the public read
 * model (`published_articles`) on every call. They are meant to sit behind the
 * CDN (see the API's `http-cache.ts`), which keeps this to a few queries a minute.
 */
@Injectable()
export class FeedsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The newest stories of one section; {@link NotFound} for an unknown section. */
  async sectionFeed(slug: string): Promise<Feed> {
    const em = this.em.fork();
    const section = await em.findOne(Section, { slug }, { fields: ['id', 'slug', 'name'] });
    if (!section) throw new NotFound('section', slug);
    const rows = await em.find(
      PublishedArticle,
      { sectionId: section.id },
      { fields: FEED_FIELDS, orderBy: NEWEST_FIRST, limit: FEED_LIMIT },
    );
    const base = this.config.publicBaseUrl;
    return {
      ref: `section:${section.slug}`,
      title: `${PUBLICATION_NAME} – ${section.name}`,
      description: `Die neuesten Meldungen aus ${section.name}`,
      homePageUrl: `${base}/${section.slug}`,
      rssUrl: `${base}/public/sections/${section.slug}/feed.xml`,
      jsonUrl: `${base}/public/sections/${section.slug}/feed.json`,
      items: await this.items(em, rows),
    };
  }

  /** The newest stories across all sections, by publication time (home pins play no part). */
  async homeFeed(): Promise<Feed> {
    const em = this.em.fork();
    const rows = await em.find(
      PublishedArticle,
      {},
      { fields: FEED_FIELDS, orderBy: NEWEST_FIRST, limit: FEED_LIMIT },
    );
    const base = this.config.publicBaseUrl;
    return {
      ref: 'home',
      title: PUBLICATION_NAME,
      description: `Die neuesten Meldungen von ${PUBLICATION_NAME}`,
      homePageUrl: `${base}/`,
      rssUrl: `${base}/public/feed.xml`,
      jsonUrl: `${base}/public/feed.json`,
      items: await this.items(em, rows),
    };
  }

  /** Stories published in the last 48 hours, newest first, at most 1000. */
  async newsSitemapItems(): Promise<FeedItem[]> {
    const em = this.em.fork();
    const since = new Date(this.clock.now().getTime() - NEWS_SITEMAP_WINDOW_MS);
    const rows = await em.find(
      PublishedArticle,
      { publishedAt: { $gte: since } },
      { fields: FEED_FIELDS, orderBy: NEWEST_FIRST, limit: NEWS_SITEMAP_LIMIT },
    );
    // The sitemap shows no pictures: no need to look up their files.
    return rows.map((row) => this.item(row, new Map()));
  }

  rss(feed: Feed): string {
    return renderRss(feed, this.config.timezone);
  }

  jsonFeed(feed: Feed): string {
    return renderJsonFeed(feed, this.config.timezone);
  }

  newsSitemap(items: FeedItem[]): string {
    return renderNewsSitemap(items, this.config.timezone);
  }

  private async items(em: EntityManager, rows: FeedRow[]): Promise<FeedItem[]> {
    const files = await this.renditionFiles(em, rows);
    return rows.map((row) => this.item(row, files));
  }

  private item(row: FeedRow, files: Map<string, RenditionFile>): FeedItem {
    const image = row.teaserImage;
    const file = image ? files.get(image.src) : undefined;
    return {
      id: row.articleId,
      url: `${this.config.publicBaseUrl}${storyPath(row.sectionSlug, row.slug)}`,
      headline: row.headline,
      kicker: row.kicker,
      teaser: row.teaser,
      author: row.authorName,
      section: { slug: row.sectionSlug, name: row.sectionName },
      publishedAt: row.publishedAt,
      image: image
        ? {
            id: image.id,
            url: image.src,
            type: imageTypeOf(image.src),
            length: file?.bytes ?? 0,
            width: file?.width ?? null,
            height: file?.height ?? null,
            alt: image.alt,
            caption: image.caption,
            credit: image.credit,
          }
        : null,
    };
  }

  /**
   * Size and dimensions of each teaser image's `src` file, by its URL. One
   * query on the renditions' (image, …) index; a file that is not (or no
   * longer) a rendition is simply missing, and its enclosure says length 0.
   */
  private async renditionFiles(
    em: EntityManager,
    rows: FeedRow[],
  ): Promise<Map<string, RenditionFile>> {
    const files = new Map<string, RenditionFile>();
    const imageIds = [...new Set(rows.flatMap((r) => (r.teaserImage ? [r.teaserImage.id] : [])))];
    if (!imageIds.length) return files;
    const renditions = await em.find(
      Rendition,
      { image: { $in: imageIds }, format: 'jpeg' },
      { fields: ['key', 'bytes', 'actualWidth', 'height'] },
    );
    for (const r of renditions) {
      files.set(`${this.config.s3.publicUrl}/${r.key}`, {
        bytes: r.bytes,
        width: r.actualWidth,
        height: r.height,
      });
    }
    return files;
  }
}

interface RenditionFile {
  bytes: number;
  width: number;
  height: number;
}

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

/** The `src` is the JPEG rendition, or the original while there is none; say what it is. */
export function imageTypeOf(url: string): string {
  const path = url.split(/[?#]/)[0];
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return IMAGE_TYPES[ext] ?? 'image/jpeg';
}

// ---------------------------------------------------------------------------
// Text and dates

/**
 * Characters XML 1.0 does not allow at all (C0 controls but tab, CR and LF;
 * lone surrogates; U+FFFE/U+FFFF). Escaping cannot express them, so they go.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Escapes text for XML element content and attribute values alike. Everything
 * else (umlauts, „Anführungszeichen“, ß, –) is written as is: the documents are UTF-8.
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 3339 in the newsroom's zone, to the second: `2026-03-03T09:15:00+01:00`. */
export function rfc3339(date: Date, timeZone: string): string {
  return formatInZone(date, timeZone);
}

/**
 * RFC 822 (as RFC 2822 / RSS 2.0 read it) in the newsroom's zone, with a
 * four-digit year and a numeric offset: `Tue, 03 Mar 2026 09:15:00 +0100`.
 */
export function rfc822(date: Date, timeZone: string): string {
  const local = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})([+-])(\d{2}):(\d{2})$/.exec(
    formatInZone(date, timeZone),
  );
  // An offset with seconds (local mean time before 1893) has no RFC 822 form: say it in GMT.
  if (!local) return date.toUTCString();
  const [, year, month, day, time, sign, hours, minutes] = local;
  const weekday = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay();
  return `${DAYS[weekday]}, ${day} ${MONTHS[Number(month) - 1]} ${year} ${time} ${sign}${hours}${minutes}`;
}

// ---------------------------------------------------------------------------
// Documents. Each is a pure function of its input, so that the same stories
// always give the same bytes (and the same ETag).

/** Categories of an item: the kicker (the topic line above the headline), then the section. */
const categoriesOf = (item: FeedItem) =>
  [...new Set([item.kicker, item.section.name].filter(Boolean))] as string[];

/**
 * RSS 2.0 with the Media RSS namespace: the teaser image as `<enclosure>`
 * (what most readers show) and as `<media:content>` with `<media:credit>`
 * (what partners reprinting the picture must show). The kicker is a `<category>`;
 * title and description stay the headline and the teaser as the editors wrote them.
 */
export function renderRss(feed: Feed, timeZone: string): string {
  const e = escapeXml;
  const items = feed.items.map((item) => {
    const lines = [
      `<title>${e(item.headline)}</title>`,
      `<link>${e(item.url)}</link>`,
      `<description>${e(item.teaser)}</description>`,
      ...categoriesOf(item).map((c) => `<category>${e(c)}</category>`),
      ...(item.author ? [`<dc:creator>${e(item.author)}</dc:creator>`] : []),
      `<guid isPermaLink="false">${e(item.id)}</guid>`,
      `<pubDate>${rfc822(item.publishedAt, timeZone)}</pubDate>`,
    ];
    const image = item.image;
    if (image) {
      const size =
        image.width && image.height ? ` width="${image.width}" height="${image.height}"` : '';
      lines.push(
        `<enclosure url="${e(image.url)}" length="${image.length}" type="${e(image.type)}"/>`,
        `<media:content url="${e(image.url)}" type="${e(image.type)}" medium="image"` +
          `${image.length ? ` fileSize="${image.length}"` : ''}${size}>`,
        ...(image.alt
          ? [`  <media:description type="plain">${e(image.alt)}</media:description>`]
          : []),
        ...(image.credit ? [`  <media:credit>${e(image.credit)}</media:credit>`] : []),
        `</media:content>`,
      );
    }
    return `<item>\n${lines.map((l) => `  ${l}`).join('\n')}\n</item>`;
  });
  const newest = feed.items[0]?.publishedAt;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${e(feed.title)}</title>`,
    `<link>${e(feed.homePageUrl)}</link>`,
    `<description>${e(feed.description)}</description>`,
    `<language>${PUBLICATION_LANGUAGE}</language>`,
    // The newest story, not the time of the request: the same content gives the same bytes.
    ...(newest ? [`<lastBuildDate>${rfc822(newest, timeZone)}</lastBuildDate>`] : []),
    `<atom:link href="${e(feed.rssUrl)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

/**
 * JSON Feed 1.1. The teaser is `content_text` (an item needs content) and
 * `summary`; the picture is `image`, its credit and alt text in the
 * `_newsdesk` extension, which also carries the kicker and the section.
 */
export function renderJsonFeed(feed: Feed, timeZone: string): string {
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: feed.title,
      home_page_url: feed.homePageUrl,
      feed_url: feed.jsonUrl,
      description: feed.description,
      language: PUBLICATION_LANGUAGE,
      items: feed.items.map((item) => ({
        id: item.id,
        url: item.url,
        title: item.headline,
        content_text: item.teaser,
        summary: item.teaser,
        ...(item.image ? { image: item.image.url } : {}),
        date_published: rfc3339(item.publishedAt, timeZone),
        ...(item.author ? { authors: [{ name: item.author }] } : {}),
        tags: categoriesOf(item),
        _newsdesk: {
          kicker: item.kicker,
          section: item.section,
          credit: item.image ? item.image.credit || null : null,
          alt: item.image ? item.image.alt || null : null,
        },
      })),
    },
    null,
    2,
  )}\n`;
}

/** A Google News sitemap: one `<url>` per story with `<news:news>`. */
export function renderNewsSitemap(items: FeedItem[], timeZone: string): string {
  const e = escapeXml;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...items.map((item) =>
      [
        '<url>',
        `  <loc>${e(item.url)}</loc>`,
        '  <news:news>',
        '    <news:publication>',
        `      <news:name>${e(PUBLICATION_NAME)}</news:name>`,
        `      <news:language>${PUBLICATION_LANGUAGE}</news:language>`,
        '    </news:publication>',
        `    <news:publication_date>${rfc3339(item.publishedAt, timeZone)}</news:publication_date>`,
        `    <news:title>${e(item.headline)}</news:title>`,
        '  </news:news>',
        '</url>',
      ].join('\n'),
    ),
    '</urlset>',
    '',
  ].join('\n');
}
