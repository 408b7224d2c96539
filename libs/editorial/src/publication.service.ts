import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, PermanentJobError } from '@newsdesk/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { SYSTEM } from '@newsdesk/identity';
import { Image, toPublicImage } from '@newsdesk/media';
import { EventName, JobName, Outbox, type JobOf } from '@newsdesk/messaging';
import type { Article, ArticleSnapshot } from './article.entity';
import { Article as ArticleEntity } from './article.entity';
import { assertTransition } from './article-state-machine';
import { recordAudit } from './audit';
import type { PublicBodyBlock } from './public-types';
import { listingRefsOf, seriesSlugOf, tagSlugsOf } from './listing-refs';
import { PublishedArticle } from './published-article.entity';
import { publicationDueAt } from './schedule';
import type { PublicArticle } from './public-types';
import type { RevisionContent } from './revision.entity';
import type { Section } from './section.entity';

/**
 * The publication jobs: publish a due story (freeze its snapshot, write the
 * public read model, announce `article.published`) and take one down.
 * Both re-read the story and do nothing when it is no longer in the state the
 * job expects, so a repeated or outdated job is harmless.
 */
/**
 * The sections and teaser listings a change of `article` may touch: where it is
 * now and where its previous public version was (a move, a removed tag).
 */
export function affected(
  article: Article,
  previous: PublishedArticle | null,
): { sectionIds: string[]; listings: string[] } {
  const now = listingRefsOf({
    sectionSlug: article.section.slug,
    series: article.series,
    tags: article.tags,
  });
  const before = previous
    ? listingRefsOf({
        sectionSlug: previous.sectionSlug,
        series: previous.series,
        tags: previous.tags,
      })
    : [];
  return {
    sectionIds: [...new Set([article.section.id, ...(previous ? [previous.sectionId] : [])])],
    listings: [...new Set([...now, ...before])],
  };
}

/** A publication more than this after its time counts as late in the audit log. */
const LATE_AFTER_MS = 2000;

@Injectable()
export class PublicationService {
  private readonly logger = new Logger(PublicationService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Publishes a scheduled story when it is due. Returns `notBefore` when the
   * job came early (clock skew, an embargo), so that the worker delays it.
   * A job for an older version (rescheduled, cancelled) does nothing.
   */
  async handlePublish({
    articleId,
    version,
  }: JobOf<JobName.ArticlePublish>): Promise<{ notBefore?: Date }> {
    return this.em.fork().transactional(async (em) => {
      const article = await this.lockedArticle(em, articleId);
      const now = this.clock.now();
      if (article.status !== 'scheduled' || article.version !== version) {
        this.logger.log(
          `story ${articleId} is ${article.status} v${article.version}; job for v${version} has nothing to do`,
        );
        return {};
      }
      const due = publicationDueAt(article).getTime();
      if (due > now.getTime() + 50) return { notBefore: new Date(due) };

      const previous = await em.findOne(PublishedArticle, { articleId });
      const from = article.status;
      article.status = assertTransition(
        { status: from, authorId: article.author.id },
        'release',
        SYSTEM,
      );
      article.publishedAt = now;
      article.firstPublishedAt ??= now;
      article.publishedRevision = article.revision;
      // The snapshot names the version this very change creates.
      const snapshot = this.snapshot(article, article.version + 1);
      article.publishedSnapshot = snapshot;
      await em.flush();
      await em.upsert(PublishedArticle, await this.readModel(em, article, snapshot), {
        onConflictFields: ['articleId'],
      });
      const lateMs = Math.max(
        0,
        article.publishAt ? now.getTime() - article.publishAt.getTime() : 0,
      );
      recordAudit(em, {
        article,
        actor: SYSTEM,
        action: 'release',
        from,
        to: article.status,
        at: now,
        // Late: its time passed while nothing could publish it (everything down, Redis flushed).
        details: {
          publishAt: article.publishAt?.toISOString(),
          lateMs,
          late: lateMs > LATE_AFTER_MS,
        },
      });
      if (article.unpublishAt) {
        Outbox.job(
          em,
          JobName.ArticleUnpublish,
          { articleId, version: article.version, scheduled: true },
          { runAt: article.unpublishAt },
        );
      }
      Outbox.event(em, EventName.ArticlePublished, {
        articleId,
        slug: article.slug,
        version: article.version,
        ...affected(article, previous),
      });
      return {};
    });
  }

  /**
   * Freezes the working copy of a published story as its new public version (a
   * correction) inside the caller's transaction, and announces `article.updated`.
   */
  async republish(em: EntityManager, article: Article): Promise<void> {
    const previous = await em.findOne(PublishedArticle, { articleId: article.id });
    article.publishedRevision = article.revision;
    article.updateStatus = null;
    const snapshot = this.snapshot(article, article.version + 1);
    article.publishedSnapshot = snapshot;
    await em.flush();
    await em.upsert(PublishedArticle, await this.readModel(em, article, snapshot), {
      onConflictFields: ['articleId'],
    });
    Outbox.event(em, EventName.ArticleUpdated, {
      articleId: article.id,
      slug: article.slug,
      version: article.version,
      ...affected(article, previous),
    });
  }

  async handleUnpublish({
    articleId,
    scheduled,
  }: JobOf<JobName.ArticleUnpublish>): Promise<{ notBefore?: Date }> {
    return this.em.fork().transactional(async (em) => {
      const article = await this.lockedArticle(em, articleId);
      if (article.status !== 'published') {
        this.logger.log(`story ${articleId} is ${article.status}; nothing to unpublish`);
        return {};
      }
      if (scheduled) {
        // The schedule may have been cleared or moved since the job was queued.
        if (!article.unpublishAt) return {};
        if (article.unpublishAt.getTime() > this.clock.now().getTime() + 50)
          return { notBefore: article.unpublishAt };
      }
      const from = article.status;
      article.status = assertTransition(
        { status: from, authorId: article.author.id },
        'unpublish',
        SYSTEM,
      );
      article.unpublishAt = null;
      await em.flush();
      const removed = await em.findOne(PublishedArticle, { articleId });
      if (removed) em.remove(removed);
      recordAudit(em, {
        article,
        actor: SYSTEM,
        action: 'unpublish',
        from,
        to: article.status,
        at: this.clock.now(),
        details: { scheduled },
      });
      Outbox.event(em, EventName.ArticleUnpublished, {
        articleId,
        slug: article.slug,
        version: article.version,
        ...affected(article, removed),
      });
      return {};
    });
  }

  private async lockedArticle(em: EntityManager, articleId: string): Promise<Article> {
    const article = await em.getRepository(ArticleEntity).findForUpdate(articleId);
    if (!article) throw new PermanentJobError(`story ${articleId} does not exist`);
    return article;
  }

  private snapshot(a: Article, version: number): ArticleSnapshot {
    return {
      version,
      kicker: a.kicker,
      headline: a.headline,
      teaser: a.teaser,
      body: structuredClone(a.body),
      format: a.format,
      series: a.series,
      tags: [...a.tags],
      sectionId: a.section.id,
      heroImageId: a.heroImage?.id ?? null,
      authorName: a.author.name,
    };
  }

  /** The public read model row for a frozen snapshot, images resolved to public URLs. */
  async readModel(
    em: EntityManager,
    article: Article,
    snap: ArticleSnapshot,
  ): Promise<PublishedArticle> {
    return em.create(
      PublishedArticle,
      {
        articleId: article.id,
        slug: article.slug,
        sectionId: article.section.id,
        sectionSlug: article.section.slug,
        sectionName: article.section.name,
        kicker: snap.kicker,
        headline: snap.headline,
        teaser: snap.teaser,
        format: snap.format,
        series: snap.series,
        tags: snap.tags,
        authorName: snap.authorName,
        corrections: article.corrections,
        seriesSlug: seriesSlugOf(snap.series),
        tagSlugs: tagSlugsOf(snap.tags),
        homePinned: article.homePinned,
        homePriority: article.homePriority,
        version: snap.version,
        firstPublishedAt: article.firstPublishedAt ?? article.publishedAt!,
        publishedAt: article.publishedAt!,
        ...(await this.imageFields(em, snap)),
      },
      { persist: false },
    );
  }

  /** A revision shown as it would be published (for preview links); nothing is written. */
  async previewOf(
    em: EntityManager,
    article: Article,
    section: Section,
    content: RevisionContent,
  ): Promise<PublicArticle> {
    const snap: ArticleSnapshot = {
      version: article.version,
      ...content,
      authorName: article.author.name,
    };
    const images = await this.imageFields(em, snap);
    const now = (article.publishedAt ?? this.clock.now()).toISOString();
    return {
      id: article.id,
      slug: article.slug,
      url: `/${section.slug}/${article.slug}`,
      kicker: content.kicker,
      headline: content.headline,
      teaser: content.teaser,
      format: content.format,
      publishedAt: now,
      image: images.image,
      section: { slug: section.slug, name: section.name },
      series: content.series,
      tags: content.tags,
      author: article.author.name,
      firstPublishedAt: (article.firstPublishedAt ?? this.clock.now()).toISOString(),
      corrections: article.corrections,
      body: images.body,
    };
  }

  /**
   * Re-reads an image into every published story that shows it (its credit
   * changed, or it was re-rendered). Returns the sections whose listings changed.
   */
  async refreshImage(imageId: string): Promise<string[]> {
    return this.em.fork().transactional(async (em) => {
      const rows = await em.find(PublishedArticle, { imageIds: { $contains: [imageId] } });
      for (const row of rows) {
        const article = await em.findOne(ArticleEntity, { id: row.articleId });
        if (!article?.publishedSnapshot) continue;
        Object.assign(row, await this.imageFields(em, article.publishedSnapshot));
      }
      return [...new Set(rows.map((r) => r.sectionId))];
    });
  }

  /** The image parts of the read model: hero in two presets, body images, and which images appear. */
  private async imageFields(
    em: EntityManager,
    snap: ArticleSnapshot,
  ): Promise<Pick<PublishedArticle, 'image' | 'teaserImage' | 'body' | 'imageIds'>> {
    const imageIds = [
      ...new Set([
        ...(snap.heroImageId ? [snap.heroImageId] : []),
        ...snap.body.flatMap((b) => (b.type === 'image' ? [b.imageId] : [])),
      ]),
    ];
    const images = new Map(
      (await em.find(Image, { id: { $in: imageIds } }, { populate: ['renditions'] })).map((i) => [
        i.id,
        i,
      ]),
    );
    const publicUrl = this.config.s3.publicUrl;
    const hero = snap.heroImageId ? images.get(snap.heroImageId) : undefined;
    const body: PublicBodyBlock[] = snap.body.map((b) =>
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
