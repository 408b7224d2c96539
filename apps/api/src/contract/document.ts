import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { HEADERS } from './decorators';
import { ErrorBodySchema, componentSchemas, refTo } from './schema';

type Operation = {
  operationId?: string;
  security?: unknown[];
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Record<string, { description: string; headers?: Record<string, unknown> }>;
};

/** What every route may answer besides its own statuses. */
const COMMON_FAILURES: Record<string, string> = {
  '400': 'the request is invalid; `details.problems` names each field and why',
  '414': 'the URL is too long',
  '500': 'something failed on the server; the request id in `X-Request-Id` finds it in the logs',
};

const SIGNED_IN_FAILURES: Record<string, string> = {
  '401': 'no valid session or token',
  '403':
    'the signed-in user may not do this (role, one-time password, or a cookie from a foreign origin)',
};

const BODY_FAILURES: Record<string, string> = {
  '413': 'the body is too large',
  '415': 'the body has a type this route does not take',
};

const TAGS: [string, string][] = [
  ['auth', 'Signing in and out, sessions, passwords'],
  ['articles', 'Stories: drafts, review, publication, revisions, comments, edit locks'],
  ['sections', 'Sections, their approval steps and content profiles'],
  ['images', 'The photo desk: uploads, metadata, renditions'],
  ['public', 'The public site: stories, teaser listings, search, feeds (cacheable)'],
  ['webhooks', 'Subscriptions to publication events and their deliveries'],
  ['ops', 'Queues, the outbox, audit trails, health'],
  ['admin', 'Users, API tokens, sections and the admin audit'],
  ['desk', 'What the newsroom’s web app needs besides the other routes'],
];

/**
 * The OpenAPI document: Nest's routes and parameters, the registered schemas
 * as components, and for every operation the failures every route can give
 * (400, 414, 500; 401 and 403 when it needs a session; 404 when it names
 * something in the path; 413 and 415 when it may carry a body: every method
 * but GET), each with the one error body, and `X-Request-Id` on every response.
 */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  let builder = new DocumentBuilder()
    .setTitle('Newsdesk API')
    .setDescription(
      'Editorial workflow: drafts, review, publication, images and the public teaser listings. ' +
        'Every error has the body `Error`; validation errors name each field in `details.problems`. ' +
        'Sign in with `POST /api/auth/login`: browsers keep the session cookie, scripts send the ' +
        'returned token as `Authorization: Bearer`.',
    )
    .setVersion('0.1.0')
    .setOpenAPIVersion('3.1.0')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addServer('/', 'this server')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'a session or API token' },
      'bearer',
    )
    .addCookieAuth(
      'newsdesk_session',
      {
        type: 'apiKey',
        in: 'cookie',
        name: 'newsdesk_session',
        description: 'the browser session; mutating requests also need an allowed `Origin`',
      },
      'cookie',
    );
  for (const [name, description] of TAGS) builder = builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: (controller, method) =>
      `${controller.replace(/Controller$/, '').replace(/^./, (c) => c.toLowerCase())}_${method}`,
  });
  document.components = { ...document.components, schemas: componentSchemas() };
  const error = { 'application/json': { schema: refTo(ErrorBodySchema) } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, Operation][]) {
      if (typeof operation !== 'object' || !operation?.responses) continue;
      const signedIn = (operation.security?.length ?? 0) > 0;
      // Either credential works wherever a session is needed.
      operation.security = signedIn ? [{ bearer: [] }, { cookie: [] }] : [];
      const failures = {
        ...COMMON_FAILURES,
        ...(signedIn ? SIGNED_IN_FAILURES : {}),
        ...(path.includes('{') ? { '404': 'not found' } : {}),
        // Fastify reads a body on every method but GET and HEAD, documented or not.
        ...(operation.requestBody || !['get', 'head'].includes(method) ? BODY_FAILURES : {}),
      };
      for (const [status, description] of Object.entries(failures)) {
        operation.responses[status] ??= { description, content: error } as never;
      }
      for (const response of Object.values(operation.responses)) {
        response.headers = {
          'X-Request-Id': {
            description:
              'the request id (yours when you sent a plain one); logs, audit rows and events carry it',
            schema: { type: 'string' },
          },
          ...response.headers,
        };
      }
    }
  }
  return document;
}

export { HEADERS };
