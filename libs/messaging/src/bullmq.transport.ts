import { Logger } from '@nestjs/common';
import { BaseRpcContext, CustomTransportStrategy, Server } from '@nestjs/microservices';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { lastValueFrom } from 'rxjs';
import { PermanentJobError, RequestContext } from '@newsdesk/common';
import { redisOptions } from './redis';
import {
  eventQueueOf,
  eventWorkerOptionsOf,
  eventsConsumedBy,
  type ConsumerName,
  type EventEnvelope,
} from './registry';

/** What an `@EventPattern` handler can ask for with `@Ctx()`: the BullMQ job. */
export class BullMqContext extends BaseRpcContext<[Job<EventEnvelope>]> {
  getJob(): Job<EventEnvelope> {
    return this.args[0];
  }
}

export interface BullMqTransportOptions {
  redisUrl: string;
  consumer: ConsumerName;
  /** Events at once; the registry's figure for the consumer's queue when absent. */
  concurrency?: number;
}

/**
 * A Nest microservice transport over BullMQ: each consumer reads its own
 * durable queue `events.<consumer>`, so events survive restarts, retry with
 * backoff and show in the queue dashboard — unlike Nest's fire-and-forget
 * Redis transport. Handlers are ordinary `@EventPattern('article.published')`
 * methods; a handler that throws fails the job and BullMQ retries it.
 */
export class BullMqTransport extends Server implements CustomTransportStrategy {
  /** The workers of every transport listening in this process (the graceful shutdown drains them first). */
  private static readonly listening = new Set<Worker>();
  private readonly log = new Logger(BullMqTransport.name);
  private worker: Worker<EventEnvelope> | null = null;

  static listeningWorkers(): Worker[] {
    return [...BullMqTransport.listening];
  }

  constructor(private readonly options: BullMqTransportOptions) {
    super();
  }

  listen(callback: (error?: unknown) => void): void {
    try {
      this.assertEveryEventHandled();
      this.worker = new Worker<EventEnvelope>(
        eventQueueOf(this.options.consumer),
        (job) => this.process(job),
        {
          connection: redisOptions(this.options.redisUrl),
          ...eventWorkerOptionsOf(this.options.consumer),
          ...(this.options.concurrency ? { concurrency: this.options.concurrency } : {}),
        },
      );
      BullMqTransport.listening.add(this.worker);
      this.worker.on('failed', (job, error) =>
        this.log.warn(
          `${job?.name ?? '?'} ${job?.id ?? ''} failed (attempt ${job?.attemptsMade ?? 0}): ${error.message}`,
        ),
      );
      this.worker
        .waitUntilReady()
        .then(() => callback())
        .catch((error: unknown) => callback(error));
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    await worker?.close();
    if (worker) BullMqTransport.listening.delete(worker);
    this.worker = null;
  }

  on(): never {
    throw new Error('BullMqTransport does not support event listeners; use the worker events');
  }

  unwrap<T>(): T {
    if (!this.worker) throw new Error('BullMqTransport is not listening');
    return this.worker as T;
  }

  /** The registry says which events this consumer owes a handler; refuse to start without one. */
  private assertEveryEventHandled(): void {
    const missing = eventsConsumedBy(this.options.consumer).filter(
      (event) => !this.getHandlerByPattern(event),
    );
    if (missing.length > 0) {
      throw new Error(
        `consumer "${this.options.consumer}" has no handler for: ${missing.join(', ')}`,
      );
    }
  }

  private async process(job: Job<EventEnvelope>): Promise<void> {
    const handler = this.getHandlerByPattern(job.name);
    if (!handler) throw new UnrecoverableError(`no handler for ${job.name}`);
    // The handler's logs and the messages it writes name the request that caused the event.
    const requestId = job.data.requestId ?? `event:${job.data.id}`;
    await RequestContext.run({ requestId }, async () => {
      const started = Date.now();
      try {
        const result: unknown = await handler(job.data, new BullMqContext([job]));
        await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
        this.log.log(`${job.name} ${job.data.id} handled in ${Date.now() - started} ms`);
      } catch (error) {
        if (error instanceof PermanentJobError) throw new UnrecoverableError(error.message);
        throw error;
      }
    });
  }
}
