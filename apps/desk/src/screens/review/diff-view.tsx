import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockChange, BodyBlock, CommentThread, RevisionDiff } from '../../api/review';
import type { Story } from '../../api/types';
import { CommentForm, CommentThreads } from './comments';
import styles from './review.module.css';

/**
 * The body block by block — as it changed between two revisions, or as it is
 * when nothing is compared — with the changed fields above it. Every block of
 * the newer revision can be commented on; its threads sit beneath it.
 */
export function DiffView({
  story,
  diff,
  threads,
}: {
  story: Story;
  diff: RevisionDiff | undefined;
  threads: CommentThread[];
}) {
  const { t } = useTranslation();
  const [commenting, setCommenting] = useState<number | null>(null);
  const changes: BlockChange[] =
    diff?.body ??
    story.body.map((block, i) => ({ change: 'same', block, fromIndex: i, toIndex: i }));

  return (
    <>
      {diff && diff.fields.length > 0 && (
        <table className={styles.fields}>
          <caption>{t('review.changedFields')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('review.field')}</th>
              <th scope="col">{t('review.before')}</th>
              <th scope="col">{t('review.after')}</th>
            </tr>
          </thead>
          <tbody>
            {diff.fields.map((f) => (
              <tr key={f.field}>
                <th scope="row">{t(`review.fields.${f.field}`)}</th>
                <td>
                  <del>{show(f.from)}</del>
                </td>
                <td>
                  <ins>{show(f.to)}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ol className={styles.blocks} aria-label={t('review.blocks')}>
        {changes.map((change, i) => {
          const index = 'toIndex' in change ? change.toIndex : null;
          const own = index === null ? [] : threads.filter((c) => c.blockIndex === index);
          return (
            <li key={i} className={styles.block} data-change={change.change}>
              <p className={styles.changeLabel}>
                {index !== null && t('review.blockNumber', { number: index + 1 })}{' '}
                {change.change !== 'same' && (
                  <span className={styles.changeBadge}>{t(`review.change.${change.change}`)}</span>
                )}
              </p>
              {change.change === 'changed' ? (
                <>
                  <del className={styles.old}>
                    <BlockText block={change.from} />
                  </del>
                  <ins className={styles.new}>
                    <BlockText block={change.to} />
                  </ins>
                </>
              ) : change.change === 'removed' ? (
                <del className={styles.old}>
                  <BlockText block={change.block} />
                </del>
              ) : change.change === 'added' ? (
                <ins className={styles.new}>
                  <BlockText block={change.block} />
                </ins>
              ) : (
                <div>
                  <BlockText block={change.block} />
                </div>
              )}
              {index !== null && (
                <>
                  <CommentThreads story={story} threads={own} />
                  {commenting === index ? (
                    <CommentForm
                      story={story}
                      blockIndex={index}
                      label={t('review.commentOnBlock', { number: index + 1 })}
                      onDone={() => setCommenting(null)}
                    />
                  ) : (
                    <button
                      type="button"
                      className="button quiet"
                      onClick={() => setCommenting(index)}
                    >
                      {t('review.commentBlock', { number: index + 1 })}
                    </button>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function BlockText({ block }: { block: BodyBlock }) {
  const { t } = useTranslation();
  switch (block.type) {
    case 'paragraph':
      return <span className={styles.blockText}>{block.text}</span>;
    case 'heading':
      return <strong className={styles.blockText}>{block.text}</strong>;
    case 'quote':
      return (
        <span className={styles.blockText}>
          {block.text}
          {block.attribution && ` — ${block.attribution}`}
        </span>
      );
    case 'image':
      return (
        <span className={styles.blockText}>{block.caption ?? t('story.imageWithoutCaption')}</span>
      );
    case 'embed':
      return <span className={styles.blockText}>{block.caption ?? block.url}</span>;
  }
}
