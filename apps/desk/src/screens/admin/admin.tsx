import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../layout/use-document-title';
import styles from './admin.module.css';
import { Sections } from './sections';
import { Tokens } from './tokens';
import { Users } from './users';

/** Administration: people, integrations' API tokens, and sections with their rules. */
export default function Admin() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.title'));
  return (
    <div className={`page ${styles.admin}`}>
      <h1>{t('admin.title')}</h1>
      <Users />
      <Tokens />
      <Sections />
    </div>
  );
}
