import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Forbidden, Unauthenticated } from '@newsdesk/common';
import { AuthService, type Actor, type Role } from '@newsdesk/identity';

const PUBLIC = 'newsdesk:public';
const ROLES_KEY = 'newsdesk:roles';
const ONE_TIME_PASSWORD_OK = 'newsdesk:one-time-password-ok';

/** Marks a route (or controller) as open without a token. */
export const Public = () => SetMetadata(PUBLIC, true);
/** Limits a route to users holding one of these roles (admin always passes). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** Open to a user who still has to replace their one-time password (everything else refuses them). */
export const AllowOneTimePassword = () => SetMetadata(ONE_TIME_PASSWORD_OK, true);

export type UserActor = Extract<Actor, { kind: 'user' }> & { name: string };
export type AuthedRequest = FastifyRequest & { actor?: UserActor };

/** Every route needs a valid bearer token unless marked {@link Public}; {@link Roles} narrows it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new Unauthenticated('a bearer token is required (POST /api/auth/login)');
    }
    const { mustChangePassword, ...actor } = await this.auth.verify(token);
    request.actor = actor;
    if (
      mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(ONE_TIME_PASSWORD_OK, targets)
    ) {
      throw new Forbidden('change your one-time password first (POST /api/auth/password)', {
        reason: 'password_change_required',
      });
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !actor.roles.some((r) => r === 'admin' || roles.includes(r))) {
      throw new Forbidden(`this needs one of the roles ${roles.join(', ')}`, { required: roles });
    }
    return true;
  }
}
