import type { StoryFilter } from '../../api/api';
import type { Role } from '../../api/types';

/**
 * The saved views of the stories list: fixed filters a newsroom asks for all
 * day, each with the roles it is for (admins see all). The first is the default.
 */
export interface StoryView {
  /** In the address: `/stories?view=my-drafts`. */
  slug: string;
  label: 'all' | 'myDrafts' | 'myReview' | 'scheduled' | 'published' | 'killed';
  filter: Pick<StoryFilter, 'status' | 'author' | 'assignee'>;
  roles: Role[] | 'all';
}

export const STORY_VIEWS: StoryView[] = [
  { slug: 'all', label: 'all', filter: {}, roles: 'all' },
  {
    slug: 'my-drafts',
    label: 'myDrafts',
    filter: { status: 'draft', author: 'me' },
    roles: ['editor'],
  },
  // Stories assigned to the signed-in reviewer, oldest first.
  { slug: 'my-review', label: 'myReview', filter: { assignee: 'me' }, roles: ['reviewer'] },
  { slug: 'scheduled', label: 'scheduled', filter: { status: 'scheduled' }, roles: 'all' },
  { slug: 'published', label: 'published', filter: { status: 'published' }, roles: 'all' },
  { slug: 'killed', label: 'killed', filter: { status: 'killed' }, roles: 'all' },
];

export function viewsFor(roles: readonly Role[]): StoryView[] {
  return STORY_VIEWS.filter(
    (view) =>
      view.roles === 'all' ||
      roles.includes('admin') ||
      view.roles.some((role) => roles.includes(role)),
  );
}

export const PAGE_SIZE = 25;
