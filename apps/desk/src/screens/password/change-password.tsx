import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api';
import { useChangePassword } from '../../api/queries';
import { useDocumentTitle } from '../../layout/use-document-title';
import styles from '../sign-in/sign-in.module.css';
import { formText } from '../../forms/form-text';

/**
 * A user invited with a one-time password (or whose password an admin reset)
 * may do nothing else until they chose their own: `POST /api/auth/password`.
 */
export function ChangePassword() {
  const { t } = useTranslation();
  useDocumentTitle(t('password.title'));
  const change = useChangePassword();
  const newId = useId();
  // What the form itself finds wrong before asking the API (the two new passwords differ).
  const [mismatch, setMismatch] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = formText(form, 'new');
    const same = next === formText(form, 'repeat');
    setMismatch(!same);
    if (same) change.mutate({ current: formText(form, 'current'), next });
  };

  const error = change.error;
  const problem = mismatch
    ? t('password.mismatch')
    : error instanceof ApiError && error.problemsWith('current').length
      ? t('password.wrongCurrent')
      : error instanceof ApiError && error.status === 400
        ? t('password.rules')
        : error
          ? t('app.failed', { message: error.message })
          : null;

  return (
    <main className={styles.page}>
      <form className={styles.card} onSubmit={onSubmit} noValidate>
        <p className={styles.brand}>{t('app.name')}</p>
        <h1 className={styles.heading}>{t('password.title')}</h1>
        <p>{t('password.intro')}</p>
        <div role="alert" className={problem ? styles.error : undefined}>
          {problem}
        </div>
        <label className="field">
          <span>{t('password.current')}</span>
          <input name="current" type="password" autoComplete="current-password" required />
        </label>
        <div className="field">
          <label htmlFor={newId}>{t('password.new')}</label>
          <input
            id={newId}
            name="new"
            type="password"
            autoComplete="new-password"
            minLength={10}
            maxLength={200}
            required
            aria-describedby={`${newId}-hint`}
          />
          <small id={`${newId}-hint`}>{t('password.newHint')}</small>
        </div>
        <label className="field">
          <span>{t('password.repeat')}</span>
          <input name="repeat" type="password" autoComplete="new-password" required />
        </label>
        <button type="submit" className="button primary" disabled={change.isPending}>
          {change.isPending ? t('password.submitting') : t('password.submit')}
        </button>
      </form>
    </main>
  );
}
