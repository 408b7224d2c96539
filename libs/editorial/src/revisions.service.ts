import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ConflictError, NotFound, ValidationFailed } from '@newsdesk/common';
import { EventName } from '@newsdesk/messaging';
import { Section } from './section.entity';
import { Image } from '@newsdesk/media';
import { assertEditable } from './article-state-machine';
import type { ArticleView } from './article-view';
import { EditLocksService } from './edit-locks.service';
import { EditorialService } from './editorial.service';
import { Revision, type RevisionContent } from './revision.entity';
import { diffRevisions, type RevisionDiff } from './revision-diff';
import { StoryStore, subjectOf, type UserActor } from './story-store';

export interface RevisionSummary {
  number: number;
  authorId: string | null;
  note: string | null;
  createdAt: string;
  /** Fields that differ from the revision before. */
  changed: string[];
}

/** One revision with its content, as the API shows it. */
export interface RevisionView {
  id: string;
  articleId: string;
  number: number;
  content: RevisionContent;
  authorId: string | null;
  note: string | null;
  createdAt: string;
}

/** The revisions of a story: list, read, compare any two, restore one as a new revision. */
@Injectable()
export class RevisionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly store: StoryStore,
    private readonly locks: EditLocksService,
    private readonly editorial: EditorialService,
  ) {}

  async list(articleId: string): Promise<RevisionSummary[]> {
    const em = this.em.fork();
    await this.store.load(em, articleId);
    const revisions = await em.find(Revision, { articleId }, { orderBy: { number: 'asc' } });
    return revisions.map((r, i) => {
      const before = revisions[i - 1];
      const diff = before ? diffRevisions(before.content, r.content) : null;
      return {
        number: r.number,
        authorId: r.authorId,
        note: r.note,
        createdAt: r.createdAt.toISOString(),
        changed: diff
          ? [
              ...diff.fields.map((f) => f.field),
              ...(diff.body.some((b) => b.change !== 'same') ? ['body'] : []),
            ]
          : ['created'],
      };
    });
  }

  async get(articleId: string, number: number): Promise<RevisionView> {
    const r = await this.find(this.em.fork(), articleId, number);
    return {
      id: r.id,
      articleId: r.articleId,
      number: r.number,
      content: r.content,
      authorId: r.authorId,
      note: r.note,
      createdAt: r.createdAt.toISOString(),
    };
  }

  async diff(
    articleId: string,
    from: number,
    to: number,
  ): Promise<RevisionDiff & { from: number; to: number }> {
    const em = this.em.fork();
    const [a, b] = await Promise.all([
      this.find(em, articleId, from),
      this.find(em, articleId, to),
    ]);
    return { from, to, ...diffRevisions(a.content, b.content) };
  }

  /** Makes an older revision's content the story's content again, as a new revision. */
  async restore(
    actor: UserActor,
    articleId: string,
    number: number,
    expectedVersion: number,
  ): Promise<ArticleView> {
    return this.em.fork().transactional(async (em) => {
      const article = await this.store.load(em, articleId);
      if (article.version !== expectedVersion) {
        throw new ConflictError(
          `story ${articleId} has version ${article.version}, not ${expectedVersion}`,
          {
            currentVersion: article.version,
          },
        );
      }
      assertEditable(subjectOf(article), actor);
      await this.locks.assertMaySave(em, actor, articleId);
      const { content } = await this.find(em, articleId, number);
      const section = await em.findOne(Section, { id: content.sectionId });
      Object.assign(article, {
        kicker: content.kicker,
        headline: content.headline,
        teaser: content.teaser,
        body: structuredClone(content.body),
        format: content.format,
        series: content.series,
        tags: [...content.tags],
        section: section ?? article.section,
        heroImage: content.heroImageId
          ? await em.findOne(Image, { id: content.heroImageId })
          : null,
      });
      this.store.addRevision(em, article, actor.id, `restored from revision ${number}`);
      await em.flush();
      this.store.audit(em, article, actor, 'restore', article.status, article.status, {
        from: number,
        revision: article.revision,
      });
      this.store.announce(em, EventName.StorySaved, article, actor, { revision: article.revision });
      await em.flush();
      return this.editorial.view(article);
    });
  }

  private async find(em: EntityManager, articleId: string, number: number): Promise<Revision> {
    if (!Number.isInteger(number) || number < 1)
      throw new ValidationFailed([
        { field: 'revision', reason: 'must be a revision number (1, 2, …)' },
      ]);
    await this.store.load(em, articleId);
    const revision = await em.findOne(Revision, { articleId, number });
    if (!revision) throw new NotFound('revision', `${articleId}/${number}`);
    return revision;
  }
}
