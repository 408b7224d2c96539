import { createHash } from 'node:crypto';
import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiProduces } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { Returns, type HeaderName } from '../contract/decorators';
import { shapeResponse } from '../contract/shape-response.interceptor';

/**
 * Public documents: browsers keep them a minute, the CDN five; after that the
 * CDN may serve the old copy for ten more minutes while it fetches the new one.
 * A purge by surrogate key (on publish, update, unpublish, kill) makes changes
 * show sooner than that.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';

/** A strong validator: the same bytes always give the same tag. */
export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/**
 * Whether an `If-None-Match` header names this ETag. `If-None-Match` compares
 * weakly (RFC 9110 §13.1.2): `W/"x"` matches `"x"`; `*` matches anything.
 */
export function matchesIfNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/** What {@link sendCached} sent, for a response cache to replay. */
export interface SentDocument {
  payload: string | Buffer;
  etag: string;
  surrogateKey: string;
}

/**
 * Sends a public, cacheable document: `Cache-Control`, an `ETag` (a hash of
 * the body as sent), `Surrogate-Key` (space-separated, deduplicated, for
 * purging the CDN by story, section, …), and 304 without a body when
 * `If-None-Match` already names the body. Set the content type on the reply
 * first; a body that is not a string or a Buffer is sent as JSON
 * (`application/json; charset=utf-8` unless a type is set), serialised here so
 * that the ETag hashes the bytes sent, after `schema` (the route's documented
 * one, see `@Returns`) has shaped it: the interceptor that shapes other routes'
 * answers never sees a reply sent here. Use with `@Res()`: the helper sends the reply.
 *
 * Surrogate keys name what the document shows: `story:<id>` per story, the
 * listing it is (`home`, `section:<slug>` …, as the events name listings) and
 * its kind (`feed`, `sitemap` …). Keep them short: CDNs cap the header (Fastly
 * at 16 KB), so a document of hundreds of stories names its listing instead.
 */
export function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string | Buffer,
  surrogateKeys: string[],
): SentDocument;
export function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  body: object,
  surrogateKeys: string[],
  schema: z.ZodType,
): SentDocument;
export function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string | Buffer | object,
  surrogateKeys: string[],
  schema?: z.ZodType,
): SentDocument {
  let payload: string | Buffer;
  if (typeof body === 'string' || Buffer.isBuffer(body)) payload = body;
  else {
    payload = JSON.stringify(schema ? shapeResponse(schema, body) : body);
    if (!reply.hasHeader('content-type'))
      void reply.header('content-type', 'application/json; charset=utf-8');
  }
  const etag = etagOf(payload);
  const keys = [...new Set(surrogateKeys.map((k) => k.trim()).filter(Boolean))];
  void reply.header('cache-control', PUBLIC_CACHE_CONTROL);
  void reply.header('etag', etag);
  if (keys.length) void reply.header('surrogate-key', keys.join(' '));
  if (
    (request.method === 'GET' || request.method === 'HEAD') &&
    matchesIfNoneMatch(request.headers['if-none-match'], etag)
  ) {
    // A 304 repeats the validators and caching headers, and has no body (nor its type).
    void reply.removeHeader('content-type');
    void reply.code(304).send();
    return { payload, etag, surrogateKey: keys.join(' ') };
  }
  void reply.send(payload);
  return { payload, etag, surrogateKey: keys.join(' ') };
}

const CACHE_HEADERS: HeaderName[] = ['ETag', 'Cache-Control', 'Surrogate-Key'];

/**
 * Documents a document sent with {@link sendCached}: 200 with `schema` (in
 * `contentType` when it is not JSON), 304 without a body when `If-None-Match`
 * names its ETag, both with the caching headers. A JSON route passes the same
 * schema to `sendCached`, which shapes the body; a document rendered to text
 * (RSS, JSON Feed, sitemap) is only described by it.
 */
export function CachedDocument(schema: z.ZodType, contentType?: string) {
  return applyDecorators(
    ...(contentType ? [ApiProduces(contentType)] : []),
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'the `ETag` of the copy you hold: 304 without a body while it is current',
      schema: { type: 'string', example: '"k3J9mZ0c1VvQ2aB4dE5fG6hH7iI8jJ9k"' },
    }),
    Returns(200, schema, { headers: CACHE_HEADERS }),
    Returns(304, null, {
      description: 'not modified: `If-None-Match` names the current `ETag`; no body',
      headers: CACHE_HEADERS,
    }),
  );
}
