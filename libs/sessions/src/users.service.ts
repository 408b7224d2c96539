import { randomBytes } from 'node:crypto';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import {
  Clock,
  ConflictError,
  NotFound,
  ValidationFailed,
  fieldProblemsOf,
  isUuid,
  trimText,
} from '@newsdesk/common';
import {
  Passwords,
  ROLES,
  User,
  changesOf,
  recordAdminAudit,
  type Actor,
  type Role,
} from '@newsdesk/identity';
import { SessionsService } from './sessions.service';

/** A user as admins see them. */
export interface AdminUserView {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export const toAdminUserView = (u: User): AdminUserView => ({
  id: u.id,
  email: u.email,
  name: u.name,
  roles: [...u.roles],
  active: u.active,
  mustChangePassword: u.mustChangePassword,
  createdAt: u.createdAt.toISOString(),
});

/** A new account or a reset one, with the one-time password to hand over (shown only here). */
export interface InitialPassword {
  user: AdminUserView;
  initialPassword: string;
}

type AdminActor = Extract<Actor, { kind: 'user' }>;

// Trimmed in place (not a transform), so that the bounds are part of the schema a client reads.
const name = z
  .string('must be a string')
  .overwrite(trimText)
  .min(1, 'must not be empty')
  .max(120, 'must be at most 120 characters');
const roles = z
  .array(z.enum(ROLES, `each must be one of ${ROLES.join(', ')}`), 'must be a list of roles')
  .min(1, 'needs at least one role')
  .transform((list) => ROLES.filter((r) => list.includes(r)));
const email = z
  .string('must be an email address')
  .transform((v) => v.trim().toLowerCase())
  .pipe(z.email('must be an email address').max(254, 'must be at most 254 characters'));

/** An invitation as an admin sends it; the API validates the body with it, the service again. */
export const userInvitationSchema = z.object({ email, name, roles }).strict();
/** A change of a user by an admin: every field optional. */
export const userChangeSchema = z
  .object({ name, roles, active: z.boolean('must be true or false') })
  .partial()
  .strict();

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new ValidationFailed([{ field: 'body', reason: 'must be a JSON object' }]);
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldProblemsOf(parsed.error.issues));
  return parsed.data;
}

/** 16 characters from 96 random bits: enough for a password that lives until first use. */
const oneTimePassword = (): string => randomBytes(12).toString('base64url');

/**
 * User administration (admins): invite with a one-time password, change name
 * and roles, deactivate and reactivate, reset a password. Every change is
 * written with its admin audit row in one transaction; deactivating, changing
 * roles and resetting end the user's sessions through
 * {@link SessionsService.endAllFor} in that same transaction. People only:
 * the integration users behind API tokens are managed as tokens.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly sessions: SessionsService,
  ) {}

  async list(): Promise<AdminUserView[]> {
    const users = await this.em
      .fork()
      .find(User, { kind: 'person' }, { orderBy: { name: 'asc', email: 'asc' } });
    return users.map(toAdminUserView);
  }

  /**
   * The newsroom's active people by name, with their roles, for the desk's
   * pickers. Anyone signed in may ask: no emails, no integrations.
   */
  async people(): Promise<{ id: string; name: string; roles: Role[] }[]> {
    const users = await this.em
      .fork()
      .find(
        User,
        { kind: 'person', active: true },
        { orderBy: { name: 'asc', email: 'asc' }, fields: ['id', 'name', 'roles'] },
      );
    return users.map((user) => ({ id: user.id, name: user.name, roles: user.roles }));
  }

  async get(id: string): Promise<AdminUserView> {
    return toAdminUserView(await this.load(this.em.fork(), id));
  }

  /** Creates an account whose password must be changed at the first sign-in. */
  async create(actor: AdminActor, input: unknown): Promise<InitialPassword> {
    const clean = parse(userInvitationSchema, input);
    const initialPassword = oneTimePassword();
    const passwordHash = await Passwords.hash(initialPassword);
    try {
      return await this.em.fork().transactional(async (em) => {
        const user = em.create(User, {
          ...clean,
          passwordHash,
          mustChangePassword: true,
          createdAt: this.clock.now(),
        });
        recordAdminAudit(em, {
          actor,
          action: 'user.create',
          subject: { kind: 'user', id: user.id },
          at: this.clock.now(),
          details: { email: clean.email, name: clean.name, roles: clean.roles },
        });
        await em.flush();
        return { user: toAdminUserView(user), initialPassword };
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException)
        throw new ValidationFailed([{ field: 'email', reason: 'is used by another user already' }]);
      throw error;
    }
  }

  /** Changes name, roles or `active`; a change of roles or deactivation ends the user's sessions. */
  async update(actor: AdminActor, id: string, input: unknown): Promise<AdminUserView> {
    const clean = parse(userChangeSchema, input);
    return this.em.fork().transactional(async (em) => {
      const user = await this.load(em, id);
      const changes = changesOf({ name: user.name, roles: user.roles, active: user.active }, clean);
      if (Object.keys(changes).length === 0) return toAdminUserView(user);
      await this.keepAnAdmin(em, user, {
        roles: clean.roles ?? user.roles,
        active: clean.active ?? user.active,
      });
      if (clean.name !== undefined) user.name = clean.name;
      if (clean.roles !== undefined) user.roles = clean.roles;
      if (clean.active !== undefined) user.active = clean.active;
      // A session was opened for these roles by an active user: it must not outlive either.
      const endSessions = Boolean(changes.roles || changes.active);
      if (endSessions) {
        const reason = changes.active && !user.active ? 'deactivated' : 'roles_changed';
        await this.sessions.endAllFor(user.id, reason, actor.id, em);
      }
      recordAdminAudit(em, {
        actor,
        action: 'user.update',
        subject: { kind: 'user', id: user.id },
        at: this.clock.now(),
        details: { changes, sessionsEnded: endSessions },
      });
      await em.flush();
      return toAdminUserView(user);
    });
  }

  /** Gives the user a new one-time password and ends their sessions. */
  async resetPassword(actor: AdminActor, id: string): Promise<InitialPassword> {
    const initialPassword = oneTimePassword();
    const passwordHash = await Passwords.hash(initialPassword);
    return this.em.fork().transactional(async (em) => {
      const user = await this.load(em, id);
      user.passwordHash = passwordHash;
      user.mustChangePassword = true;
      await this.sessions.endAllFor(user.id, 'password_reset', actor.id, em);
      recordAdminAudit(em, {
        actor,
        action: 'user.reset_password',
        subject: { kind: 'user', id: user.id },
        at: this.clock.now(),
        details: { sessionsEnded: true },
      });
      await em.flush();
      return { user: toAdminUserView(user), initialPassword };
    });
  }

  private async load(em: EntityManager, id: string): Promise<User> {
    const user = isUuid(id) ? await em.findOne(User, { id, kind: 'person' }) : null;
    if (!user) throw new NotFound('user', id);
    return user;
  }

  /** Nobody may remove the last active admin: then nobody could administer anything. */
  private async keepAnAdmin(
    em: EntityManager,
    user: User,
    after: { roles: Role[]; active: boolean },
  ): Promise<void> {
    const isAdmin = user.active && user.roles.includes('admin');
    const staysAdmin = after.active && after.roles.includes('admin');
    if (!isAdmin || staysAdmin) return;
    const others = await em.count(User, {
      id: { $ne: user.id },
      kind: 'person',
      active: true,
      roles: { $contains: ['admin'] },
    });
    if (others === 0)
      throw new ConflictError('this is the last active admin; make someone else admin first', {
        field: user.active !== after.active ? 'active' : 'roles',
      });
  }
}
