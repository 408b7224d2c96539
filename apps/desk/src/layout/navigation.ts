import type { Role } from '../api/types';

/**
 * The desk's places, in the order of the left navigation, with the roles that
 * see them (admins see everything).
 */
export interface Place {
  key: 'stories' | 'newStory' | 'review' | 'photoDesk' | 'ops' | 'admin';
  roles: Role[] | 'all';
  to: string;
}

export const PLACES: Place[] = [
  { key: 'stories', roles: 'all', to: '/stories' },
  // screens/editor: a new story (editors write; the editor also opens at /stories/:id/edit).
  { key: 'newStory', roles: ['editor'], to: '/stories/new' },
  // The reviewer's queue (assigned to me, oldest first); each story opens on its review panel.
  { key: 'review', roles: ['reviewer'], to: '/stories?view=my-review' },
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
