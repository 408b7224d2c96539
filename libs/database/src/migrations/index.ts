import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128202123 } from './Migration20261128202123';
import { Migration20261128204213 } from './Migration20261128204213';
import { Migration20261128205526 } from './Migration20261128205526';
import { Migration20261128210020 } from './Migration20261128210020';
import { Migration20261128210911 } from './Migration20261128210911';
import { Migration20261128211145 } from './Migration20261128211145';
import { Migration20261128211803 } from './Migration20261128211803';
import { Migration20261128232744 } from './Migration20261128232744';
import { Migration20261130180000 } from './Migration20261130180000';
import { Migration20261130181739 } from './Migration20261130181739';
import { Migration20261130182344 } from './Migration20261130182344';
import { Migration20261130190000 } from './Migration20261130190000';
import { Migration20261201060000 } from './Migration20261201060000';
import { Migration20261201061000 } from './Migration20261201061000';
import { Migration20261205080000 } from './Migration20261205080000';

/** Every migration in order. The MikroORM CLI creates new files here; add each to this list. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261128202123', class: Migration20261128202123 },
  { name: 'Migration20261128204213', class: Migration20261128204213 },
  { name: 'Migration20261128205526', class: Migration20261128205526 },
  { name: 'Migration20261128210020', class: Migration20261128210020 },
  { name: 'Migration20261128210911', class: Migration20261128210911 },
  { name: 'Migration20261128211145', class: Migration20261128211145 },
  { name: 'Migration20261128211803', class: Migration20261128211803 },
  { name: 'Migration20261128232744', class: Migration20261128232744 },
  { name: 'Migration20261130180000', class: Migration20261130180000 },
  { name: 'Migration20261130181739', class: Migration20261130181739 },
  { name: 'Migration20261130182344', class: Migration20261130182344 },
  { name: 'Migration20261130190000', class: Migration20261130190000 },
  { name: 'Migration20261201060000', class: Migration20261201060000 },
  { name: 'Migration20261201061000', class: Migration20261201061000 },
  { name: 'Migration20261205080000', class: Migration20261205080000 },
];
