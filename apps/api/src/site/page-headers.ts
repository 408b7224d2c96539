import type { FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import { SITE_CSS_HASH } from '@newsdesk/delivery';

export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

/**
 * Whether the client would rather read a page than JSON: browsers (which
 * accept `text/html` or any type) and clients without `Accept` get HTML;
 * clients that ask for `application/json`, or only for types the site does
 * not make, get the API's error body.
 */
export function prefersHtml(request: FastifyRequest): boolean {
  return new Negotiator(request.raw).mediaType(['text/html', 'application/json']) === 'text/html';
}

/**
 * The site's pages run no scripts and load nothing but their own inline
 * style (by its hash) and pictures from the object store; the newsroom's desk
 * (same origin) may frame them, other sites may not.
 */
export function sitePageHeaders(
  reply: FastifyReply,
  imageOrigins: readonly string[] = [],
): FastifyReply {
  return reply
    .header(
      'content-security-policy',
      [
        "default-src 'none'",
        ['img-src', "'self'", 'data:', ...imageOrigins].join(' '),
        `style-src ${SITE_CSS_HASH}`,
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'self'",
      ].join('; '),
    )
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'strict-origin-when-cross-origin')
    .type(HTML_CONTENT_TYPE);
}
