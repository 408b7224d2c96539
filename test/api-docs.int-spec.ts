import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiClient } from './support/http';
import { Newsdesk } from './support/newsdesk';

interface Operation {
  operationId: string;
  summary?: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

describe('the OpenAPI document and its UI', () => {
  let newsdesk: Newsdesk;
  let anonymous: ApiClient;
  let document: Document;

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    anonymous = new ApiClient(newsdesk.url);
    document = (await anonymous.get<Document>('/docs-json')).body;
  });

  afterAll(async () => {
    await newsdesk?.stop();
  });

  const operations = () =>
    Object.entries(document.paths).flatMap(([route, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${route}`,
        operation,
      })),
    );

  it('serves the Swagger UI at /docs', async () => {
    const page = await fetch(`${newsdesk.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('swagger-ui');
  });

  it('documents the editorial, image, public and ops routes at /docs-json', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/articles',
        '/api/articles/{id}/publish',
        '/api/images',
        '/public/sections/{slug}/teasers',
        '/api/ops/queues',
        '/api/ops/outbox',
        '/api/auth/password',
        '/api/admin/users',
        '/api/admin/users/{id}/reset-password',
        '/api/admin/sections',
        '/api/admin/sections/{slug}',
        '/api/admin/audit',
        '/health/live',
        '/health/ready',
      ]),
    );
    // Scrapers read /metrics; it is not part of the API's contract.
    expect(Object.keys(document.paths)).not.toContain('/metrics');
  });

  it('gives every success a schema, unless it has no body or is not JSON', () => {
    const missing = operations().flatMap(({ name, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => status.startsWith('2') && status !== '204')
        .filter(([, response]) => {
          const json = response.content?.['application/json'];
          const other = Object.keys(response.content ?? {}).some((t) => t !== 'application/json');
          return !(json?.schema || other);
        })
        .map(([status]) => `${name} ${status}`),
    );
    expect(missing).toEqual([]);
  });

  it('gives every operation a summary, an id, and the error body for the failures every route can give', () => {
    for (const { name, operation } of operations()) {
      expect({ name, summary: typeof operation.summary }).toEqual({ name, summary: 'string' });
      expect(operation.operationId).toMatch(/^\w+_\w+$/);
      for (const status of [
        '400',
        '414',
        '500',
        ...(operation.security?.length ? ['401', '403'] : []),
      ]) {
        expect({
          name,
          status,
          schema: operation.responses[status]?.content?.['application/json']?.schema,
        }).toEqual({
          name,
          status,
          schema: { $ref: '#/components/schemas/Error' },
        });
      }
    }
  });

  it('passes the strict OpenAPI validator and the linter, and the committed client types match it', () => {
    const file = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-openapi-')),
      'openapi.json',
    );
    fs.writeFileSync(file, JSON.stringify(document, null, 2));
    const mode = process.env.NEWSDESK_WRITE_API_CLIENT === '1' ? 'write' : 'check';
    const run = spawnSync(process.execPath, ['scripts/api-contract.mjs', mode, file], {
      encoding: 'utf8',
    });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    expect({ code: run.status, output: `${run.stdout}${run.stderr}` }).toEqual({
      code: 0,
      output: expect.stringContaining('lint: 0 error(s), 0 warning(s)'),
    });
    expect(run.stdout).toMatch(/valid OpenAPI 3\.\d+\.\d+ \(strict\)/);
  });
});
