import type { Role } from '../api/types';

/**
 * The desk's places, in the order of the left navigation, with the roles that
 * see them (admins see everything). A place whose screen is not built yet has
 * no route: the navigation names it as coming, and links nowhere.
 */
export type Place =
  | {
      key: 'stories' | 'review' | 'photoDesk' | 'ops' | 'admin';
      roles: Role[] | 'all';
      to: string | null;
    }
  | { key: 'ops'; roles: Role[]; href: string };

export const PLACES: Place[] = [
  { key: 'stories', roles: 'all', to: '/stories' },
  // screens/review: the reviewers' queue with approve and request changes.
  { key: 'review', roles: ['reviewer'], to: null },
  // screens/photo-desk: uploads, renditions, captions and credits.
  { key: 'photoDesk', roles: ['photo_desk'], to: '/photos' },
  // screens/ops: queues, failed jobs, the outbox, paused webhooks (and a link to the queue dashboard).
  { key: 'ops', roles: ['ops'], to: '/ops' },
  // screens/admin: users, API tokens, sections and their content profiles.
  { key: 'admin', roles: ['admin'], to: '/admin' },
];

export function placesFor(roles: readonly Role[]): Place[] {
  return PLACES.filter(
    (place) =>
      place.roles === 'all' ||
      roles.includes('admin') ||
      place.roles.some((role) => roles.includes(role)),
  );
}
