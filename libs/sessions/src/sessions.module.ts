import { Module } from '@nestjs/common';
import { IdentityModule } from '@newsdesk/identity';
import { ApiTokensService } from './api-tokens.service';
import { LoginThrottle } from './login-throttle';
import { SessionsService } from './sessions.service';

/**
 * Sessions, login throttling and API tokens. Needs the database and messaging
 * modules (Redis for the throttle, the clock).
 */
@Module({
  imports: [IdentityModule],
  providers: [SessionsService, ApiTokensService, LoginThrottle],
  exports: [SessionsService, ApiTokensService, IdentityModule],
})
export class SessionsModule {}
