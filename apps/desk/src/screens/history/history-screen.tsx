import { useTranslation } from 'react-i18next';

import * as api from '../../api/review';
import type { AuditEntry } from '../../api/review';
import type { Story } from '../../api/types';
import { Failure, Loading } from '../../layout/status';
import { useClock } from '../../time/use-clock';
import { useHistory, useRevisions, useStoryAction } from '../review/review-queries';
import { StoryFrame } from '../review/story-frame';
import styles from '../review/review.module.css';

/** History: the story's audit trail, newest last, and its revisions with restore. */
export function HistoryScreen() {
  const { t } = useTranslation();
  return (
    <StoryFrame title={t('history.title')}>
      {(story) => (
        <div className={styles.stack}>
          <Trail story={story} />
          <Revisions story={story} />
        </div>
      )}
    </StoryFrame>
  );
}

/** Names for the people a story knows; anyone else by a short id. */
function namesOf(story: Story): Map<string, string> {
  const names = new Map<string, string>([[story.author.id, story.author.name]]);
  if (story.assignee) names.set(story.assignee.id, story.assignee.name);
  for (const a of story.approvals) names.set(a.userId, a.userName);
  return names;
}

function Trail({ story }: { story: Story }) {
  const { t } = useTranslation();
  const clock = useClock();
  const history = useHistory(story.id);
  const names = namesOf(story);
  const who = (entry: AuditEntry) =>
    entry.actorId === null
      ? t('history.system')
      : (names.get(entry.actorId) ?? t('history.someone', { id: entry.actorId.slice(0, 8) }));
  const action = (name: string) => {
    const refused = name.startsWith('refused:');
    const bare = refused ? name.slice('refused:'.length) : name;
    const label = t(`history.actions.${bare}`, { defaultValue: bare });
    return refused ? t('history.refused', { action: label }) : label;
  };
  return (
    <section className={styles.panel} aria-labelledby="trail">
      <h2 id="trail">{t('history.trail')}</h2>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <Failure error={history.error} retry={() => void history.refetch()} />
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t('history.when')}</th>
              <th scope="col">{t('history.action')}</th>
              <th scope="col">{t('history.transition')}</th>
              <th scope="col">{t('history.who')}</th>
              <th scope="col">{t('history.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {history.data.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.createdAt}>{clock.dateTime(entry.createdAt)}</time>
                </td>
                <td>{action(entry.action)}</td>
                <td>
                  {entry.fromStatus || entry.toStatus
                    ? `${entry.fromStatus ? t(`status.${entry.fromStatus}`) : '–'} → ${entry.toStatus ? t(`status.${entry.toStatus}`) : '–'}`
                    : ''}
                </td>
                <td>{who(entry)}</td>
                <td>{entry.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Revisions({ story }: { story: Story }) {
  const { t } = useTranslation();
  const clock = useClock();
  const revisions = useRevisions(story.id);
  const restore = useStoryAction((n: number) => api.restoreRevision(story.id, n, story.version));
  return (
    <section className={styles.panel} aria-labelledby="revisions">
      <h2 id="revisions">{t('history.revisions')}</h2>
      {restore.isError && <Failure error={restore.error} />}
      {revisions.isPending ? (
        <Loading />
      ) : revisions.isError ? (
        <Failure error={revisions.error} retry={() => void revisions.refetch()} />
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t('history.revision')}</th>
              <th scope="col">{t('history.when')}</th>
              <th scope="col">{t('history.changed')}</th>
              <th scope="col">{t('history.note')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('history.actionsColumn')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...revisions.data].reverse().map((r) => (
              <tr key={r.number}>
                <td>{r.number}</td>
                <td>
                  <time dateTime={r.createdAt}>{clock.dateTime(r.createdAt)}</time>
                </td>
                <td>
                  {r.changed
                    .map((c) => (c === 'created' ? t('history.created') : t(`review.fields.${c}`)))
                    .join(', ')}
                </td>
                <td>{r.note ?? ''}</td>
                <td>
                  {r.number === story.revision ? (
                    <span className={styles.muted}>{t('history.current')}</span>
                  ) : (
                    <button
                      type="button"
                      className="button quiet"
                      disabled={restore.isPending}
                      onClick={() => restore.mutate(r.number)}
                    >
                      {t('history.restore', { number: r.number })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
