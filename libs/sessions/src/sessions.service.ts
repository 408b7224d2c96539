import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, Forbidden, Throttled, Unauthenticated, ValidationFailed } from '@newsdesk/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { recordAccessAudit } from '@newsdesk/editorial';
import {
  AuthService,
  Passwords,
  User,
  knownRoles,
  parsePasswordChange,
  recordAdminAudit,
  toUserView,
  type Role,
  type UserView,
} from '@newsdesk/identity';
import { API_TOKEN_PREFIX, ApiTokensService } from './api-tokens.service';
import { LoginThrottle } from './login-throttle';
import type { Credential, Principal } from './principal';
import { Session, type SessionEndReason } from './session.entity';

/** Where a login comes from: the client address (as the trusted proxies tell it) and its user agent. */
export interface LoginClient {
  address: string;
  userAgent?: string;
}

export interface LoginResult {
  accessToken: string;
  user: UserView;
  session: { id: string; expiresAt: string };
}

// MikroORM's driver hands raw timestamps over as text; `new Date()` reads either.
interface SessionRow {
  user_id: string;
  name: string;
  roles: string[];
  must_change_password: boolean;
  expires_at: Date | string;
}

/**
 * Sign-in and sessions. A login (throttled per account and per address)
 * opens a session row and signs a token naming it; every request's token is
 * checked against that row and the user's `active` flag, so ending a session
 * — logout, sign-out everywhere, a password change, a deactivated user or a
 * changed role — takes effect at the next request.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottle,
    private readonly apiTokens: ApiTokensService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks email and password and opens a session. Refuses with
   * {@link Throttled} while the account or the address is locked (without
   * checking the password), {@link Unauthenticated} for wrong credentials, and
   * {@link Forbidden} (opening nothing) when `requireOneOf` names roles the user lacks.
   * A surface that names its roles (the queue dashboard) cannot replace a
   * one-time password either: it is refused there with `password_change_required`.
   */
  async login(
    email: string,
    password: string,
    client: LoginClient,
    requireOneOf?: readonly Role[],
  ): Promise<LoginResult> {
    const keys = this.throttle.keysFor(email, client.address);
    const lockedMs = await this.throttle.lockedFor(keys);
    if (lockedMs > 0) throw this.throttled(lockedMs);
    let user: User;
    try {
      user = await this.auth.checkPassword(email, password);
    } catch (error) {
      if (!(error instanceof Unauthenticated)) throw error;
      const locks = await this.throttle.fail(keys);
      if (!locks.length) throw error;
      await this.em.fork().transactional(async (em) => {
        const account = await em.getRepository(User).findByEmail(email);
        for (const lock of locks) {
          recordAccessAudit(em, {
            actorId: account?.id ?? null,
            action: 'login:locked',
            at: this.clock.now(),
            details: {
              scope: lock.key.scope,
              email: email.trim().toLowerCase().slice(0, 254),
              address: client.address,
              failures: lock.failures,
              lockedForMs: lock.lockMs,
            },
          });
        }
      });
      throw this.throttled(Math.max(...locks.map((l) => l.lockMs)));
    }
    await this.throttle.forget(keys[0]);
    if (requireOneOf && !user.roles.some((r) => requireOneOf.includes(r))) {
      throw new Forbidden(`this needs one of the roles ${requireOneOf.join(', ')}`, {
        required: requireOneOf,
      });
    }
    if (requireOneOf && user.mustChangePassword) {
      throw new Forbidden('change your one-time password first (POST /api/auth/password)', {
        reason: 'password_change_required',
      });
    }
    return this.open(this.em.fork(), user, client);
  }

  /**
   * The signed-in user replaces their password (the only thing a user with a
   * one-time password may do): checks the current one, ends every session of
   * the user — on every device — and opens a new one for this client, all in
   * one transaction. Writes `user.change_password` to the administration log.
   */
  async changePassword(
    principal: Principal,
    input: { current?: unknown; new?: unknown },
    client: LoginClient,
  ): Promise<LoginResult> {
    const change = parsePasswordChange(input);
    const passwordHash = await Passwords.hash(change.new);
    return this.em.fork().transactional(async (em) => {
      const user = await em.findOne(User, { id: principal.id, active: true, kind: 'person' });
      if (!user) throw new Unauthenticated('this account is deactivated');
      if (!(await Passwords.verify(user.passwordHash, change.current)))
        throw new ValidationFailed([{ field: 'current', reason: 'is not the current password' }]);
      const wasOneTime = user.mustChangePassword;
      user.passwordHash = passwordHash;
      user.mustChangePassword = false;
      await this.endAllFor(user.id, 'password_changed', user.id, em);
      recordAdminAudit(em, {
        actor: { kind: 'user', id: user.id, roles: user.roles },
        action: 'user.change_password',
        subject: { kind: 'user', id: user.id },
        at: this.clock.now(),
        details: { oneTimePasswordReplaced: wasOneTime },
      });
      return this.open(em, user, client);
    });
  }

  /**
   * Who holds this token (a session token or an API token `nd_…`), with the
   * roles the database has now. One indexed lookup; throws
   * {@link Unauthenticated} when the session ended or expired, or the user is inactive.
   */
  async authenticate(token: string): Promise<Principal> {
    if (token.startsWith(API_TOKEN_PREFIX)) return this.apiTokens.authenticate(token);
    const claims = await this.auth.verifySignature(token);
    const [row] = await this.em.getConnection().execute<SessionRow[]>(
      `select u.id as user_id, u.name, u.roles, u.must_change_password, s.expires_at
         from sessions s join users u on u.id = s.user_id
        where s.id = ? and s.user_id = ? and s.ended_at is null and s.expires_at > ? and u.active`,
      [claims.sid, claims.sub, this.clock.now()],
    );
    if (!row) throw new Unauthenticated('the session has ended; sign in again');
    return {
      kind: 'user',
      id: row.user_id,
      name: row.name,
      roles: knownRoles(row.roles),
      mustChangePassword: row.must_change_password,
      credential: {
        type: 'session',
        sessionId: claims.sid,
        expiresAt: new Date(row.expires_at),
      },
    };
  }

  /**
   * The ids of the credentials that still hold: sessions neither ended nor
   * expired, API tokens neither revoked nor expired, their users active. One
   * query per kind however many there are: long-lived connections (the desk's
   * live stream) re-check the credentials they were opened with.
   */
  async stillValid(credentials: readonly Credential[]): Promise<Set<string>> {
    const sessions = credentials.flatMap((c) => (c.type === 'session' ? [c.sessionId] : []));
    const tokens = credentials.flatMap((c) => (c.type === 'api_token' ? [c.tokenId] : []));
    const now = this.clock.now();
    const connection = this.em.getConnection();
    const [liveSessions, liveTokens] = await Promise.all([
      sessions.length
        ? connection.execute<{ id: string }[]>(
            `select s.id from sessions s join users u on u.id = s.user_id
              where s.id = any(string_to_array(?, ',')::uuid[])
                and s.ended_at is null and s.expires_at > ? and u.active`,
            [[...new Set(sessions)].join(','), now],
          )
        : [],
      tokens.length
        ? connection.execute<{ id: string }[]>(
            `select t.id from api_tokens t join users u on u.id = t.user_id
              where t.id = any(string_to_array(?, ',')::uuid[])
                and t.revoked_at is null and t.expires_at > ? and u.active`,
            [[...new Set(tokens)].join(','), now],
          )
        : [],
    ]);
    return new Set([...liveSessions, ...liveTokens].map((row) => row.id));
  }

  /** Ends one session (a logout); ending an ended one is harmless. */
  async end(sessionId: string, reason: SessionEndReason = 'logout'): Promise<void> {
    await this.em
      .fork()
      .nativeUpdate(
        Session,
        { id: sessionId, endedAt: null },
        { endedAt: this.clock.now(), endReason: reason },
      );
  }

  /**
   * Ends every running session of a user at once: when an admin deactivates
   * them, changes their roles or resets their password (`UsersService`), when
   * they change their password, or when they sign out everywhere. Returns how
   * many ended; writes `sessions:ended` to the access audit. API tokens are
   * not sessions: revoke them with {@link ApiTokensService.revoke}.
   *
   * @param byId who ended them (an admin, or the user themself); null for the system.
   * @param within the transaction of the change that ends them, so that both
   *   commit or neither does; without it, a transaction of its own.
   */
  async endAllFor(
    userId: string,
    reason: SessionEndReason = 'ended',
    byId: string | null = null,
    within?: EntityManager,
  ): Promise<number> {
    const endAll = async (em: EntityManager): Promise<number> => {
      const now = this.clock.now();
      const ended = await em.nativeUpdate(
        Session,
        { user: userId, endedAt: null },
        { endedAt: now, endReason: reason },
      );
      recordAccessAudit(em, {
        actorId: byId,
        action: 'sessions:ended',
        at: now,
        details: { userId, reason, sessions: ended },
      });
      return ended;
    };
    return within ? endAll(within) : this.em.fork().transactional(endAll);
  }

  /** The signed-in user as stored now. */
  async me(principal: Principal): Promise<UserView> {
    const user = await this.em.fork().findOneOrFail(User, { id: principal.id });
    return toUserView(user);
  }

  /** Opens a session for `user` in `em` (flushing it) and signs its token. */
  private async open(em: EntityManager, user: User, client: LoginClient): Promise<LoginResult> {
    const now = this.clock.now();
    const session = em.create(Session, {
      user,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.jwt.ttlSeconds * 1000),
      address: client.address.slice(0, 64),
      userAgent: client.userAgent?.slice(0, 200) ?? null,
    });
    await em.flush();
    const accessToken = await this.auth.sign({
      sub: user.id,
      sid: session.id,
      roles: [...user.roles],
      name: user.name,
    });
    return {
      accessToken,
      user: toUserView(user),
      session: { id: session.id, expiresAt: session.expiresAt.toISOString() },
    };
  }

  private throttled(ms: number): Throttled {
    const seconds = Math.max(1, Math.ceil(ms / 1000));
    return new Throttled(`too many failed logins; try again in ${seconds} s`, seconds);
  }
}
