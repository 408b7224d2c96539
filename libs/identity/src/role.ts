/** What a user may do in the newsroom. A user may hold several roles. */
export const ROLES = ['editor', 'reviewer', 'photo_desk', 'ops', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who performs an action: a signed-in user, or the system (jobs, schedules). */
export type Actor = { kind: 'user'; id: string; roles: readonly Role[] } | { kind: 'system' };

export const SYSTEM: Actor = { kind: 'system' };
