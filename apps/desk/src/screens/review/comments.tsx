import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/review';
import type { CommentReply, CommentThread } from '../../api/review';
import type { Story } from '../../api/types';
import { Failure } from '../../layout/status';
import { useClock } from '../../time/use-clock';
import { useStoryAction } from './review-queries';
import styles from './review.module.css';

/** Comment threads, oldest first: each with its replies, a reply form and a resolve button. */
export function CommentThreads({ story, threads }: { story: Story; threads: CommentThread[] }) {
  const { t } = useTranslation();
  if (threads.length === 0) return null;
  return (
    <ul className={styles.threads} aria-label={t('review.threads')}>
      {threads.map((thread) => (
        <li key={thread.id}>
          <Thread story={story} thread={thread} />
        </li>
      ))}
    </ul>
  );
}

function Thread({ story, thread }: { story: Story; thread: CommentThread }) {
  const { t } = useTranslation();
  const resolve = useStoryAction(() => api.resolveComment(story.id, thread.id));
  const [replying, setReplying] = useState(false);
  return (
    <article className={styles.thread} data-resolved={thread.resolved ? 'true' : undefined}>
      <Comment comment={thread} />
      {thread.replies.map((reply) => (
        <div key={reply.id} className={styles.reply}>
          <Comment comment={reply} />
        </div>
      ))}
      {thread.resolved ? (
        <p className={styles.muted}>{t('review.resolved')}</p>
      ) : (
        <div className={styles.actions}>
          <button
            type="button"
            className="button quiet"
            aria-expanded={replying}
            onClick={() => setReplying(!replying)}
          >
            {t('review.reply')}
          </button>
          <button
            type="button"
            className="button quiet"
            disabled={resolve.isPending}
            onClick={() => resolve.mutate(undefined)}
          >
            {t('review.resolve')}
          </button>
        </div>
      )}
      {resolve.isError && <Failure error={resolve.error} />}
      {replying && (
        <CommentForm
          story={story}
          blockIndex={thread.blockIndex}
          parentId={thread.id}
          label={t('review.replyTo', { name: thread.author.name })}
          onDone={() => setReplying(false)}
        />
      )}
    </article>
  );
}

function Comment({ comment }: { comment: CommentThread | CommentReply }) {
  const clock = useClock();
  return (
    <>
      <p className={styles.commentMeta}>
        <strong>{comment.author.name}</strong>{' '}
        <time dateTime={comment.createdAt}>{clock.dateTime(comment.createdAt)}</time>
      </p>
      <p className={styles.commentText}>{comment.text}</p>
    </>
  );
}

/** A new comment: on the story, on a block (`blockIndex`), or a reply (`parentId`). */
export function CommentForm({
  story,
  blockIndex,
  parentId,
  label,
  onDone,
}: {
  story: Story;
  blockIndex: number | null;
  parentId?: string;
  label: string;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const add = useStoryAction((body: api.CommentBody) => api.addComment(story.id, body));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    add.mutate(
      { text: text.trim(), blockIndex, ...(parentId ? { parentId } : {}) },
      {
        onSuccess: () => {
          setText('');
          onDone?.();
        },
      },
    );
  };
  return (
    <form className={styles.form} onSubmit={submit}>
      <label className="field">
        <span>{label}</span>
        <textarea rows={2} value={text} required onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" className="button" disabled={add.isPending}>
        {parentId ? t('review.sendReply') : t('review.sendComment')}
      </button>
      {add.isError && <Failure error={add.error} />}
    </form>
  );
}
