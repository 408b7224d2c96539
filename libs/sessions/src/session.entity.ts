import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { User } from '@newsdesk/identity';

/**
 * Why a session stopped before it expired: the user signed out (here or
 * everywhere), changed their password, or an admin deactivated them, changed
 * their roles or reset their password; `ended` for any other reason.
 */
export type SessionEndReason =
  | 'logout'
  | 'logout_everywhere'
  | 'password_changed'
  | 'deactivated'
  | 'roles_changed'
  | 'password_reset'
  | 'ended';

/**
 * One sign-in: its token (bearer or cookie) is good while this row is neither
 * ended nor expired and its user is active — checked on every request.
 */
@Entity({ tableName: 'sessions' })
@Index({ properties: ['user', 'endedAt'] })
export class Session {
  [OptionalProps]?: 'createdAt' | 'endedAt' | 'endReason' | 'userAgent';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  endedAt: Date | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  endReason: SessionEndReason | null = null;

  /** The client address the login came from (as the trusted proxies tell it). */
  @Property({ type: 'string', length: 64 })
  address!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  userAgent: string | null = null;
}
