import {
  Entity,
  EntityRepositoryType,
  PrimaryKey,
  Property,
  Unique,
  OptionalProps,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Role } from './role';
import { UserRepository } from './user.repository';

@Entity({ tableName: 'users', repository: () => UserRepository })
export class User {
  [EntityRepositoryType]?: UserRepository;
  [OptionalProps]?: 'createdAt' | 'roles' | 'active' | 'mustChangePassword' | 'sessionEpoch';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 254 })
  @Unique()
  email!: string;

  @Property({ type: 'string', length: 120 })
  name!: string;

  @Property({ type: 'string', hidden: true })
  passwordHash!: string;

  @Property({ type: 'array', columnType: 'text[]' })
  roles: Role[] = [];

  /** A deactivated user cannot sign in, and their tokens stop working at once. */
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  /**
   * Set for an invited user and after an admin's reset: the password is a
   * one-time initial one, and the user can do nothing but change it.
   */
  @Property({ type: 'boolean', default: false })
  mustChangePassword: boolean = false;

  /**
   * Tokens carry the epoch they were signed in; raising it ends every session
   * of the user (see {@link UserSessions}).
   */
  @Property({ type: 'integer', default: 0 })
  sessionEpoch: number = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
