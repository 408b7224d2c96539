import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Unauthenticated, ValidationFailed, type FieldProblem } from '@newsdesk/common';
import { Passwords } from './password';
import { ROLES, type Role } from './role';
import { User } from './user.entity';

/** What a signed session token says: its session, and who held it when it was signed. */
export interface TokenClaims {
  sub: string;
  /** The session row; the token is good only while that session is. */
  sid: string;
  roles: Role[];
  name: string;
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

/** Keeps only the roles this version knows (a token or row may name a retired one). */
export const knownRoles = (roles: readonly string[] | null | undefined): Role[] =>
  (roles ?? []).filter((r): r is Role => (ROLES as readonly string[]).includes(r));

/** Bounds of a password a user chooses. */
export const PASSWORD_RULES = { min: 10, max: 200 } as const;

/** A password change as asked for: the current password and the new one. */
export interface PasswordChange {
  current: string;
  new: string;
}

/**
 * Checks the shape of a password change: both given, the new one within
 * {@link PASSWORD_RULES} and different from the current one. Throws
 * {@link ValidationFailed} naming each field that is wrong.
 */
export function parsePasswordChange(input: { current?: unknown; new?: unknown }): PasswordChange {
  const problems: FieldProblem[] = [];
  const { current, new: next } = input;
  if (typeof current !== 'string' || !current)
    problems.push({ field: 'current', reason: 'is required' });
  if (typeof next !== 'string') problems.push({ field: 'new', reason: 'is required' });
  else if (next.length < PASSWORD_RULES.min || next.length > PASSWORD_RULES.max)
    problems.push({
      field: 'new',
      reason: `must have ${PASSWORD_RULES.min} to ${PASSWORD_RULES.max} characters`,
    });
  else if (next === current)
    problems.push({ field: 'new', reason: 'must differ from the current password' });
  if (problems.length || typeof current !== 'string' || typeof next !== 'string')
    throw new ValidationFailed(problems);
  return { current, new: next };
}

// Verifying against a fixed hash when the user is unknown keeps the answer time
// the same, so logins do not reveal which emails exist.
const DUMMY_HASH = Passwords.hash('not-a-password');

/**
 * Credentials and token signatures. Sessions (which tokens are still good)
 * live in `@newsdesk/sessions`, which calls this.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly jwt: JwtService,
  ) {}

  /**
   * The active person with this email and password; throws {@link Unauthenticated}
   * otherwise, with the same answer for an unknown email, a wrong password
   * and an integration user. Only someone who knows the password learns that
   * the account is deactivated.
   */
  async checkPassword(email: string, password: string): Promise<User> {
    const user = await this.em.fork().getRepository(User).findByEmail(email);
    const ok = await Passwords.verify(user?.passwordHash ?? (await DUMMY_HASH), password);
    if (!user || !ok || user.kind !== 'person') {
      throw new Unauthenticated('email or password is wrong');
    }
    if (!user.active) throw new Unauthenticated('this account is deactivated');
    return user;
  }

  /** Signs a session token; it expires with the JWT TTL. */
  sign(claims: TokenClaims): Promise<string> {
    return this.jwt.signAsync(claims);
  }

  /** Checks a session token's signature and expiry (not whether its session still runs). */
  async verifySignature(token: string): Promise<TokenClaims> {
    let claims: Partial<TokenClaims>;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch (error) {
      throw new Unauthenticated(
        error instanceof Error && error.name === 'TokenExpiredError'
          ? 'token expired'
          : 'token invalid',
      );
    }
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') {
      throw new Unauthenticated('token invalid');
    }
    return {
      sub: claims.sub,
      sid: claims.sid,
      roles: knownRoles(claims.roles),
      name: claims.name ?? '',
    };
  }
}
