import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import styles from './story-tabs.module.css';

/** The panels of one story, each its own address: `/stories/:id`, `…/review`, `…/publish`, `…/preview`, `…/history`. */
const TABS = [
  { key: 'story', path: '' },
  { key: 'review', path: '/review' },
  { key: 'publish', path: '/publish' },
  { key: 'preview', path: '/preview' },
  { key: 'history', path: '/history' },
] as const;

/** The row of panel links above a story. */
export function StoryTabs({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <nav className={styles.tabs} aria-label={t('review.tabs.label')}>
      <ul>
        {TABS.map((tab) => (
          <li key={tab.key}>
            <NavLink to={`/stories/${id}${tab.path}`} end>
              {t(`review.tabs.${tab.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
