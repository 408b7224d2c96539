import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from '@newsdesk/common';
import { QueuesService } from './queues.service';
import { RedisClient } from './redis-client';

/** Producer side of messaging: queues, the shared Redis connection, and the clock. */
@Global()
@Module({
  providers: [QueuesService, RedisClient, { provide: Clock, useClass: SystemClock }],
  exports: [QueuesService, RedisClient, Clock],
})
export class MessagingModule {}
