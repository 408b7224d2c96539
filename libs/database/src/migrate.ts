import { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '@newsdesk/config';
import { ormConfig } from './mikro-orm.config';

/** Applies every pending migration. Returns the names applied. */
export async function migrate(config: Pick<AppConfig, 'databaseUrl' | 'env'>): Promise<string[]> {
  const orm = await MikroORM.init(ormConfig(config));
  try {
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}
