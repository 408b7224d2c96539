import type { Actor, Role } from '@newsdesk/identity';

/** How a request proved who it is. */
export type Credential =
  | { type: 'session'; sessionId: string; expiresAt: Date }
  | { type: 'api_token'; tokenId: string; expiresAt: Date };

/** The user behind a request, with roles and name as the database has them now. */
export type Principal = Extract<Actor, { kind: 'user' }> & {
  name: string;
  roles: Role[];
  /** Still signed in with a one-time password: may do nothing but change it. */
  mustChangePassword: boolean;
  credential: Credential;
};
