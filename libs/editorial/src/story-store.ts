import {
  EntityManager,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  Clock,
  ConflictError,
  ForbiddenTransition,
  NotFound,
  asOneStatement,
  isUuid,
  type SqlStatement,
} from '@newsdesk/common';
import type { Actor } from '@newsdesk/identity';
import {
  EventName,
  Outbox,
  OutboxRows,
  type EventPayloads,
  type StoryFacts,
} from '@newsdesk/messaging';
import { Article } from './article.entity';
import {
  assertTransition,
  type Position,
  type StorySubject,
  type Transition,
} from './article-state-machine';
import type { ArticleStatus } from './article-status';
import { insertAudit, recordAudit } from './audit';
import { Revision, type RevisionContent } from './revision.entity';

export type UserActor = Extract<Actor, { kind: 'user' }>;

/** The events that announce a change of a story to the desk. */
export type StoryEventName =
  EventName.StoryChanged | EventName.StorySaved | EventName.StoryAssigned | EventName.StoryChecked;

/** The parts of a transition around the state change. */
export interface TransitionSteps {
  /** Checks and changes that belong to the transition itself (before the version is bumped). */
  before?: (em: EntityManager, article: Article) => unknown;
  /** What follows once the new version is known (jobs keyed by it, read models, events). */
  after?: (em: EntityManager, article: Article) => unknown;
  /** Like `after`, once for all the stories of {@link StoryStore.applyEach}, before each story's `after`. */
  afterAll?: (em: EntityManager, articles: Article[]) => unknown;
  comment?: string;
  /** What the audit row records beyond the transition; a function for details that differ by story. */
  details?: Record<string, unknown> | ((article: Article) => Record<string, unknown>);
}

/** The story's own values a transition written in plain SQL changes (status and version aside). */
export type StoryChanges = Partial<
  Pick<
    Article,
    | 'publishAt'
    | 'unpublishAt'
    | 'publishedAt'
    | 'firstPublishedAt'
    | 'publishedRevision'
    | 'publishedSnapshot'
  >
>;

/** What the transitions written in plain SQL read of a story: an entity, or a row shaped like one. */
export type StoryState = Pick<Article, 'id' | 'version' | 'status' | 'updateStatus'> & {
  section: { id: string };
  author: { id: string };
  assignee: { id: string } | null;
};

/** One story's transition as {@link StoryStore.transitionStatements} writes it. */
export interface SqlMove<S extends StoryState = StoryState> {
  article: S;
  name: Transition;
  /** Where the state machine takes the story (`assertTransition`). */
  to: Position;
  changes?: StoryChanges;
  /** What the audit row records beyond the transition. */
  details?: Record<string, unknown>;
  comment?: string;
  /** Messages before the desk's event, keyed by the story's new version (`article.version + 1`). */
  messages?: (outbox: OutboxRows, version: number) => void;
}

/** What every `story.*` event says about a story as it is now, and who changed it. */
export function storyFactsOf(article: StoryState, actor: Actor): StoryFacts {
  return {
    articleId: article.id,
    version: article.version,
    status: article.status,
    updateStatus: article.updateStatus,
    sectionId: article.section.id,
    authorId: article.author.id,
    assigneeId: article.assignee?.id ?? null,
    byId: actor.kind === 'user' ? actor.id : null,
  };
}

/** What the state machine decides on: a story's states and its author. */
export function subjectOf(article: StoryState): StorySubject {
  return {
    status: article.status,
    updateStatus: article.updateStatus,
    authorId: article.author.id,
  };
}

/**
 * Loading stories, running transitions and writing revisions: what every
 * editorial service shares. Every status change is a transition: it checks the
 * state machine, changes the story, writes its audit row and runs its
 * follow-ups in one transaction; a refused transition is audited too (in a
 * transaction of its own) and thrown.
 */
@Injectable()
export class StoryStore {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  async load(em: EntityManager, id: string): Promise<Article> {
    if (!isUuid(id)) throw new NotFound('story', id);
    const article = await em.getRepository(Article).findWithRelations(id);
    if (!article) throw new NotFound('story', id);
    return article;
  }

  /**
   * A user's transition in a transaction of its own. `which` may choose the
   * transition from the loaded story (e.g. the last approval step or not).
   */
  async transition(
    actor: UserActor,
    id: string,
    which: Transition | ((article: Article) => Transition),
    steps: TransitionSteps = {},
  ): Promise<Article> {
    return this.inTransaction(actor, id, which, async (em, article, name) => {
      await this.apply(em, article, name, actor, steps);
      return article;
    });
  }

  /**
   * Runs `work` on story `id`, loaded in a transaction of its own, with the
   * transition `which` names. A story changed meanwhile is a 409; a refused
   * transition is audited once the transaction has rolled back.
   */
  private async inTransaction<T>(
    actor: UserActor,
    id: string,
    which: Transition | ((article: Article) => Transition),
    work: (em: EntityManager, article: Article, name: Transition) => Promise<T>,
  ): Promise<T> {
    let attempted: string | null = typeof which === 'string' ? which : null;
    try {
      return await this.em.fork().transactional(async (em) => {
        const article = await this.load(em, id);
        const name: Transition = typeof which === 'string' ? which : which(article);
        attempted = name;
        return work(em, article, name);
      });
    } catch (error) {
      if (error instanceof OptimisticLockError)
        throw new ConflictError(`story ${id} changed meanwhile; try again`);
      if (error instanceof ForbiddenTransition && attempted)
        await this.auditRefusal(actor, id, attempted, error);
      throw error;
    }
  }

  /**
   * Runs transition `name` on a story loaded (and for jobs, locked) in the
   * caller's transaction: the state machine decides, `before` changes the
   * story, the new version is written, then `after` and the audit row.
   */
  async apply(
    em: EntityManager,
    article: Article,
    name: Transition,
    actor: Actor,
    steps: TransitionSteps = {},
  ): Promise<void> {
    await this.applyEach(em, [{ article, name }], actor, steps);
  }

  /**
   * {@link apply} for several stories in the caller's transaction, in step:
   * every story changes, one flush writes the new versions, then every
   * story's `after`, event and audit row, and one flush more. Two flushes in
   * all, not two per story. A refusal throws before anything is written.
   */
  async applyEach(
    em: EntityManager,
    moves: readonly { article: Article; name: Transition }[],
    actor: Actor,
    steps: TransitionSteps = {},
  ): Promise<void> {
    const from = moves.map(({ article, name }) => {
      const status = article.status;
      const to = assertTransition(subjectOf(article), name, actor);
      article.status = to.status;
      article.updateStatus = to.updateStatus;
      return status;
    });
    for (const { article } of moves) await steps.before?.(em, article);
    await em.flush();
    await steps.afterAll?.(
      em,
      moves.map((m) => m.article),
    );
    for (const [i, { article, name }] of moves.entries()) {
      await steps.after?.(em, article);
      this.announce(em, EventName.StoryChanged, article, actor, { transition: name });
      const details = typeof steps.details === 'function' ? steps.details(article) : steps.details;
      this.audit(em, article, actor, name, from[i], article.status, details, steps.comment);
    }
    await em.flush();
  }

  /**
   * {@link transition} for the transitions that change only the story's own
   * values and write messages (publishing): written in plain SQL, in one
   * statement, rather than through entities and two flushes. The same rows
   * as {@link apply} writes; `prepare` checks the loaded story (throwing
   * refuses) and says what changes. The returned story shows the change.
   */
  async transitionInSql(
    actor: UserActor,
    id: string,
    which: Transition | ((article: Article) => Transition),
    prepare: (article: Article) => Omit<SqlMove, 'article' | 'name' | 'to'>,
  ): Promise<Article> {
    const { article, changes } = await this.inTransaction(
      actor,
      id,
      which,
      async (em, article, name) => {
        const to = assertTransition(subjectOf(article), name, actor);
        const move: SqlMove = { article, name, to, ...prepare(article) };
        const outbox = new OutboxRows();
        const { update, audit, updatedAt } = this.transitionStatements(em, [move], actor, outbox);
        const { sql, params } = asOneStatement(
          [update, outbox.insert(em), audit],
          'select count(*)::int as changed from w0',
        );
        const [{ changed }] = await em.execute<{ changed: number }[]>(sql, params);
        if (changed !== 1) throw new ConflictError(`story ${id} changed meanwhile; try again`);
        return { article, changes: { ...move.changes, ...to, updatedAt } };
      },
    );
    // After the commit, so that no flush writes it again: the story as written, for the caller's view.
    Object.assign(article, changes, { version: article.version + 1 });
    return article;
  }

  /**
   * The statements of transitions written in plain SQL, for the caller to
   * run in one statement with its own: `update` sets each story's status,
   * changes and `updated_at`, and bumps its version where it still is the
   * version read (returning the ids it changed); each story's messages and
   * its `story.changed` go into `outbox` in the order of `moves`; `audit`
   * writes the audit rows. The entities are not changed.
   */
  transitionStatements(
    em: EntityManager,
    moves: SqlMove[],
    actor: Actor,
    outbox: OutboxRows,
  ): { update: SqlStatement; audit: SqlStatement; updatedAt: Date } {
    const at = this.clock.now();
    const updatedAt = new Date();
    const properties = em.getMetadata().get(Article).properties;
    const changed = Object.keys(moves[0]?.changes ?? {}) as (keyof StoryChanges)[];
    const columns = changed.map((property) => properties[property].fieldNames[0]);
    const rows = moves.map((move) => {
      const { article, name, to } = move;
      const version = article.version + 1;
      move.messages?.(outbox, version);
      outbox.event(EventName.StoryChanged, {
        ...storyFactsOf(article, actor),
        version,
        status: to.status,
        updateStatus: to.updateStatus,
        transition: name,
      });
      const row: Record<string, unknown> = {
        id: article.id,
        version: article.version,
        status: to.status,
        update_status: to.updateStatus,
        updated_at: updatedAt,
      };
      // One set clause for all the stories: each changes the same values.
      const keys = Object.keys(move.changes ?? {});
      if (keys.length !== changed.length || changed.some((p) => !keys.includes(p)))
        throw new Error(`transitions written together must change the same values`);
      changed.forEach((property, i) => (row[columns[i]] = move.changes![property]));
      return row;
    });
    const set = ['status', 'update_status', 'updated_at', ...columns]
      .map((c) => `${c} = v.${c}`)
      .join(', ');
    return {
      update: {
        sql: `update articles a set ${set}, version = a.version + 1
                from jsonb_populate_recordset(null::articles, ?::jsonb) v
               where a.id = v.id and a.version = v.version
              returning a.id`,
        params: [JSON.stringify(rows)],
      },
      audit: insertAudit(
        em,
        moves.map(({ article, name, to, details, comment }) => ({
          articleId: article.id,
          actor,
          action: name,
          from: article.status,
          to: to.status,
          version: article.version + 1,
          at,
          details,
          comment,
        })),
      ),
      updatedAt,
    };
  }

  /**
   * Two saves of one story at the same moment: both passed the version check,
   * and the loser trips over the optimistic lock or the revision number the
   * winner took. Either way it is a 409 with the version to reload; other
   * errors are returned as they are.
   */
  async asConflict(error: unknown, articleId?: string): Promise<unknown> {
    const raced =
      error instanceof OptimisticLockError ||
      (error instanceof UniqueConstraintViolationException &&
        /revisions_article_id_number/.test(error.message));
    if (!raced) return error;
    const id =
      articleId ??
      (error instanceof OptimisticLockError
        ? (error.entity as { id?: string } | undefined)?.id
        : undefined);
    const current = id
      ? await this.em.fork().findOne(Article, { id }, { fields: ['version'] })
      : null;
    return new ConflictError(
      'the story was saved by someone else meanwhile; reload it',
      current ? { currentVersion: current.version } : {},
    );
  }

  /** A refused transition leaves the story as it was, but the attempt is on the record. */
  async auditRefusal(
    actor: Actor,
    id: string,
    name: string,
    error: ForbiddenTransition,
  ): Promise<void> {
    await this.em
      .fork()
      .transactional(async (em) => {
        const article = await em.findOne(Article, { id });
        if (!article) return;
        this.audit(em, article, actor, `refused:${name}`, article.status, null, {
          reason: error.reason,
          message: error.message,
        });
      })
      .catch(() => undefined);
  }

  /**
   * Tells the desk about the story as it is now: a `story.*` event through the
   * outbox, in the caller's transaction. Call it after the change was flushed,
   * so that the event names the story's new version.
   */
  announce<N extends StoryEventName>(
    em: EntityManager,
    name: N,
    article: Article,
    actor: Actor,
    extra: Omit<EventPayloads[N], keyof StoryFacts>,
  ): void {
    Outbox.event(em, name, { ...storyFactsOf(article, actor), ...extra } as EventPayloads[N]);
  }

  audit(
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

  /** Records the story's current content as its next revision. */
  addRevision(
    em: EntityManager,
    article: Article,
    authorId: string | null,
    note?: string,
  ): Revision {
    article.revision += 1;
    const revision = em.create(Revision, {
      articleId: article.id,
      number: article.revision,
      content: contentOf(article),
      authorId,
      note: note ?? null,
      createdAt: this.clock.now(),
    });
    em.persist(revision);
    return revision;
  }
}

export function contentOf(a: Article): RevisionContent {
  return {
    kicker: a.kicker,
    headline: a.headline,
    teaser: a.teaser,
    body: structuredClone(a.body),
    sectionId: a.section.id,
    format: a.format,
    series: a.series,
    tags: [...a.tags],
    heroImageId: a.heroImage?.id ?? null,
  };
}
