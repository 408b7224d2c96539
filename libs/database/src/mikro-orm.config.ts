import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import type { AppConfig } from '@newsdesk/config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** MikroORM settings shared by the apps, the migration command and the tests. */
export function ormConfig(config: Pick<AppConfig, 'databaseUrl' | 'env'>): Options {
  return defineConfig({
    clientUrl: config.databaseUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: {
      // Migrations are listed in code (see migrations/index.ts) so the build needs no globbing;
      // the CLI writes new ones to `pathTs`.
      migrationsList: MIGRATIONS,
      path: 'dist/libs/database/src/migrations',
      pathTs: 'libs/database/src/migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: config.env === 'test',
    },
    pool: { min: 0, max: config.env === 'test' ? 5 : 10 },
    debug: false,
    // Work must run in a request context or a fork; a global context would leak state between jobs.
    allowGlobalContext: false,
    forceUtcTimezone: true,
  });
}
