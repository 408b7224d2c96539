import { HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { ValidationFailed, unstorableTextProblems, type FieldProblem } from '@newsdesk/common';

/** Longer URLs are refused before routing; no route takes more than a slug, an id and a few filters. */
export const MAX_URL_LENGTH = 4096;

/**
 * The API's first look at every request, on every route (Nest's controllers,
 * the queue dashboard, the ops login): a URL over {@link MAX_URL_LENGTH} is a
 * 414; a query parameter given twice, and any text in the path, query or body
 * that PostgreSQL could not store (NUL, unpaired surrogates) or that nests
 * absurdly deep, and a query parameter that is not percent-encoded UTF-8, is a
 * 400 naming the field — before any code behind the route
 * runs, so nothing is half written. Multipart uploads are streamed past this
 * hook; their text parts are checked as they are read.
 */
export function installInputGuard(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (request.url.length <= MAX_URL_LENGTH) return done();
    done(
      new HttpException(
        `the URL is longer than ${MAX_URL_LENGTH} characters`,
        HttpStatus.URI_TOO_LONG,
      ),
    );
  });
  fastify.addHook('preValidation', (request, _reply, done) => {
    const problems: FieldProblem[] = [];
    for (const [name, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
      if (Array.isArray(value)) problems.push({ field: name, reason: 'must be given once' });
    }
    problems.push(
      ...undecodableQueryProblems(request.url),
      ...unstorableTextProblems(request.params ?? {}),
      ...unstorableTextProblems(request.query ?? {}),
      ...(request.body === undefined ? [] : unstorableTextProblems(request.body)),
    );
    done(problems.length ? new ValidationFailed(problems) : undefined);
  });
}

/** `text` percent-decoded (a `+` is a space, as in a form), or null when it is not UTF-8. */
function decodedOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return null;
  }
}

/**
 * The query parameters of `url` whose name or value is not percent-encoded
 * UTF-8 (`%C0%80`, `%FF`, a lone `%`). Fastify's parser keeps such a value as
 * it came, undecoded, so the checks on decoded text would never see a `%00`
 * inside it.
 */
export function undecodableQueryProblems(url: string): FieldProblem[] {
  const start = url.indexOf('?');
  if (start < 0) return [];
  const problems: FieldProblem[] = [];
  for (const pair of url.slice(start + 1).split('&')) {
    const equals = pair.indexOf('=');
    const rawName = equals < 0 ? pair : pair.slice(0, equals);
    const name = decodedOrNull(rawName);
    if (name === null || (equals >= 0 && decodedOrNull(pair.slice(equals + 1)) === null))
      problems.push({
        field: name ?? rawName,
        reason: 'must be percent-encoded UTF-8',
      });
  }
  return problems;
}
