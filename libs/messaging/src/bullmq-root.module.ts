import { BullModule } from '@nestjs/bullmq';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { DEFAULT_JOB_OPTIONS } from './queues.service';
import { redisOptions } from './redis';

/** BullMQ's connection for `@Processor` workers, from the app config. */
export const BullRootModule = BullModule.forRootAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({
    connection: redisOptions(config.redisUrl),
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  }),
});
