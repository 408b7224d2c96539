import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Forbidden, Throttled, Unauthenticated, type FieldProblem } from '@newsdesk/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import type { Role } from '@newsdesk/identity';
import { JobQueue, QueuesService, registryQueueNames } from '@newsdesk/messaging';
import { SessionsService, type LoginResult, type Principal } from '@newsdesk/sessions';
import { bearerOf, cookieOf, crossOriginRefusal, sessionCookie } from '../auth/credentials';
import { errorBody } from '../error.filter';

/** Where Bull Board lives, and the login form in front of it. */
export const BOARD_PATH = '/ops/queues';
export const OPS_LOGIN_PATH = '/ops/login';
export const OPS_LOGOUT_PATH = '/ops/logout';
/** The cookie that carries the login's session token to the board (a browser cannot send a bearer header). */
export const OPS_SESSION_COOKIE = 'newsdesk_ops';

const BOARD_ROLES: readonly Role[] = ['ops', 'admin'];
const mayUseBoard = (roles: readonly Role[]) => roles.some((r) => BOARD_ROLES.includes(r));

/**
 * Mounts Bull Board at {@link BOARD_PATH} with every registry queue (job queues
 * and the event consumers' queues), behind the API's own login: a bearer token,
 * or the HttpOnly cookie that `POST /ops/login` sets from the same email and
 * password as `POST /api/auth/login` (a session like the API's, throttled the
 * same way, ended by `/ops/logout`). Only `ops` and `admin` get in; the board's
 * actions (retry, clean, promote, pause) with the cookie need the board's own `Origin`.
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const sessions = app.get(SessionsService);
  const config = app.get<AppConfig>(APP_CONFIG);
  const queues = app.get(QueuesService);

  const board = new BoardAdapter();
  board.setBasePath(BOARD_PATH);
  const jobQueues: string[] = Object.values(JobQueue);
  createBullBoard({
    queues: registryQueueNames().map(
      (name) =>
        new BullMQAdapter(queues.get(name), {
          description: jobQueues.includes(name)
            ? 'job queue'
            : `events for the ${name.replace(/^events\./, '')} consumer`,
        }),
    ),
    serverAdapter: board,
    options: {
      uiConfig: {
        boardTitle: 'Newsdesk queues',
        hideDocsLink: true,
        miscLinks: [{ text: 'Sign out', url: OPS_LOGOUT_PATH }],
      },
    },
  });

  const session = new OpsSession(sessions, config);
  // The hook sits in a scope around the board only, so no other route is affected.
  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', (request, reply) => session.guard(request, reply));
    await scope.register(board.registerPlugin(), { prefix: BOARD_PATH });
  });
  session.routes(app.getHttpAdapter().getInstance());
}

interface LoginForm {
  email?: unknown;
  password?: unknown;
  next?: unknown;
}

/** The board's login: a form, a cookie holding the API's own JWT, and the check in front of the board. */
class OpsSession {
  constructor(
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
  ) {}

  /**
   * `onRequest` of the board: 401 (a browser's page request goes to the form),
   * 403 without the role or for a cookie-carrying action from another origin.
   */
  async guard(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
    const bearer = bearerOf(request);
    const cookie = bearer ? undefined : cookieOf(request, OPS_SESSION_COOKIE);
    const token = bearer ?? cookie;
    const page = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (cookie) {
      const refusal = crossOriginRefusal(request, this.config);
      if (refusal) return fail(reply, 403, 'forbidden', refusal, { reason: 'cross_origin' });
    }
    let principal: Principal;
    try {
      if (!token) throw new Unauthenticated(`sign in at ${OPS_LOGIN_PATH} or send a bearer token`);
      principal = await this.sessions.authenticate(token);
    } catch (error) {
      if (!(error instanceof Unauthenticated)) throw error;
      if (page) {
        return reply.redirect(`${OPS_LOGIN_PATH}?next=${encodeURIComponent(request.url)}`, 302);
      }
      return fail(reply, 401, 'unauthenticated', error.message);
    }
    if (principal.mustChangePassword) {
      const message = 'change your one-time password first (POST /api/auth/password)';
      if (page) return this.form(reply, 403, { message, next: request.url });
      return fail(reply, 403, 'forbidden', message, { reason: 'password_change_required' });
    }
    if (mayUseBoard(principal.roles)) return;
    const message = `the queue dashboard needs one of the roles ${BOARD_ROLES.join(', ')}`;
    if (page) return this.form(reply, 403, { message, next: request.url });
    return fail(reply, 403, 'forbidden', message);
  }

  routes(fastify: FastifyInstance): void {
    // The form posts urlencoded bodies, which Nest's Fastify adapter parses.
    fastify.get(OPS_LOGIN_PATH, (request, reply) =>
      this.form(reply, 200, { next: (request.query as LoginForm).next }),
    );
    fastify.post(OPS_LOGIN_PATH, (request, reply) => this.login(request, reply));
    // SameSite=Strict keeps the cookie off other sites' links, so a GET cannot sign anyone out from outside.
    fastify.get(OPS_LOGOUT_PATH, (request, reply) => this.logout(request, reply));
  }

  /** Ends the cookie's session (its token stops working everywhere at once) and deletes the cookie. */
  private async logout(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const token = cookieOf(request, OPS_SESSION_COOKIE);
    if (token) {
      try {
        const principal = await this.sessions.authenticate(token);
        if (principal.credential.type === 'session') {
          await this.sessions.end(principal.credential.sessionId, 'logout');
        }
      } catch (error) {
        // An ended or expired session needs no ending; the cookie goes all the same.
        if (!(error instanceof Unauthenticated)) throw error;
      }
    }
    return reply
      .header('set-cookie', this.cookie('', 0))
      .header('cache-control', 'no-store')
      .redirect(OPS_LOGIN_PATH, 303);
  }

  /**
   * Checks email and password with the identity service and sets the session
   * cookie. A form post is answered with a redirect (or the form and the
   * reason); a JSON post with `{user}` (or the API's error body).
   */
  private async login(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const form = (request.body ?? {}) as LoginForm;
    const isForm = (request.headers['content-type'] ?? '').startsWith(
      'application/x-www-form-urlencoded',
    );
    const next = safeNext(form.next);
    const refuse = (
      status: 400 | 401 | 403 | 429,
      error: string,
      message: string,
      details?: Record<string, unknown>,
    ) =>
      isForm
        ? this.form(reply, status, { message, next })
        : fail(reply, status, error, message, details);
    const email = typeof form.email === 'string' ? form.email : '';
    const password = typeof form.password === 'string' ? form.password : '';
    const problems: FieldProblem[] = [];
    if (!email.includes('@')) problems.push({ field: 'email', reason: 'must be an email address' });
    if (!password) problems.push({ field: 'password', reason: 'is required' });
    if (problems.length) {
      const message = problems.map((p) => `${p.field}: ${p.reason}`).join('; ');
      return refuse(400, 'validation_failed', message, { problems });
    }
    let login: LoginResult;
    try {
      login = await this.sessions.login(
        email,
        password,
        { address: request.ip, userAgent: request.headers['user-agent'] },
        BOARD_ROLES,
      );
    } catch (error) {
      if (error instanceof Throttled) {
        void reply.header('retry-after', String(error.retryAfterSeconds));
        return refuse(429, error.code, error.message, error.details);
      }
      if (error instanceof Unauthenticated) return refuse(401, 'unauthenticated', error.message);
      if (error instanceof Forbidden) {
        // A one-time password to replace first, or roles the board needs.
        if (error.details?.reason === 'password_change_required')
          return refuse(403, 'forbidden', error.message, error.details);
        return refuse(
          403,
          'forbidden',
          `the queue dashboard needs one of the roles ${BOARD_ROLES.join(', ')}`,
        );
      }
      throw error;
    }
    reply
      .header('set-cookie', this.cookie(login.accessToken, this.config.jwt.ttlSeconds))
      .header('cache-control', 'no-store');
    if (isForm) return reply.redirect(next, 303);
    return reply.status(200).send({ user: login.user, expiresIn: this.config.jwt.ttlSeconds });
  }

  /** HttpOnly, SameSite=Strict (the board's own requests only), Secure in production, sent to `/ops` only. */
  private cookie(value: string, maxAgeSeconds: number): string {
    return sessionCookie(this.config, {
      name: OPS_SESSION_COOKIE,
      path: '/ops',
      value,
      maxAgeSeconds,
    });
  }

  private form(
    reply: FastifyReply,
    status: number,
    { message, next }: { message?: string; next?: unknown },
  ): FastifyReply {
    return reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(loginPage(safeNext(next), message));
  }
}

function fail(
  reply: FastifyReply,
  statusCode: number,
  error: string,
  message: string,
  details?: Record<string, unknown>,
) {
  const body = errorBody(statusCode, message, details, error);
  return reply
    .status(statusCode)
    .header('content-type', 'application/json; charset=utf-8')
    .send(body);
}

/** Where to go after the login: a path under `/ops/` only, so the form cannot send anyone elsewhere. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/ops\/(?![/\\])[^\s\\]*$/.test(next) ? next : BOARD_PATH;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function loginPage(next: string, message?: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Newsdesk ops – sign in</title>
<style>
body{font:16px/1.4 system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;margin:0;background:#f4f5f7}
form{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002;display:grid;gap:.8rem;min-width:18rem}
input,button{font:inherit;padding:.5rem}p.error{color:#b00020;margin:0}
</style>
</head>
<body>
<form method="post" action="${OPS_LOGIN_PATH}">
<h1>Newsdesk queues</h1>
${message ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : ''}
<label>Email <input name="email" type="email" autocomplete="username" required autofocus></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<input type="hidden" name="next" value="${escapeHtml(next)}">
<button type="submit">Sign in</button>
</form>
</body>
</html>
`;
}
