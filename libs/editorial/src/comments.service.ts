import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Clock, NotFound, ValidationFailed, trimText, isUuid } from '@newsdesk/common';
import { REVIEW_TEXT_LIMITS } from './article-input';
import { EventName, Outbox } from '@newsdesk/messaging';
import { Comment } from './comment.entity';
import { StoryStore, type UserActor } from './story-store';

export interface CommentThread {
  id: string;
  author: { id: string; name: string };
  text: string;
  blockIndex: number | null;
  revision: number;
  createdAt: string;
  resolved: { at: string; by: string } | null;
  replies: Omit<CommentThread, 'replies'>[];
}

/** Review comments: threads on a story, optionally on one body block, resolvable; each also in the history. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly store: StoryStore,
  ) {}

  async list(articleId: string): Promise<CommentThread[]> {
    const em = this.em.fork();
    await this.store.load(em, articleId);
    const all = await em.find(Comment, { articleId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    const flat = (c: Comment): Omit<CommentThread, 'replies'> => ({
      id: c.id,
      author: { id: c.authorId, name: c.authorName },
      text: c.text,
      blockIndex: c.blockIndex,
      revision: c.revision,
      createdAt: c.createdAt.toISOString(),
      resolved: c.resolvedAt ? { at: c.resolvedAt.toISOString(), by: c.resolvedBy ?? '' } : null,
    });
    return all
      .filter((c) => !c.parentId)
      .map((root) => ({
        ...flat(root),
        replies: all.filter((c) => c.parentId === root.id).map(flat),
      }));
  }

  async add(
    actor: UserActor & { name: string },
    articleId: string,
    input: Record<string, unknown>,
  ): Promise<CommentThread> {
    const text = typeof input.text === 'string' ? trimText(input.text) : '';
    const problems = [];
    if (!text) problems.push({ field: 'text', reason: 'is required' });
    else if (text.length > REVIEW_TEXT_LIMITS.comment)
      problems.push({
        field: 'text',
        reason: `must be at most ${REVIEW_TEXT_LIMITS.comment} characters`,
      });
    const parentId = input.parentId ?? null;
    if (parentId !== null && (typeof parentId !== 'string' || !isUuid(parentId)))
      problems.push({ field: 'parentId', reason: 'must be a comment id' });
    const blockIndex = input.blockIndex ?? null;
    if (blockIndex !== null && (!Number.isInteger(blockIndex) || (blockIndex as number) < 0))
      problems.push({ field: 'blockIndex', reason: 'must be the index of a body block' });
    if (problems.length) throw new ValidationFailed(problems);

    return this.em.fork().transactional(async (em) => {
      const article = await this.store.load(em, articleId);
      if (blockIndex !== null && (blockIndex as number) >= article.body.length)
        throw new ValidationFailed([
          { field: 'blockIndex', reason: `the story has ${article.body.length} blocks` },
        ]);
      if (parentId) {
        const parent = await em.findOne(Comment, { id: parentId as string, articleId });
        if (!parent)
          throw new ValidationFailed([
            { field: 'parentId', reason: 'no such comment on this story' },
          ]);
        if (parent.parentId)
          throw new ValidationFailed([
            { field: 'parentId', reason: 'answer the thread, not a reply' },
          ]);
      }
      const comment = em.create(Comment, {
        articleId,
        parentId: parentId as string | null,
        authorId: actor.id,
        authorName: actor.name,
        text,
        blockIndex: blockIndex as number | null,
        revision: article.revision,
        createdAt: this.clock.now(),
      });
      this.store.audit(
        em,
        article,
        actor,
        'comment',
        article.status,
        article.status,
        { commentId: comment.id, blockIndex },
        text,
      );
      Outbox.event(em, EventName.CommentAdded, {
        articleId,
        commentId: comment.id,
        parentId: comment.parentId,
        byId: actor.id,
      });
      await em.flush();
      return {
        id: comment.id,
        author: { id: actor.id, name: actor.name },
        text,
        blockIndex: comment.blockIndex,
        revision: comment.revision,
        createdAt: comment.createdAt.toISOString(),
        resolved: null,
        replies: [],
      };
    });
  }

  async resolve(actor: UserActor, articleId: string, commentId: string): Promise<CommentThread[]> {
    await this.em.fork().transactional(async (em) => {
      const article = await this.store.load(em, articleId);
      const comment = isUuid(commentId)
        ? await em.findOne(Comment, { id: commentId, articleId })
        : null;
      if (!comment) throw new NotFound('comment', commentId);
      if (comment.parentId)
        throw new ValidationFailed([
          { field: 'commentId', reason: 'resolve the thread, not a reply' },
        ]);
      if (comment.resolvedAt) return;
      comment.resolvedAt = this.clock.now();
      comment.resolvedBy = actor.id;
      this.store.audit(em, article, actor, 'resolveComment', article.status, article.status, {
        commentId,
      });
      Outbox.event(em, EventName.CommentResolved, { articleId, commentId, byId: actor.id });
    });
    return this.list(articleId);
  }
}
