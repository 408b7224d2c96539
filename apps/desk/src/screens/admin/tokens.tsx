import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/admin';
import type { NewApiToken } from '../../api/admin';
import { ROLES, type Role } from '../../api/types';
import { formText } from '../../forms/form-text';
import { Failure, Loading } from '../../layout/status';
import { useNewsroom } from '../../api/queries';
import { useClock } from '../../time/use-clock';
import { zonedInstant } from '../../time/zoned-time';
import { adminKeys, useAdminChange, useTokens } from './admin-queries';
import styles from './admin.module.css';
import { OneTimeSecret } from './one-time-secret';

/** The end of the day a date input names, on the newsroom's clock, with its offset (the API wants one). */
const endOfDay = (date: string, timeZone: string) =>
  zonedInstant(date, '23:59:59', timeZone)?.iso ?? '';

/** API tokens for integrations: issue (the secret shown once) and revoke. */
export function Tokens() {
  const { t } = useTranslation();
  const clock = useClock();
  const timeZone = useNewsroom().data?.timeZone ?? 'UTC';
  const tokens = useTokens();
  const [issued, setIssued] = useState<NewApiToken | null>(null);
  const create = useAdminChange(api.createToken, [adminKeys.tokens]);
  const revoke = useAdminChange(api.revokeToken, [adminKeys.tokens]);

  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.mutate(
      {
        name: formText(form, 'name').trim(),
        role: formText(form, 'role') as Role,
        expiresAt: endOfDay(formText(form, 'expires'), timeZone),
      },
      {
        onSuccess: (token) => {
          setIssued(token);
          formElement.reset();
        },
      },
    );
  };

  return (
    <section className={styles.part} aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t('admin.tokens.heading')}</h2>
      {issued && (
        <OneTimeSecret
          label={t('admin.tokens.issued', { name: issued.name })}
          secret={issued.token}
          onDone={() => setIssued(null)}
        />
      )}
      <form className={styles.inline} onSubmit={onCreate} aria-label={t('admin.tokens.create')}>
        <label className="field">
          {t('admin.tokens.name')}
          <input name="name" required autoComplete="off" />
        </label>
        <label className="field">
          {t('admin.tokens.role')}
          <select name="role" defaultValue="editor">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('admin.tokens.expires')}
          <input name="expires" type="date" required />
        </label>
        <button type="submit" className="button primary" disabled={create.isPending}>
          {t('admin.tokens.create')}
        </button>
      </form>
      {create.isError && <Failure error={create.error} />}
      {revoke.isError && <Failure error={revoke.error} />}
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <Failure error={tokens.error} retry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <p className={styles.hint}>{t('admin.tokens.none')}</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t('admin.tokens.name')}</th>
                <th scope="col">{t('admin.tokens.role')}</th>
                <th scope="col">{t('admin.tokens.expires')}</th>
                <th scope="col">{t('admin.tokens.lastUsed')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <tr key={token.id}>
                  <th scope="row">
                    <span className={styles.strong}>{token.name}</span>
                    <code className={styles.muted}>{token.prefix}…</code>
                  </th>
                  <td>{t(`roles.${token.role}`)}</td>
                  <td>{clock.date(token.expiresAt)}</td>
                  <td>
                    {token.lastUsedAt ? clock.dateTime(token.lastUsedAt) : t('admin.tokens.never')}
                  </td>
                  <td>
                    {token.revokedAt ? (
                      t('admin.tokens.revoked', { at: clock.dateTime(token.revokedAt) })
                    ) : (
                      <button
                        type="button"
                        className="button"
                        disabled={revoke.isPending}
                        aria-label={t('admin.tokens.revokeOne', { name: token.name })}
                        onClick={() => revoke.mutate(token.id)}
                      >
                        {t('admin.tokens.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
