import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/api';
import { useMe, useStory } from '../../api/queries';
import type { BodyBlock, Story } from '../../api/types';
import { Failure, Loading } from '../../layout/status';
import { useDocumentTitle } from '../../layout/use-document-title';
import { useClock } from '../../time/use-clock';
import { StoryTabs } from '../review/story-tabs';
import { mayEdit } from './editable';
import { StatusBadge } from './status-badge';
import styles from './stories.module.css';

/** Where the list was (its filters and page), for the way back. */
function backTo(state: unknown): string {
  const from =
    typeof state === 'object' && state !== null && 'from' in state ? state.from : undefined;
  return typeof from === 'string' && from.startsWith('?') ? `/stories${from}` : '/stories';
}

/** One story as it stands, read-only: text, state, schedule, approvals, failed checks. */
export function StoryScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const story = useStory(id);
  useDocumentTitle(story.data?.headline ?? t('stories.title'));
  const back = (
    <p className={styles.back}>
      <Link to={backTo(location.state)}>← {t('story.back')}</Link>
    </p>
  );

  if (story.isPending) return <Loading />;
  if (story.isError) {
    // An id that is no UUID is a 400 at the API; for the reader both are "no such story".
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
  return (
    <article className="page">
      {back}
      <StoryTabs id={story.data.id} />
      <StoryText story={story.data} />
    </article>
  );
}

function StoryText({ story }: { story: Story }) {
  const { t } = useTranslation();
  const clock = useClock();
  const { data: me } = useMe();
  const instant = (label: string, value: { utc: string } | null, schedule = false) =>
    value && (
      <Detail label={label}>
        <time dateTime={value.utc}>
          {schedule ? clock.schedule(value.utc) : clock.dateTime(value.utc)}
        </time>
      </Detail>
    );

  return (
    <div className={styles.story}>
      <header className={styles.storyHeader}>
        {story.kicker && <p className={styles.kicker}>{story.kicker}</p>}
        <h1>{story.headline}</h1>
        <p className={styles.storyState}>
          <StatusBadge status={story.status} />
          {story.updateStatus && (
            <span className={styles.update}>
              {t('stories.update', { status: t(`status.${story.updateStatus}`) })}
            </span>
          )}
          {story.nextApprovalStep && (
            <span>{t('story.nextStep', { step: story.nextApprovalStep.label })}</span>
          )}
        </p>
        {story.pendingChanges && <p className={styles.note}>{t('story.pendingChanges')}</p>}
        {mayEdit(story, me?.user) && (
          <p className={styles.storyActions}>
            <Link className="button" to={`/stories/${story.id}/edit`}>
              {t('story.edit')}
            </Link>
          </p>
        )}
      </header>

      <div className={styles.storyColumns}>
        <div className={styles.storyText}>
          <section aria-labelledby="teaser">
            <h2 id="teaser" className="visually-hidden">
              {t('story.teaser')}
            </h2>
            <p className={styles.teaser}>{story.teaser}</p>
          </section>
          <section aria-labelledby="body">
            <h2 id="body" className="visually-hidden">
              {t('story.body')}
            </h2>
            {story.body.length ? (
              story.body.map((block, i) => <Block key={i} block={block} />)
            ) : (
              <p className={styles.muted}>{t('story.emptyBody')}</p>
            )}
          </section>
        </div>

        <aside className={styles.storyAside} aria-labelledby="details">
          <h2 id="details">{t('story.details')}</h2>
          <dl className={styles.details}>
            <Detail label={t('story.status')}>{t(`status.${story.status}`)}</Detail>
            <Detail label={t('story.section')}>{story.section.name}</Detail>
            <Detail label={t('story.format')}>{t(`format.${story.format}`)}</Detail>
            <Detail label={t('story.author')}>{story.author.name}</Detail>
            <Detail label={t('story.assignee')}>{story.assignee?.name ?? t('story.nobody')}</Detail>
            {story.status === 'scheduled' && instant(t('story.publishAt'), story.publishAt, true)}
            {instant(t('story.embargoUntil'), story.embargoUntil, true)}
            {instant(t('story.unpublishAt'), story.unpublishAt, true)}
            {instant(t('story.publishedAt'), story.publishedAt)}
            <Detail label={t('story.createdAt')}>
              <time dateTime={story.createdAt}>{clock.dateTime(story.createdAt)}</time>
            </Detail>
            <Detail label={t('story.updatedAt')}>
              <time dateTime={story.updatedAt}>{clock.dateTime(story.updatedAt)}</time>
            </Detail>
            <Detail label={t('story.version')}>
              {t('story.versionValue', { version: story.version, revision: story.revision })}
            </Detail>
            {story.series && <Detail label={t('story.series')}>{story.series}</Detail>}
            {story.tags.length > 0 && (
              <Detail label={t('story.tags')}>{story.tags.join(', ')}</Detail>
            )}
          </dl>

          {story.approvals.length > 0 && (
            <>
              <h2>{t('story.approvals')}</h2>
              <ul className={styles.plainList}>
                {story.approvals.map((a) => (
                  <li key={`${a.step}-${a.at}`}>
                    {t('story.approval', {
                      label: a.label,
                      name: a.userName,
                      time: clock.dateTime(a.at),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {story.failedChecks && story.failedChecks.length > 0 && (
            <>
              <h2>{t('story.failedChecks')}</h2>
              <ul className={styles.problems}>
                {story.failedChecks.map((check) => (
                  <li key={`${check.field}-${check.check}`}>{check.message}</li>
                ))}
              </ul>
            </>
          )}
          {story.corrections.length > 0 && (
            <>
              <h2>{t('story.corrections')}</h2>
              <ul className={styles.plainList}>
                {story.corrections.map((c) => (
                  <li key={c.at}>
                    <time dateTime={c.at}>{clock.dateTime(c.at)}</time>: {c.note}
                  </li>
                ))}
              </ul>
            </>
          )}
          {story.killReason && (
            <>
              <h2>{t('story.killReason')}</h2>
              <p>{story.killReason}</p>
            </>
          )}
        </aside>
      </div>
    </div>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Block({ block }: { block: BodyBlock }) {
  const { t } = useTranslation();
  switch (block.type) {
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'heading':
      // The story's own headings sit below the screen's h2 sections.
      return block.level === 2 ? <h3>{block.text}</h3> : <h4>{block.text}</h4>;
    case 'quote':
      return (
        <figure className={styles.quote}>
          <blockquote>{block.text}</blockquote>
          {block.attribution && <figcaption>{block.attribution}</figcaption>}
        </figure>
      );
    case 'image':
      return (
        <figure className={styles.image}>
          <div className={styles.imagePlaceholder} aria-hidden="true">
            {t('story.image')}
          </div>
          <figcaption>{block.caption ?? t('story.imageWithoutCaption')}</figcaption>
        </figure>
      );
    case 'embed':
      return (
        <p className={styles.embed}>
          <a href={block.url} target="_blank" rel="noopener noreferrer">
            {block.caption ?? t('story.embed', { url: block.url })}
          </a>
        </p>
      );
  }
}
