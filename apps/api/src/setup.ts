import multipart from '@fastify/multipart';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { RequestContext } from '@newsdesk/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ResponseCache } from './public/response-cache';

/**
 * The HTTP server: JSON bodies up to 2 MB (uploads stream separately), and path
 * parameters long enough for signed preview tokens (Fastify's default is 100).
 */
export function createApiAdapter(): FastifyAdapter {
  return new FastifyAdapter({ bodyLimit: 2 * 1024 * 1024, trustProxy: true, maxParamLength: 1000 });
}

/**
 * Everything the API app needs besides its module; shared by `main.ts` and the
 * tests. The tests skip the Swagger UI page (its static-file plugin is ESM only,
 * which Jest cannot load) but still build the OpenAPI document.
 */
export async function setupApi(
  app: NestFastifyApplication,
  options: { docsUi?: boolean } = {},
): Promise<void> {
  app.useLogger(app.get(Logger));
  const config = app.get<AppConfig>(APP_CONFIG);
  // Unchanged listing responses are answered from memory before routing (checked against Redis).
  app.get(ResponseCache).install(app.getHttpAdapter().getInstance());
  // Audit rows name the request that caused them.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, _reply, done) => {
      RequestContext.enter({ requestId: String(request.id) });
      done();
    });
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
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Newsdesk API')
      .setDescription('Editorial workflow: drafts, review, publication, public teaser listings.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  if (options.docsUi === false) {
    app
      .getHttpAdapter()
      .get('/docs-json', (_req, reply: { send(body: unknown): void }) => reply.send(document));
    return;
  }
  SwaggerModule.setup('docs', app, document);
}
