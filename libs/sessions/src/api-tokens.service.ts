import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import {
  Clock,
  NotFound,
  Unauthenticated,
  ValidationFailed,
  parseOffsetDateTime,
  type FieldProblem,
} from '@newsdesk/common';
import { recordAccessAudit } from '@newsdesk/editorial';
import { ROLES, User, knownRoles, type Role } from '@newsdesk/identity';
import { ApiToken } from './api-token.entity';
import type { Principal } from './principal';

/** Every API token secret starts with this, so that it is recognised (and found by secret scanners). */
export const API_TOKEN_PREFIX = 'nd_';

export interface ApiTokenInput {
  name?: unknown;
  role?: unknown;
  /** ISO-8601 with offset, in the future. */
  expiresAt?: unknown;
}

export interface ApiTokenView {
  id: string;
  name: string;
  role: Role;
  /** The secret's first characters, e.g. `nd_Ab12Cd…`. */
  prefix: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A token's name is 1 to `nameMax` characters; it expires within `lifetimeDays`. */
export const API_TOKEN_RULES = { nameMax: 120, lifetimeDays: 2 * 366 } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A secret is the prefix and 32 random bytes in base64url; anything else is not one of ours.
const SECRET = /^nd_[\w-]{43}$/;
/** How stale `lastUsedAt` may get before a request writes it again. */
const LAST_USE_PRECISION_MS = 60_000;

// MikroORM's driver hands raw timestamps over as text; `new Date()` reads either.
interface TokenRow {
  token_id: string;
  last_used_at: Date | string | null;
  expires_at: Date | string;
  user_id: string;
  name: string;
  role: string;
}

/**
 * API tokens for integrations: created by an admin with a name, a role and an
 * expiry; the secret is shown once and stored as a hash; listed with their
 * last use; revoked at once.
 */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  /** Issues a token; the answer's `token` is the secret, shown this once. */
  async create(adminId: string, input: ApiTokenInput): Promise<ApiTokenView & { token: string }> {
    const { name, role, expiresAt } = this.parse(input);
    const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    return this.em.fork().transactional(async (em) => {
      const now = this.clock.now();
      // The token's own identity: authorship and the audit log name the integration, not the admin.
      const user = em.create(User, {
        email: `token-${randomBytes(8).toString('hex')}@integrations.invalid`,
        name,
        roles: [role],
        passwordHash: '!',
        kind: 'integration',
        createdAt: now,
      });
      const token = em.create(ApiToken, {
        name,
        role,
        secretHash: hashOf(secret),
        prefix: secret.slice(0, 10),
        user,
        createdById: adminId,
        createdAt: now,
        expiresAt,
      });
      recordAccessAudit(em, {
        actorId: adminId,
        action: 'apiToken:created',
        at: now,
        details: { tokenId: token.id, name, role, expiresAt: expiresAt.toISOString() },
      });
      await em.flush();
      return { ...toView(token), token: secret };
    });
  }

  /** Every token, newest first, revoked ones included (with `revokedAt`). */
  async list(): Promise<ApiTokenView[]> {
    const tokens = await this.em.fork().find(ApiToken, {}, { orderBy: { createdAt: 'desc' } });
    return tokens.map(toView);
  }

  /** Ends a token at once; its next request is a 401. Revoking twice is harmless. */
  async revoke(adminId: string, id: string): Promise<void> {
    if (!UUID.test(id)) throw new NotFound('API token', id);
    await this.em.fork().transactional(async (em) => {
      const token = await em.findOne(ApiToken, { id });
      if (!token) throw new NotFound('API token', id);
      if (token.revokedAt) return;
      const now = this.clock.now();
      token.revokedAt = now;
      recordAccessAudit(em, {
        actorId: adminId,
        action: 'apiToken:revoked',
        at: now,
        details: { tokenId: token.id, name: token.name },
      });
    });
  }

  /**
   * Who a secret belongs to, if it is live: not revoked, not expired, its
   * integration user active. Refreshes the last use at most once a minute.
   */
  async authenticate(secret: string): Promise<Principal> {
    if (!SECRET.test(secret)) throw new Unauthenticated('API token invalid');
    const connection = this.em.getConnection();
    const [row] = await connection.execute<TokenRow[]>(
      `select t.id as token_id, t.last_used_at, t.expires_at, u.id as user_id, u.name, t.role
         from api_tokens t join users u on u.id = t.user_id
        where t.secret_hash = ? and t.revoked_at is null and t.expires_at > ? and u.active`,
      [hashOf(secret), this.clock.now()],
    );
    if (!row) throw new Unauthenticated('API token invalid, revoked or expired');
    const now = this.clock.now();
    const lastUsed = row.last_used_at ? new Date(row.last_used_at).getTime() : 0;
    if (now.getTime() - lastUsed > LAST_USE_PRECISION_MS) {
      await connection.execute('update api_tokens set last_used_at = ? where id = ?', [
        now,
        row.token_id,
      ]);
    }
    return {
      kind: 'user',
      id: row.user_id,
      name: row.name,
      roles: knownRoles([row.role]),
      mustChangePassword: false,
      credential: {
        type: 'api_token',
        tokenId: row.token_id,
        expiresAt: new Date(row.expires_at),
      },
    };
  }

  private parse(input: ApiTokenInput): { name: string; role: Role; expiresAt: Date } {
    const problems: FieldProblem[] = [];
    const name = typeof input?.name === 'string' ? input.name.trim() : '';
    if (!name || name.length > API_TOKEN_RULES.nameMax)
      problems.push({
        field: 'name',
        reason: `must be a name of 1 to ${API_TOKEN_RULES.nameMax} characters`,
      });
    const role = input?.role;
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role))
      problems.push({ field: 'role', reason: `must be one of ${ROLES.join(', ')}` });
    const expiresAt =
      typeof input?.expiresAt === 'string' ? parseOffsetDateTime(input.expiresAt) : null;
    const now = this.clock.now().getTime();
    if (!expiresAt) {
      problems.push({ field: 'expiresAt', reason: 'must be an ISO-8601 date-time with offset' });
    } else if (expiresAt.getTime() <= now) {
      problems.push({ field: 'expiresAt', reason: 'must be in the future' });
    } else if (expiresAt.getTime() > now + API_TOKEN_RULES.lifetimeDays * 86_400_000) {
      problems.push({
        field: 'expiresAt',
        reason: `must be within ${API_TOKEN_RULES.lifetimeDays} days`,
      });
    }
    if (problems.length || !expiresAt) throw new ValidationFailed(problems);
    return { name, role: role as Role, expiresAt };
  }
}

function hashOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function toView(token: ApiToken): ApiTokenView {
  return {
    id: token.id,
    name: token.name,
    role: token.role,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    createdBy: token.createdById,
    expiresAt: token.expiresAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
