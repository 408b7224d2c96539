import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useMe, useSignOut } from '../api/queries';
import { useLiveStream } from '../live/use-live-stream';
import { placesFor } from './navigation';
import styles from './shell.module.css';

/** The frame of every signed-in screen: the header with the user, the navigation, the screen. */
export function Shell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const signOut = useSignOut(
    (scope) => void navigate(`/sign-in?signedOut=${scope}`, { replace: true }),
  );
  useLiveStream();
  // The session gate renders the shell only with a user.
  if (!me) return null;
  const { user } = me;

  return (
    <div className={styles.shell}>
      <a className={styles.skip} href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className={styles.header}>
        <span className={styles.brand}>{t('app.name')}</span>
        <div className={styles.account} aria-label={t('shell.account')} role="group">
          <span className={styles.user}>
            <span className={styles.name}>{user.name}</span>
            <span className={styles.roles}>
              {t('shell.roles', { roles: user.roles.map((r) => t(`roles.${r}`)).join(', ') })}
            </span>
          </span>
          <button
            type="button"
            className="button"
            disabled={signOut.isPending}
            onClick={() => signOut.mutate('here')}
          >
            {t('shell.signOut')}
          </button>
          <button
            type="button"
            className="button quiet"
            disabled={signOut.isPending}
            onClick={() => signOut.mutate('everywhere')}
          >
            {t('shell.signOutEverywhere')}
          </button>
        </div>
      </header>
      <nav className={styles.nav} aria-label={t('nav.label')}>
        <ul>
          {placesFor(user.roles).map((place) => (
            <li key={place.key}>
              <NavLink className={styles.link} to={place.to}>
                {t(`nav.${place.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main className={styles.main} id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
