import { Module } from '@nestjs/common';
import { IdentityModule } from '@newsdesk/identity';
import { ApiTokensService } from './api-tokens.service';
import { LoginThrottle } from './login-throttle';
import { SessionsService } from './sessions.service';
import { UsersService } from './users.service';

/**
 * Sessions, login throttling, API tokens and user administration (which ends
 * sessions). Needs the database and messaging modules (Redis for the
 * throttle, the clock).
 */
@Module({
  imports: [IdentityModule],
  providers: [SessionsService, ApiTokensService, LoginThrottle, UsersService],
  exports: [SessionsService, ApiTokensService, UsersService, IdentityModule],
})
export class SessionsModule {}
