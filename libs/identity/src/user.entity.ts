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

export type UserKind = 'person' | 'integration';

@Entity({ tableName: 'users', repository: () => UserRepository })
export class User {
  [EntityRepositoryType]?: UserRepository;
  [OptionalProps]?: 'createdAt' | 'roles' | 'active' | 'kind' | 'mustChangePassword';

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

  /**
   * A deactivated user cannot sign in, and their sessions and API tokens stop
   * working at the next request. Deactivate through `UsersService` (in
   * `@newsdesk/sessions`), which also ends their sessions.
   */
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  /**
   * `person`: signs in with email and password. `integration`: the identity of
   * an API token (a partner system, an importer); it has no usable password.
   */
  @Property({ type: 'string', length: 20, default: 'person' })
  kind: UserKind = 'person';

  /**
   * Set for an invited user and after an admin's reset: the password is a
   * one-time initial one, and the user can do nothing but change it.
   */
  @Property({ type: 'boolean', default: false })
  mustChangePassword: boolean = false;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
