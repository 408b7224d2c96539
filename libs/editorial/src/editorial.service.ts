import {
  EntityManager,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  Clock,
  ConflictError,
  Forbidden,
  NotFound,
  ValidationFailed,
  slugify,
  trimText,
} from '@newsdesk/common';
import { User, type Actor } from '@newsdesk/identity';
import { Image } from '@newsdesk/media';
import { JobName, Outbox } from '@newsdesk/messaging';
import { Article } from './article.entity';
import { assertEditable, assertTransition, type Transition } from './article-state-machine';
import type { ArticleStatus } from './article-status';
import { cleanArticleInput, type ArticleInput, type CleanArticleInput } from './article-input';
import { toArticleView, type ArticleView } from './article-view';
import { AuditEntry } from './audit-entry.entity';
import { recordAudit } from './audit';
import { Section } from './section.entity';

type UserActor = Extract<Actor, { kind: 'user' }>;

export interface ListQuery {
  status?: string;
  section?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

/** How far in the past a publication time may lie and still count as "now" (clock skew, slow clicks). */
const PUBLISH_GRACE_MS = 60_000;
const OFFSET_RE = /(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The editors' side of a story: drafts, submission, review and the requests
 * to publish or unpublish. Every transition goes through the state machine
 * and writes its audit row, and queues its job through the outbox, in one
 * transaction.
 */
@Injectable()
export class EditorialService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  async create(actor: UserActor, input: ArticleInput): Promise<ArticleView> {
    if (!actor.roles.some((r) => r === 'editor' || r === 'admin')) {
      throw new Forbidden('only editors create stories');
    }
    const clean = cleanArticleInput(input, { creating: true });
    return this.withUniqueSlug(async (em) => {
      const article = em.create(Article, {
        headline: clean.headline!,
        slug: await this.freeSlug(em, clean.headline!),
        section: await this.sectionBySlug(em, clean.section!),
        author: em.getReference(User, actor.id),
        kicker: clean.kicker ?? '',
        teaser: clean.teaser ?? '',
        body: clean.body ?? [],
        format: clean.format ?? 'news',
        series: clean.series ?? null,
        tags: clean.tags ?? [],
        heroImage: clean.heroImageId ? await this.imageById(em, clean.heroImageId) : null,
      });
      await em.flush();
      this.audit(em, article, actor, 'create', null, 'draft');
      await em.flush();
      await em.populate(article, ['author']);
      return toArticleView(article);
    });
  }

  /**
   * Changes a draft. `expectedVersion` is the `If-Match` the editor sent; an
   * older one means someone else saved in between, and nothing is written.
   */
  async update(
    actor: UserActor,
    id: string,
    expectedVersion: number,
    input: ArticleInput,
  ): Promise<ArticleView> {
    const clean = cleanArticleInput(input, { creating: false });
    return this.withUniqueSlug(async (em) => {
      const article = await this.load(em, id);
      if (article.version !== expectedVersion) {
        throw new ConflictError(
          `story ${id} has version ${article.version}, not ${expectedVersion}`,
          {
            currentVersion: article.version,
          },
        );
      }
      assertEditable({ status: article.status, authorId: article.author.id }, actor);
      await this.apply(em, article, clean);
      await em.flush();
      this.audit(em, article, actor, 'edit', article.status, article.status, {
        fields: Object.keys(clean),
      });
      await em.flush();
      return toArticleView(article);
    });
  }

  /** Sends a draft to the queued publish checks. */
  submit(actor: UserActor, id: string): Promise<ArticleView> {
    return this.transition(actor, id, 'submit', {
      before: (article) => {
        article.failedChecks = null;
      },
      after: (em, article) =>
        Outbox.job(
          em,
          JobName.ArticleSubmission,
          { articleId: article.id, version: article.version },
          {
            dedupeKey: [article.id, article.version],
          },
        ),
    });
  }

  approve(actor: UserActor, id: string): Promise<ArticleView> {
    return this.transition(actor, id, 'approve');
  }

  requestChanges(actor: UserActor, id: string, comment: unknown): Promise<ArticleView> {
    const text = typeof comment === 'string' ? trimText(comment) : '';
    if (!text)
      throw new ValidationFailed([{ field: 'comment', reason: 'is required: say what to change' }]);
    if (text.length > 5000)
      throw new ValidationFailed([{ field: 'comment', reason: 'must be at most 5000 characters' }]);
    return this.transition(actor, id, 'requestChanges', { comment: text });
  }

  /**
   * Publishes an approved story now, or at `at` (ISO-8601 with an offset). The
   * story becomes `scheduled`; the queued publication job publishes it when due.
   */
  publish(actor: UserActor, id: string, at?: unknown): Promise<ArticleView> {
    const now = this.clock.now();
    const when = at === undefined || at === null ? now : this.parsePublishTime(at, now);
    return this.transition(actor, id, 'schedule', {
      before: (article) => {
        article.publishAt = when;
      },
      after: (em, article) =>
        Outbox.job(
          em,
          JobName.ArticlePublish,
          { articleId: article.id, version: article.version },
          {
            dedupeKey: [article.id, article.version],
            runAt: when,
          },
        ),
    });
  }

  /** Asks for a published story to be taken down; the publication job does it. */
  async unpublish(actor: UserActor, id: string): Promise<ArticleView> {
    return this.em.fork().transactional(async (em) => {
      const article = await this.load(em, id);
      assertTransition({ status: article.status, authorId: article.author.id }, 'unpublish', actor);
      Outbox.job(
        em,
        JobName.ArticleUnpublish,
        { articleId: article.id, version: article.version },
        {
          dedupeKey: [article.id, article.version, 'unpublish'],
        },
      );
      return toArticleView(article);
    });
  }

  async get(id: string): Promise<ArticleView> {
    return toArticleView(await this.load(this.em.fork(), id));
  }

  async list(query: ListQuery): Promise<{ items: ArticleView[]; total: number }> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const problems = [];
    if (
      query.status !== undefined &&
      ![
        'draft',
        'submitted',
        'in_review',
        'changes_requested',
        'approved',
        'scheduled',
        'published',
        'unpublished',
      ].includes(query.status)
    )
      problems.push({ field: 'status', reason: 'unknown status' });
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      problems.push({ field: 'limit', reason: 'must be 1 to 200' });
    if (!Number.isInteger(offset) || offset < 0)
      problems.push({ field: 'offset', reason: 'must be 0 or more' });
    if (query.q !== undefined && query.q.length > 200)
      problems.push({ field: 'q', reason: 'must be at most 200 characters' });
    if (problems.length) throw new ValidationFailed(problems);
    const [items, total] = await this.em
      .fork()
      .getRepository(Article)
      .search({
        status: query.status as ArticleStatus | undefined,
        sectionSlug: query.section,
        q: query.q ? trimText(query.q) : undefined,
        limit,
        offset,
      });
    return { items: items.map(toArticleView), total };
  }

  async history(id: string): Promise<AuditEntry[]> {
    const em = this.em.fork();
    await this.load(em, id);
    return em.find(AuditEntry, { articleId: id }, { orderBy: { id: 'asc' } });
  }

  async sections(): Promise<Section[]> {
    return this.em.fork().find(Section, {}, { orderBy: { name: 'asc' } });
  }

  private async transition(
    actor: UserActor,
    id: string,
    name: Transition,
    steps: {
      /** Changes that belong to the transition itself. */
      before?: (article: Article) => void;
      /** What follows once the new version is known (jobs keyed by it). */
      after?: (em: EntityManager, article: Article) => void;
      comment?: string;
    } = {},
  ): Promise<ArticleView> {
    try {
      return await this.em.fork().transactional(async (em) => {
        const article = await this.load(em, id);
        const from = article.status;
        article.status = assertTransition(
          { status: from, authorId: article.author.id },
          name,
          actor,
        );
        steps.before?.(article);
        await em.flush();
        steps.after?.(em, article);
        this.audit(em, article, actor, name, from, article.status, {}, steps.comment);
        await em.flush();
        return toArticleView(article);
      });
    } catch (error) {
      if (error instanceof OptimisticLockError)
        throw new ConflictError(`story ${id} changed meanwhile; try again`);
      throw error;
    }
  }

  private async apply(
    em: EntityManager,
    article: Article,
    clean: CleanArticleInput,
  ): Promise<void> {
    if (clean.headline !== undefined && clean.headline !== article.headline) {
      article.headline = clean.headline;
      // The slug follows the headline until the story has been public once.
      if (!article.firstPublishedAt)
        article.slug = await this.freeSlug(em, clean.headline, article.slug);
    }
    if (clean.kicker !== undefined) article.kicker = clean.kicker;
    if (clean.teaser !== undefined) article.teaser = clean.teaser;
    if (clean.body !== undefined) article.body = clean.body;
    if (clean.format !== undefined) article.format = clean.format;
    if (clean.series !== undefined) article.series = clean.series;
    if (clean.tags !== undefined) article.tags = clean.tags;
    if (clean.section !== undefined) article.section = await this.sectionBySlug(em, clean.section);
    if (clean.heroImageId !== undefined)
      article.heroImage = clean.heroImageId ? await this.imageById(em, clean.heroImageId) : null;
  }

  private audit(
    em: EntityManager,
    article: Article,
    actor: Actor,
    action: string,
    from: ArticleStatus | null,
    to: ArticleStatus | null,
    details: Record<string, unknown> = {},
    comment?: string,
  ): void {
    recordAudit(em, { article, actor, action, from, to, details, comment, at: this.clock.now() });
  }

  private async load(em: EntityManager, id: string): Promise<Article> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFound('story', id);
    const article = await em.getRepository(Article).findWithRelations(id);
    if (!article) throw new NotFound('story', id);
    return article;
  }

  private async sectionBySlug(em: EntityManager, slug: string): Promise<Section> {
    const section = await em.findOne(Section, { slug });
    if (!section)
      throw new ValidationFailed([{ field: 'section', reason: `unknown section "${slug}"` }]);
    return section;
  }

  private async imageById(em: EntityManager, id: string): Promise<Image> {
    const image = await em.findOne(Image, { id });
    if (!image)
      throw new ValidationFailed([{ field: 'heroImageId', reason: `unknown image ${id}` }]);
    return image;
  }

  private async freeSlug(em: EntityManager, headline: string, current?: string): Promise<string> {
    const base = slugify(headline);
    if (current === base) return current;
    const taken = await em.getRepository(Article).slugsLike(base);
    if (current) taken.delete(current);
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  /** Two editors may pick the same free slug at once; the unique index catches it and we pick again. */
  private async withUniqueSlug<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.em.fork().transactional(work);
      } catch (error) {
        if (
          error instanceof UniqueConstraintViolationException &&
          /slug/.test(error.message) &&
          attempt < 3
        )
          continue;
        if (error instanceof OptimisticLockError)
          throw new ConflictError('the story changed meanwhile; reload it');
        throw error;
      }
    }
  }

  private parsePublishTime(at: unknown, now: Date): Date {
    if (typeof at !== 'string' || !ISO_RE.test(at.trim())) {
      const reason =
        typeof at === 'string' && !OFFSET_RE.test(at.trim())
          ? 'must carry a UTC offset, e.g. 2026-12-01T08:00:00+01:00'
          : 'must be an ISO-8601 date-time with offset';
      throw new ValidationFailed([{ field: 'at', reason }]);
    }
    const when = new Date(at.trim());
    if (Number.isNaN(when.getTime()))
      throw new ValidationFailed([{ field: 'at', reason: 'is not a real date-time' }]);
    if (when.getTime() < now.getTime() - PUBLISH_GRACE_MS)
      throw new ValidationFailed([{ field: 'at', reason: 'lies in the past' }]);
    return when;
  }
}
