import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNewsroom } from '../../api/queries';
import * as api from '../../api/review';
import type { Story } from '../../api/types';
import { FORMAT_LOCALE, languageFor } from '../../i18n';
import { Failure } from '../../layout/status';
import { formatDateTime, formatOffset } from '../../time/format';
import { useClock } from '../../time/use-clock';
import { useStoryAction } from '../review/review-queries';
import { StoryFrame } from '../review/story-frame';
import styles from '../review/review.module.css';
import { DeliveryReceiptSlot } from './delivery-receipt-slot';
import { zonedInstant, zonedToday, zoneName } from '../../time/zoned-time';

/** Publish: now or at a time in the newsroom's zone, reschedule, cancel; correct; kill. */
export function PublishScreen() {
  const { t } = useTranslation();
  return (
    <StoryFrame title={t('publish.title')}>
      {(story) => (
        <div className={styles.columns}>
          <div className={styles.main}>
            <Schedule story={story} />
            {story.status === 'published' && <Correction story={story} />}
            {(story.status === 'published' || story.status === 'unpublished') && (
              <Kill story={story} />
            )}
            <DeliveryReceiptSlot story={story} />
          </div>
          <aside className={styles.aside}>
            <Summary story={story} />
          </aside>
        </div>
      )}
    </StoryFrame>
  );
}

function Summary({ story }: { story: Story }) {
  const { t } = useTranslation();
  const clock = useClock();
  const line = (label: string, value: { utc: string } | null) =>
    value && (
      <div>
        <dt>{label}</dt>
        <dd>
          <time dateTime={value.utc}>{clock.schedule(value.utc)}</time>
        </dd>
      </div>
    );
  return (
    <section className={styles.panel} aria-labelledby="publication">
      <h2 id="publication">{t('publish.state')}</h2>
      <dl className={styles.details}>
        <div>
          <dt>{t('story.status')}</dt>
          <dd>{t(`status.${story.status}`)}</dd>
        </div>
        {story.status === 'scheduled' && line(t('story.publishAt'), story.publishAt)}
        {line(t('story.embargoUntil'), story.embargoUntil)}
        {line(t('story.unpublishAt'), story.unpublishAt)}
        {line(t('story.publishedAt'), story.publishedAt)}
      </dl>
    </section>
  );
}

/** A time picked on the newsroom's clock: date and time fields, and what they mean with zone and offset. */
function useZonedField(timeZone: string, locale: string) {
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const instant = zonedInstant(date, time, timeZone);
  const meaning = instant
    ? `${formatDateTime(new Date(instant.utcMs).toISOString(), { timeZone, locale })} ${zoneName(instant.utcMs, timeZone, locale)} (${formatOffset(new Date(instant.utcMs).toISOString(), { timeZone, locale })})`
    : null;
  return {
    date,
    setDate,
    time,
    setTime,
    instant,
    meaning,
    clear: () => (setDate(''), setTime('')),
  };
}

function Schedule({ story }: { story: Story }) {
  const { t, i18n } = useTranslation();
  const timeZone = useNewsroom().data?.timeZone ?? 'Europe/Berlin';
  const locale = FORMAT_LOCALE[languageFor([i18n.language])];
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const at = useZonedField(timeZone, locale);
  const until = useZonedField(timeZone, locale);
  const [problem, setProblem] = useState<string | null>(null);
  // The form's day and offset hints are those of when it was opened.
  const [openedAt] = useState(() => Date.now());
  const publish = useStoryAction((body: api.PublishBody) => api.publish(story.id, body));
  const cancel = useStoryAction(() => api.cancelSchedule(story.id));
  const scheduled = story.status === 'scheduled';
  if (story.status !== 'approved' && !scheduled) {
    return (
      <section className={styles.panel} aria-labelledby="schedule">
        <h2 id="schedule">{t('publish.schedule')}</h2>
        <p className={styles.muted}>{t('publish.notApproved')}</p>
      </section>
    );
  }
  const today = zonedToday(openedAt, timeZone);
  const nowOffset = `${zoneName(openedAt, timeZone, locale)}, ${formatOffset(new Date(openedAt).toISOString(), { timeZone, locale })}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const body: api.PublishBody = {};
    if (when === 'later') {
      if (!at.instant) return setProblem(t('publish.pickTime'));
      if (at.instant.utcMs <= Date.now()) return setProblem(t('publish.past'));
      body.at = at.instant.iso;
    }
    if (until.instant) {
      const start = when === 'later' && at.instant ? at.instant.utcMs : Date.now();
      if (until.instant.utcMs <= start) return setProblem(t('publish.untilBeforeStart'));
      body.until = until.instant.iso;
    }
    publish.mutate(body, { onSuccess: () => (at.clear(), until.clear()) });
  };

  return (
    <section className={styles.panel} aria-labelledby="schedule">
      <h2 id="schedule">{scheduled ? t('publish.reschedule') : t('publish.schedule')}</h2>
      <form className={styles.form} onSubmit={submit} noValidate>
        <fieldset className={styles.fieldset}>
          <legend>{t('publish.when')}</legend>
          <label className={styles.radio}>
            <input
              type="radio"
              name="when"
              checked={when === 'now'}
              onChange={() => setWhen('now')}
            />
            {t('publish.now')}
          </label>
          <label className={styles.radio}>
            <input
              type="radio"
              name="when"
              checked={when === 'later'}
              onChange={() => setWhen('later')}
            />
            {t('publish.later')}
          </label>
        </fieldset>
        {when === 'later' && (
          <div className={styles.row}>
            <label className="field">
              <span>{t('publish.date')}</span>
              <input
                type="date"
                min={today}
                value={at.date}
                onChange={(e) => at.setDate(e.target.value)}
              />
            </label>
            <label className="field">
              <span>{t('publish.time', { zone: nowOffset })}</span>
              <input
                type="time"
                step={1}
                value={at.time}
                onChange={(e) => at.setTime(e.target.value)}
              />
            </label>
          </div>
        )}
        {when === 'later' && at.meaning && (
          <p className={styles.meaning} aria-live="polite">
            {t('publish.meaning', { when: at.meaning })}
          </p>
        )}
        <details className={styles.more}>
          <summary>{t('publish.until')}</summary>
          <div className={styles.row}>
            <label className="field">
              <span>{t('publish.untilDate')}</span>
              <input
                type="date"
                min={today}
                value={until.date}
                onChange={(e) => until.setDate(e.target.value)}
              />
            </label>
            <label className="field">
              <span>{t('publish.untilTime', { zone: nowOffset })}</span>
              <input
                type="time"
                value={until.time}
                onChange={(e) => until.setTime(e.target.value)}
              />
            </label>
          </div>
          {until.meaning && (
            <p className={styles.meaning}>{t('publish.untilMeaning', { when: until.meaning })}</p>
          )}
        </details>
        {problem && (
          <p className={styles.problem} role="alert">
            {problem}
          </p>
        )}
        <div className={styles.actions}>
          <button type="submit" className="button primary" disabled={publish.isPending}>
            {when === 'now'
              ? t('publish.publishNow')
              : scheduled
                ? t('publish.doReschedule')
                : t('publish.doSchedule')}
          </button>
          {scheduled && (
            <button
              type="button"
              className="button"
              disabled={cancel.isPending}
              onClick={() => cancel.mutate(undefined)}
            >
              {t('publish.cancel')}
            </button>
          )}
        </div>
        {publish.isError && <Failure error={publish.error} />}
        {cancel.isError && <Failure error={cancel.error} />}
      </form>
    </section>
  );
}

function Correction({ story }: { story: Story }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const correct = useStoryAction((text: string) => api.correct(story.id, text));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (note.trim()) correct.mutate(note.trim(), { onSuccess: () => setNote('') });
  };
  return (
    <section className={styles.panel} aria-labelledby="correction">
      <h2 id="correction">{t('publish.correction')}</h2>
      <p className={styles.muted}>
        {story.pendingChanges ? t('publish.correctionHint') : t('publish.noPendingChanges')}
      </p>
      <form className={styles.form} onSubmit={submit}>
        <label className="field">
          <span>{t('publish.correctionNote')}</span>
          <textarea rows={2} required value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={correct.isPending}>
          {t('publish.publishCorrection')}
        </button>
        {correct.isError && <Failure error={correct.error} />}
      </form>
    </section>
  );
}

function Kill({ story }: { story: Story }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const dialog = useRef<HTMLDialogElement>(null);
  const kill = useStoryAction((text: string) => api.kill(story.id, text));
  const ask = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) dialog.current?.showModal();
  };
  return (
    <section className={styles.panel} aria-labelledby="kill">
      <h2 id="kill">{t('publish.kill')}</h2>
      <p className={styles.muted}>{t('publish.killHint')}</p>
      <form className={styles.form} onSubmit={ask}>
        <label className="field">
          <span>{t('publish.killReason')}</span>
          <textarea rows={2} required value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="submit" className={`button ${styles.danger}`}>
          {t('publish.killButton')}
        </button>
        {kill.isError && <Failure error={kill.error} />}
      </form>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby="kill-confirm">
        <h2 id="kill-confirm">{t('publish.killConfirmTitle')}</h2>
        <p>{t('publish.killConfirm', { headline: story.headline })}</p>
        <p className={styles.quoteReason}>{reason}</p>
        <div className={styles.actions}>
          <button
            type="button"
            className="button"
            autoFocus
            onClick={() => dialog.current?.close()}
          >
            {t('publish.killCancel')}
          </button>
          <button
            type="button"
            className={`button ${styles.danger}`}
            disabled={kill.isPending}
            onClick={() =>
              kill.mutate(reason.trim(), {
                onSettled: () => dialog.current?.close(),
                onSuccess: () => setReason(''),
              })
            }
          >
            {t('publish.killConfirmButton')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
