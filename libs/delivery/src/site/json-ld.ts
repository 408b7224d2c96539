import { formatInZone } from '@newsdesk/common';
import type { PublicArticle, PublicImage } from '@newsdesk/publication';

/**
 * JSON for inside `<script type="application/ld+json">`: `<`, `>` and `&` as
 * `\u003c` … so that no text of a story (`</script>`, `<!--`) can end the
 * element or open markup; U+2028 and U+2029 escaped for old JavaScript
 * parsers. Still the same JSON to any JSON parser.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** What the structured data needs beyond the story. */
export interface JsonLdContext {
  canonicalUrl: string;
  publisherName: string;
  timeZone: string;
}

function imageObject(image: PublicImage) {
  return {
    '@type': 'ImageObject',
    url: image.src,
    ...(image.width && image.height ? { width: image.width, height: image.height } : {}),
    ...(image.caption ? { caption: image.caption } : {}),
    ...(image.credit ? { creditText: image.credit } : {}),
  };
}

/**
 * schema.org `NewsArticle` for a story: first publication and last change in
 * the newsroom's zone, author, hero picture with its credit, publisher,
 * section, the page it is the main entity of, and each public correction as a
 * `CorrectionComment`.
 */
export function newsArticleJsonLd(story: PublicArticle, context: JsonLdContext) {
  const zoned = (iso: string) => formatInZone(new Date(iso), context.timeZone);
  const changes = [story.publishedAt, ...story.corrections.map((c) => c.at)].sort();
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.headline,
    ...(story.teaser ? { description: story.teaser } : {}),
    inLanguage: 'de',
    url: context.canonicalUrl,
    mainEntityOfPage: { '@type': 'WebPage', '@id': context.canonicalUrl },
    datePublished: zoned(story.firstPublishedAt),
    dateModified: zoned(changes[changes.length - 1]),
    ...(story.author ? { author: [{ '@type': 'Person', name: story.author }] } : {}),
    ...(story.image ? { image: [imageObject(story.image)] } : {}),
    publisher: { '@type': 'Organization', name: context.publisherName },
    articleSection: story.section.name,
    ...(story.tags.length ? { keywords: story.tags } : {}),
    ...(story.corrections.length
      ? {
          correction: story.corrections.map((c) => ({
            '@type': 'CorrectionComment',
            text: c.note,
            datePublished: zoned(c.at),
          })),
        }
      : {}),
  };
}
