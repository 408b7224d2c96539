import { useTranslation } from 'react-i18next';
import styles from './admin.module.css';

/** A secret the API shows once (a one-time password, a token): shown until dismissed, never again. */
export function OneTimeSecret({
  label,
  secret,
  onDone,
}: {
  label: string;
  secret: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className={styles.secret} role="alert">
      <p>
        {label} <code className={styles.secretValue}>{secret}</code>
      </p>
      <p className={styles.hint}>{t('admin.secretOnce')}</p>
      <button type="button" className="button" onClick={onDone}>
        {t('admin.secretDone')}
      </button>
    </div>
  );
}
