/**
 * Database commands, run as their own step (never inside an app's start):
 *   migrate            apply pending migrations
 *   migration:create   write a migration for the difference between entities and schema
 *   seed               demo content for development (refused in production)
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '@newsdesk/config';
import { migrate } from './migrate';
import { ormConfig } from './mikro-orm.config';
import { seedDemo } from './seed/demo-seed';

async function main(command: string | undefined): Promise<void> {
  const config = loadConfig();
  switch (command ?? '') {
    case 'migrate': {
      const applied = await migrate(config);
      console.log(
        applied.length
          ? `applied migrations: ${applied.join(', ')}`
          : 'database schema is up to date',
      );
      return;
    }
    case 'migration:create': {
      const orm = await MikroORM.init(ormConfig(config));
      try {
        const initial = process.argv.includes('--initial');
        const result = await orm.getMigrator().createMigration(undefined, false, initial);
        console.log(
          result.fileName
            ? `created ${result.fileName}; add it to migrations/index.ts`
            : 'no changes',
        );
      } finally {
        await orm.close(true);
      }
      return;
    }
    case 'seed': {
      await seedDemo(config);
      return;
    }
    default:
      throw new Error(`unknown command "${command ?? ''}"; use migrate, migration:create or seed`);
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
