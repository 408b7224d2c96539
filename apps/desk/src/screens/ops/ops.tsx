import { useTranslation } from 'react-i18next';
import type { Queue, WebhookSubscription } from '../../api/ops';
import { Failure, Loading } from '../../layout/status';
import { useDocumentTitle } from '../../layout/use-document-title';
import { useClock } from '../../time/use-clock';
import {
  useFailedJobs,
  useOutbox,
  useQueues,
  useResumeWebhook,
  useRetry,
  useWebhooks,
} from './ops-queries';
import styles from './ops.module.css';

const STATES = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'failed',
  'paused',
  'completed',
] as const;

/**
 * What ops watch: every queue's jobs per state, the failed ones with their
 * reason (retry one or all), the outbox backlog, and paused webhooks. Refreshed
 * every 5 s while shown; Bull Board (`/ops/queues`) has the rest.
 */
export default function Ops() {
  const { t } = useTranslation();
  useDocumentTitle(t('ops.title'));
  const queues = useQueues();
  return (
    <div className={`page ${styles.ops}`}>
      <div className={styles.titleRow}>
        <h1>{t('ops.title')}</h1>
        <a className="button" href="/ops/queues">
          {t('ops.board')}
        </a>
      </div>
      <p className={styles.hint}>{t('ops.refresh')}</p>
      <section aria-labelledby="queues-heading">
        <h2 id="queues-heading">{t('ops.queues.heading')}</h2>
        {queues.isPending ? (
          <Loading />
        ) : queues.isError ? (
          <Failure error={queues.error} retry={() => void queues.refetch()} />
        ) : (
          <>
            <QueueTable queues={queues.data} />
            {queues.data
              .filter((queue) => queue.counts.failed > 0)
              .map((queue) => (
                <FailedJobs key={queue.name} queue={queue} />
              ))}
          </>
        )}
      </section>
      <Outbox />
      <PausedWebhooks />
    </div>
  );
}

function QueueTable({ queues }: { queues: Queue[] }) {
  const { t } = useTranslation();
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className="visually-hidden">{t('ops.queues.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ops.queues.name')}</th>
            {STATES.map((state) => (
              <th key={state} scope="col" className={styles.number}>
                {t(`ops.states.${state}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {queues.map((queue) => (
            <tr key={queue.name}>
              <th scope="row">
                <span className={styles.queueName}>{queue.name}</span>{' '}
                {queue.isPaused && <span className={styles.paused}>{t('ops.queues.paused')}</span>}
              </th>
              {STATES.map((state) => (
                <td
                  key={state}
                  className={styles.number}
                  data-alarm={(state === 'failed' && queue.counts.failed > 0) || undefined}
                >
                  {queue.counts[state]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FailedJobs({ queue }: { queue: Queue }) {
  const { t } = useTranslation();
  const jobs = useFailedJobs(queue.name, true);
  const retry = useRetry();
  const headingId = `failed-${queue.name.replace(/\W/g, '-')}`;
  return (
    <section className={styles.failed} aria-labelledby={headingId}>
      <div className={styles.titleRow}>
        <h3 id={headingId}>{t('ops.failed.heading', { queue: queue.name })}</h3>
        <button
          type="button"
          className="button"
          disabled={retry.isPending}
          onClick={() => retry.mutate({ queue: queue.name })}
        >
          {t('ops.failed.retryAll', { count: queue.counts.failed })}
        </button>
      </div>
      {retry.isError && <Failure error={retry.error} />}
      {jobs.isPending ? (
        <Loading />
      ) : jobs.isError ? (
        <Failure error={jobs.error} retry={() => void jobs.refetch()} />
      ) : (
        <ul className={styles.jobs}>
          {jobs.data.map((job) => (
            <li key={job.id} className={styles.job}>
              <div>
                <span className={styles.jobName}>{job.name}</span>{' '}
                <code className={styles.jobId}>{job.id}</code>
                <p className={styles.reason}>{job.failedReason ?? t('ops.failed.noReason')}</p>
                <p className={styles.hint}>
                  {t('ops.failed.attempts', { made: job.attemptsMade, of: job.attempts })}
                </p>
              </div>
              <button
                type="button"
                className="button"
                disabled={retry.isPending}
                aria-label={t('ops.failed.retryOne', { id: job.id })}
                onClick={() => retry.mutate({ queue: queue.name, id: job.id })}
              >
                {t('ops.failed.retry')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Outbox() {
  const { t } = useTranslation();
  const outbox = useOutbox();
  return (
    <section aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{t('ops.outbox.heading')}</h2>
      {outbox.isPending ? (
        <Loading />
      ) : outbox.isError ? (
        <Failure error={outbox.error} retry={() => void outbox.refetch()} />
      ) : (
        <>
          <dl className={styles.figures}>
            <div>
              <dt>{t('ops.outbox.unsent')}</dt>
              <dd>{outbox.data.unsent}</dd>
            </div>
            <div>
              <dt>{t('ops.outbox.lag')}</dt>
              <dd>{t('ops.outbox.seconds', { count: outbox.data.oldestUnsentAgeSeconds })}</dd>
            </div>
            <div>
              <dt>{t('ops.outbox.failing')}</dt>
              <dd>{outbox.data.failing.length}</dd>
            </div>
          </dl>
          {outbox.data.failing.length > 0 && (
            <ul className={styles.jobs}>
              {outbox.data.failing.map((row) => (
                <li key={row.seq} className={styles.job}>
                  <div>
                    <span className={styles.jobName}>{row.name}</span>{' '}
                    <code className={styles.jobId}>#{row.seq}</code>
                    <p className={styles.reason}>{row.lastError}</p>
                    <p className={styles.hint}>
                      {t('ops.outbox.attempts', { count: row.attempts })}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function PausedWebhooks() {
  const { t } = useTranslation();
  const webhooks = useWebhooks();
  const resume = useResumeWebhook();
  const paused = webhooks.data?.filter((hook) => hook.status === 'paused') ?? [];
  return (
    <section aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading">{t('ops.webhooks.heading')}</h2>
      {webhooks.isPending ? (
        <Loading />
      ) : webhooks.isError ? (
        <Failure error={webhooks.error} retry={() => void webhooks.refetch()} />
      ) : paused.length === 0 ? (
        <p className={styles.hint}>{t('ops.webhooks.none', { count: webhooks.data.length })}</p>
      ) : (
        <ul className={styles.jobs}>
          {paused.map((hook) => (
            <PausedWebhook
              key={hook.id}
              hook={hook}
              busy={resume.isPending}
              onResume={() => resume.mutate(hook.id)}
            />
          ))}
        </ul>
      )}
      {resume.isError && <Failure error={resume.error} />}
    </section>
  );
}

function PausedWebhook({
  hook,
  busy,
  onResume,
}: {
  hook: WebhookSubscription;
  busy: boolean;
  onResume: () => void;
}) {
  const { t } = useTranslation();
  const clock = useClock();
  return (
    <li className={styles.job}>
      <div>
        <span className={styles.jobName}>{hook.url}</span>
        <p className={styles.reason}>{hook.pausedReason ?? hook.lastError}</p>
        {hook.pausedAt && (
          <p className={styles.hint}>
            {t('ops.webhooks.since', { at: clock.dateTime(hook.pausedAt) })}
          </p>
        )}
      </div>
      <button
        type="button"
        className="button"
        disabled={busy}
        aria-label={t('ops.webhooks.resumeOne', { url: hook.url })}
        onClick={onResume}
      >
        {t('ops.webhooks.resume')}
      </button>
    </li>
  );
}
