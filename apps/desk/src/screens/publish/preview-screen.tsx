import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import * as api from '../../api/review';
import type { PublicBodyBlock, PublicPreview } from '../../api/review';
import type { Story } from '../../api/types';
import { Failure, Loading } from '../../layout/status';
import { useClock } from '../../time/use-clock';
import { usePreview } from '../review/review-queries';
import { StoryFrame } from '../review/story-frame';
import styles from '../review/review.module.css';

/** Preview: a shareable link to the newest revision, and the story as that link shows it. */
export function PreviewScreen() {
  const { t } = useTranslation();
  return <StoryFrame title={t('preview.title')}>{(story) => <Preview story={story} />}</StoryFrame>;
}

function Preview({ story }: { story: Story }) {
  const { t } = useTranslation();
  const clock = useClock();
  const link = useMutation({ mutationFn: () => api.createPreview(story.id) });
  const token = link.data?.token ?? null;
  const preview = usePreview(token);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);

  const copy = async () => {
    if (!link.data) return;
    try {
      await navigator.clipboard.writeText(link.data.url);
      setCopied('yes');
    } catch {
      // Without clipboard access, the link is selected for Ctrl+C.
      field.current?.select();
      setCopied('select');
    }
  };

  return (
    <div className={styles.stack}>
      <section className={styles.panel} aria-labelledby="preview-link">
        <h2 id="preview-link">{t('preview.link')}</h2>
        <p className={styles.muted}>{t('preview.hint', { revision: story.revision })}</p>
        <div className={styles.actions}>
          <button
            type="button"
            className="button primary"
            disabled={link.isPending}
            onClick={() => link.mutate()}
          >
            {link.data ? t('preview.createAgain') : t('preview.create')}
          </button>
        </div>
        {link.isError && <Failure error={link.error} />}
        {link.data && (
          <div className={styles.row}>
            <label className={`field ${styles.grow}`}>
              <span>{t('preview.url')}</span>
              <input
                ref={field}
                readOnly
                value={link.data.url}
                onFocus={(e) => e.target.select()}
              />
            </label>
            <button type="button" className="button" onClick={() => void copy()}>
              {t('preview.copy')}
            </button>
            <p className={styles.muted} aria-live="polite">
              {copied === 'yes' && t('preview.copied')}
              {copied === 'select' && t('preview.selected')}{' '}
              {t('preview.expires', { time: clock.dateTime(link.data.expiresAt) })}
            </p>
          </div>
        )}
      </section>
      {token && (
        <section className={styles.previewFrame} aria-label={t('preview.frame')}>
          {preview.isPending ? (
            <Loading />
          ) : preview.isError ? (
            <Failure error={preview.error} retry={() => void preview.refetch()} />
          ) : (
            <PublicStory story={preview.data} />
          )}
        </section>
      )}
    </div>
  );
}

/** The story as the public site lays it out. */
function PublicStory({ story }: { story: PublicPreview }) {
  const { t } = useTranslation();
  const clock = useClock();
  return (
    <div className={styles.public}>
      <p className={styles.publicSection}>{story.section.name}</p>
      {story.kicker && <p className={styles.publicKicker}>{story.kicker}</p>}
      <h2 className={styles.publicHeadline}>{story.headline}</h2>
      <p className={styles.publicTeaser}>{story.teaser}</p>
      <p className={styles.publicByline}>
        {t('preview.byline', { name: story.author })} ·{' '}
        <time dateTime={story.publishedAt}>{clock.dateTime(story.publishedAt)}</time>
      </p>
      {story.body.map((block, i) => (
        <PublicBlock key={i} block={block} />
      ))}
      {story.corrections.length > 0 && (
        <aside className={styles.publicCorrections}>
          <h3>{t('story.corrections')}</h3>
          {story.corrections.map((c) => (
            <p key={c.at}>{c.note}</p>
          ))}
        </aside>
      )}
    </div>
  );
}

function PublicBlock({ block }: { block: PublicBodyBlock }) {
  switch (block.type) {
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'heading':
      return block.level === 2 ? <h3>{block.text}</h3> : <h4>{block.text}</h4>;
    case 'quote':
      return (
        <figure className={styles.publicQuote}>
          <blockquote>{block.text}</blockquote>
          {block.attribution && <figcaption>{block.attribution}</figcaption>}
        </figure>
      );
    case 'image':
      return (
        <figure>
          {block.image && (
            <img
              src={block.image.src}
              alt={block.image.alt}
              width={block.image.width ?? undefined}
              height={block.image.height ?? undefined}
            />
          )}
          {block.caption && <figcaption>{block.caption}</figcaption>}
        </figure>
      );
    case 'embed':
      return (
        <p>
          <a href={block.url} target="_blank" rel="noopener noreferrer">
            {block.caption ?? block.url}
          </a>
        </p>
      );
  }
}
