import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/admin';
import type { AdminUser, InitialPassword } from '../../api/admin';
import { ROLES, type Role } from '../../api/types';
import { formText } from '../../forms/form-text';
import { Failure, Loading } from '../../layout/status';
import { adminKeys, useAdminChange, useUsers } from './admin-queries';
import styles from './admin.module.css';
import { OneTimeSecret } from './one-time-secret';

const rolesOf = (form: FormData) =>
  form.getAll('roles').filter((r): r is Role => (ROLES as readonly unknown[]).includes(r));

/** Users: invite (with a one-time password shown once), roles, deactivate, reset password. */
export function Users() {
  const { t } = useTranslation();
  const users = useUsers();
  // The one-time password exists only in this answer: kept until the admin dismisses it.
  const [issued, setIssued] = useState<InitialPassword | null>(null);
  const invite = useAdminChange(api.inviteUser, [adminKeys.users]);
  const reset = useAdminChange(api.resetPassword, [adminKeys.users]);

  const onInvite = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    invite.mutate(
      {
        email: formText(form, 'email').trim(),
        name: formText(form, 'name').trim(),
        roles: rolesOf(form),
      },
      {
        onSuccess: (answer) => {
          setIssued(answer);
          formElement.reset();
        },
      },
    );
  };

  return (
    <section className={styles.part} aria-labelledby="users-heading">
      <h2 id="users-heading">{t('admin.users.heading')}</h2>
      {issued && (
        <OneTimeSecret
          label={t('admin.users.issued', { name: issued.user.name })}
          secret={issued.initialPassword}
          onDone={() => setIssued(null)}
        />
      )}
      <form className={styles.inline} onSubmit={onInvite} aria-label={t('admin.users.invite')}>
        <label className="field">
          {t('admin.users.name')}
          <input name="name" required autoComplete="off" />
        </label>
        <label className="field">
          {t('admin.users.email')}
          <input name="email" type="email" required autoComplete="off" />
        </label>
        <RoleChoice name="roles" legend={t('admin.users.roles')} chosen={['editor']} />
        <button type="submit" className="button primary" disabled={invite.isPending}>
          {t('admin.users.invite')}
        </button>
      </form>
      {invite.isError && <Failure error={invite.error} />}
      {reset.isError && <Failure error={reset.error} />}
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <Failure error={users.error} retry={() => void users.refetch()} />
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t('admin.users.name')}</th>
                <th scope="col">{t('admin.users.roles')}</th>
                <th scope="col">{t('admin.users.state')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  onReset={() => reset.mutate(user.id, { onSuccess: setIssued })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function UserRow({ user, onReset }: { user: AdminUser; onReset: () => void }) {
  const { t } = useTranslation();
  const update = useAdminChange(
    (change: api.UpdateUser) => api.updateUser(user.id, change),
    [adminKeys.users],
  );
  const onRoles = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate({ roles: rolesOf(new FormData(event.currentTarget)) });
  };
  return (
    <tr>
      <th scope="row">
        <span className={styles.strong}>{user.name}</span>
        <span className={styles.muted}>{user.email}</span>
      </th>
      <td>
        <form className={styles.roles} onSubmit={onRoles} key={user.roles.join()}>
          <RoleChoice
            name="roles"
            legend={t('admin.users.rolesOf', { name: user.name })}
            chosen={user.roles}
            hideLegend
          />
          <button type="submit" className="button" disabled={update.isPending}>
            {t('admin.users.saveRoles')}
          </button>
        </form>
        {update.isError && <Failure error={update.error} />}
      </td>
      <td>
        {user.active ? t('admin.users.active') : t('admin.users.inactive')}
        {user.mustChangePassword && (
          <span className={styles.muted}>{t('admin.users.mustChange')}</span>
        )}
      </td>
      <td>
        <div className={styles.actions}>
          <button
            type="button"
            className="button"
            disabled={update.isPending}
            onClick={() => update.mutate({ active: !user.active })}
          >
            {user.active ? t('admin.users.deactivate') : t('admin.users.reactivate')}
          </button>
          <button type="button" className="button" onClick={onReset}>
            {t('admin.users.reset')}
          </button>
        </div>
      </td>
    </tr>
  );
}

/** Checkboxes for the five roles. */
export function RoleChoice({
  name,
  legend,
  chosen,
  hideLegend = false,
}: {
  name: string;
  legend: string;
  chosen: readonly Role[];
  hideLegend?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className={styles.roleChoice}>
      <legend className={hideLegend ? 'visually-hidden' : undefined}>{legend}</legend>
      {ROLES.map((role) => (
        <label key={role}>
          <input type="checkbox" name={name} value={role} defaultChecked={chosen.includes(role)} />
          {t(`roles.${role}`)}
        </label>
      ))}
    </fieldset>
  );
}
