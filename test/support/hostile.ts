import fc from 'fast-check';

/**
 * Hostile requests for the route walk (`test/hostile-input.e2e-spec.ts`),
 * generated from the OpenAPI document with fast-check.
 *
 * Every generated piece knows whether it is *poisoned*: it carries something
 * that no route may accept (a NUL, a lone UTF-16 surrogate, an unknown body
 * field, an id that is not a UUID). A request with a poisoned piece must be
 * refused with a 4xx; any request must be answered without a 5xx.
 */

/** A piece of a request: its text as sent (already encoded), and whether it must be refused. */
export interface Piece {
  text: string;
  poisoned: boolean;
}

export interface HostileRequest {
  method: string;
  /** Path and query, encoded as sent. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  poisoned: boolean;
}

/** The part of an OpenAPI operation that the walk reads. */
export interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: 'path' | 'query' | 'header'; schema?: { enum?: string[] } }[];
  /** Documented body fields, or `multipart`, or none. */
  body: { kind: 'json'; fields: string[] } | { kind: 'multipart' } | null;
}

type OpenApiDocument = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Operation['parameters'];
        requestBody?: {
          content: Record<string, { schema?: { $ref?: string; properties?: object } }>;
        };
      }
    >
  >;
  components?: { schemas?: Record<string, { properties?: object }> };
};

/** Every route and method of the document, with its parameters and body fields. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content ?? {};
      let body: Operation['body'] = null;
      if (content['multipart/form-data']) body = { kind: 'multipart' };
      else if (content['application/json']) {
        const schema = content['application/json'].schema ?? {};
        const resolved = schema.$ref
          ? document.components?.schemas?.[schema.$ref.split('/').pop() ?? '']
          : schema;
        body = { kind: 'json', fields: Object.keys(resolved?.properties ?? {}) };
      }
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body,
      });
    }
  }
  return operations;
}

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Text with a NUL or a lone surrogate somewhere. */
export const poisonText = fc
  .tuple(
    fc.string({ maxLength: 8 }),
    fc.oneof(fc.constant('\u0000'), loneSurrogate),
    fc.string({ maxLength: 8 }),
  )
  .map(([a, p, b]) => a + p + b);

/** Strings that are odd but legal text. */
const oddText = fc.oneof(
  fc.constantFrom(
    '',
    '   ',
    '\u00a0\u200b',
    '-'.repeat(36),
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-fffffffffffff',
    '2030-01-01T08:00:00+01:00',
    '+275760-09-13T00:00:00Z',
    '0000-01-01T00:00:00Z',
    '99999999999999999999999',
    '-1',
    'javascript:alert(1)',
    "'; drop table articles; --",
    '%00',
    '\\u0000',
    '__proto__',
    '😀',
    'x'.repeat(5000),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const depth = (n: number) => '['.repeat(n) + ']'.repeat(n);

/** JSON text of a hostile value: any type, huge numbers, deep nesting, poisoned strings and keys. */
export const hostileJson: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 3, arbitrary: poisonText.map((s) => ({ text: JSON.stringify(s), poisoned: true })) },
  { weight: 4, arbitrary: oddText.map((s) => ({ text: JSON.stringify(s), poisoned: false })) },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(
        '1e400',
        '-1e400',
        '1e-400',
        '9007199254740993',
        '99999999999999999999999',
        '2147483648',
        '-1',
        '0',
        '-0',
        '1.5',
        'true',
        'false',
        'null',
        '[]',
        '{}',
        '["a","b"]',
        '[null]',
        '{"$ne":null}',
        '{"__proto__":{"polluted":1}}',
        '{"constructor":{"prototype":{"polluted":1}}}',
        '{"x":0.5,"y":0.5}',
        '{"x":1e400,"y":-1}',
        depth(64),
        depth(5000),
      )
      .map((text) => ({ text, poisoned: false })),
  },
  {
    weight: 1,
    arbitrary: poisonText.map((s) => ({ text: `{${JSON.stringify(s)}:1}`, poisoned: true })),
  },
  {
    weight: 1,
    arbitrary: poisonText.map((s) => ({ text: `[${JSON.stringify(s)}]`, poisoned: true })),
  },
);

/** A path segment or query value, percent-encoded as sent; `%00` decodes to NUL. */
export const hostileUrlValue: fc.Arbitrary<Piece> = fc.oneof(
  fc.constantFrom('%00', 'a%00b', '%C0%80%00').map((text) => ({ text, poisoned: true })),
  fc
    .constantFrom(
      '',
      '%2F',
      '..%2F..%2Fetc%2Fpasswd',
      '-'.repeat(36),
      'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
      '00000000-0000-0000-0000-000000000000x',
      '%FF',
      '%ED%A0%80',
      '%',
      '%E2%82',
      '%C0%80',
      'x'.repeat(1200),
      '99999999999999999999999',
      '-1',
      '1e3',
      '0x10',
      '1.5',
      'NaN',
      '%20',
      '__proto__',
      'constructor',
      '%F0%9F%98%80',
    )
    .map((text) => ({ text, poisoned: false })),
  fc.string({ maxLength: 30 }).map((s) => ({ text: encodeURIComponent(s), poisoned: false })),
);

/** Garbage for an `If-Match` header (a byte string, as HTTP allows). */
const hostileIfMatch = fc.constantFrom(
  '',
  'W/"3"',
  '"99999999999999999999"',
  '99999999999999999999999',
  '-1',
  '1e3',
  '*',
  'abc',
  '3, 4',
  '0',
  '"',
  'x'.repeat(4000),
);

/** Bodies that are not what any JSON route expects. */
const oddBody = fc.oneof(
  fc
    .constantFrom(
      ['application/json', ''],
      ['application/json', '{"headline": "x",'],
      ['application/json', '[]'],
      ['application/json', '"text"'],
      ['application/json', '42'],
      ['application/json', 'null'],
      ['application/json', depth(20_000)],
      ['application/json; charset=latin1', '{}'],
      ['text/plain', 'hello'],
      ['application/xml', '<a/>'],
      ['application/x-www-form-urlencoded', 'email=a%00%40b&password=x'],
      ['multipart/form-data', '--x\r\n'],
      [
        'multipart/form-data; boundary=cut',
        '--cut\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff',
      ],
      ['application/octet-stream', '\u0000\u0001'],
    )
    .map(([type, text]) => ({ type, text })),
);

/** A JSON object body of the documented fields (and sometimes an unknown one), hostile values in any. */
function jsonObjectBody(
  fields: string[],
): fc.Arbitrary<{ type: string; text: string; poisoned: boolean }> {
  return fc
    .tuple(
      fc.tuple(...fields.map(() => fc.option(hostileJson, { nil: undefined }))),
      fc.option(fc.constantFrom('zzUnknown', 'isAdmin', 'status', '__proto__x'), {
        nil: undefined,
      }),
    )
    .map(([values, extra]) => {
      const entries = fields.flatMap((field, i) => {
        const value = values[i];
        return value ? [[field, value] as const] : [];
      });
      if (extra) entries.push([extra, { text: '1', poisoned: true }]);
      return {
        type: 'application/json',
        text: `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v.text}`).join(',')}}`,
        poisoned: entries.some(([, v]) => v.poisoned),
      };
    });
}

/**
 * Text with a NUL. The poison for text sent as bytes (a multipart part): a
 * lone surrogate cannot be encoded, the client sends U+FFFD instead.
 */
const nulText = fc
  .tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }))
  .map(([a, b]) => `${a}\u0000${b}`);

/** A multipart upload: its text parts hostile, the file missing, tiny or cut off. */
const multipartBody = fc
  .tuple(
    fc.option(nulText, { nil: undefined }),
    fc.constantFrom('none', 'junk', 'cut', 'noBoundaryEnd'),
  )
  .map(([alt, file]) => {
    const parts: string[] = [];
    if (alt !== undefined)
      parts.push(`--b\r\nContent-Disposition: form-data; name="alt"\r\n\r\n${alt}\r\n`);
    if (file !== 'none')
      parts.push(
        `--b\r\nContent-Disposition: form-data; name="file"; filename="x.jpg"\r\nContent-Type: image/jpeg\r\n\r\nGIF89a not an image\r\n`,
      );
    const end =
      file === 'cut'
        ? '--b\r\nContent-Disposition: form-da'
        : file === 'noBoundaryEnd'
          ? ''
          : '--b--\r\n';
    return {
      type: 'multipart/form-data; boundary=b',
      text: parts.join('') + end,
      poisoned: alt !== undefined,
    };
  });

/** What the walk may use where a parameter needs a real value (a story id, a section slug …). */
export type RealValues = (operation: Operation, name: string) => string;

const idParam = (name: string) => /id$/i.test(name);

/**
 * One hostile request for `operation`: every path parameter real or hostile
 * (an id that is not a UUID counts as poisoned), every query parameter absent,
 * hostile or repeated, `If-Match` garbage, and a body of the documented fields
 * with hostile values, or of the wrong kind altogether.
 */
export function hostileRequest(
  operation: Operation,
  real: RealValues,
  tokens: fc.Arbitrary<string | null>,
  { poisoned = false }: { poisoned?: boolean } = {},
): fc.Arbitrary<HostileRequest> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const wantsIfMatch = operation.parameters.some((p) => p.in === 'header' && p.name === 'If-Match');
  const body: fc.Arbitrary<{ type: string; text: string; poisoned: boolean } | undefined> =
    operation.body?.kind === 'json'
      ? fc.oneof(
          { weight: 4, arbitrary: jsonObjectBody(operation.body.fields) },
          { weight: 1, arbitrary: oddBody.map((b) => ({ ...b, poisoned: false })) },
        )
      : operation.body?.kind === 'multipart'
        ? fc.oneof(
            multipartBody,
            oddBody.map((b) => ({ ...b, poisoned: false })),
          )
        : fc.option(
            oddBody.map((b) => ({ ...b, poisoned: false })),
            { nil: undefined, freq: 3 },
          );
  return fc
    .record({
      path: fc.tuple(
        ...pathParams.map((p) =>
          fc.oneof(
            fc.constant({ text: encodeURIComponent(real(operation, p.name)), poisoned: false }),
            hostileUrlValue.map((v) => ({ ...v, poisoned: v.poisoned || idParam(p.name) })),
          ),
        ),
      ),
      query: fc.tuple(
        ...queryParams.map(() =>
          fc.option(
            fc.oneof(
              hostileUrlValue.map((v) => [v]),
              fc.tuple(hostileUrlValue, hostileUrlValue),
            ),
            { nil: undefined },
          ),
        ),
      ),
      ifMatch: wantsIfMatch
        ? fc.option(hostileIfMatch, { nil: undefined })
        : fc.constant(undefined),
      token: tokens,
      body,
    })
    .map(({ path, query, ifMatch, token, body: sent }) => {
      let url = operation.path;
      pathParams.forEach((p, i) => {
        url = url.replace(`{${p.name}}`, path[i].text);
      });
      const pairs = queryParams.flatMap((p, i) =>
        (query[i] ?? []).map((v) => ({
          text: `${encodeURIComponent(p.name)}=${v.text}`,
          poisoned: v.poisoned,
        })),
      );
      const poisonedSoFar =
        path.some((p) => p.poisoned) ||
        pairs.some((p) => p.poisoned) ||
        query.some((q) => (q?.length ?? 0) > 1) ||
        (sent?.poisoned ?? false);
      // An undocumented query parameter with a NUL: no route may take it either.
      if (poisoned && !poisonedSoFar) pairs.push({ text: 'note=%00', poisoned: true });
      if (pairs.length) url += `?${pairs.map((p) => p.text).join('&')}`;
      // As an API client asks: the site's pages answer browsers' failures with HTML instead.
      const headers: Record<string, string> = { accept: 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      if (ifMatch !== undefined) headers['if-match'] = ifMatch;
      if (sent) headers['content-type'] = sent.type;
      return {
        method: operation.method,
        url,
        headers,
        body: sent?.text,
        // Repeated query parameters are refused like poison: every documented one is single.
        poisoned: poisonedSoFar || pairs.some((p) => p.poisoned),
      };
    });
}

export interface Answer {
  status: number;
  body: unknown;
  text: string;
}

/** Sends a request as generated (no redirects followed) and reads the answer. */
/** Far above any answer's time on a loaded machine; only a hang reaches it. */
const ANSWER_WITHIN_MS = 15_000;

export async function send(baseUrl: string, request: HostileRequest): Promise<Answer> {
  const response = await fetch(`${baseUrl}${request.url}`, {
    method: request.method,
    headers: request.headers,
    body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
    redirect: 'manual',
    // A request the API never answers is a failure too, named like any other.
    signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
  });
  const text = response.headers.get('content-type')?.startsWith('text/event-stream')
    ? await firstMessageOf(response)
    : await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the shape check fails on it if it was an error
  }
  return { status: response.status, body, text };
}

/** An event stream never ends by itself: its answer is its first message (then it is closed). */
async function firstMessageOf(response: Response): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (!text.includes('\n\n')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel();
  }
  return text;
}

/** Why an error answer does not have the API's one error shape, or null when it does. */
export function errorShapeProblem(answer: Answer): string | null {
  const body = answer.body as Record<string, unknown> | null;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'not a JSON object';
  const keys = Object.keys(body).sort().join(',');
  if (keys !== 'details,error,message,statusCode') return `keys ${keys}`;
  if (body.statusCode !== answer.status) return `statusCode ${String(body.statusCode)}`;
  if (typeof body.error !== 'string' || !/^[a-z_]+$/.test(body.error))
    return `error ${String(body.error)}`;
  if (typeof body.message !== 'string' || !body.message) return 'no message';
  if (typeof body.details !== 'object' || body.details === null || Array.isArray(body.details))
    return 'details not an object';
  return null;
}
