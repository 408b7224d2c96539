import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { Clock, PermanentJobError, asOneStatement } from '@newsdesk/common';
import { SYSTEM } from '@newsdesk/identity';
import { JobName, Outbox, OutboxRows, type JobOf } from '@newsdesk/messaging';
import { PublicationService } from '@newsdesk/publication';
import { Article, type ArticleSnapshot } from './article.entity';
import type { ReleasableStory } from './article.repository';
import { assertTransition } from './article-state-machine';
import { nextPublicVersionOf, publicStoryOf, storyRefOf } from './public-version';
import { publicationDueAt } from './schedule';
import { StoryStore, subjectOf, type SqlMove } from './story-store';

/** A publication more than this after its time counts as late in the audit log. */
const LATE_AFTER_MS = 2000;

/** A job this close to its time runs now rather than waiting again (timer granularity). */
const EARLY_TOLERANCE_MS = 50;

/** Whether a story is not due yet at `now` (beyond the tolerance). */
const early = (article: ReleasableStory, now: Date) =>
  publicationDueAt(article).getTime() > now.getTime() + EARLY_TOLERANCE_MS;

/**
 * The publication jobs: release a scheduled story when it is due, and take a
 * published one down (asked for, or its `unpublishAt` came). Both lock and
 * re-read the story and do nothing when it is no longer in the state the job
 * expects, so a repeated or outdated job is harmless. The public version and
 * its events are the {@link PublicationService}'s.
 */
@Injectable()
export class ReleaseService {
  private readonly logger = new Logger(ReleaseService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly store: StoryStore,
    private readonly publication: PublicationService,
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
      const [article] = await em.getRepository(Article).lockForRelease([articleId]);
      if (!article) throw new PermanentJobError(`story ${articleId} does not exist`);
      const now = this.clock.now();
      if (!this.stillScheduled(article, version)) return {};
      if (early(article, now)) return { notBefore: publicationDueAt(article) };
      await this.releaseAll(em, [article], now);
      return {};
    });
  }

  /**
   * Publishes the stories of a bulk publish together: one transaction, the
   * stories locked in order, their transitions in step. Each story is checked
   * as {@link handlePublish} checks it; one that is not due yet (an embargo
   * set since) gets a job of its own. When the batch fails as a whole (a story
   * that cannot be published, say), every story is handed to a job of its
   * own, so that the others go out and the one that fails shows on its own.
   */
  async handlePublishBatch({
    batchId,
    items,
  }: JobOf<JobName.ArticlePublishBatch>): Promise<{ notBefore?: Date }> {
    try {
      return await this.em.fork().transactional(async (em) => {
        const versions = new Map(items.map((i) => [i.articleId, i.version]));
        const locked = await em.getRepository(Article).lockForRelease([...versions.keys()]);
        const now = this.clock.now();
        const due: ReleasableStory[] = [];
        const notYet: ReleasableStory[] = [];
        for (const a of locked)
          if (this.stillScheduled(a, versions.get(a.id)!)) (early(a, now) ? notYet : due).push(a);
        if (notYet.length > 0 && due.length === 0)
          return {
            notBefore: new Date(Math.min(...notYet.map((a) => publicationDueAt(a).getTime()))),
          };
        for (const a of notYet)
          Outbox.job(
            em,
            JobName.ArticlePublish,
            { articleId: a.id, version: a.version },
            { runAt: publicationDueAt(a) },
          );
        await this.releaseAll(em, due, now, { batch: batchId });
        return {};
      });
    } catch (error) {
      this.logger.warn(
        `batch ${batchId} of ${items.length} stories failed (${String(error)}); each goes on in a job of its own`,
      );
      await this.em.fork().transactional((em) => {
        for (const item of items) Outbox.job(em, JobName.ArticlePublish, item);
      });
      return {};
    }
  }

  /** Whether a publication job for `version` still has work: the story is scheduled, at that version. */
  private stillScheduled(article: ReleasableStory, version: number): boolean {
    if (article.status === 'scheduled' && article.version === version) return true;
    this.logger.log(
      `story ${article.id} is ${article.status} v${article.version}; job for v${version} has nothing to do`,
    );
    return false;
  }

  /**
   * Releases due stories, locked by the caller, in step: the transition each,
   * the public versions and their events, the unpublish jobs, the desk's
   * events and the audit rows. The job that every publication runs, so it is
   * written in plain SQL rather than through entities: after the public
   * versions' reads, every write of the release is one statement (see
   * {@link StoryStore.transitionStatements}), the same rows a transition
   * through {@link StoryStore.applyEach} writes. The stories are plain rows
   * (`ArticleRepository.lockForRelease`): nothing for the transaction's
   * flush to look at.
   */
  private async releaseAll(
    em: EntityManager,
    articles: ReleasableStory[],
    now: Date,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    if (articles.length === 0) return;
    const moves = articles.map(
      (
        article,
      ): SqlMove<ReleasableStory> & { content: ArticleSnapshot; firstPublishedAt: Date } => {
        const content = nextPublicVersionOf(article);
        const firstPublishedAt = article.firstPublishedAt ?? now;
        return {
          article,
          name: 'release',
          to: assertTransition(subjectOf(article), 'release', SYSTEM),
          content,
          firstPublishedAt,
          changes: {
            publishedAt: now,
            firstPublishedAt,
            publishedRevision: article.revision,
            publishedSnapshot: content,
          },
          details: this.releaseDetails(article, now, extra),
          messages: (outbox, version) => {
            if (article.unpublishAt)
              outbox.job(
                JobName.ArticleUnpublish,
                { articleId: article.id, version, scheduled: true },
                { runAt: article.unpublishAt },
              );
          },
        };
      },
    );
    const outbox = new OutboxRows();
    const publication = await this.publication.releaseWrites(
      em,
      moves.map(({ article, content, firstPublishedAt }) => ({
        ...publicStoryOf(article, content),
        version: content.version,
        publishedAt: now,
        firstPublishedAt,
      })),
      outbox,
    );
    const { update, audit } = this.store.transitionStatements(em, moves, SYSTEM, outbox);
    const { sql, params } = asOneStatement(
      [update, ...publication, outbox.insert(em), audit],
      'select count(*)::int as released from w0',
    );
    const [{ released }] = await em.execute<{ released: number }[]>(sql, params);
    // The stories are locked: their versions cannot have moved since they were read.
    if (released !== articles.length)
      throw new Error(`released ${released} of ${articles.length} stories; their versions moved`);
  }

  /** What a release's audit row records: when it was due, and how late it went out. */
  private releaseDetails(
    article: ReleasableStory,
    now: Date,
    extra: Record<string, unknown>,
  ): Record<string, unknown> {
    const lateMs = Math.max(0, article.publishAt ? now.getTime() - article.publishAt.getTime() : 0);
    // Late: its time passed while nothing could publish it (everything down, Redis flushed).
    return {
      publishAt: article.publishAt?.toISOString(),
      lateMs,
      late: lateMs > LATE_AFTER_MS,
      ...extra,
    };
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
        if (article.unpublishAt.getTime() > this.clock.now().getTime() + EARLY_TOLERANCE_MS)
          return { notBefore: article.unpublishAt };
      }
      await this.store.apply(em, article, 'unpublish', SYSTEM, {
        before: (_em, a) => {
          a.unpublishAt = null;
        },
        after: (em, a) => this.publication.withdraw(em, storyRefOf(a), 'unpublished'),
        details: { scheduled },
      });
      return {};
    });
  }

  private async lockedArticle(em: EntityManager, articleId: string): Promise<Article> {
    const article = await em.getRepository(Article).findForUpdate(articleId);
    if (!article) throw new PermanentJobError(`story ${articleId} does not exist`);
    return article;
  }
}
