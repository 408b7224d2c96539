import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { Section } from '@newsdesk/editorial';
import { ApiClient } from './support/http';
import { makeDraft, makeSection, makeUser, PASSWORD } from './support/factories';
import {
  errorShapeProblem,
  hostileRequest,
  operationsOf,
  send,
  type HostileRequest,
  type Operation,
} from './support/hostile';
import { Newsdesk } from './support/newsdesk';

/** Runs per route and method; the walk covers every documented operation. */
const RUNS_PER_OPERATION = 20;
const POISONED_RUNS_PER_OPERATION = 8;

describe('no input produces a 5xx (every documented route, hostile values)', () => {
  let newsdesk: Newsdesk;
  let anonymous: ApiClient;
  let adminToken: string;
  let editorToken: string;
  let adminEmail: string;
  let editorEmail: string;
  let section: Section;
  let story: { id: string; slug: string };
  let commentId: string;
  let operations: Operation[];

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    anonymous = new ApiClient(newsdesk.url);
    section = await makeSection(newsdesk.orm, 'Hostile');
    adminEmail = (await makeUser(newsdesk.orm, ['admin'])).email;
    editorEmail = (await makeUser(newsdesk.orm, ['editor'])).email;
    const editor = await anonymous.login(editorEmail, PASSWORD);
    const created = await editor.post('/api/articles', makeDraft(section.slug));
    expect(created.status).toBe(201);
    story = created.body;
    const comment = await editor.post(`/api/articles/${story.id}/comments`, { text: 'Quelle?' });
    expect(comment.status).toBe(201);
    commentId = comment.body.id;
    const document = await anonymous.get('/docs-json');
    expect(document.status).toBe(200);
    // The walk signs out too (logout, logout everywhere): those go last, and every test signs in anew.
    operations = operationsOf(document.body).sort(
      (a, b) => Number(endsSessions(a)) - Number(endsSessions(b)),
    );
    expect(operations.length).toBeGreaterThan(40);
  });

  beforeEach(async () => {
    adminToken = tokenOf(await anonymous.login(adminEmail, PASSWORD));
    editorToken = tokenOf(await anonymous.login(editorEmail, PASSWORD));
  });

  const endsSessions = (operation: Operation) => /\/api\/auth\/logout/.test(operation.path);

  afterAll(async () => {
    await newsdesk?.stop();
  });

  function tokenOf(client: ApiClient): string {
    return (client as unknown as { token: string }).token;
  }

  /** A value that gets a request past the parameter to the code behind it. */
  function real(operation: Operation, name: string): string {
    const enumValues = operation.parameters.find((p) => p.name === name)?.schema?.enum;
    if (enumValues?.length) return enumValues[0];
    if (name === 'id') return operation.path.startsWith('/api/articles') ? story.id : randomUUID();
    if (name === 'commentId') return commentId;
    if (name === 'slug')
      return operation.path.startsWith('/public/articles') ? story.slug : section.slug;
    if (name === 'number') return '1';
    return randomUUID();
  }

  const tokens = () =>
    fc.oneof(
      { weight: 8, arbitrary: fc.constant(adminToken) },
      { weight: 1, arbitrary: fc.constant(editorToken) },
      { weight: 1, arbitrary: fc.constantFrom(null, 'not.a.token', 'x'.repeat(3000)) },
    );

  function describeRequest(request: HostileRequest): string {
    const body = request.body === undefined ? '' : ` ${request.body.slice(0, 300)}`;
    return `${request.method} ${request.url.slice(0, 300)} ${JSON.stringify(request.headers).slice(0, 200)}${body}`;
  }

  async function check(request: HostileRequest): Promise<void> {
    const answer = await send(newsdesk.url, request).catch((error: unknown) => {
      throw new Error(`no answer (${String(error)}): ${describeRequest(request)}`);
    });
    const where = `${describeRequest(request)}\n→ ${answer.status} ${answer.text.slice(0, 500)}`;
    if (answer.status >= 500) throw new Error(`a 5xx: ${where}`);
    if (answer.status >= 400) {
      const problem = errorShapeProblem(answer);
      if (problem) throw new Error(`not the error shape (${problem}): ${where}`);
    }
    if (request.poisoned && (answer.status < 400 || answer.status >= 500))
      throw new Error(`poisoned input was not refused: ${where}`);
  }

  /** Every row of every table the API writes, hashed: a refused request must change none. */
  async function snapshot(): Promise<Record<string, string>> {
    const tables = [
      'articles',
      'revisions',
      'comments',
      'audit_log',
      'outbox',
      'sections',
      'images',
      'edit_locks',
      'published_articles',
      'webhook_subscriptions',
      'webhook_deliveries',
    ];
    const connection = newsdesk.orm.em.getConnection();
    const rows = await Promise.all(
      tables.map(async (table) => {
        const [row] = await connection.execute<{ hash: string | null }[]>(
          `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from ${table} t`,
        );
        return [table, row.hash ?? ''] as const;
      }),
    );
    return Object.fromEntries(rows);
  }

  /**
   * Runs the property for every operation and reports every operation that
   * failed (its shrunk counterexample), not only the first.
   */
  async function walk(
    requests: (operation: Operation) => fc.Arbitrary<HostileRequest>,
    numRuns: number,
  ): Promise<void> {
    const failures: string[] = [];
    for (const operation of operations) {
      const details = await fc.check(fc.asyncProperty(requests(operation), check), { numRuns });
      if (details.failed) {
        const error = details.errorInstance;
        failures.push(
          `${operation.method} ${operation.path} (seed ${details.seed}): ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    expect(failures).toEqual([]);
  }

  it('answers every route and method without a 5xx, errors in the one shape', async () => {
    await walk((operation) => hostileRequest(operation, real, tokens()), RUNS_PER_OPERATION);
  }, 180_000);

  it('refuses a request carrying a NUL, a lone surrogate, an unknown field or a bad id, and writes nothing', async () => {
    // The first walk may have paused queues with real names; nothing would settle.
    const admin = anonymous.as(adminToken);
    for (const name of newsdesk.queueNames()) await admin.post(`/api/ops/queues/${name}/resume`);
    await newsdesk.settle();
    const before = await snapshot();
    await walk(
      (operation) => hostileRequest(operation, real, tokens(), { poisoned: true }),
      POISONED_RUNS_PER_OPERATION,
    );
    await newsdesk.settle();
    expect(await snapshot()).toEqual(before);
  }, 180_000);

  describe('the cases that were 500s, one by one', () => {
    const fields = (reply: { body: { details?: { problems?: { field: string }[] } } }) =>
      (reply.body.details?.problems ?? []).map((p) => p.field);

    it('a NUL in the login email, a slug, a feed path, a filter; a lone surrogate in a headline', async () => {
      const login = await anonymous.post('/api/auth/login', {
        email: 'editor\u0000@newsdesk.test',
        password: 'x',
      });
      expect(login.status).toBe(400);
      expect(fields(login)).toEqual(['email']);
      expect(fields(await anonymous.get('/public/articles/a%00b'))).toEqual(['slug']);
      expect(fields(await anonymous.get('/public/sections/%00/feed.xml'))).toEqual(['slug']);
      const admin = anonymous.as(adminToken);
      const filter = await admin.get('/api/articles?q=%00');
      expect(filter.status).toBe(400);
      expect(fields(filter)).toEqual(['q']);
      const surrogate = await admin.post(
        '/api/articles',
        makeDraft(section.slug, {
          headline: 'Halb \ud83d',
          body: [{ type: 'paragraph', text: 'a\u0000' }],
        }),
      );
      expect(surrogate.status).toBe(400);
      expect(fields(surrogate).sort()).toEqual(['body[0].text', 'headline']);
      const comment = await admin.post(`/api/articles/${story.id}/comments`, { text: 'x\u0000' });
      expect(fields(comment)).toEqual(['text']);
    });

    it('a query value that is not UTF-8, a NUL hidden inside it (it was answered with 200)', async () => {
      const hidden = await anonymous.get(
        `/public/sections/${section.slug}/teasers?exclude=%C0%80%00`,
      );
      expect(hidden.status).toBe(400);
      expect(hidden.body.details.problems).toEqual([
        { field: 'exclude', reason: 'must be percent-encoded UTF-8' },
      ]);
      expect(fields(await anonymous.get('/public/home?limit=%FF'))).toEqual(['limit']);
      const fine = await anonymous.get(
        `/public/sections/${section.slug}/teasers?exclude=stra%C3%9Fe`,
      );
      expect(fine.status).toBe(200);
    });

    it('ids that only look like UUIDs, an offset beyond bigint, garbage If-Match, repeated filters', async () => {
      const admin = anonymous.as(adminToken);
      const dashes = await admin.get(`/api/articles/${'-'.repeat(36)}`);
      expect(dashes.status).toBe(400);
      expect(fields(dashes)).toEqual(['id']);
      const comment = await admin.post(
        `/api/articles/${story.id}/comments/${'0'.repeat(36)}/resolve`,
      );
      expect(fields(comment)).toEqual(['commentId']);
      const offset = await admin.get('/api/articles?offset=99999999999999999999');
      expect(offset.status).toBe(400);
      expect(fields(offset)).toEqual(['offset']);
      const ifMatch = await admin.patch(
        `/api/articles/${story.id}`,
        { teaser: 'x' },
        { 'if-match': '"99999999999999999999"' },
      );
      expect(fields(ifMatch)).toEqual(['If-Match']);
      const repeated = await admin.get('/api/articles?status=draft&status=published');
      expect(repeated.status).toBe(400);
      expect(fields(repeated)).toEqual(['status']);
    });

    it('unknown fields when creating or editing a story and commenting: 400 naming the field, nothing written', async () => {
      await newsdesk.settle();
      const before = await snapshot();
      const editor = anonymous.as(editorToken);
      const created = await editor.post('/api/articles', makeDraft(section.slug, { headlin: 'x' }));
      expect(created.status).toBe(400);
      expect(fields(created)).toEqual(['headlin']);
      const current = (await editor.get(`/api/articles/${story.id}`)).body;
      const edited = await editor.patch(
        `/api/articles/${story.id}`,
        { teaser: 'neu', status: 'published' },
        { 'if-match': String(current.version) },
      );
      expect(fields(edited)).toEqual(['status']);
      const comment = await editor.post(`/api/articles/${story.id}/comments`, {
        text: 'ok',
        resolved: true,
      });
      expect(fields(comment)).toEqual(['resolved']);
      expect(await snapshot()).toEqual(before);
    });

    it('a multipart upload cut off before its closing boundary, or without a boundary: 400', async () => {
      const upload = (contentType: string, body: string) =>
        send(newsdesk.url, {
          method: 'POST',
          url: '/api/images',
          headers: { authorization: `Bearer ${adminToken}`, 'content-type': contentType },
          body,
          poisoned: false,
        });
      const cut = await upload(
        'multipart/form-data; boundary=b',
        '--b\r\nContent-Disposition: form-data; name="alt"\r\n\r\nText\r\n--b\r\nContent-Disposition: form-da',
      );
      expect(cut.status).toBe(400);
      expect(errorShapeProblem(cut)).toBeNull();
      // Cut inside the file, after bytes that look like an image: the parser fails before
      // the upload reads the file, and the file must still end (it used to hang).
      const cutInFile = await upload(
        'multipart/form-data; boundary=b',
        '--b\r\nContent-Disposition: form-data; name="file"; filename="x.gif"\r\nContent-Type: image/gif\r\n\r\nGIF89a not an image\r\n',
      );
      expect(cutInFile.status).toBe(400);
      expect(cutInFile.body).toMatchObject({ details: { problems: [{ field: 'file' }] } });
      const noBoundary = await upload('multipart/form-data', '--b\r\n\r\n');
      expect(noBoundary.status).toBe(400);
      expect(errorShapeProblem(noBoundary)).toBeNull();
    });

    it('unknown routes, 413, 414, 415 and the queue dashboard answer in the one error shape', async () => {
      const raw = (url: string, init: RequestInit = {}) =>
        send(newsdesk.url, {
          method: init.method ?? 'GET',
          url,
          headers: (init.headers as Record<string, string>) ?? {},
          body: init.body as string | undefined,
          poisoned: false,
        });
      const cases = [
        [404, await raw('/no/such/route')],
        [
          413,
          await raw('/api/auth/login', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: 'x'.repeat(3 * 1024 * 1024) }),
          }),
        ],
        [414, await raw(`/public/home?cursor=${'x'.repeat(5000)}`)],
        [
          415,
          await raw('/api/auth/login', {
            method: 'POST',
            headers: { 'content-type': 'application/xml' },
            body: '<login/>',
          }),
        ],
        [401, await raw('/ops/queues/api/queues')],
        [
          403,
          await raw('/ops/queues/api/queues', {
            headers: { authorization: `Bearer ${editorToken}` },
          }),
        ],
      ] as const;
      for (const [status, answer] of cases) {
        expect({ status: answer.status, shape: errorShapeProblem(answer) }).toEqual({
          status,
          shape: null,
        });
      }
    });
  });
});
