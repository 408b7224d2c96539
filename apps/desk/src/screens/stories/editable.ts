import type { Story, User } from '../../api/types';

/**
 * The states in which a story's text may be changed. The API's state machine
 * (`assertEditable` in `libs/editorial`) decides; `test/desk-editable.spec.ts`
 * holds the desk to it.
 */
export const EDITABLE_STATES: readonly Story['status'][] = [
  'draft',
  'changes_requested',
  'published',
];

/**
 * Whether `user` may open the story in the editor and save it now, as the API
 * decides a save: in an editable state, not while an update of it is in
 * review, and by its author (an editor) or an admin.
 */
export function mayEdit(
  story: Pick<Story, 'status' | 'updateStatus' | 'author'>,
  user: Pick<User, 'id' | 'roles'> | null | undefined,
): boolean {
  if (!user || !EDITABLE_STATES.includes(story.status) || story.updateStatus === 'in_review')
    return false;
  if (user.roles.includes('admin')) return true;
  return user.roles.includes('editor') && story.author.id === user.id;
}
