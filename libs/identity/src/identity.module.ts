import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { AdminAuditService } from './admin-audit';
import { AuthService } from './auth.service';

const SERVICES = [AuthService, AdminAuditService];

function secretKeyOf(secret: string) {
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  return () => key;
}

/**
 * Credentials, token signatures and the administration audit log. Sessions and
 * user administration (which end sessions) live in `@newsdesk/sessions`.
 */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // One key object for every token. Given the string, jsonwebtoken would try (and fail)
        // to parse it as a public key on every request before taking it as a secret.
        secretOrKeyProvider: secretKeyOf(config.jwt.secret),
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
