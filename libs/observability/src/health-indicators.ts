import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { APP_CONFIG, s3ClientSettings, s3ErrorStatus, type AppConfig } from '@newsdesk/config';
import { RedisClient } from '@newsdesk/messaging';
import { AppWorkers, workerState } from './workers';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Rejects after `ms`, so that a hung dependency makes readiness fail rather than hang. */
export function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Redis answers, and will not evict: with any `maxmemory-policy` other than
 * `noeviction` Redis may silently drop queued jobs and read models, so that
 * counts as down (the apps also refuse to start with one).
 */
@Injectable()
export class RedisHealth {
  constructor(
    private readonly redisClient: RedisClient,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async check(key = 'redis'): Promise<HealthIndicatorResult> {
    const session = this.indicator.check(key);
    try {
      const redis = this.redisClient.redis;
      const [, reply] = await within(
        3000,
        Promise.all([redis.ping(), redis.config('GET', 'maxmemory-policy')]),
        'Redis',
      );
      const policy = reply[1] ?? 'unknown';
      if (policy !== 'noeviction') {
        return session.down({
          maxmemoryPolicy: policy,
          message: `maxmemory-policy is "${policy}"; it must be "noeviction" so that no job or read model is dropped`,
        });
      }
      return session.up({ maxmemoryPolicy: policy });
    } catch (error) {
      return session.down({ message: message(error) });
    }
  }
}

/** The configured bucket exists and our credentials may use it (S3 HeadBucket). */
@Injectable()
export class S3BucketHealth implements OnModuleDestroy {
  private readonly s3: S3Client;
  private readonly bucket: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly indicator: HealthIndicatorService,
  ) {
    this.bucket = config.s3.bucket;
    // Its own small client: the check must not depend on the media lib, and must give up quickly.
    this.s3 = new S3Client({ ...s3ClientSettings(config), maxAttempts: 1 });
  }

  async check(key = 's3'): Promise<HealthIndicatorResult> {
    const session = this.indicator.check(key);
    try {
      await within(3000, this.s3.send(new HeadBucketCommand({ Bucket: this.bucket })), 'S3');
      return session.up({ bucket: this.bucket });
    } catch (error) {
      const status = s3ErrorStatus(error);
      const reason =
        status === 404
          ? 'no such bucket'
          : status === 403
            ? 'access denied'
            : message(error) || `HTTP ${status}`;
      return session.down({ bucket: this.bucket, message: reason });
    }
  }

  onModuleDestroy(): void {
    this.s3.destroy();
  }
}

/** Every BullMQ worker of this app is running and not closing; an app that should have workers has some. */
@Injectable()
export class WorkersHealth {
  constructor(
    private readonly workers: AppWorkers,
    private readonly indicator: HealthIndicatorService,
  ) {}

  check(key = 'workers'): HealthIndicatorResult {
    const session = this.indicator.check(key);
    const states: Record<string, string> = {};
    for (const worker of this.workers.all()) {
      let name = worker.name;
      for (let n = 2; name in states; n++) name = `${worker.name}#${n}`;
      states[name] = workerState(worker);
    }
    const names = Object.keys(states);
    if (names.length === 0) return session.down({ message: 'no worker is running' });
    const notRunning = names.filter((name) => states[name] !== 'running');
    return notRunning.length === 0
      ? session.up(states)
      : session.down({ ...states, message: `not running: ${notRunning.join(', ')}` });
  }
}
