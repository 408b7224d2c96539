import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '@newsdesk/config';

/**
 * The browser session cookie of the API (the dashboard, the desk): HttpOnly so
 * scripts cannot read it, SameSite=Strict so other sites' pages do not send it.
 */
export const SESSION_COOKIE = 'newsdesk_session';

/** Methods that change nothing; everything else must come from an allowed origin when a cookie authenticates it. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function bearerOf(request: FastifyRequest): string | undefined {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

export function cookieOf(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim() || undefined;
  }
  return undefined;
}

/** A `Set-Cookie` value for a session cookie; an empty value with max age 0 deletes it. */
export function sessionCookie(
  config: AppConfig,
  {
    name,
    path,
    value,
    maxAgeSeconds,
  }: { name: string; path: string; value: string; maxAgeSeconds: number },
): string {
  return [
    `${name}=${value}`,
    `Path=${path}`,
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    ...(config.env === 'production' ? ['Secure'] : []),
  ].join('; ');
}

export function setSessionCookie(reply: FastifyReply, cookie: string): void {
  void reply.header('set-cookie', cookie).header('cache-control', 'no-store');
}

/**
 * Why a cookie-authenticated request may not change anything, or null when it
 * may. A browser adds its cookie to requests that other sites' pages start,
 * but it always says where they come from in `Origin` (or at least `Referer`):
 * a mutating request must name the API's own origin, the public base URL's,
 * or one of `ALLOWED_ORIGINS`. Requests without either header are refused.
 */
export function crossOriginRefusal(request: FastifyRequest, config: AppConfig): string | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const claimed = request.headers.origin ?? originOf(request.headers.referer);
  if (!claimed || claimed === 'null') {
    return 'a request authenticated by a cookie must carry an Origin header';
  }
  const allowed = new Set([
    `${request.protocol}://${request.host}`,
    originOf(config.publicBaseUrl),
    ...config.allowedOrigins,
  ]);
  return allowed.has(claimed) ? null : `requests from ${claimed} are not accepted`;
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
