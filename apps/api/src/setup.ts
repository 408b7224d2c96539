import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import multipart from '@fastify/multipart';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { RequestContext } from '@newsdesk/common';
import { APP_CONFIG, loadConfig, s3UploadOrigin, type AppConfig } from '@newsdesk/config';
import { httpAdapter } from '@newsdesk/messaging';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { buildApiDocument } from './contract/document';
import { mountDesk, originOf } from './desk/desk-static';
import { errorBody } from './error.filter';
import { installInputGuard } from './input/input-guard';
import { mountQueueBoard } from './ops/queue-board';
import { ResponseCache } from './public/response-cache';

/** A caller's or proxy's `X-Request-Id` is kept when it is a plain token; anything else gets a new id. */
const REQUEST_ID = /^[\w.:@-]{1,80}$/;

/** The request id: the caller's `X-Request-Id` when it is a plain token, otherwise a new UUID. */
export function requestIdFor(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * Requests that Node's HTTP parser refuses before Fastify sees them (headers
 * too large, a malformed request line) are answered on the socket, in the
 * API's error shape too.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;
  const status =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 431
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 408
        : 400;
  const body = JSON.stringify(errorBody(status, STATUS_CODES[status] ?? 'Bad Request'));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/**
 * The HTTP server: JSON bodies up to 2 MB (uploads stream separately), path
 * parameters long enough for signed preview tokens (Fastify's default is 100),
 * and request ids unique across processes (Fastify's own count from 1 in each).
 * `X-Forwarded-For` (and `-Proto`, `-Host`) count only when the connection
 * comes from one of `TRUSTED_PROXIES`: otherwise any client could pick the
 * address that login throttling counts against.
 */
export function createApiAdapter(config: AppConfig = loadConfig()): FastifyAdapter {
  return httpAdapter({
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: config.trustedProxies.length ? config.trustedProxies : false,
    routerOptions: { maxParamLength: 1000 },
    genReqId: (request: IncomingMessage) => requestIdFor(request.headers['x-request-id']),
    clientErrorHandler: answerClientError,
    // A path Fastify cannot decode (`%FF`, a cut `%E2%82`) or a parameter over
    // maxParamLength is refused before routing, so before Nest's filter.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const status = error.statusCode ?? 400;
      void reply
        .code(status)
        .header('content-type', 'application/json; charset=utf-8')
        .send(errorBody(status, error.message));
    },
  });
}

/** Everything the API app needs besides its module; shared by `main.ts` and the tests. Gives the OpenAPI document it serves. */
export async function setupApi(app: NestFastifyApplication): Promise<OpenAPIObject> {
  app.useLogger(app.get(Logger));
  const config = app.get<AppConfig>(APP_CONFIG);
  // Unchanged listing responses are answered from memory before routing (checked against Redis).
  app.get(ResponseCache).install(app.getHttpAdapter().getInstance());
  // Logs, audit rows and outbox messages name the request that caused them; so does the response.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      RequestContext.enter({ requestId: String(request.id) });
      void reply.header('x-request-id', request.id);
      done();
    });
  // Text PostgreSQL cannot store, repeated query parameters, absurd nesting and URLs: 4xx before any route.
  installInputGuard(app.getHttpAdapter().getInstance());
  // Uploads stream: the size limit is enforced while reading, and only one file per request.
  await app.register(multipart, {
    limits: {
      fileSize: config.images.maxBytes,
      files: 1,
      fields: 10,
      fieldSize: 10_000,
      parts: 12,
    },
    throwFileSizeLimit: false,
  });
  // Bull Board at /ops/queues, behind the API's own login (ops and admin).
  await mountQueueBoard(app);
  // The newsroom's web app at /desk/ (built by `npm run desk:build`).
  // Its pictures come from the object store's public origin, and its direct uploads go
  // to the store's upload origin: its CSP names both.
  await mountDesk(app, {
    imageOrigins: originOf(config.s3.publicUrl),
    uploadOrigins: [s3UploadOrigin(config)],
  });
  const document = buildApiDocument(app);
  // The UI at /docs, the document at /docs-json.
  SwaggerModule.setup('docs', app, document);
  return document;
}
