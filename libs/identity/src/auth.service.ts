import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Clock, Unauthenticated, ValidationFailed, type FieldProblem } from '@newsdesk/common';
import { recordAdminAudit } from './admin-audit';
import { Passwords } from './password';
import { ROLES, type Actor, type Role } from './role';
import { User } from './user.entity';
import { UserSessions } from './user-sessions';

/** What a signed token says about its holder. */
export interface TokenClaims {
  sub: string;
  roles: Role[];
  name: string;
  /** The user's session epoch when the token was signed (see {@link UserSessions}). */
  sv: number;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  /** The user must change their one-time password before anything else. */
  mustChangePassword: boolean;
}

export const toUserView = (u: User): UserView => ({
  id: u.id,
  email: u.email,
  name: u.name,
  roles: [...u.roles],
  mustChangePassword: u.mustChangePassword,
});

/** A signed-in user as the token check found them in the database. */
export type VerifiedUser = Extract<Actor, { kind: 'user' }> & {
  name: string;
  mustChangePassword: boolean;
};

/** Bounds of a password a user chooses. */
export const PASSWORD_RULES = { min: 10, max: 200 } as const;

// Verifying against a fixed hash when the user is unknown keeps the answer time
// the same, so logins do not reveal which emails exist.
const DUMMY_HASH = Passwords.hash('not-a-password');

@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    private readonly sessions: UserSessions,
  ) {}

  /** Checks the credentials and returns a signed, expiring token. */
  async login(email: string, password: string): Promise<{ accessToken: string; user: UserView }> {
    const user = await this.em.fork().getRepository(User).findByEmail(email);
    const ok = await Passwords.verify(user?.passwordHash ?? (await DUMMY_HASH), password);
    if (!user || !ok) throw new Unauthenticated('email or password is wrong');
    // Said only to someone who knows the password.
    if (!user.active) throw new Unauthenticated('this account is deactivated');
    return this.signedIn(user);
  }

  /**
   * Verifies a bearer token and returns who holds it, as the database knows
   * them now: a deactivated user, or a token from before their sessions were
   * ended, is refused; roles are the current ones.
   */
  async verify(token: string): Promise<VerifiedUser> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch (error) {
      throw new Unauthenticated(
        error instanceof Error && error.name === 'TokenExpiredError'
          ? 'token expired'
          : 'token invalid',
      );
    }
    const user = await this.em.fork().findOne(User, { id: claims.sub });
    if (!user || !user.active) throw new Unauthenticated('this account is deactivated');
    if ((claims.sv ?? 0) !== user.sessionEpoch)
      throw new Unauthenticated('this session has ended; sign in again');
    const roles = user.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
    return {
      kind: 'user',
      id: user.id,
      roles,
      name: user.name,
      mustChangePassword: user.mustChangePassword,
    };
  }

  /**
   * The signed-in user changes their own password (the only thing a user with
   * a one-time password may do). Ends their other sessions and returns a new
   * token for this one.
   */
  async changePassword(
    userId: string,
    input: { current?: unknown; new?: unknown },
  ): Promise<{ accessToken: string; user: UserView }> {
    const problems: FieldProblem[] = [];
    if (typeof input.current !== 'string' || !input.current)
      problems.push({ field: 'current', reason: 'is required' });
    const next = input.new;
    if (typeof next !== 'string') problems.push({ field: 'new', reason: 'is required' });
    else if (next.length < PASSWORD_RULES.min || next.length > PASSWORD_RULES.max)
      problems.push({
        field: 'new',
        reason: `must have ${PASSWORD_RULES.min} to ${PASSWORD_RULES.max} characters`,
      });
    else if (next === input.current)
      problems.push({ field: 'new', reason: 'must differ from the current password' });
    if (problems.length || typeof next !== 'string' || typeof input.current !== 'string')
      throw new ValidationFailed(problems);
    const current = input.current;
    const user = await this.em.fork().transactional(async (em) => {
      const user = await em.findOne(User, { id: userId });
      if (!user || !user.active) throw new Unauthenticated('this account is deactivated');
      if (!(await Passwords.verify(user.passwordHash, current)))
        throw new ValidationFailed([{ field: 'current', reason: 'is not the current password' }]);
      user.passwordHash = await Passwords.hash(next);
      const wasOneTime = user.mustChangePassword;
      user.mustChangePassword = false;
      this.sessions.endAll(user);
      recordAdminAudit(em, {
        actor: { kind: 'user', id: user.id, roles: user.roles },
        action: 'user.change_password',
        subject: { kind: 'user', id: user.id },
        at: this.clock.now(),
        details: { oneTimePasswordReplaced: wasOneTime },
      });
      return user;
    });
    return this.signedIn(user);
  }

  private async signedIn(user: User): Promise<{ accessToken: string; user: UserView }> {
    const claims: TokenClaims = {
      sub: user.id,
      roles: [...user.roles],
      name: user.name,
      sv: user.sessionEpoch,
    };
    return { accessToken: await this.jwt.signAsync(claims), user: toUserView(user) };
  }
}
