import { type ArgumentMetadata, Body, type PipeTransform, applyDecorators } from '@nestjs/common';
import { ApiBody, ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { ValidationFailed, fieldProblemsOf } from '@newsdesk/common';
import { ErrorBodySchema, refTo } from './schema';

/** Where {@link Returns} leaves the schemas, by status, that shape a route's answer. */
export const RESPONSE_SCHEMA = 'newsdesk:response-schema';

/** A route's documented body schemas, by status. */
export type ResponseSchemas = Record<number, z.ZodType>;

/** Response headers the document describes by name. */
export const HEADERS = {
  ETag: {
    description:
      'the version of this body; send it back as `If-None-Match` (public) or `If-Match` (stories)',
    schema: { type: 'string', example: '"7"' },
  },
  'Cache-Control': {
    description: 'how long browsers and CDNs may keep the body',
    schema: { type: 'string' },
  },
  'Surrogate-Key': {
    description:
      'space-separated keys a CDN purges by: `story:<id>`, `section:<slug>`, `image:<id>` …',
    schema: { type: 'string', example: 'section:smart-city story:0b6c…' },
  },
  Location: { description: 'where the created resource is', schema: { type: 'string' } },
  'Retry-After': {
    description: 'seconds to wait before trying again',
    schema: { type: 'integer' },
  },
  'Set-Cookie': {
    description: 'the session cookie `newsdesk_session` (HttpOnly, SameSite=Strict)',
    schema: { type: 'string' },
  },
} as const;
export type HeaderName = keyof typeof HEADERS;

/**
 * What a route answers on success: the status, the body's schema (or none for
 * 204) and the headers that matter. The schema is documented and it shapes
 * the body sent: fields it does not name are not sent, and a body that does
 * not match is a server error, never a silent change of the contract.
 */
export function Returns(
  status: number,
  schema: z.ZodType | null,
  options: { description?: string; headers?: HeaderName[] } = {},
) {
  return applyDecorators(
    ApiResponse({
      status,
      description: options.description ?? defaultDescription(status),
      ...(schema ? { schema: refTo(schema) } : {}),
      headers: Object.fromEntries((options.headers ?? []).map((h) => [h, HEADERS[h]])),
    }),
    ...(schema ? [responseSchemaFor(status, schema)] : []),
  );
}

/** Adds `schema` for `status` to the route's schemas by status, which the response is shaped with. */
function responseSchemaFor(status: number, schema: z.ZodType): MethodDecorator {
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const byStatus = (Reflect.getMetadata(RESPONSE_SCHEMA, handler) ?? {}) as ResponseSchemas;
    Reflect.defineMetadata(RESPONSE_SCHEMA, { ...byStatus, [status]: schema }, handler);
    return descriptor;
  };
}

const FAILURES: Record<number, string> = {
  400: 'the request is invalid; `details.problems` names each field and why',
  401: 'no valid session or token',
  403: 'the signed-in user may not do this',
  404: 'not found',
  409: 'the story (or resource) is not in a state that allows this, or was changed by someone else',
  410: 'expired',
  413: 'the body is too large',
  415: 'the body has a type this route does not take',
  423: 'someone else holds the edit lock',
  429: 'too many attempts; see `Retry-After`',
  503: 'a dependency is down; the body names which',
};

/** Error statuses a route answers beyond the ones every route can give (see `document.ts`), each with the one error body. */
export function Fails(...statuses: (keyof typeof FAILURES)[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: FAILURES[status],
        schema: refTo(ErrorBodySchema),
        ...(status === 429 ? { headers: { 'Retry-After': HEADERS['Retry-After'] } } : {}),
      }),
    ),
  );
}

function defaultDescription(status: number): string {
  if (status === 201) return 'created';
  if (status === 202) return 'accepted: the work is queued';
  if (status === 204) return 'done; no body';
  return 'OK';
}

/** Validates a JSON body with its schema: a 400 naming every field that is wrong, before the route runs. */
export class SchemaPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(
    private readonly schema: T,
    private readonly optional: boolean,
  ) {}

  transform(value: unknown, _metadata: ArgumentMetadata): z.output<T> {
    const body = (value === undefined || value === null) && this.optional ? {} : value;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ValidationFailed([{ field: 'body', reason: 'must be a JSON object' }]);
    }
    const parsed = this.schema.safeParse(body, { error: reasonOf });
    if (!parsed.success) throw new ValidationFailed(fieldProblemsOf(parsed.error.issues));
    return parsed.data;
  }
}

/** Reasons in the words the rest of the API uses ("must be …"), for issues whose schema does not say. */
function reasonOf(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${issue.maximum} characters`
        : issue.origin === 'array'
          ? `must have at most ${issue.maximum} items`
          : `must be at most ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? 'must not be empty'
          : `must be at least ${issue.minimum} characters`
        : issue.origin === 'array'
          ? `must have at least ${issue.minimum} items`
          : `must be at least ${issue.minimum}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'uuid' ? 'must be a UUID' : `must be ${article(issue.format)}`;
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return undefined;
  }
}

const article = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

/**
 * The request body, validated with `schema` and documented with it; an
 * optional body may be left out (it is then `{}`).
 */
export function BodyOf(schema: z.ZodType, { optional = false } = {}): ParameterDecorator {
  return (target, key, index) => {
    Body(new SchemaPipe(schema, optional))(target, key, index);
    const descriptor = Object.getOwnPropertyDescriptor(target, key!)!;
    ApiBody({ schema: refTo(schema), required: !optional })(target, key!, descriptor);
  };
}
