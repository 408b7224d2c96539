/**
 * Where to go after signing in: a path of the desk only (`/stories/…`), never
 * another site (`//evil.example`) or a scheme, whatever the link said.
 */
export function safeNext(next: string | null): string {
  return next && /^\/(?![/\\])[^\s\\]*$/.test(next) ? next : '/stories';
}

/** The sign-in page's address that comes back to `path` afterwards. */
export function signInFor(path: string): string {
  return `/sign-in?next=${encodeURIComponent(path)}`;
}
