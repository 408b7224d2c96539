import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe, useNewsroom } from '../api/queries';
import { ChangePassword } from '../screens/password/change-password';
import { Failure, Loading } from '../layout/status';
import { signInFor } from './next';

/**
 * The gate in front of every screen that needs a session: waits for who is
 * signed in and for the newsroom's settings; sends everyone else to sign in
 * (and back here afterwards), and a one-time password to be changed first.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const newsroom = useNewsroom();
  const location = useLocation();
  if (me.isPending || newsroom.isPending) return <Loading />;
  if (me.isError) return <Failure error={me.error} retry={() => void me.refetch()} />;
  if (!me.data) {
    const here = location.pathname + location.search;
    return <Navigate to={here === '/' ? '/sign-in' : signInFor(here)} replace />;
  }
  if (newsroom.isError)
    return <Failure error={newsroom.error} retry={() => void newsroom.refetch()} />;
  if (me.data.user.mustChangePassword) return <ChangePassword />;
  return children;
}
