import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { redisOptions } from './redis';
import { JobQueue } from './registry';

/** How jobs retry: BullMQ backs off; permanent errors skip the retries. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

/**
 * The default options of the jobs added to one queue. Webhook deliveries retry
 * over hours (`WEBHOOK_MAX_ATTEMPTS`, exponential from `WEBHOOK_BACKOFF_MS`, with
 * jitter so that a recovering subscriber is not hit by every retry at once).
 */
export function jobOptionsOf(queue: string, config: AppConfig): JobsOptions {
  if (queue === JobQueue.Webhooks) {
    return {
      ...DEFAULT_JOB_OPTIONS,
      attempts: config.webhooks.maxAttempts,
      backoff: { type: 'exponential', delay: config.webhooks.backoffMs, jitter: 0.2 },
    };
  }
  return DEFAULT_JOB_OPTIONS;
}

/** Producer side of BullMQ: one lazily opened `Queue` per name. */
@Injectable()
export class QueuesService implements OnModuleDestroy {
  private readonly queues = new Map<string, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: redisOptions(this.config.redisUrl),
        defaultJobOptions: jobOptionsOf(name, this.config),
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  all(): Queue[] {
    return [...this.queues.values()];
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.all().map((q) => q.close()));
    this.queues.clear();
  }
}
