import { randomUUID } from 'node:crypto';
import { EntityManager, OptimisticLockError } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import {
  Clock,
  ConflictError,
  ForbiddenTransition,
  ValidationFailed,
  formatInZone,
  lacksOffset,
  parseOffsetDateTime,
  trimText,
} from '@newsdesk/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { JobName, Outbox } from '@newsdesk/messaging';
import { PublicationService } from '@newsdesk/publication';
import { REVIEW_TEXT_LIMITS } from './article-input';
import { Article } from './article.entity';
import { decide, type Transition } from './article-state-machine';
import type { ArticleView } from './article-view';
import { EditorialService } from './editorial.service';
import { freezePublicVersion, publicStoryOf, storyRefOf } from './public-version';
import { checkStory } from './publish-checks';
import { StoryStore, subjectOf, type UserActor } from './story-store';

/** How far in the past a publication time may lie and still count as "now" (clock skew, slow clicks). */
const PUBLISH_GRACE_MS = 60_000;

/** The highest home page priority; pinned stories lead by priority, 0 to this. */
export const HOME_PRIORITY_MAX = 100;

/** The most stories one bulk publish request may name. */
export const BULK_PUBLISH_MAX = 500;

/** Publishing an approved story schedules it; a scheduled one is rescheduled. */
const scheduling = (a: Article): Transition =>
  a.status === 'scheduled' ? 'reschedule' : 'schedule';

/** Why a bulk publish could not schedule one of its stories. */
export interface BulkRefusal {
  id: string;
  /** `not_found`, `embargo`, or the state machine's reason (`wrong_state`, `wrong_role`, `own_story`). */
  reason: string;
  message: string;
  /** The refused transition, for the audit log (absent when the story was not found or under embargo). */
  transition?: Transition;
  error?: ForbiddenTransition;
}

function bulkRefusalOf(id: string, name: Transition, error: Error): BulkRefusal {
  if (error instanceof ForbiddenTransition)
    return { id, reason: error.reason, message: error.message, transition: name, error };
  return { id, reason: 'embargo', message: error.message };
}

/** Thrown inside the bulk transaction to roll it back; the caller turns it into a 409. */
class BulkRefused extends Error {
  constructor(
    readonly refused: BulkRefusal[],
    asked: number,
  ) {
    super(`${refused.length} of ${asked} stories cannot be published`);
  }

  asConflict(): ConflictError {
    return new ConflictError(`${this.message}; nothing was scheduled`, {
      refused: this.refused.map(({ id, reason, message }) => ({ id, reason, message })),
    });
  }
}

/**
 * Everything that changes what the public sees: publishing now or at an exact
 * time (scheduling, rescheduling, cancelling, an embargo, a scheduled
 * unpublish), taking a story down, retracting it (kill) and minor corrections.
 */
@Injectable()
export class PublishingService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly store: StoryStore,
    private readonly editorial: EditorialService,
    private readonly publication: PublicationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Publishes an approved story now, or at `at` (ISO-8601 with an offset), and
   * optionally takes it down again at `until`. A scheduled story is rescheduled
   * the same way until its job has started. The queued publication job
   * publishes it when due; an embargo is never broken.
   */
  async publish(
    actor: UserActor,
    id: string,
    body: { at?: unknown; until?: unknown },
  ): Promise<ArticleView> {
    const { at, until } = this.publicationTimes(body);
    // Every publication goes through here: in plain SQL, one statement (see StoryStore.transitionInSql).
    const article = await this.store.transitionInSql(actor, id, scheduling, (a) => {
      const refusal = this.embargoRefusal(a, at);
      if (refusal) throw refusal;
      return {
        changes: { publishAt: at, unpublishAt: until },
        details: { publishAt: at.toISOString(), unpublishAt: until?.toISOString() ?? null },
        // Keyed by the new version: a rescheduled or cancelled story's older job finds another version and does nothing.
        messages: (outbox, version) =>
          outbox.job(JobName.ArticlePublish, { articleId: a.id, version }, { runAt: at }),
      };
    });
    return this.editorial.view(article);
  }

  /**
   * Publishes (or reschedules) many stories at once, at the same time: a wire
   * import, a bulk action in the desk. All or nothing, in one transaction:
   * when any story cannot be scheduled (missing, in another state, not the
   * actor's to publish, under embargo past `at`), nothing is, and the
   * {@link ConflictError} names every such story and why; each refused
   * transition is on the record, as a single one is. One publication job
   * publishes them together (`ReleaseService.handlePublishBatch`).
   */
  async publishMany(
    actor: UserActor,
    ids: readonly string[],
    body: { at?: unknown; until?: unknown },
  ): Promise<ArticleView[]> {
    const { at, until } = this.publicationTimes(body);
    const batchId = randomUUID();
    try {
      return await this.em.fork().transactional(async (em) => {
        const refused: BulkRefusal[] = [];
        const found = await em.getRepository(Article).findManyWithRelations(ids);
        const byId = new Map(found.map((a) => [a.id, a]));
        const moves: { article: Article; name: Transition }[] = [];
        for (const id of ids) {
          const article = byId.get(id);
          if (!article) {
            refused.push({ id, reason: 'not_found', message: `story ${id} not found` });
            continue;
          }
          const name = scheduling(article);
          const decision = decide(subjectOf(article), name, actor);
          const refusal = decision.allowed ? this.embargoRefusal(article, at) : decision.error;
          if (refusal) refused.push(bulkRefusalOf(id, name, refusal));
          else moves.push({ article, name });
        }
        if (refused.length) throw new BulkRefused(refused, ids.length);
        await this.store.applyEach(em, moves, actor, {
          before: (_em, a) => {
            a.publishAt = at;
            a.unpublishAt = until;
          },
          details: {
            publishAt: at.toISOString(),
            unpublishAt: until?.toISOString() ?? null,
            batch: batchId,
          },
        });
        // One job publishes them together; the schedule reconciler counts its stories as queued.
        Outbox.job(
          em,
          JobName.ArticlePublishBatch,
          {
            batchId,
            items: moves.map(({ article: a }) => ({ articleId: a.id, version: a.version })),
          },
          { runAt: at },
        );
        return moves.map(({ article }) => this.editorial.view(article));
      });
    } catch (error) {
      if (error instanceof OptimisticLockError)
        throw new ConflictError('a story changed meanwhile; nothing was scheduled, try again');
      if (!(error instanceof BulkRefused)) throw error;
      for (const r of error.refused)
        if (r.transition && r.error)
          await this.store.auditRefusal(actor, r.id, r.transition, r.error);
      throw error.asConflict();
    }
  }

  /** `at` (now when absent) and `until` from a publish request, checked. */
  private publicationTimes(body: { at?: unknown; until?: unknown }): {
    at: Date;
    until: Date | null;
  } {
    const now = this.clock.now();
    const at = body.at === undefined || body.at === null ? now : this.parseTime('at', body.at, now);
    const until =
      body.until === undefined || body.until === null
        ? null
        : this.parseTime('until', body.until, now);
    if (until && until <= at)
      throw new ValidationFailed([
        { field: 'until', reason: 'must lie after the publication time' },
      ]);
    return { at, until };
  }

  /** An embargo is never broken: publishing before it ends is refused. */
  private embargoRefusal(article: Article, at: Date): ValidationFailed | null {
    if (!article.embargoUntil || at >= article.embargoUntil) return null;
    return new ValidationFailed([
      {
        field: 'at',
        reason: `the story is under embargo until ${formatInZone(article.embargoUntil, this.config.timezone)}`,
      },
    ]);
  }

  /** Takes a story off the schedule; it stays approved. */
  async cancelSchedule(actor: UserActor, id: string): Promise<ArticleView> {
    const article = await this.store.transition(actor, id, 'cancelSchedule', {
      before: (_em, a) => {
        a.publishAt = null;
        a.unpublishAt = null;
      },
    });
    return this.editorial.view(article);
  }

  /** Asks for a published story to be taken down; the publication job does it. */
  async unpublish(actor: UserActor, id: string): Promise<ArticleView> {
    const article = await this.store.transition(actor, id, 'requestUnpublish', {
      after: (em, a) =>
        Outbox.job(em, JobName.ArticleUnpublish, {
          articleId: a.id,
          version: a.version,
          scheduled: false,
        }),
    });
    return this.editorial.view(article);
  }

  /**
   * Retracts a story at once, everywhere, with a reason: the public read model
   * goes in the same transaction and `article.killed` makes every listing drop
   * it. Only an admin can bring it back (reopen).
   */
  async kill(actor: UserActor, id: string, reason: unknown): Promise<ArticleView> {
    const text = typeof reason === 'string' ? trimText(reason) : '';
    if (!text)
      throw new ValidationFailed([
        { field: 'reason', reason: 'is required: say why the story is retracted' },
      ]);
    const article = await this.store.transition(actor, id, 'kill', {
      before: (_em, a) => {
        a.killReason = text;
        a.unpublishAt = null;
      },
      after: (em, a) => this.publication.withdraw(em, storyRefOf(a), 'killed'),
      comment: text,
    });
    return this.editorial.view(article);
  }

  /** Brings an unpublished story back to draft; a killed one only through an admin. */
  async reopen(actor: UserActor, id: string): Promise<ArticleView> {
    const article = await this.store.transition(
      actor,
      id,
      (a) => (a.status === 'killed' ? 'reopenKilled' : 'reopen'),
      {
        before: (_em, a) => {
          a.approvals = [];
          a.killReason = null;
        },
      },
    );
    return this.editorial.view(article);
  }

  /**
   * Places a story on the home page: pinned stories lead, by priority (0–{@link HOME_PRIORITY_MAX}),
   * then the newest. A published story's home listing follows at once.
   */
  async place(actor: UserActor, id: string, input: Record<string, unknown>): Promise<ArticleView> {
    const problems = [];
    if (input.homePinned !== undefined && typeof input.homePinned !== 'boolean')
      problems.push({ field: 'homePinned', reason: 'must be true or false' });
    const priority = input.homePriority;
    if (
      priority !== undefined &&
      (!Number.isInteger(priority) ||
        (priority as number) < 0 ||
        (priority as number) > HOME_PRIORITY_MAX)
    )
      problems.push({
        field: 'homePriority',
        reason: `must be a whole number from 0 to ${HOME_PRIORITY_MAX}`,
      });
    if (input.homePinned === undefined && priority === undefined)
      problems.push({ field: 'homePinned', reason: 'give homePinned and/or homePriority' });
    if (problems.length) throw new ValidationFailed(problems);
    return this.em.fork().transactional(async (em) => {
      const article = await this.store.load(em, id);
      if (typeof input.homePinned === 'boolean') article.homePinned = input.homePinned;
      if (priority !== undefined) article.homePriority = priority as number;
      await em.flush();
      await this.publication.place(em, storyRefOf(article), article);
      this.store.audit(em, article, actor, 'place', article.status, article.status, {
        homePinned: article.homePinned,
        homePriority: article.homePriority,
      });
      return this.editorial.view(article);
    });
  }

  /**
   * Publishes the working copy of a published story as a minor correction,
   * at once, with a public note ("Korrigiert: …"). The publish checks still apply.
   */
  async correct(actor: UserActor, id: string, note: unknown): Promise<ArticleView> {
    const text = typeof note === 'string' ? trimText(note) : '';
    if (!text)
      throw new ValidationFailed([
        { field: 'note', reason: 'is required: the public correction note' },
      ]);
    if (text.length > REVIEW_TEXT_LIMITS.correctionNote)
      throw new ValidationFailed([
        {
          field: 'note',
          reason: `must be at most ${REVIEW_TEXT_LIMITS.correctionNote} characters`,
        },
      ]);
    const article = await this.store.transition(actor, id, 'correct', {
      before: (_em, a) => {
        const failures = checkStory(a);
        if (failures.length)
          throw new ValidationFailed(failures.map((f) => ({ field: f.field, reason: f.message })));
        a.corrections = [...a.corrections, { at: this.clock.now().toISOString(), note: text }];
        freezePublicVersion(a);
      },
      after: (em, a) => this.publication.update(em, publicStoryOf(a, a.publishedSnapshot!)),
      comment: text,
    });
    return this.editorial.view(article);
  }

  private parseTime(field: string, value: unknown, now: Date): Date {
    const when = typeof value === 'string' ? parseOffsetDateTime(value) : null;
    if (!when) {
      const reason =
        typeof value === 'string' && lacksOffset(value)
          ? 'must carry a UTC offset, e.g. 2026-12-01T08:00:00+01:00 (a time without one is ambiguous)'
          : 'must be an ISO-8601 date-time with offset';
      throw new ValidationFailed([{ field, reason }]);
    }
    if (when.getTime() < now.getTime() - PUBLISH_GRACE_MS)
      throw new ValidationFailed([{ field, reason: 'lies in the past' }]);
    return when;
  }
}
