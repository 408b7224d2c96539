import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import {
  Clock,
  ConflictError,
  Forbidden,
  ForbiddenTransition,
  ValidationFailed,
  slugify,
  trimText,
  type FieldProblem,
  isUuid,
} from '@newsdesk/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { User } from '@newsdesk/identity';
import { Image } from '@newsdesk/media';
import { PublicationService } from '@newsdesk/publication';
import { EventName, JobName, Outbox } from '@newsdesk/messaging';
import { nextApproval } from './approval-steps';
import { Article } from './article.entity';
import { parseSearchQuery } from './article.repository';
import { assertEditable } from './article-state-machine';
import { ARTICLE_STATUSES, type ArticleStatus } from './article-status';
import {
  REVIEW_TEXT_LIMITS,
  cleanArticleInput,
  type ArticleInput,
  type CleanArticleInput,
} from './article-input';
import { toArticleView, type ArticleView } from './article-view';
import { toAuditEntryView, type AuditEntryView } from './audit';
import { AuditEntry } from './audit-entry.entity';
import { EditLocksService } from './edit-locks.service';
import { Section } from './section.entity';
import { freezePublicVersion, publicStoryOf } from './public-version';
import { checkStory } from './publish-checks';
import { StoryStore, subjectOf, type UserActor } from './story-store';

/** How many stories one page of the editors' list holds: `limit` is 1 to `max`, `default` when not given. */
export const LIST_LIMITS = { default: 50, max: 200 } as const;

export interface ListQuery {
  status?: string;
  section?: string;
  q?: string;
  /** `me` for the caller's review queue, or a user id. */
  assignee?: string;
  /** `me` for the caller's own stories, or a user id. */
  author?: string;
  limit?: number;
  offset?: number;
}

/**
 * The editors' side of a story: drafts, saves (each a revision), submission,
 * the approval steps and assignment. Every transition goes through the state
 * machine and writes its audit row, and queues its job through the outbox, in
 * one transaction.
 */
@Injectable()
export class EditorialService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly store: StoryStore,
    private readonly locks: EditLocksService,
    private readonly publication: PublicationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
        embargoUntil: clean.embargoUntil ?? null,
      });
      this.store.addRevision(em, article, actor.id);
      await em.flush();
      this.store.audit(em, article, actor, 'create', null, 'draft', { revision: article.revision });
      this.store.announce(em, EventName.StorySaved, article, actor, { revision: article.revision });
      await em.flush();
      await em.populate(article, ['author']);
      return this.view(article);
    });
  }

  /**
   * Saves a story as a new revision. `expectedVersion` is the `If-Match` the
   * editor sent; an older one means someone saved in between, and nothing is
   * written. Someone else's live edit lock refuses the save with 423. Editing a
   * published story changes its working copy; the public version stays until a
   * correction is published.
   */
  async update(
    actor: UserActor,
    id: string,
    expectedVersion: number,
    input: ArticleInput,
  ): Promise<ArticleView> {
    const clean = cleanArticleInput(input, { creating: false });
    return this.withUniqueSlug(async (em) => {
      const article = await this.store.load(em, id);
      if (article.version !== expectedVersion) {
        throw new ConflictError(
          `story ${id} has version ${article.version}, not ${expectedVersion}`,
          {
            currentVersion: article.version,
          },
        );
      }
      assertEditable(subjectOf(article), actor);
      await this.locks.assertMaySave(em, actor, id);
      await this.apply(em, article, clean);
      this.store.addRevision(em, article, actor.id);
      await em.flush();
      this.store.audit(em, article, actor, 'edit', article.status, article.status, {
        fields: Object.keys(clean),
        revision: article.revision,
      });
      this.store.announce(em, EventName.StorySaved, article, actor, { revision: article.revision });
      await em.flush();
      return this.view(article);
    }, id);
  }

  /**
   * Sends a draft to the queued publish checks; a new review round starts. For
   * a published story with pending changes (a substantial update) the checks run
   * at once and the update goes into review while the public version stays live.
   */
  async submit(actor: UserActor, id: string): Promise<ArticleView> {
    const article = await this.store.transition(
      actor,
      id,
      (a) => (a.status === 'published' ? 'submitUpdate' : 'submit'),
      {
        before: (_em, a) => {
          a.approvals = [];
          if (a.status !== 'published') {
            a.failedChecks = null;
            return;
          }
          if (a.publishedRevision === null || a.revision <= a.publishedRevision) {
            throw new ForbiddenTransition(
              'the published story has no pending changes to submit',
              'wrong_state',
            );
          }
          const failures = checkStory(a);
          if (failures.length)
            throw new ValidationFailed(
              failures.map((f) => ({ field: f.field, reason: f.message })),
            );
        },
        after: (em, a) => {
          if (a.status !== 'published')
            Outbox.job(em, JobName.ArticleSubmission, { articleId: a.id, version: a.version });
        },
      },
    );
    return this.view(article);
  }

  /**
   * Approves the story's next approval step (its section names them). The last
   * step makes it `approved`; the author never approves, and nobody approves
   * two steps of one story.
   */
  async approve(actor: UserActor & { name: string }, id: string): Promise<ArticleView> {
    const article = await this.store.transition(
      actor,
      id,
      (a) => {
        // Outside review the plain name: the state machine refuses it with the reason.
        const update = a.status === 'published';
        const inReview = update ? a.updateStatus === 'in_review' : a.status === 'in_review';
        const last = !inReview || a.approvals.length >= a.section.approvalSteps.length - 1;
        if (update) return last ? 'approveUpdate' : 'approveUpdateStep';
        return last ? 'approve' : 'approveStep';
      },
      {
        before: (_em, a) => {
          const { step, last } = nextApproval(a.section.approvalSteps, a.approvals, actor);
          a.approvals = [
            ...a.approvals,
            {
              step: step.key,
              label: step.label,
              userId: actor.id,
              userName: actor.name,
              at: this.clock.now().toISOString(),
            },
          ];
          // The last approval of an update publishes it: the new version goes live, listings follow.
          if (a.status === 'published' && last) freezePublicVersion(a);
        },
        after: (em, a) =>
          a.status === 'published' && a.updateStatus === null
            ? this.publication.update(em, publicStoryOf(a, a.publishedSnapshot!))
            : undefined,
      },
    );
    return this.view(article);
  }

  async requestChanges(actor: UserActor, id: string, comment: unknown): Promise<ArticleView> {
    const text = typeof comment === 'string' ? trimText(comment) : '';
    if (!text)
      throw new ValidationFailed([{ field: 'comment', reason: 'is required: say what to change' }]);
    if (text.length > REVIEW_TEXT_LIMITS.comment)
      throw new ValidationFailed([
        { field: 'comment', reason: `must be at most ${REVIEW_TEXT_LIMITS.comment} characters` },
      ]);
    const article = await this.store.transition(
      actor,
      id,
      (a) => (a.status === 'published' ? 'requestUpdateChanges' : 'requestChanges'),
      {
        before: (_em, a) => {
          a.approvals = [];
        },
        comment: text,
      },
    );
    return this.view(article);
  }

  /** Puts a story into a reviewer's queue (or takes it out with `null`). */
  async assign(actor: UserActor, id: string, assigneeId: unknown): Promise<ArticleView> {
    if (assigneeId !== null && (typeof assigneeId !== 'string' || !isUuid(assigneeId))) {
      throw new ValidationFailed([{ field: 'assigneeId', reason: 'must be a user id or null' }]);
    }
    return this.em.fork().transactional(async (em) => {
      const article = await this.store.load(em, id);
      const isAuthor = article.author.id === actor.id;
      if (!isAuthor && !actor.roles.some((r) => r === 'reviewer' || r === 'admin')) {
        throw new Forbidden('only the author, a reviewer or an admin may assign a story');
      }
      let assignee: User | null = null;
      if (assigneeId) {
        assignee = await em.findOne(User, { id: assigneeId });
        if (!assignee)
          throw new ValidationFailed([{ field: 'assigneeId', reason: 'no such user' }]);
        if (!assignee.active)
          throw new ValidationFailed([{ field: 'assigneeId', reason: 'the user is deactivated' }]);
        if (!assignee.roles.some((r) => r === 'reviewer' || r === 'admin')) {
          throw new ValidationFailed([
            { field: 'assigneeId', reason: 'the assignee must be a reviewer' },
          ]);
        }
        if (assignee.id === article.author.id) {
          throw new ValidationFailed([
            { field: 'assigneeId', reason: 'the author cannot review their own story' },
          ]);
        }
      }
      article.assignee = assignee;
      await em.flush();
      this.store.audit(em, article, actor, 'assign', article.status, article.status, {
        assignee: assignee ? { id: assignee.id, name: assignee.name } : null,
      });
      this.store.announce(em, EventName.StoryAssigned, article, actor, {});
      return this.view(article);
    });
  }

  async get(id: string): Promise<ArticleView> {
    return this.view(await this.store.load(this.em.fork(), id));
  }

  async list(
    actor: UserActor,
    query: ListQuery,
  ): Promise<{ items: (ArticleView & { snippet?: string })[]; total: number }> {
    const limit = query.limit ?? LIST_LIMITS.default;
    const offset = query.offset ?? 0;
    const problems: FieldProblem[] = [];
    if (
      query.status !== undefined &&
      !(ARTICLE_STATUSES as readonly string[]).includes(query.status)
    )
      problems.push({ field: 'status', reason: `must be one of ${ARTICLE_STATUSES.join(', ')}` });
    if (!Number.isInteger(limit) || limit < 1 || limit > LIST_LIMITS.max)
      problems.push({ field: 'limit', reason: `must be 1 to ${LIST_LIMITS.max}` });
    if (!Number.isInteger(offset) || offset < 0)
      problems.push({ field: 'offset', reason: 'must be 0 or more' });
    const search = query.q === undefined ? undefined : parseSearchQuery(query.q);
    if (search && 'problem' in search) problems.push(search.problem);
    const assigneeId = query.assignee === 'me' ? actor.id : query.assignee;
    if (assigneeId !== undefined && !isUuid(assigneeId))
      problems.push({ field: 'assignee', reason: 'must be "me" or a user id' });
    const authorId = query.author === 'me' ? actor.id : query.author;
    if (authorId !== undefined && !isUuid(authorId))
      problems.push({ field: 'author', reason: 'must be "me" or a user id' });
    if (problems.length) throw new ValidationFailed(problems);
    const { items, total } = await this.em
      .fork()
      .getRepository(Article)
      .search({
        status: query.status as ArticleStatus | undefined,
        sectionSlug: query.section,
        q: search && 'q' in search ? search.q : undefined,
        assigneeId,
        authorId,
        limit,
        offset,
      });
    return {
      items: items.map(({ article, snippet }) =>
        snippet === null ? this.view(article) : { ...this.view(article), snippet },
      ),
      total,
    };
  }

  /** Every audit row of a story, oldest first: transitions, refused ones, saves, comments. */
  async history(id: string): Promise<AuditEntryView[]> {
    const em = this.em.fork();
    await this.store.load(em, id);
    const entries = await em.find(AuditEntry, { articleId: id }, { orderBy: { id: 'asc' } });
    return entries.map(toAuditEntryView);
  }

  async sections(): Promise<Section[]> {
    return this.em.fork().find(Section, {}, { orderBy: { name: 'asc' } });
  }

  view(article: Article): ArticleView {
    return toArticleView(article, this.config.timezone);
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
    if (clean.embargoUntil !== undefined) article.embargoUntil = clean.embargoUntil;
    if (clean.section !== undefined && clean.section !== article.section.slug)
      article.section = await this.sectionBySlug(em, clean.section);
    if (clean.heroImageId !== undefined)
      article.heroImage = clean.heroImageId ? await this.imageById(em, clean.heroImageId) : null;
  }

  /** The section a story is created in or moved to; an archived one takes no new stories. */
  private async sectionBySlug(em: EntityManager, slug: string): Promise<Section> {
    const section = await em.findOne(Section, { slug });
    if (!section)
      throw new ValidationFailed([{ field: 'section', reason: `unknown section "${slug}"` }]);
    if (section.archivedAt)
      throw new ValidationFailed([
        { field: 'section', reason: `the section "${slug}" is archived and takes no new stories` },
      ]);
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
  private async withUniqueSlug<T>(
    work: (em: EntityManager) => Promise<T>,
    articleId?: string,
  ): Promise<T> {
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
        throw await this.store.asConflict(error, articleId);
      }
    }
  }
}
