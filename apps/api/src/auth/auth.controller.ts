import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { Forbidden } from '@newsdesk/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { SessionsService, type LoginClient } from '@newsdesk/sessions';
import { AllowOneTimePassword, Public, type UserActor } from './auth.guard';
import { CurrentActor } from './current-actor.decorator';
import { BodyOf, Fails, Returns } from '../contract/decorators';
import {
  ChangePasswordBodySchema,
  EndedSessionsSchema,
  LoginBodySchema,
  SessionGrantSchema,
  WhoAmISchema,
} from './auth.schema';
import { SESSION_COOKIE, sessionCookie, setSessionCookie } from './credentials';

/**
 * Sign-in, sign-out, password change and who-am-I. The login and the password
 * change answer `{accessToken, user}` for API clients and also set the
 * HttpOnly session cookie for browsers. A user still holding a one-time
 * password may change it, sign out and ask who they are — nothing else.
 */
@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 401 for wrong credentials; 429 with `Retry-After` while the account or the address is locked. */
  @Public()
  @Post('login')
  @ApiOperation({
    summary: 'Sign in',
    description:
      'Answers a session token for API clients and sets the HttpOnly session cookie for browsers. Failed logins are throttled per account and per address (429 with `Retry-After`).',
  })
  @HttpCode(200)
  @Returns(200, SessionGrantSchema, { headers: ['Set-Cookie'] })
  @Fails(401, 429)
  async login(
    @BodyOf(LoginBodySchema) body: z.output<typeof LoginBodySchema>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const login = await this.sessions.login(body.email, body.password, clientOf(request));
    setSessionCookie(reply, this.cookie(login.accessToken, this.config.jwt.ttlSeconds));
    return { accessToken: login.accessToken, user: login.user };
  }

  /**
   * Changes the signed-in user's password; the route for replacing a one-time
   * password. Ends every session of the user (on every device) and answers
   * like a login, with the token and cookie of a new session.
   */
  @Post('password')
  @ApiOperation({
    summary: 'Change your password',
    description:
      'The route for replacing a one-time password. Ends every session of the user and answers like a login, with a new session.',
  })
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiCookieAuth()
  @AllowOneTimePassword()
  @Returns(200, SessionGrantSchema, { headers: ['Set-Cookie'] })
  @Fails(401)
  async changePassword(
    @CurrentActor() actor: UserActor,
    @BodyOf(ChangePasswordBodySchema) body: z.output<typeof ChangePasswordBodySchema>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (actor.credential.type !== 'session') throw this.notASession();
    const changed = await this.sessions.changePassword(actor, body, clientOf(request));
    setSessionCookie(reply, this.cookie(changed.accessToken, this.config.jwt.ttlSeconds));
    return { accessToken: changed.accessToken, user: changed.user };
  }

  /** Ends the session of this request (its token and cookie stop working at once). */
  @Post('logout')
  @ApiOperation({ summary: 'Sign out (this session)' })
  @HttpCode(204)
  @Returns(204, null, { headers: ['Set-Cookie'] })
  @AllowOneTimePassword()
  @ApiBearerAuth()
  @ApiCookieAuth()
  async logout(
    @CurrentActor() actor: UserActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    if (actor.credential.type !== 'session') throw this.notASession();
    await this.sessions.end(actor.credential.sessionId, 'logout');
    setSessionCookie(reply, this.cookie('', 0));
  }

  /** Ends every session of the signed-in user, on every device. */
  @Post('logout-everywhere')
  @ApiOperation({ summary: 'Sign out everywhere (every session of the user)' })
  @HttpCode(200)
  @Returns(200, EndedSessionsSchema, { headers: ['Set-Cookie'] })
  @AllowOneTimePassword()
  @ApiBearerAuth()
  @ApiCookieAuth()
  async logoutEverywhere(
    @CurrentActor() actor: UserActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ ended: number }> {
    if (actor.credential.type !== 'session') throw this.notASession();
    const ended = await this.sessions.endAllFor(actor.id, 'logout_everywhere', actor.id);
    setSessionCookie(reply, this.cookie('', 0));
    return { ended };
  }

  /** Who the request is signed in as, and how (a session or an API token) until when. */
  @Get('me')
  @ApiOperation({ summary: 'Who am I: the signed-in user and the credential in use' })
  @Returns(200, WhoAmISchema)
  @AllowOneTimePassword()
  @ApiBearerAuth()
  @ApiCookieAuth()
  async me(@CurrentActor() actor: UserActor) {
    const { credential } = actor;
    return {
      user: await this.sessions.me(actor),
      credential: {
        type: credential.type,
        id: credential.type === 'session' ? credential.sessionId : credential.tokenId,
        expiresAt: credential.expiresAt.toISOString(),
      },
    };
  }

  private cookie(value: string, maxAgeSeconds: number): string {
    return sessionCookie(this.config, { name: SESSION_COOKIE, path: '/', value, maxAgeSeconds });
  }

  private notASession(): Forbidden {
    return new Forbidden('an API token is not a session; an admin revokes it', {
      reason: 'api_token',
    });
  }
}

/** Where a request comes from, as a session records it. */
const clientOf = (request: FastifyRequest): LoginClient => ({
  address: request.ip,
  userAgent: request.headers['user-agent'],
});
