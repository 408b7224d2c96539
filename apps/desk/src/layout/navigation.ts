import type { Role } from '../api/types';

/**
 * The desk's places, in the order of the left navigation, with the roles that
 * see them (admins see everything). A place whose screen is not built yet has
 * no route: the navigation names it as coming, and links nowhere.
 */
export type Place =
  | {
      key: 'stories' | 'newStory' | 'review' | 'photoDesk' | 'admin';
      roles: Role[] | 'all';
      to: string | null;
    }
  | { key: 'ops'; roles: Role[]; href: string };

export const PLACES: Place[] = [
  { key: 'stories', roles: 'all', to: '/stories' },
  // screens/editor: a new story (editors write; the editor also opens at /stories/:id/edit).
  { key: 'newStory', roles: ['editor'], to: '/stories/new' },
  // The reviewer's queue (assigned to me, oldest first); each story opens on its review panel.
  { key: 'review', roles: ['reviewer'], to: '/stories?view=my-review' },
  // screens/photo-desk: uploads, renditions, captions and credits.
  { key: 'photoDesk', roles: ['photo_desk'], to: null },
  // The queue dashboard (Bull Board), outside the desk until screens/ops replaces it.
  { key: 'ops', roles: ['ops'], href: '/ops/queues' },
  // screens/admin: users, sections, content profiles, the administration log.
  { key: 'admin', roles: ['admin'], to: null },
];

export function placesFor(roles: readonly Role[]): Place[] {
  return PLACES.filter(
    (place) =>
      place.roles === 'all' ||
      roles.includes('admin') ||
      place.roles.some((role) => roles.includes(role)),
  );
}
