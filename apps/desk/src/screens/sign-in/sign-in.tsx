import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/api';
import { useMe, useSignIn } from '../../api/queries';
import { useDocumentTitle } from '../../layout/use-document-title';
import { safeNext } from '../../session/next';
import styles from './sign-in.module.css';
import { formText } from '../../forms/form-text';

/**
 * Email and password, sent to `POST /api/auth/login`; the API answers with the
 * session cookie. Afterwards the user is where they were sent from (`?next=`).
 */
export function SignIn() {
  const { t } = useTranslation();
  useDocumentTitle(t('signIn.title'));
  const [params] = useSearchParams();
  const me = useMe();
  const signIn = useSignIn();
  const next = safeNext(params.get('next'));

  if (me.data) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    signIn.mutate({
      email: formText(form, 'email'),
      password: formText(form, 'password'),
    });
  };

  const signedOut = params.get('signedOut');
  const notice =
    signedOut === 'everywhere'
      ? t('signIn.signedOutEverywhere')
      : signedOut
        ? t('signIn.signedOut')
        : params.has('next')
          ? t('signIn.again')
          : null;
  const problem = signIn.error ? reason(signIn.error, t) : null;

  return (
    <main className={styles.page}>
      <form className={styles.card} onSubmit={onSubmit} noValidate>
        <p className={styles.brand}>{t('app.name')}</p>
        <h1 className={styles.heading}>{t('signIn.heading')}</h1>
        {notice && !problem && (
          <p className={styles.notice} role="status">
            {notice}
          </p>
        )}
        <div role="alert" className={problem ? styles.error : undefined}>
          {problem}
        </div>
        <label className="field">
          <span>{t('signIn.email')}</span>
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label className="field">
          <span>{t('signIn.password')}</span>
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit" className="button primary" disabled={signIn.isPending}>
          {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}

function reason(error: Error, t: ReturnType<typeof useTranslation>['t']): string {
  if (!(error instanceof ApiError)) return t('app.offline');
  switch (error.status) {
    case 400:
      return t('signIn.incomplete');
    case 401:
      return /deactivated/.test(error.message) ? t('signIn.deactivated') : t('signIn.wrong');
    case 429:
      return t('signIn.throttled', { seconds: error.retryAfterSeconds ?? 30 });
    default:
      return t('app.failed', { message: error.message });
  }
}
