import {
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { runJob } from './job-worker';
import { JOB_HANDLER, type JobContext, type JobOutcome } from './on-job.decorator';
import { redisOptions } from './redis';
import {
  JOBS,
  assertRegistry,
  isJobName,
  jobQueuesOf,
  jobsOf,
  workerOptionsOf,
  type AppName,
  type JobName,
  type JobQueueName,
} from './registry';

/** The app whose jobs a {@link JobsModule} runs. */
export const JOBS_APP = Symbol('JOBS_APP');

type BoundHandler = (payload: unknown, context: JobContext) => Promise<JobOutcome>;

/**
 * The job workers of one app: one BullMQ worker per queue the registry gives
 * the app, with the queue's registry options, dispatching each job by name to
 * the provider method marked `@OnJob(name)`. At start it checks that every job
 * of the app has exactly one handler and that no handler is for another app's
 * job; otherwise the app refuses to start, naming what is wrong.
 */
@Injectable()
export class JobWorkers implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobWorkers.name);
  private readonly workers = new Map<JobQueueName, Worker>();
  private handlers = new Map<JobName, BoundHandler>();

  constructor(
    @Inject(JOBS_APP) private readonly app: AppName,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  /**
   * Checks the registry and the handlers, and makes the workers (not yet
   * taking jobs), so that metrics and the shutdown find them from the start.
   */
  onModuleInit(): void {
    assertRegistry(this.config);
    this.handlers = this.discoverHandlers();
    for (const queue of jobQueuesOf(this.app)) {
      const worker = new Worker(queue, (job, token) => this.process(job, token), {
        connection: redisOptions(this.config.redisUrl),
        autorun: false,
        ...workerOptionsOf(queue, this.config),
      });
      worker.on('failed', (job, error) =>
        this.logger.warn(
          `${job?.name ?? '?'} ${job?.id ?? ''} failed (attempt ${job?.attemptsMade ?? 0}): ${error.message}`,
        ),
      );
      // Without a listener a lost Redis connection would be an uncaught error; BullMQ reconnects.
      worker.on('error', (error) => this.logger.warn(`${queue} worker: ${error.message}`));
      this.workers.set(queue, worker);
    }
  }

  /** Takes jobs once every module is ready (the database, the outbox relay). */
  onApplicationBootstrap(): void {
    for (const [queue, worker] of this.workers) {
      worker
        .run()
        .catch((error: unknown) =>
          this.logger.error(
            `${queue} worker stopped: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
    }
  }

  /** Before the database closes: the jobs that run finish first. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.all().map((worker) => worker.close()));
    this.workers.clear();
  }

  /** This app's workers, one per queue. */
  all(): Worker[] {
    return [...this.workers.values()];
  }

  /** The worker of one of this app's queues. */
  of(queue: JobQueueName): Worker {
    const worker = this.workers.get(queue);
    if (!worker) throw new Error(`the ${this.app} app does not work the ${queue} queue`);
    return worker;
  }

  private async process(job: Job, token?: string): Promise<void> {
    const handler = isJobName(job.name) ? this.handlers.get(job.name) : undefined;
    if (!handler) throw new UnrecoverableError(`the ${job.queueName} queue has no job ${job.name}`);
    const context: JobContext = {
      id: job.id ?? '',
      attemptsMade: job.attemptsMade,
      lastAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
    };
    const outcome = await runJob(job, () => handler(job.data, context));
    if (outcome?.notBefore) {
      // Came early: wait in BullMQ's delayed set, not in the worker.
      await job.moveToDelayed(outcome.notBefore.getTime(), token);
      throw new DelayedError();
    }
  }

  /** Every `@OnJob` method of the app's providers, checked against the registry. */
  private discoverHandlers(): Map<JobName, BoundHandler> {
    const found = new Map<JobName, { where: string; handler: BoundHandler }>();
    const problems: string[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object') continue;
      const prototype: unknown = Object.getPrototypeOf(instance);
      if (!prototype || typeof prototype !== 'object') continue;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn: unknown = (instance as Record<string, unknown>)[method];
        if (typeof fn !== 'function') continue;
        const name = this.reflector.get<JobName | undefined>(JOB_HANDLER, fn);
        if (!name) continue;
        const where = `${instance.constructor.name}.${method}`;
        const other = found.get(name);
        if (JOBS[name].app !== this.app) {
          problems.push(`${where} handles ${name}, a job of the ${JOBS[name].app} app`);
        } else if (other) {
          problems.push(`${name} has two handlers: ${other.where} and ${where}`);
        } else {
          found.set(name, { where, handler: (fn as BoundHandler).bind(instance) });
        }
      }
    }
    const missing = jobsOf(this.app).filter((name) => !found.has(name));
    if (missing.length) problems.unshift(`no handler for job(s): ${missing.join(', ')}`);
    if (problems.length) {
      throw new Error(`the ${this.app} app cannot start: ${problems.join('; ')}`);
    }
    return new Map([...found].map(([name, { handler }]) => [name, handler]));
  }
}

/**
 * Runs the jobs the registry gives `app`: import `JobsModule.forApp(app)` in
 * the app's module, beside the providers whose methods are marked `@OnJob`.
 */
@Module({})
export class JobsModule {
  static forApp(app: AppName): DynamicModule {
    return {
      module: JobsModule,
      imports: [DiscoveryModule],
      providers: [{ provide: JOBS_APP, useValue: app }, JobWorkers],
      exports: [JobWorkers],
    };
  }
}

/** The job workers among these provider instances (the app's {@link JobWorkers}). */
export function jobWorkersAmong(instances: Iterable<unknown>): Worker[] {
  const workers: Worker[] = [];
  for (const instance of instances) {
    if (instance instanceof JobWorkers) workers.push(...instance.all());
  }
  return workers;
}
