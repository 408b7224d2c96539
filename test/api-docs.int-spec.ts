import { ApiClient } from './support/http';
import { Newsdesk } from './support/newsdesk';

describe('the OpenAPI document and its UI', () => {
  let newsdesk: Newsdesk;
  let anonymous: ApiClient;

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    anonymous = new ApiClient(newsdesk.url);
  });

  afterAll(async () => {
    await newsdesk?.stop();
  });

  it('serves the Swagger UI at /docs', async () => {
    const page = await fetch(`${newsdesk.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('swagger-ui');
  });

  it('documents the editorial, image, public and ops routes at /docs-json', async () => {
    const reply = await anonymous.get<{ openapi: string; paths: Record<string, unknown> }>(
      '/docs-json',
    );
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toMatch(/^3\./);
    expect(Object.keys(reply.body.paths)).toEqual(
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
    expect(Object.keys(reply.body.paths)).not.toContain('/metrics');
  });
});
