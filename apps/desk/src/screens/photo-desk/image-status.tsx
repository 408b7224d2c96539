import { useTranslation } from 'react-i18next';
import type { Image } from '../../api/photo-desk';
import styles from './photo-desk.module.css';

/** Processing, ready or failed; a ready image without alt text is not usable yet. */
export function ImageStatusBadge({ image }: { image: Image }) {
  const { t } = useTranslation();
  return (
    <span className={styles.badges}>
      <span className={styles.status} data-status={image.status}>
        {t(`photoDesk.status.${image.status}`)}
      </span>
      {image.status !== 'failed' && image.alt.trim() === '' && (
        <span className={styles.status} data-status="missing">
          {t('photoDesk.altMissing')}
        </span>
      )}
    </span>
  );
}
