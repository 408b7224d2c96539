import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Worker } from 'bullmq';
import { jobWorkersAmong } from '@newsdesk/messaging';
import { AppMetrics } from './app-metrics';
import { countJobsOf } from './job-metrics';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './options';

const byApp = new Map<string, Set<Worker>>();

/** The BullMQ workers of the app `app` in this process (both Nest apps of the projector share one set). */
export function workersOf(app: string): Set<Worker> {
  let workers = byApp.get(app);
  if (!workers) {
    workers = new Set();
    byApp.set(app, workers);
  }
  return workers;
}

/** What the readiness check says about one worker. */
export type WorkerState = 'running' | 'closing' | 'stopped';

export function workerState(worker: Pick<Worker, 'isRunning' | 'closing'>): WorkerState {
  if (!worker.isRunning()) return 'stopped';
  return worker.closing ? 'closing' : 'running';
}

/**
 * The app's BullMQ workers: its job workers (`JobsModule`) found at start,
 * plus any added with {@link watch} (the event
 * transport's worker, which exists only once the microservice listens). Each
 * one's jobs are counted into the app's metrics, and the readiness check asks
 * whether each is running. They are forgotten when this Nest app closes.
 */
@Injectable()
export class AppWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly mine = new Map<Worker, () => void>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly metrics: AppMetrics,
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
  ) {}

  onApplicationBootstrap(): void {
    const instances = this.discovery.getProviders().map((wrapper): unknown => wrapper.instance);
    for (const worker of jobWorkersAmong(instances)) this.watch(worker);
  }

  /** Counts this worker's jobs and includes it in the readiness check. */
  watch(worker: Worker): void {
    if (this.mine.has(worker)) return;
    this.mine.set(worker, countJobsOf(worker, this.metrics));
    workersOf(this.options.app).add(worker);
  }

  /** Every worker of the app in this process, this Nest app's and its siblings'. */
  all(): Worker[] {
    return [...workersOf(this.options.app)];
  }

  onModuleDestroy(): void {
    for (const [worker, stop] of this.mine) {
      stop();
      workersOf(this.options.app).delete(worker);
    }
    this.mine.clear();
  }
}
