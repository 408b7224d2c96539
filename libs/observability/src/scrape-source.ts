import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { QueuesService, registryQueueNames } from '@newsdesk/messaging';
import { AppMetrics, type ScrapeSource } from './app-metrics';

/** The BullMQ states worth a gauge: work not yet done, and work that gave up. */
const STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed'] as const;

/**
 * Reads queue counts and the outbox for the scrape-time gauges. Every app
 * reports every queue, so a queue's backlog shows even while the app that
 * works it is down.
 */
@Injectable()
export class QueueAndOutboxSource implements ScrapeSource, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Metrics');
  private remove: (() => void) | null = null;

  constructor(
    private readonly em: EntityManager,
    private readonly queues: QueuesService,
    private readonly metrics: AppMetrics,
  ) {}

  onModuleInit(): void {
    this.remove = this.metrics.addSource(this);
  }

  onModuleDestroy(): void {
    this.remove?.();
  }

  async queueCounts(): Promise<{ queue: string; state: string; count: number }[]> {
    try {
      const perQueue = await Promise.all(
        registryQueueNames().map(async (queue) => {
          const counts = await this.queues.get(queue).getJobCounts(...STATES);
          return STATES.map((state) => ({ queue, state, count: counts[state] ?? 0 }));
        }),
      );
      return perQueue.flat();
    } catch (error) {
      this.logger.warn(`queue counts unavailable: ${String(error)}`);
      throw error;
    }
  }

  async outbox(): Promise<{ backlog: number; lagSeconds: number }> {
    try {
      // The partial index on unsent rows keeps this cheap however large the table grows.
      const [row] = await this.em
        .fork()
        .execute<{ backlog: number; oldest: Date | null }[]>(
          'select count(*)::int as backlog, min(created_at) as oldest from outbox where sent_at is null',
        );
      const oldest = row?.oldest ? new Date(row.oldest).getTime() : null;
      return {
        backlog: row?.backlog ?? 0,
        lagSeconds: oldest === null ? 0 : Math.max(0, (Date.now() - oldest) / 1000),
      };
    } catch (error) {
      this.logger.warn(`outbox stats unavailable: ${String(error)}`);
      throw error;
    }
  }
}
