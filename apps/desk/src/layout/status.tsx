import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api';
import styles from './status.module.css';

/** Shown while something loads; announced politely to screen readers. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className={styles.loading} role="status">
      {t('app.loading')}
    </p>
  );
}

/** What went wrong, in the API's words, with a way to try again. */
export function Failure({ error, retry }: { error: Error; retry?: () => void }) {
  const { t } = useTranslation();
  const message =
    error instanceof ApiError ? t('app.failed', { message: error.message }) : t('app.offline');
  return (
    <div className={styles.failure} role="alert">
      <p>{message}</p>
      {retry && (
        <button type="button" className="button" onClick={retry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
