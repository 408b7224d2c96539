import { ValidationFailed, unknownFieldProblems } from '@newsdesk/common';

/**
 * A JSON body as an object of the `known` fields only: anything else (an
 * array, a string, a misspelt field) is a 400 naming what is wrong, before
 * the library looks at the values.
 */
export function objectBody(body: unknown, known: readonly string[]): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationFailed([{ field: 'body', reason: 'must be a JSON object' }]);
  }
  const unknown = unknownFieldProblems(body, known);
  if (unknown.length) throw new ValidationFailed(unknown);
  return body as Record<string, unknown>;
}

/** Like {@link objectBody}, for routes whose body is optional: none (or `null`) is `{}`. */
export function optionalObjectBody(
  body: unknown,
  known: readonly string[],
): Record<string, unknown> {
  return body === undefined || body === null ? {} : objectBody(body, known);
}
