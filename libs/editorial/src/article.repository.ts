import { EntityRepository, LockMode, type FilterQuery } from '@mikro-orm/postgresql';
import type { Article } from './article.entity';
import type { ArticleStatus } from './article-status';

export interface ArticleSearch {
  status?: ArticleStatus;
  sectionSlug?: string;
  q?: string;
  assigneeId?: string;
  limit: number;
  offset: number;
}

export class ArticleRepository extends EntityRepository<Article> {
  /** Loads a story with a row lock, for jobs that must not run on it twice at once. */
  findForUpdate(id: string): Promise<Article | null> {
    return this.findOne(
      { id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['section', 'author', 'heroImage'] },
    );
  }

  findWithRelations(id: string): Promise<Article | null> {
    return this.findOne({ id }, { populate: ['section', 'author', 'heroImage', 'assignee'] });
  }

  /** The editors' search: every state, newest change first. */
  search(criteria: ArticleSearch): Promise<[Article[], number]> {
    const where: FilterQuery<Article> = {};
    if (criteria.status) where.status = criteria.status;
    if (criteria.sectionSlug) where.section = { slug: criteria.sectionSlug };
    if (criteria.assigneeId) where.assignee = criteria.assigneeId;
    if (criteria.q) {
      const like = `%${criteria.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.$or = [
        { headline: { $ilike: like } },
        { kicker: { $ilike: like } },
        { teaser: { $ilike: like } },
      ];
    }
    return this.findAndCount(where, {
      populate: ['section', 'author', 'assignee'],
      // A reviewer's queue is worked oldest first; the editors' search shows the newest change first.
      orderBy: criteria.assigneeId
        ? { createdAt: 'asc', id: 'asc' }
        : { updatedAt: 'desc', id: 'asc' },
      limit: criteria.limit,
      offset: criteria.offset,
    });
  }

  /** Slugs already taken that start with `base`, to pick the next free one. */
  async slugsLike(base: string): Promise<Set<string>> {
    const rows = await this.find({ slug: { $like: `${base}%` } }, { fields: ['slug'] });
    return new Set(rows.map((r) => r.slug));
  }
}
