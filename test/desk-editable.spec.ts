import { assertEditable, UPDATE_STATUSES } from '@newsdesk/editorial';
import type { Role } from '@newsdesk/identity';
import { mayEdit } from '../apps/desk/src/screens/stories/editable';
import { ROLES, STORY_STATUSES } from '../apps/desk/src/api/types';

const AUTHOR = '00000000-0000-4000-8000-0000000000a1';
const SOMEONE_ELSE = '00000000-0000-4000-8000-0000000000b2';

describe('whom the desk offers the editor of a story', () => {
  it('agrees with the API’s state machine in every state, for every role, author or not', () => {
    const disagreements: string[] = [];
    for (const status of STORY_STATUSES) {
      for (const updateStatus of [null, ...UPDATE_STATUSES]) {
        for (const role of ROLES) {
          for (const id of [AUTHOR, SOMEONE_ELSE]) {
            const roles: Role[] = [role];
            let api = true;
            try {
              assertEditable(
                { status, updateStatus, authorId: AUTHOR },
                { kind: 'user', id, roles },
              );
            } catch {
              api = false;
            }
            const desk = mayEdit(
              { status, updateStatus, author: { id: AUTHOR, name: 'Clara Neumann' } },
              { id, roles },
            );
            if (desk !== api)
              disagreements.push(
                `${status}/${updateStatus} ${role} ${id === AUTHOR ? 'author' : 'other'}: ` +
                  `API ${api}, desk ${desk}`,
              );
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('offers it to an editor for her own draft, and to nobody signed out', () => {
    const draft = {
      status: 'draft',
      updateStatus: null,
      author: { id: AUTHOR, name: 'Clara Neumann' },
    } as const;
    expect(mayEdit(draft, { id: AUTHOR, roles: ['editor'] })).toBe(true);
    expect(mayEdit(draft, null)).toBe(false);
  });
});
