import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { User } from '@newsdesk/identity';
import { redisOptions } from '@newsdesk/messaging';
import { ApiToken, Session, SessionsService } from '@newsdesk/sessions';
import { ApiModule } from '../apps/api/src/api.module';
import { createApiAdapter, setupApi } from '../apps/api/src/setup';
import { ApiClient } from './support/http';
import { makeDraft, makeSection, makeUser, PASSWORD } from './support/factories';
import { Newsdesk } from './support/newsdesk';

/** Short locks, so that waiting for one to run out takes about a second. */
const THROTTLE_ENV = {
  LOGIN_FREE_FAILURES: '3',
  LOGIN_LOCK_MS: '1000',
  LOGIN_LOCK_MAX_MS: '4000',
};

/** Polls until `done` holds (every 50 ms, for at most `timeoutMs`); answers the last value. */
async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A second API process with its own environment (here: behind a trusted proxy), sharing the stack's database and Redis. */
async function startApi(env: Record<string, string>): Promise<NestFastifyApplication> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const app = await NestFactory.create<NestFastifyApplication>(ApiModule, createApiAdapter(), {
      logger: false,
      bufferLogs: true,
    });
    await setupApi(app);
    await app.listen(0, '127.0.0.1');
    return app;
  } finally {
    process.env = saved;
  }
}

describe('sessions, login throttling and API tokens', () => {
  const saved = { ...process.env };
  let newsdesk: Newsdesk;
  let behindProxy: NestFastifyApplication;
  let proxied: string;
  let anonymous: ApiClient;
  let admin: ApiClient;
  let adminUser: User;

  const login = (
    email: string,
    password: string,
    headers: Record<string, string> = {},
    base = newsdesk.url,
  ) =>
    fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email, password }),
    });
  const tokenOf = async (response: Response) =>
    ((await response.json()) as { accessToken: string }).accessToken;
  const cookieOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0];
  const sessionsOf = (userId: string) =>
    newsdesk.orm.em.fork().find(Session, { user: userId }, { orderBy: { createdAt: 'asc' } });

  beforeAll(async () => {
    Object.assign(process.env, THROTTLE_ENV);
    newsdesk = await Newsdesk.start();
    // Its address locks are long: no test here waits for one to run out.
    behindProxy = await startApi({
      TRUSTED_PROXIES: '127.0.0.1',
      LOGIN_FREE_FAILURES_PER_ADDRESS: '4',
      LOGIN_LOCK_MS: '60000',
      LOGIN_LOCK_MAX_MS: '120000',
    });
    proxied = await behindProxy.getUrl();
    anonymous = new ApiClient(newsdesk.url);
    adminUser = await makeUser(newsdesk.orm, ['admin'], 'Ada Admin');
    admin = await anonymous.login(adminUser.email, PASSWORD);
  });

  afterAll(async () => {
    // Later test files log in from the same address: leave no failure counted.
    const keys = await newsdesk?.redis.keys('newsdesk:login-failures:*');
    if (keys?.length) await newsdesk.redis.del(...keys);
    await behindProxy?.close();
    await newsdesk?.stop();
    process.env = saved;
  });

  describe('login throttling', () => {
    it('locks an account after the free failures (429, Retry-After, audited) and opens it after the lock', async () => {
      const user = await makeUser(newsdesk.orm, ['editor']);
      for (let i = 0; i < 3; i++) {
        expect((await login(user.email, 'wrong-password')).status).toBe(401);
      }
      const locked = await login(user.email, 'wrong-password');
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await locked.json()).toMatchObject({
        error: 'throttled',
        details: { retryAfterSeconds: expect.any(Number) },
      });
      // The right password during the lock: refused without being checked, and no cookie.
      const during = await login(user.email.toUpperCase(), PASSWORD);
      expect(during.status).toBe(429);
      expect(during.headers.get('set-cookie')).toBeNull();

      const audit = await admin.get(`/api/audit?action=login:locked&actor=${user.id}`);
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          articleId: null,
          actorId: user.id,
          action: 'login:locked',
          details: expect.objectContaining({ scope: 'account', email: user.email, failures: 4 }),
        }),
      ]);

      const after = await until(
        () => login(user.email, PASSWORD),
        (r) => r.status !== 429,
      );
      expect(after.status).toBe(200);
      // A successful login forgets the account's failures: three more are free again.
      for (let i = 0; i < 3; i++) {
        expect((await login(user.email, 'wrong-password')).status).toBe(401);
      }
      expect((await login(user.email, PASSWORD)).status).toBe(200);
    });

    it('doubles the lock with each failure after one', async () => {
      const user = await makeUser(newsdesk.orm, ['editor']);
      for (let i = 0; i < 3; i++) await login(user.email, 'wrong-password');
      expect((await login(user.email, 'wrong-password')).status).toBe(429);
      const lockAudit = () => admin.get(`/api/audit?action=login:locked&actor=${user.id}`);
      // Attempts during the lock are not counted; the first wrong one after it starts the next lock.
      const audit = await until(
        async () => {
          expect((await login(user.email, 'wrong-password')).status).toBe(429);
          return lockAudit();
        },
        (reply) => reply.body.items.length >= 2,
      );
      const locks = (audit.body.items as { details: { lockedForMs: number } }[])
        .map((e) => e.details.lockedForMs)
        .reverse();
      expect(locks).toEqual([1000, 2000]);
    });

    it('locks a client address that fails for many accounts, and only that address', async () => {
      const user = await makeUser(newsdesk.orm, ['editor']);
      const from = (address: string) => ({ 'x-forwarded-for': address });
      for (let i = 0; i < 4; i++) {
        const reply = await login(
          `nobody-${i}@newsdesk.test`,
          'guess',
          from('198.51.100.7'),
          proxied,
        );
        expect(reply.status).toBe(401);
      }
      expect(
        (await login('nobody-5@newsdesk.test', 'guess', from('198.51.100.7'), proxied)).status,
      ).toBe(429);
      expect((await login(user.email, PASSWORD, from('198.51.100.7'), proxied)).status).toBe(429);
      expect((await login(user.email, PASSWORD, from('198.51.100.8'), proxied)).status).toBe(200);
      const audit = await admin.get('/api/audit?action=login:locked');
      expect(audit.body.items).toContainEqual(
        expect.objectContaining({
          actorId: null,
          details: expect.objectContaining({ scope: 'address', address: '198.51.100.7' }),
        }),
      );
    });

    it('believes X-Forwarded-For only from a configured proxy', async () => {
      const user = await makeUser(newsdesk.orm, ['editor']);
      const header = { 'x-forwarded-for': '203.0.113.9' };
      // The stack's own API trusts no proxy: the address is the connection's.
      expect((await login(user.email, PASSWORD, header)).status).toBe(200);
      expect((await login(user.email, PASSWORD, header, proxied)).status).toBe(200);
      expect((await sessionsOf(user.id)).map((s) => s.address)).toEqual([
        '127.0.0.1',
        '203.0.113.9',
      ]);
    });

    it('throttles the queue dashboard sign-in the same way', async () => {
      const ops = await makeUser(newsdesk.orm, ['ops']);
      const signIn = (password: string) =>
        fetch(`${newsdesk.url}/ops/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: ops.email, password }),
        });
      for (let i = 0; i < 3; i++) expect((await signIn('wrong-password')).status).toBe(401);
      const locked = await signIn('wrong-password');
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await signIn(PASSWORD)).status).toBe(429);
      // One counter for both doors: the API's login is locked too.
      expect((await login(ops.email, PASSWORD)).status).toBe(429);
      const after = await until(
        () => signIn(PASSWORD),
        (r) => r.status !== 429,
      );
      expect(after.status).toBe(200);
    });
  });

  describe('sessions', () => {
    it('ends a session at once on logout; the user’s other sessions go on', async () => {
      const user = await makeUser(newsdesk.orm, ['editor'], 'Lena Logout');
      const first = anonymous.as(await tokenOf(await login(user.email, PASSWORD)));
      const second = anonymous.as(await tokenOf(await login(user.email, PASSWORD)));
      const me = await first.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        user: { id: user.id, name: 'Lena Logout', roles: ['editor'] },
        credential: { type: 'session', expiresAt: expect.any(String) },
      });

      expect((await first.post('/api/auth/logout')).status).toBe(204);
      const after = await first.get('/api/auth/me');
      expect(after.status).toBe(401);
      expect(after.body.error).toBe('unauthenticated');
      expect((await first.get('/api/sections')).status).toBe(401);
      expect((await second.get('/api/auth/me')).status).toBe(200);
    });

    it('signs out everywhere: every session of the user ends, and it is audited', async () => {
      const user = await makeUser(newsdesk.orm, ['editor']);
      const other = await makeUser(newsdesk.orm, ['editor']);
      const a = anonymous.as(await tokenOf(await login(user.email, PASSWORD)));
      const b = anonymous.as(await tokenOf(await login(user.email, PASSWORD)));
      const bystander = anonymous.as(await tokenOf(await login(other.email, PASSWORD)));
      const ended = await a.post('/api/auth/logout-everywhere');
      expect(ended.status).toBe(200);
      expect(ended.body).toEqual({ ended: 2 });
      expect((await a.get('/api/auth/me')).status).toBe(401);
      expect((await b.get('/api/auth/me')).status).toBe(401);
      expect((await bystander.get('/api/auth/me')).status).toBe(200);
      const audit = await admin.get(`/api/audit?action=sessions:ended&actor=${user.id}`);
      expect(audit.body.items[0]).toMatchObject({
        details: { userId: user.id, reason: 'logout_everywhere', sessions: 2 },
      });
    });

    it('shuts a deactivated user out at once, and ends sessions through SessionsService.endAllFor', async () => {
      const user = await makeUser(newsdesk.orm, ['editor']);
      const client = anonymous.as(await tokenOf(await login(user.email, PASSWORD)));
      expect((await client.get('/api/auth/me')).status).toBe(200);
      await newsdesk.orm.em.fork().nativeUpdate(User, { id: user.id }, { active: false });
      expect((await client.get('/api/auth/me')).status).toBe(401);
      expect((await login(user.email, PASSWORD)).status).toBe(401);

      await newsdesk.orm.em.fork().nativeUpdate(User, { id: user.id }, { active: true });
      // The active flag is checked per request, so the session works again until it is ended.
      expect((await client.get('/api/auth/me')).status).toBe(200);
      expect(
        await newsdesk.api.get(SessionsService).endAllFor(user.id, 'ended', adminUser.id),
      ).toBe(1);
      expect((await client.get('/api/auth/me')).status).toBe(401);
      expect((await sessionsOf(user.id))[0]).toMatchObject({ endReason: 'ended' });
    });

    it('reads the roles from the database on every request', async () => {
      const user = await makeUser(newsdesk.orm, ['admin']);
      const client = anonymous.as(await tokenOf(await login(user.email, PASSWORD)));
      expect((await client.get('/api/audit?limit=1')).status).toBe(200);
      await newsdesk.orm.em.fork().nativeUpdate(User, { id: user.id }, { roles: ['editor'] });
      expect((await client.get('/api/audit?limit=1')).status).toBe(403);
    });
  });

  describe('the session cookie', () => {
    it('is HttpOnly and SameSite=Strict, signs in a browser, and refuses a foreign Origin on mutating requests', async () => {
      const user = await makeUser(newsdesk.orm, ['editor']);
      const reply = await login(user.email, PASSWORD);
      expect(reply.status).toBe(200);
      const body = (await reply.json()) as { accessToken: string; user: { id: string } };
      expect(body).toMatchObject({ accessToken: expect.any(String), user: { id: user.id } });
      const setCookie = reply.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/^newsdesk_session=[\w-]+\.[\w-]+\.[\w-]+;/);
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('SameSite=Strict');
      expect(setCookie).toContain('Path=/;');
      const cookie = cookieOf(reply);
      const withCookie = (method: string, path: string, headers: Record<string, string> = {}) =>
        fetch(`${newsdesk.url}${path}`, { method, headers: { cookie, ...headers } });

      expect((await withCookie('GET', '/api/auth/me')).status).toBe(200);
      const foreign = await withCookie('POST', '/api/auth/logout', {
        origin: 'https://evil.example',
      });
      expect(foreign.status).toBe(403);
      expect(await foreign.json()).toMatchObject({
        error: 'forbidden',
        details: { reason: 'cross_origin' },
      });
      expect((await withCookie('POST', '/api/auth/logout')).status).toBe(403);
      expect(
        (await withCookie('POST', '/api/auth/logout', { referer: 'https://evil.example/page' }))
          .status,
      ).toBe(403);
      expect((await withCookie('GET', '/api/auth/me')).status).toBe(200);

      // A bearer token is not sent by a browser on its own: no Origin is needed.
      const bearer = anonymous.as(body.accessToken);
      const section = await makeSection(newsdesk.orm);
      const created = await bearer.post('/api/articles', makeDraft(section.slug), {
        origin: 'https://evil.example',
      });
      expect(created.status).toBe(201);

      const own = await withCookie('POST', '/api/auth/logout', { origin: newsdesk.url });
      expect(own.status).toBe(204);
      expect(own.headers.get('set-cookie')).toMatch(/^newsdesk_session=;.*Max-Age=0/);
      expect((await withCookie('GET', '/api/auth/me')).status).toBe(401);
      expect((await bearer.get('/api/auth/me')).status).toBe(401);
    });

    it('guards the queue dashboard’s actions with the Origin check, and its sign-out ends the session', async () => {
      const ops = await makeUser(newsdesk.orm, ['ops']);
      const signedIn = await fetch(`${newsdesk.url}/ops/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: ops.email, password: PASSWORD }),
      });
      expect(signedIn.status).toBe(200);
      const cookie = cookieOf(signedIn);
      const board = (method: string, path: string, headers: Record<string, string> = {}) =>
        fetch(`${newsdesk.url}/ops/queues/api${path}`, { method, headers: { cookie, ...headers } });
      const cdn = new Queue('cdn', { connection: redisOptions(newsdesk.config.redisUrl) });
      try {
        expect((await board('GET', '/queues')).status).toBe(200);
        for (const path of [
          '/queues/cdn/pause',
          '/queues/cdn/retry/failed',
          '/queues/cdn/clean/failed',
        ]) {
          const refused = await board('PUT', path, { origin: 'https://evil.example' });
          expect(refused.status).toBe(403);
        }
        expect((await board('PUT', '/queues/cdn/pause')).status).toBe(403);
        expect(await cdn.isPaused()).toBe(false);

        expect((await board('PUT', '/queues/cdn/pause', { origin: newsdesk.url })).status).toBe(
          200,
        );
        expect(await cdn.isPaused()).toBe(true);
        expect((await board('PUT', '/queues/cdn/resume', { origin: newsdesk.url })).status).toBe(
          200,
        );
        expect(await cdn.isPaused()).toBe(false);

        const token = cookie.slice('newsdesk_ops='.length);
        const signOut = await fetch(`${newsdesk.url}/ops/logout`, {
          headers: { cookie },
          redirect: 'manual',
        });
        expect(signOut.status).toBe(303);
        expect((await board('GET', '/queues')).status).toBe(401);
        // The same token as a bearer is dead too: the session ended, not just the cookie.
        expect((await anonymous.as(token).get('/api/auth/me')).status).toBe(401);
      } finally {
        await cdn.resume();
        await cdn.close();
      }
    });
  });

  describe('API tokens', () => {
    const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

    it('are created by admins only, with a name, a role and an expiry in the future', async () => {
      const editorUser = await makeUser(newsdesk.orm, ['editor']);
      const editor = await anonymous.login(editorUser.email, PASSWORD);
      const body = { name: 'Wire importer', role: 'editor', expiresAt: inADay() };
      expect((await editor.post('/api/admin/api-tokens', body)).status).toBe(403);
      expect((await editor.get('/api/admin/api-tokens')).status).toBe(403);
      const bad = await admin.post('/api/admin/api-tokens', {
        name: '',
        role: 'owner',
        expiresAt: 'next week',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.details.problems.map((p: { field: string }) => p.field).sort()).toEqual([
        'expiresAt',
        'name',
        'role',
      ]);
      // The body is well-formed; the service knows what time it is.
      const past = await admin.post('/api/admin/api-tokens', {
        name: 'Wire importer',
        role: 'editor',
        expiresAt: '2000-01-01T00:00:00Z',
      });
      expect(past.status).toBe(400);
      expect(past.body.details.problems).toEqual([
        { field: 'expiresAt', reason: 'must be in the future' },
      ]);
    });

    it('are shown once, stored hashed, work as a bearer, list their last use, and stop at once when revoked', async () => {
      const section = await makeSection(newsdesk.orm);
      const created = await admin.post('/api/admin/api-tokens', {
        name: 'Wire importer',
        role: 'editor',
        expiresAt: inADay(),
      });
      expect(created.status).toBe(201);
      const { token, id } = created.body as { token: string; id: string };
      expect(token).toMatch(/^nd_[\w-]{43}$/);
      const stored = await newsdesk.orm.em.fork().findOneOrFail(ApiToken, { id });
      expect(Object.values(stored)).not.toContain(token);
      expect(stored.secretHash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored.prefix).toBe(token.slice(0, 10));

      const listedBefore = (await admin.get('/api/admin/api-tokens')).body as Record<
        string,
        unknown
      >[];
      const before = listedBefore.find((t) => t.id === id);
      expect(before).toMatchObject({ name: 'Wire importer', role: 'editor', lastUsedAt: null });
      expect(before).not.toHaveProperty('token');
      expect(JSON.stringify(listedBefore)).not.toContain(token);

      const importer = anonymous.as(token);
      const me = await importer.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        user: { name: 'Wire importer', roles: ['editor'] },
        credential: { type: 'api_token', id },
      });
      // It writes like an editor, under its own name.
      const story = await importer.post('/api/articles', makeDraft(section.slug));
      expect(story.status).toBe(201);
      expect((await importer.get('/api/audit')).status).toBe(403);

      const after = (
        (await admin.get('/api/admin/api-tokens')).body as Record<string, unknown>[]
      ).find((t) => t.id === id);
      expect(after?.lastUsedAt).toEqual(expect.any(String));

      expect((await admin.request('DELETE', `/api/admin/api-tokens/${id}`)).status).toBe(204);
      expect((await importer.get('/api/auth/me')).status).toBe(401);
      const revoked = (
        (await admin.get('/api/admin/api-tokens')).body as Record<string, unknown>[]
      ).find((t) => t.id === id);
      expect(revoked?.revokedAt).toEqual(expect.any(String));
      expect((await admin.request('DELETE', `/api/admin/api-tokens/${id}`)).status).toBe(204);
      const audit = await admin.get(`/api/audit?actor=${adminUser.id}&action=apiToken:revoked`);
      expect(audit.body.items[0]).toMatchObject({ details: { tokenId: id } });
    });

    it('refuse an expired, an altered or an unknown token', async () => {
      const created = await admin.post('/api/admin/api-tokens', {
        name: 'Newsletter tool',
        role: 'reviewer',
        expiresAt: inADay(),
      });
      const { token, id } = created.body as { token: string; id: string };
      const tool = anonymous.as(token);
      expect((await tool.get('/api/auth/me')).status).toBe(200);
      // An API token is not a session: it cannot sign itself out, an admin revokes it.
      expect((await tool.post('/api/auth/logout')).status).toBe(403);
      expect((await anonymous.as(`${token}x`).get('/api/auth/me')).status).toBe(401);
      expect((await anonymous.as(`nd_${'A'.repeat(43)}`).get('/api/auth/me')).status).toBe(401);
      await newsdesk.orm.em
        .fork()
        .nativeUpdate(ApiToken, { id }, { expiresAt: new Date(Date.now() - 1000) });
      expect((await tool.get('/api/auth/me')).status).toBe(401);
      expect((await admin.request('DELETE', '/api/admin/api-tokens/not-a-uuid')).status).toBe(400);
    });
  });
});
