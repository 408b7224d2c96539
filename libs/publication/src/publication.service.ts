import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { Image, toPublicImage } from '@newsdesk/media';
import {
  asOneStatement,
  insertEntities,
  placeholders,
  storedProperties,
  upsertEntities,
  type SqlStatement,
} from '@newsdesk/common';
import { EventName, Outbox, OutboxRows, type EventPayloads } from '@newsdesk/messaging';
import { listingRefsOf, seriesSlugOf, tagSlugsOf } from './listing-refs';
import type { HomePlacement, PublicContent, PublicStory, StoryRef } from './public-story';
import type { PublicArticle, PublicBodyBlock } from './public-types';
import { PublicationEvent } from './publication-event.entity';
import { PublishedArticle } from './published-article.entity';
import { toPublicArticle } from './teaser';

type ArticleEvent =
  | EventName.ArticlePublished
  | EventName.ArticleUpdated
  | EventName.ArticleUnpublished
  | EventName.ArticleKilled;

/** Where a public version is listed: what its replacement or removal must rebuild. */
type ListedAs = Pick<PublishedArticle, 'sectionId' | 'sectionSlug' | 'series' | 'tags'>;

const listedAs = (row: PublishedArticle): ListedAs => ({
  sectionId: row.sectionId,
  sectionSlug: row.sectionSlug,
  series: row.series,
  tags: [...row.tags],
});

/** How a story stops being public: taken down (it may come back) or retracted. */
export type Withdrawal = 'unpublished' | 'killed';

const WITHDRAWAL_EVENTS = {
  unpublished: EventName.ArticleUnpublished,
  killed: EventName.ArticleKilled,
} as const;

/**
 * The one owner of a story's public version: the only writer of
 * `published_articles` and the only emitter of `article.*` events. Every
 * method runs inside the caller's transaction, so the story's own change, the
 * public version and the event that announces it commit together (outbox).
 * Each event names the sections and teaser listings that may have changed,
 * before and after, so that consumers rebuild exactly those.
 */
@Injectable()
export class PublicationService {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The story goes public (first publication, or again after a take-down): `article.published`. */
  async release(em: EntityManager, story: PublicStory): Promise<void> {
    await this.releaseMany(em, [story]);
  }

  /** {@link release} for many stories at once (a bulk publish): two statements in all, not two per story. */
  async releaseMany(em: EntityManager, stories: readonly PublicStory[]): Promise<void> {
    const outbox = new OutboxRows();
    const writes = await this.releaseWrites(em, stories, outbox);
    const { sql, params } = asOneStatement([...writes, outbox.insert(em)], 'select 1');
    await em.execute(sql, params);
  }

  /**
   * {@link releaseMany} as statements for the caller to run with its own
   * writes in one statement (the publication job): reads where the versions
   * it replaces were listed (and the stories' images) now, and returns the
   * upsert of the public versions and the stories' event log; the
   * `article.published` events go into `outbox`, in the order of `stories`.
   */
  async releaseWrites(
    em: EntityManager,
    stories: readonly PublicStory[],
    outbox: OutboxRows,
  ): Promise<SqlStatement[]> {
    if (stories.length === 0) return [];
    const ids = stories.map((s) => s.articleId);
    const previous = await em.execute<
      {
        article_id: string;
        section_id: string;
        section_slug: string;
        series: string | null;
        tags: string[];
      }[]
    >(
      `select article_id, section_id, section_slug, series, tags from published_articles
        where article_id in (${placeholders(ids)})`,
      ids,
    );
    const before = new Map(
      previous.map((row) => [
        row.article_id,
        {
          sectionId: row.section_id,
          sectionSlug: row.section_slug,
          series: row.series,
          tags: row.tags,
        },
      ]),
    );
    // Every column of a public version but the search vector, which Postgres keeps.
    const stored = storedProperties(em, PublishedArticle);
    const versions: Partial<PublishedArticle>[] = [];
    const events: Omit<PublicationEvent, 'seq'>[] = [];
    for (const story of stories) {
      const version = await this.versionOf(em, story);
      versions.push(Object.fromEntries(stored.map((property) => [property, version[property]])));
      const payload = this.payloadOf(story, before.get(story.articleId) ?? null);
      const entry = outbox.event(EventName.ArticlePublished, payload);
      events.push(
        eventEntryOf(entry.messageId, EventName.ArticlePublished, payload, entry.createdAt),
      );
    }
    return [
      upsertEntities(em, PublishedArticle, versions, 'articleId'),
      insertEntities(em, PublicationEvent, events),
    ];
  }

  /** A new public version of a live story (a correction, an approved update): `article.updated`. */
  async update(em: EntityManager, story: PublicStory): Promise<void> {
    const previous = await this.write(em, [story]);
    this.announce(em, EventName.ArticleUpdated, story, previous.get(story.articleId) ?? null);
  }

  /** Removes the public version: `article.unpublished` or `article.killed`. */
  async withdraw(em: EntityManager, story: StoryRef, how: Withdrawal): Promise<void> {
    const removed = await em.findOne(PublishedArticle, { articleId: story.articleId });
    if (removed) em.remove(removed);
    this.announce(em, WITHDRAWAL_EVENTS[how], story, removed);
  }

  /**
   * Places a story on the home page. A live story's public version follows at
   * once (`article.updated` for the home listing); returns whether it is live.
   */
  async place(em: EntityManager, story: StoryRef, placement: HomePlacement): Promise<boolean> {
    const row = await em.findOne(PublishedArticle, { articleId: story.articleId });
    if (!row) return false;
    row.homePinned = placement.homePinned;
    row.homePriority = placement.homePriority;
    this.emit(em, EventName.ArticleUpdated, {
      articleId: story.articleId,
      slug: story.slug,
      version: story.version,
      sectionIds: [row.sectionId],
      listings: ['home'],
    });
    return true;
  }

  /** A renamed section: every public version in it shows the new name; `section.renamed`. */
  async renameSection(
    em: EntityManager,
    section: { id: string; slug: string; name: string },
  ): Promise<void> {
    await em.nativeUpdate(
      PublishedArticle,
      { sectionId: section.id },
      { sectionName: section.name },
    );
    Outbox.event(em, EventName.SectionRenamed, {
      sectionId: section.id,
      slug: section.slug,
      name: section.name,
    });
  }

  /**
   * Resolves an image again in every public version that shows it (its credit
   * changed, or it was re-rendered). Returns the sections whose listings changed.
   */
  async refreshImage(imageId: string): Promise<string[]> {
    return this.em.fork().transactional(async (em) => {
      const rows = await em.find(
        PublishedArticle,
        { imageIds: { $contains: [imageId] } },
        { populate: ['content'] },
      );
      for (const row of rows) {
        if (row.content) Object.assign(row, await this.imageFields(em, row.content));
      }
      return [...new Set(rows.map((r) => r.sectionId))];
    });
  }

  /** What the story would look like published (a preview link); nothing is written. */
  async preview(em: EntityManager, story: PublicStory): Promise<PublicArticle> {
    return toPublicArticle(await this.versionOf(em, story));
  }

  /** Writes the public versions; returns where the ones they replaced were listed, by story. */
  private async write(
    em: EntityManager,
    stories: readonly PublicStory[],
  ): Promise<Map<string, ListedAs>> {
    if (stories.length === 0) return new Map();
    const previous = await em.find(PublishedArticle, {
      articleId: { $in: stories.map((s) => s.articleId) },
    });
    // Read before the upsert overwrites the managed rows.
    const before = new Map(previous.map((row) => [row.articleId, listedAs(row)]));
    const versions: PublishedArticle[] = [];
    for (const story of stories) versions.push(await this.versionOf(em, story));
    await em.upsertMany(PublishedArticle, versions, { onConflictFields: ['articleId'] });
    return before;
  }

  private announce(
    em: EntityManager,
    name: ArticleEvent,
    story: StoryRef,
    previous: ListedAs | null,
  ): void {
    this.emit(em, name, this.payloadOf(story, previous));
  }

  /** An `article.*` event's payload: the story, and the sections and listings before and after. */
  private payloadOf(story: StoryRef, previous: ListedAs | null): EventPayloads[ArticleEvent] {
    const now = listingRefsOf({
      sectionSlug: story.section.slug,
      series: story.series,
      tags: story.tags,
    });
    const before = previous ? listingRefsOf(previous) : [];
    return {
      articleId: story.articleId,
      slug: story.slug,
      version: story.version,
      sectionIds: [...new Set([story.section.id, ...(previous ? [previous.sectionId] : [])])],
      listings: [...new Set([...now, ...before])],
    };
  }

  /** Writes an `article.*` event to the outbox and to the story's log of public events (its delivery receipt starts there). */
  private emit(em: EntityManager, name: ArticleEvent, payload: EventPayloads[ArticleEvent]): void {
    const entry = Outbox.event(em, name, payload);
    em.create(PublicationEvent, eventEntryOf(entry.messageId, name, payload, entry.createdAt));
  }

  /** The public version of a story, images resolved to public URLs (not persisted). */
  private async versionOf(em: EntityManager, story: PublicStory): Promise<PublishedArticle> {
    const { content } = story;
    return em.create(
      PublishedArticle,
      {
        articleId: story.articleId,
        slug: story.slug,
        sectionId: story.section.id,
        sectionSlug: story.section.slug,
        sectionName: story.section.name,
        kicker: content.kicker,
        headline: content.headline,
        teaser: content.teaser,
        format: content.format,
        series: content.series,
        tags: content.tags,
        authorName: content.authorName,
        corrections: story.corrections,
        seriesSlug: seriesSlugOf(content.series),
        tagSlugs: tagSlugsOf(content.tags),
        homePinned: story.homePinned,
        homePriority: story.homePriority,
        version: content.version,
        firstPublishedAt: story.firstPublishedAt,
        publishedAt: story.publishedAt,
        content,
        ...(await this.imageFields(em, content)),
      },
      { persist: false },
    );
  }

  /** The image parts of a public version: hero in two presets, body images, and which images appear. */
  private async imageFields(
    em: EntityManager,
    content: PublicContent,
  ): Promise<Pick<PublishedArticle, 'image' | 'teaserImage' | 'body' | 'imageIds'>> {
    const imageIds = [
      ...new Set([
        ...(content.heroImageId ? [content.heroImageId] : []),
        ...content.body.flatMap((b) => (b.type === 'image' ? [b.imageId] : [])),
      ]),
    ];
    const found = imageIds.length
      ? await em.find(Image, { id: { $in: imageIds } }, { populate: ['renditions'] })
      : [];
    const images = new Map(found.map((i) => [i.id, i]));
    const publicUrl = this.config.s3.publicUrl;
    const hero = content.heroImageId ? images.get(content.heroImageId) : undefined;
    const body: PublicBodyBlock[] = content.body.map((b) =>
      b.type === 'image'
        ? {
            type: 'image',
            image: toPublicImage(images.get(b.imageId), 'original', publicUrl),
            caption: b.caption,
          }
        : b,
    );
    return {
      image: toPublicImage(hero, 'hero', publicUrl),
      teaserImage: toPublicImage(hero, 'teaser', publicUrl),
      body,
      imageIds,
    };
  }
}

/** A story's log entry of an `article.*` event (its delivery receipt starts there). */
const eventEntryOf = (
  eventId: string,
  name: ArticleEvent,
  payload: EventPayloads[ArticleEvent],
  at: Date,
): Omit<PublicationEvent, 'seq'> => ({
  eventId,
  articleId: payload.articleId,
  event: name,
  version: payload.version,
  listings: payload.listings ?? [],
  occurredAt: at,
});
