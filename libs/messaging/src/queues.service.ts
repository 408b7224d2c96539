import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { redisOptions } from './redis';
import { queueJobDefaults, type QueueName } from './registry';

/** Producer side of BullMQ: one lazily opened `Queue` per registry queue. */
@Injectable()
export class QueuesService implements OnApplicationShutdown {
  private readonly queues = new Map<string, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: redisOptions(this.config.redisUrl),
        defaultJobOptions: queueJobDefaults(name, this.config),
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  all(): Queue[] {
    return [...this.queues.values()];
  }

  /** Closes last, after every module is destroyed: the outbox relay may still be sending until then. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.all().map((q) => q.close()));
    this.queues.clear();
  }
}
