import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Unauthenticated, type FieldProblem } from '@newsdesk/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { AuthService, type Role } from '@newsdesk/identity';
import { JobQueue, QueuesService, registryQueueNames } from '@newsdesk/messaging';
import type { ErrorBody } from '../error.filter';

/** Where Bull Board lives, and the login form in front of it. */
export const BOARD_PATH = '/ops/queues';
export const OPS_LOGIN_PATH = '/ops/login';
export const OPS_LOGOUT_PATH = '/ops/logout';
/** The cookie that carries the login's JWT to the board (a browser cannot send a bearer header). */
export const OPS_SESSION_COOKIE = 'newsdesk_ops';

const BOARD_ROLES: readonly Role[] = ['ops', 'admin'];
const mayUseBoard = (roles: readonly Role[]) => roles.some((r) => BOARD_ROLES.includes(r));

/**
 * Mounts Bull Board at {@link BOARD_PATH} with every registry queue (job queues
 * and the event consumers' queues), behind the API's own login: a bearer token,
 * or the HttpOnly cookie that `POST /ops/login` sets from the same email and
 * password as `POST /api/auth/login`. Only `ops` and `admin` get in.
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const auth = app.get(AuthService);
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

  const session = new OpsSession(auth, config);
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
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  /** `onRequest` of the board: 401 (a browser's page request goes to the form), 403 without the role. */
  async guard(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
    const token = bearerOf(request) ?? cookieOf(request, OPS_SESSION_COOKIE);
    const page = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    let roles: readonly Role[];
    try {
      if (!token) throw new Unauthenticated(`sign in at ${OPS_LOGIN_PATH} or send a bearer token`);
      const user = await this.auth.verify(token);
      if (user.mustChangePassword)
        throw new Unauthenticated('change your one-time password first (POST /api/auth/password)');
      roles = user.roles;
    } catch (error) {
      if (!(error instanceof Unauthenticated)) throw error;
      if (page) {
        return reply.redirect(`${OPS_LOGIN_PATH}?next=${encodeURIComponent(request.url)}`, 302);
      }
      return fail(reply, 401, 'unauthenticated', error.message);
    }
    if (mayUseBoard(roles)) return;
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
    fastify.get(OPS_LOGOUT_PATH, (_request, reply) =>
      reply
        .header('set-cookie', this.cookie('', 0))
        .header('cache-control', 'no-store')
        .redirect(OPS_LOGIN_PATH, 303),
    );
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
      status: 400 | 401 | 403,
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
    let login: Awaited<ReturnType<AuthService['login']>>;
    try {
      login = await this.auth.login(email, password);
    } catch (error) {
      if (!(error instanceof Unauthenticated)) throw error;
      return refuse(401, 'unauthenticated', error.message);
    }
    if (login.user.mustChangePassword)
      return refuse(
        403,
        'forbidden',
        'change your one-time password first (POST /api/auth/password)',
      );
    if (!mayUseBoard(login.user.roles))
      return refuse(
        403,
        'forbidden',
        `the queue dashboard needs one of the roles ${BOARD_ROLES.join(', ')}`,
      );
    reply
      .header('set-cookie', this.cookie(login.accessToken, this.config.jwt.ttlSeconds))
      .header('cache-control', 'no-store');
    if (isForm) return reply.redirect(next, 303);
    return reply.status(200).send({ user: login.user, expiresIn: this.config.jwt.ttlSeconds });
  }

  /** HttpOnly, SameSite=Strict (the board's own requests only), Secure in production, sent to `/ops` only. */
  private cookie(value: string, maxAgeSeconds: number): string {
    return [
      `${OPS_SESSION_COOKIE}=${value}`,
      'Path=/ops',
      'HttpOnly',
      'SameSite=Strict',
      `Max-Age=${maxAgeSeconds}`,
      ...(this.config.env === 'production' ? ['Secure'] : []),
    ].join('; ');
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
  const body: ErrorBody = { statusCode, error, message, ...(details ? { details } : {}) };
  return reply
    .status(statusCode)
    .header('content-type', 'application/json; charset=utf-8')
    .send(body);
}

function bearerOf(request: FastifyRequest): string | undefined {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

function cookieOf(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim() || undefined;
  }
  return undefined;
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
