/** Config for the MikroORM CLI (`npx mikro-orm migration:create`). */
import { loadConfig } from '@newsdesk/config';
import { ormConfig } from './mikro-orm.config';

export default ormConfig(loadConfig());
