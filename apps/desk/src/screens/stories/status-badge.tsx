import { useTranslation } from 'react-i18next';
import type { StoryStatus } from '../../api/types';
import styles from './stories.module.css';

export function StatusBadge({ status }: { status: StoryStatus }) {
  const { t } = useTranslation();
  return (
    <span className={styles.status} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
