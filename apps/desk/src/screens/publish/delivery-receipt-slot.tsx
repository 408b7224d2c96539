import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api';
import type { DeliveryReceipt } from '../../api/review';
import type { Story } from '../../api/types';
import { Failure, Loading } from '../../layout/status';
import { useClock } from '../../time/use-clock';
import styles from '../review/review.module.css';
import receiptStyles from './delivery-receipt.module.css';
import { useDeliveryReceipt } from './delivery-queries';

type Webhook = DeliveryReceipt['webhooks'][number];

/** One line of the checklist: done (✓), waiting (…) or failed (✗), what, and when. */
function Check({
  state,
  label,
  at,
  note,
}: {
  state: 'done' | 'waiting' | 'failed';
  label: string;
  at?: string | null;
  note?: string | null;
}) {
  const { t } = useTranslation();
  const clock = useClock();
  return (
    <li className={receiptStyles.check} data-state={state}>
      <span className={receiptStyles.mark} aria-hidden="true">
        {state === 'done' ? '✓' : state === 'failed' ? '✗' : '…'}
      </span>
      <span>
        <span className="visually-hidden">{t(`delivery.state.${state}`)}: </span>
        {label}
        {at && (
          <>
            {' '}
            <time className={receiptStyles.at} dateTime={at}>
              {clock.dateTime(at)}
            </time>
          </>
        )}
        {note && <span className={receiptStyles.note}> — {note}</span>}
      </span>
    </li>
  );
}

const webhookCheck = (w: Webhook) =>
  w.state === 'delivered' || w.state === 'cancelled'
    ? 'done'
    : w.state === 'failed'
      ? 'failed'
      : 'waiting';

/**
 * The delivery receipt of a published (or retracted) story: a checklist of
 * where its newest version has arrived — released, each listing rebuilt, the
 * CDN purged (and confirmed), each webhook subscriber — and "live everywhere"
 * or what is still pending. Refreshed live by `delivery.progressed`.
 */
export function DeliveryReceiptSlot({ story }: { story: Story }) {
  const { t } = useTranslation();
  const receipt = useDeliveryReceipt(story);
  if (receipt.fetchStatus === 'idle' && receipt.isPending) return null;
  // A story that never went out has no receipt.
  if (receipt.error instanceof ApiError && receipt.error.status === 404) return null;
  return (
    <section className={styles.panel} aria-labelledby="delivery">
      <h2 id="delivery">{t('delivery.title')}</h2>
      {receipt.isPending ? (
        <Loading />
      ) : receipt.error ? (
        <Failure error={receipt.error} retry={() => void receipt.refetch()} />
      ) : (
        <Receipt receipt={receipt.data} />
      )}
    </section>
  );
}

function Receipt({ receipt }: { receipt: DeliveryReceipt }) {
  const { t } = useTranslation();
  const retracted = receipt.retractedAt !== null;
  const waiting: string[] = [
    ...receipt.listings.filter((l) => !l.rebuiltAt).map((l) => l.ref),
    ...(receipt.cdn && receipt.cdn.purges.length === 0 ? [t('delivery.cdnPurge')] : []),
    ...(receipt.cdn?.verification && receipt.cdn.purges.some((p) => !p.verifiedAt)
      ? [t('delivery.cdnVerify')]
      : []),
    ...receipt.webhooks
      .filter((w) => webhookCheck(w) !== 'done')
      .map((w) => `${w.subscriber} (${t(`delivery.webhook.${w.state}`)})`),
  ];
  return (
    <>
      <p
        className={receiptStyles.summary}
        data-complete={receipt.complete}
        role="status"
        aria-live="polite"
      >
        {receipt.complete
          ? t(retracted ? 'delivery.removedEverywhere' : 'delivery.liveEverywhere')
          : t('delivery.pending', { what: waiting.join(', ') })}
      </p>
      <ul className={receiptStyles.checks} aria-label={t('delivery.steps')}>
        <Check
          state="done"
          label={t(retracted ? 'delivery.retracted' : 'delivery.released', {
            version: receipt.version,
          })}
          at={receipt.retractedAt ?? receipt.releasedAt}
        />
        {receipt.listings.map((l) => (
          <Check
            key={l.ref}
            state={l.rebuiltAt ? 'done' : 'waiting'}
            label={t('delivery.listing', { ref: l.ref })}
            at={l.rebuiltAt}
          />
        ))}
        {receipt.cdn && receipt.cdn.purges.length === 0 && (
          <Check state="waiting" label={t('delivery.cdnPurge')} />
        )}
        {receipt.cdn?.purges.map((p) => (
          <Check
            key={p.keys.join(' ')}
            state="done"
            label={t('delivery.cdnSent', { count: p.keys.length })}
            at={p.sentAt}
          />
        ))}
        {receipt.cdn?.verification &&
          receipt.cdn.purges.map((p) => (
            <Check
              key={`verify ${p.keys.join(' ')}`}
              state={p.verifiedAt ? 'done' : 'waiting'}
              label={t('delivery.cdnVerify')}
              at={p.verifiedAt}
            />
          ))}
        {receipt.webhooks.map((w) => (
          <Check
            key={w.subscriptionId}
            state={webhookCheck(w)}
            label={t('delivery.webhookTo', {
              subscriber: w.subscriber,
              state: t(`delivery.webhook.${w.state}`),
            })}
            at={w.at}
            note={w.state === 'delivered' ? null : w.lastError}
          />
        ))}
      </ul>
    </>
  );
}
