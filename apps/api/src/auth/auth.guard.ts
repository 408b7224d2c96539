import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Forbidden, Unauthenticated } from '@newsdesk/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import type { Role } from '@newsdesk/identity';
import { SessionsService, type Principal } from '@newsdesk/sessions';
import { SESSION_COOKIE, bearerOf, cookieOf, crossOriginRefusal } from './credentials';

const PUBLIC = 'newsdesk:public';
const ROLES_KEY = 'newsdesk:roles';
const ONE_TIME_PASSWORD_OK = 'newsdesk:one-time-password-ok';

/** Marks a route (or controller) as open without a token. */
export const Public = () => SetMetadata(PUBLIC, true);
/** Limits a route to users holding one of these roles (admin always passes). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** Open to a user who still has to replace their one-time password (everything else refuses them). */
export const AllowOneTimePassword = () => SetMetadata(ONE_TIME_PASSWORD_OK, true);

export type UserActor = Principal;
export type AuthedRequest = FastifyRequest & { actor?: UserActor };

/**
 * Every route needs a live session or API token unless marked {@link Public};
 * {@link Roles} narrows it. The token comes as `Authorization: Bearer` (API
 * clients, integrations) or in the session cookie (browsers); a cookie on a
 * mutating request also needs an allowed `Origin`. A user still signed in with
 * a one-time password is refused (403 `password_change_required`) everywhere
 * but the routes marked {@link AllowOneTimePassword}.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const bearer = bearerOf(request);
    const cookie = bearer ? undefined : cookieOf(request, SESSION_COOKIE);
    const token = bearer ?? cookie;
    if (!token) {
      throw new Unauthenticated(
        'a bearer token or a session cookie is required (POST /api/auth/login)',
      );
    }
    if (cookie) {
      const refusal = crossOriginRefusal(request, this.config);
      if (refusal) throw new Forbidden(refusal, { reason: 'cross_origin' });
    }
    const actor = await this.sessions.authenticate(token);
    request.actor = actor;
    if (
      actor.mustChangePassword &&
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
