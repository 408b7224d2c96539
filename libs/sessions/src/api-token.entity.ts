import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { User, type Role } from '@newsdesk/identity';

/**
 * A long-lived credential for an integration (a partner system, a wire
 * importer, a newsletter tool). Only the SHA-256 of the secret is stored; the
 * secret is shown once, when the token is created. The token acts as its own
 * `integration` user, so authorship and the audit log name it.
 */
@Entity({ tableName: 'api_tokens' })
export class ApiToken {
  [OptionalProps]?: 'createdAt' | 'lastUsedAt' | 'revokedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 120 })
  name!: string;

  @Property({ type: 'string', length: 20 })
  role!: Role;

  /** Hex SHA-256 of the whole secret (`nd_…`); the secret has 256 random bits, so no slow hash is needed. */
  @Property({ type: 'string', length: 64 })
  @Unique()
  secretHash!: string;

  /** The secret's first characters, to recognise it in the list. */
  @Property({ type: 'string', length: 16 })
  prefix!: string;

  /** The integration user the token acts as. */
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'uuid' })
  createdById!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  /** Updated at most once a minute, so that a busy integration does not write on every request. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastUsedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;
}
