import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { AdminAuditService } from './admin-audit';
import { AuthService } from './auth.service';
import { UserSessions } from './user-sessions';
import { UsersService } from './users.service';

const SERVICES = [AuthService, UsersService, UserSessions, AdminAuditService];

/** Sign-in, tokens, user administration and the administration audit log. Needs the clock (messaging). */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwt.secret,
        signOptions: {
          expiresIn: config.jwt.ttlSeconds,
          issuer: 'newsdesk',
          audience: 'newsdesk-api',
        },
        verifyOptions: { issuer: 'newsdesk', audience: 'newsdesk-api', algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: SERVICES,
  exports: SERVICES,
})
export class IdentityModule {}
