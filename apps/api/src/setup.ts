import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';

/**
 * Everything the API app needs besides its module; shared by `main.ts` and the
 * tests. The tests skip the Swagger UI page (its static-file plugin is ESM only,
 * which Jest cannot load) but still build the OpenAPI document.
 */
export function setupApi(app: NestFastifyApplication, options: { docsUi?: boolean } = {}): void {
  app.useLogger(app.get(Logger));
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
