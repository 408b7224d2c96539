import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { PreviewService } from '@newsdesk/editorial';
import { storyPath, type PublicArticle } from '@newsdesk/publication';
import { PUBLICATION_NAME } from '../feeds.service';
import { ListingService } from '../listing.service';
import { PublicArticlesService } from '../public-articles.service';
import { storyKeys, teaserKeys } from '../surrogate-keys';
import { jsonForScript, newsArticleJsonLd } from './json-ld';
import { renderErrorPage, renderStoryPage, type MoreItem } from './story-page';

/** Where the site serves story pages: `/site/<section>/<slug>`. */
export const SITE_PREFIX = '/site';
export const sitePath = (sectionSlug: string, slug: string) =>
  `${SITE_PREFIX}${storyPath(sectionSlug, slug)}`;
/** The surrogate key every page of the site carries, to purge the whole site at once. */
export const SITE_KEY = 'site';
/** Teasers in the box "Weitere Meldungen und Beiträge aus dem Bereich: …". */
export const MORE_LIMIT = 5;

/** A story page, or where the story is now when it was asked for under another section. */
export type StoryPageResult =
  | { kind: 'page'; html: string; surrogateKeys: string[] }
  | { kind: 'moved'; location: string; surrogateKeys: string[] };

const READER_ERRORS: Record<number, { title: string; message: string }> = {
  400: { title: 'Ungültige Adresse', message: 'Diese Adresse führt zu keinem Beitrag.' },
  401: {
    title: 'Vorschau-Link ungültig',
    message:
      'Dieser Vorschau-Link ist unvollständig oder verändert. Bitte fragen Sie nach einem neuen.',
  },
  404: {
    title: 'Seite nicht gefunden',
    message: 'Diesen Beitrag gibt es nicht oder nicht mehr.',
  },
  410: {
    title: 'Vorschau-Link abgelaufen',
    message:
      'Dieser Vorschau-Link gilt nicht mehr: Er ist abgelaufen, oder der Beitrag wurde zurückgezogen. Bitte fragen Sie nach einem neuen.',
  },
};
const SERVER_ERROR = {
  title: 'Ein Fehler ist aufgetreten',
  message: 'Die Seite kann gerade nicht angezeigt werden. Bitte versuchen Sie es später erneut.',
};

/** The German page for a reader's failed request (the API's clients get the JSON error). */
export const readerErrorPage = (status: number): string =>
  renderErrorPage(READER_ERRORS[status] ?? SERVER_ERROR, PUBLICATION_NAME);

/**
 * The public story page, server-rendered from what `/public/articles/:slug`
 * serves and the section's teaser listing (no queries of its own): the story
 * with its hero picture, body and corrections, the box of the section's newest
 * other stories, schema.org `NewsArticle` data and the canonical link. The
 * same page renders a preview link's revision.
 */
@Injectable()
export class StoryPageService {
  constructor(
    private readonly articles: PublicArticlesService,
    private readonly listings: ListingService,
    private readonly previews: PreviewService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The absolute public address of a story's page. */
  canonicalUrl(sectionSlug: string, slug: string): string {
    return `${this.config.publicBaseUrl}${sitePath(sectionSlug, slug)}`;
  }

  /** The page of a published story; {@link NotFound} while it is not public. */
  async story(sectionSlug: string, slug: string): Promise<StoryPageResult> {
    const story = await this.articles.bySlug(slug);
    if (story.section.slug !== sectionSlug) {
      return {
        kind: 'moved',
        location: this.canonicalUrl(story.section.slug, story.slug),
        surrogateKeys: [SITE_KEY, `story:${story.id}`],
      };
    }
    const more = await this.more(story);
    return {
      kind: 'page',
      html: this.render(story, more),
      surrogateKeys: [SITE_KEY, ...storyKeys(story), ...teaserKeys(more.map((m) => m.teaser))],
    };
  }

  /** A preview link's revision on the same page, with a banner; 401/410 as the link's rules say. */
  async preview(token: string): Promise<string> {
    const { preview, ...story } = await this.previews.open(token);
    return this.render(story, await this.more(story), preview);
  }

  private async more(story: PublicArticle): Promise<MoreItem[]> {
    const section = story.section.slug;
    const page = await this.listings.page(
      { kind: 'section', slug: section },
      { limit: MORE_LIMIT, exclude: story.slug },
    );
    return page.items.map((teaser) => ({ teaser, href: sitePath(section, teaser.slug) }));
  }

  private render(
    story: PublicArticle,
    more: MoreItem[],
    preview?: { revision: number; expiresAt: string },
  ): string {
    const canonicalUrl = this.canonicalUrl(story.section.slug, story.slug);
    const timeZone = this.config.timezone;
    return renderStoryPage({
      story,
      canonicalUrl,
      more,
      preview,
      timeZone,
      publisherName: PUBLICATION_NAME,
      jsonLd: jsonForScript(
        newsArticleJsonLd(story, { canonicalUrl, publisherName: PUBLICATION_NAME, timeZone }),
      ),
    });
  }
}
