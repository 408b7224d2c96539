import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Forbidden, ValidationFailed, type FieldProblem } from '@newsdesk/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { PASSWORD_RULES } from '@newsdesk/identity';
import { SessionsService, type LoginClient } from '@newsdesk/sessions';
import { AllowOneTimePassword, Public, type UserActor } from './auth.guard';
import { CurrentActor } from './current-actor.decorator';
import { objectBody } from '../input/body';
import { SESSION_COOKIE, sessionCookie, setSessionCookie } from './credentials';

class LoginBody {
  @ApiProperty({ example: 'editor@newsdesk.test' }) email!: string;
  @ApiProperty({ example: 'newsdesk' }) password!: string;
}

class ChangePasswordBody {
  @ApiProperty() current!: string;
  @ApiProperty({ minLength: PASSWORD_RULES.min, maxLength: PASSWORD_RULES.max }) new!: string;
}

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
  @HttpCode(200)
  async login(
    @Body() body: LoginBody,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    objectBody(body, ['email', 'password']);
    const problems: FieldProblem[] = [];
    if (typeof body?.email !== 'string' || !body.email.includes('@'))
      problems.push({ field: 'email', reason: 'must be an email address' });
    if (typeof body?.password !== 'string' || !body.password)
      problems.push({ field: 'password', reason: 'is required' });
    if (problems.length) throw new ValidationFailed(problems);
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
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiCookieAuth()
  @AllowOneTimePassword()
  async changePassword(
    @CurrentActor() actor: UserActor,
    @Body() body: ChangePasswordBody,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const input = objectBody(body, ['current', 'new']);
    if (actor.credential.type !== 'session') throw this.notASession();
    const changed = await this.sessions.changePassword(actor, input, clientOf(request));
    setSessionCookie(reply, this.cookie(changed.accessToken, this.config.jwt.ttlSeconds));
    return { accessToken: changed.accessToken, user: changed.user };
  }

  /** Ends the session of this request (its token and cookie stop working at once). */
  @Post('logout')
  @HttpCode(204)
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
  @HttpCode(200)
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
