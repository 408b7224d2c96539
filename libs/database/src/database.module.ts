import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { ormConfig } from './mikro-orm.config';

/** MikroORM for an app. Migrations are not run here but as their own step (`npm run migrate`). */
@Module({
  imports: [
    MikroOrmModule.forRootAsync({
      driver: PostgreSqlDriver,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ ...ormConfig(config), registerRequestContext: false }),
    }),
  ],
})
export class DatabaseModule {}
