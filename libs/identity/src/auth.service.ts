import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Unauthenticated } from '@newsdesk/common';
import { Passwords } from './password';
import { ROLES, type Actor, type Role } from './role';
import { User } from './user.entity';

/** What a signed token says about its holder. */
export interface TokenClaims {
  sub: string;
  roles: Role[];
  name: string;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  roles: Role[];
}

export const toUserView = (u: User): UserView => ({
  id: u.id,
  email: u.email,
  name: u.name,
  roles: [...u.roles],
});

// Verifying against a fixed hash when the user is unknown keeps the answer time
// the same, so logins do not reveal which emails exist.
const DUMMY_HASH = Passwords.hash('not-a-password');

@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly jwt: JwtService,
  ) {}

  /** Checks the credentials and returns a signed, expiring token. */
  async login(email: string, password: string): Promise<{ accessToken: string; user: UserView }> {
    const user = await this.em.fork().getRepository(User).findByEmail(email);
    const ok = await Passwords.verify(user?.passwordHash ?? (await DUMMY_HASH), password);
    if (!user || !ok) throw new Unauthenticated('email or password is wrong');
    const claims: TokenClaims = { sub: user.id, roles: [...user.roles], name: user.name };
    return { accessToken: await this.jwt.signAsync(claims), user: toUserView(user) };
  }

  /** Verifies a bearer token and returns who holds it. */
  async verify(token: string): Promise<Actor & { kind: 'user'; name: string }> {
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
    const roles = (claims.roles ?? []).filter((r): r is Role =>
      (ROLES as readonly string[]).includes(r),
    );
    return { kind: 'user', id: claims.sub, roles, name: claims.name };
  }
}
