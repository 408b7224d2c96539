export * from './database.module';
export * from './mikro-orm.config';
export * from './entities';
export * from './migrate';
