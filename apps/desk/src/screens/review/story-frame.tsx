import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/api';
import { useStory } from '../../api/queries';
import type { Story } from '../../api/types';
import { Failure, Loading } from '../../layout/status';
import { useDocumentTitle } from '../../layout/use-document-title';
import { StatusBadge } from '../stories/status-badge';
import { StoryTabs } from './story-tabs';
import styles from './review.module.css';

/**
 * The frame of a story's panels (review, publish, preview, history): the way
 * back, the headline and state, the panel links, then the panel with the story
 * loaded. `title` names the panel in the document title.
 */
export function StoryFrame({
  title,
  children,
}: {
  title: string;
  children: (story: Story) => ReactNode;
}) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const story = useStory(id);
  useDocumentTitle(story.data ? `${title}: ${story.data.headline}` : title);
  const back = (
    <p className={styles.back}>
      <Link to="/stories">← {t('story.back')}</Link>
    </p>
  );
  if (story.isPending) return <Loading />;
  if (story.isError) {
    const missing = story.error instanceof ApiError && [400, 404].includes(story.error.status);
    return (
      <section className="page">
        {back}
        {missing ? (
          <p role="alert">{t('story.notFound')}</p>
        ) : (
          <Failure error={story.error} retry={() => void story.refetch()} />
        )}
      </section>
    );
  }
  const s = story.data;
  return (
    <article className="page">
      {back}
      <header className={styles.header}>
        {s.kicker && <p className={styles.kicker}>{s.kicker}</p>}
        <h1>{s.headline}</h1>
        <p className={styles.state}>
          <StatusBadge status={s.status} />
          {s.updateStatus && (
            <span>{t('stories.update', { status: t(`status.${s.updateStatus}`) })}</span>
          )}
          <span>{s.section.name}</span>
          <span>{t('review.byAuthor', { name: s.author.name })}</span>
        </p>
      </header>
      <StoryTabs id={s.id} />
      {children(s)}
    </article>
  );
}
