import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { assertNoEviction, redisOptions } from './redis';

/**
 * The app's shared Redis connection for read models and caches (BullMQ keeps
 * its own). At start it refuses a Redis that may evict keys.
 */
@Injectable()
export class RedisClient implements OnModuleInit, OnModuleDestroy {
  readonly redis: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis({
      ...redisOptions(config.redisUrl),
      maxRetriesPerRequest: 3,
      lazyConnect: true,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.redis.connect();
    await assertNoEviction(this.redis);
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
