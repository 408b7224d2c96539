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
  [OptionalProps]?: 'createdAt' | 'roles' | 'active' | 'kind';

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
   * working at the next request. Deactivate through a service that also ends
   * their sessions (`SessionsService.endAllFor`).
   */
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  /**
   * `person`: signs in with email and password. `integration`: the identity of
   * an API token (a partner system, an importer); it has no usable password.
   */
  @Property({ type: 'string', length: 20, default: 'person' })
  kind: UserKind = 'person';

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
