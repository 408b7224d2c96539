import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import * as api from '../../api/review';
import type { Story } from '../../api/types';
import { Failure } from '../../layout/status';
import { useClock } from '../../time/use-clock';
import { StoryFrame } from '../review/story-frame';
import styles from '../review/review.module.css';

/**
 * Preview: a shareable link to the newest revision, and the story as that link
 * shows it: the site's own page (`/site/preview/:token`) in a frame, so the desk
 * shows exactly what a reader of the link will see.
 */
export function PreviewScreen() {
  const { t } = useTranslation();
  return <StoryFrame title={t('preview.title')}>{(story) => <Preview story={story} />}</StoryFrame>;
}

function Preview({ story }: { story: Story }) {
  const { t } = useTranslation();
  const clock = useClock();
  const link = useMutation({ mutationFn: () => api.createPreview(story.id) });
  const token = link.data?.token ?? null;
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
          <iframe
            // The page runs no scripts; the frame keeps it from acting as the desk in any case.
            sandbox=""
            src={`/site/preview/${encodeURIComponent(token)}`}
            title={t('preview.frame')}
          />
        </section>
      )}
    </div>
  );
}
