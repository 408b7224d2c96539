import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** `<screen> · Newsdesk` as the tab's title (and what a screen reader announces on navigation). */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}
