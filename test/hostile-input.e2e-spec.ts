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
const RUNS_PER_OPERATION = 12;
const POISONED_RUNS_PER_OPERATION = 6;

describe('no input produces a 5xx (every documented route, hostile values)', () => {
  let newsdesk: Newsdesk;
  let anonymous: ApiClient;
  let adminToken: string;
  let editorToken: string;
  let section: Section;
  let story: { id: string; slug: string };
  let commentId: string;
  let operations: Operation[];

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    anonymous = new ApiClient(newsdesk.url);
    section = await makeSection(newsdesk.orm, 'Hostile');
    const admin = await anonymous.login((await makeUser(newsdesk.orm, ['admin'])).email, PASSWORD);
    const editor = await anonymous.login(
      (await makeUser(newsdesk.orm, ['editor'])).email,
      PASSWORD,
    );
    adminToken = tokenOf(admin);
    editorToken = tokenOf(editor);
    const created = await editor.post('/api/articles', makeDraft(section.slug));
    expect(created.status).toBe(201);
    story = created.body;
    const comment = await editor.post(`/api/articles/${story.id}/comments`, { text: 'Quelle?' });
    expect(comment.status).toBe(201);
    commentId = comment.body.id;
    const document = await anonymous.get('/docs-json');
    expect(document.status).toBe(200);
    operations = operationsOf(document.body);
    expect(operations.length).toBeGreaterThan(40);
  });

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
    const answer = await send(newsdesk.url, request);
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
  });

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
  });
});
