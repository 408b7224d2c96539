import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128202123 } from './Migration20261128202123';

/** Every migration in order. The MikroORM CLI creates new files here; add each to this list. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261128202123', class: Migration20261128202123 },
];
