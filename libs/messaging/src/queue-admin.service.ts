import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import {
  Clock,
  ConflictError,
  NotFound,
  ValidationFailed,
  type FieldProblem,
} from '@newsdesk/common';
import { OutboxEntry } from './outbox-entry.entity';
import { QueuesService } from './queues.service';
import { JobQueue, isQueueName, registryQueueNames, type QueueName } from './registry';

/**
 * The states ops see jobs in. BullMQ 6 keeps the jobs of a paused queue in its
 * wait list; they are shown as `paused` (not `waiting`) so that a paused queue
 * reads as such at a glance.
 */
export const JOB_STATES = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'completed',
  'failed',
  'paused',
] as const;
export type JobStateName = (typeof JOB_STATES)[number];

/** The states a single job can be found in: a list state, or one BullMQ reports only for one job. */
export const JOB_VIEW_STATES = [...JOB_STATES, 'waiting-children', 'unknown'] as const;

export type JobCounts = Record<JobStateName, number>;

/** One queue as ops see it. */
export interface QueueView {
  name: string;
  /** `job` queues carry commands; `event` queues carry one consumer's events. */
  kind: 'job' | 'event';
  isPaused: boolean;
  counts: JobCounts;
}

/** One job as ops see it. */
export interface JobView {
  id: string;
  name: string;
  queue: string;
  state: (typeof JOB_VIEW_STATES)[number];
  data: unknown;
  /** Why its last attempt failed (null unless it failed at least once). */
  failedReason: string | null;
  /** The first lines of the last failure's stack (null unless it failed). */
  stack: string | null;
  attemptsMade: number;
  /** How many attempts the job gets in all. */
  attempts: number;
  createdAt: string;
  processedAt: string | null;
  finishedAt: string | null;
}

/** An outbox row the relay tried and could not send yet. */
export interface OutboxFailure {
  seq: string;
  messageId: string;
  kind: 'event' | 'job';
  name: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

/** The outbox backlog: what the relay has not sent, and what it keeps failing to send. */
export interface OutboxStatus {
  unsent: number;
  oldestUnsentAt: string | null;
  /** Age of the oldest unsent row in whole seconds; 0 when nothing is waiting. */
  oldestUnsentAgeSeconds: number;
  /** Unsent rows with at least one failed attempt, oldest first (up to {@link OUTBOX_FAILING_ROWS}). */
  failing: OutboxFailure[];
}

/** How many jobs a list holds: `limit` is 1 to `max`, `default` when it is left out. */
export const JOB_LIST_LIMIT = { default: 50, max: 200 } as const;
/** How many failing rows the outbox view shows at most. */
export const OUTBOX_FAILING_ROWS = 100;
const STACK_LINES = 6;

/**
 * What ops do with the queues and the outbox: counts per state, failed jobs
 * with their reasons, retry, discard, pause and resume. Only registry queues
 * are known; any other name is a {@link NotFound}.
 */
@Injectable()
export class QueueAdminService {
  constructor(
    private readonly queues: QueuesService,
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  /** Every registry queue with its counts per state. */
  overview(): Promise<QueueView[]> {
    return Promise.all(registryQueueNames().map((name) => this.view(name)));
  }

  /** One queue with its counts per state. */
  queue(name: string): Promise<QueueView> {
    return this.view(this.known(name));
  }

  /**
   * The jobs of one queue in one state, newest first. `state` is one of
   * {@link JOB_STATES}; `limit` as {@link JOB_LIST_LIMIT} says, as given in a query string.
   */
  async jobs(name: string, query: { state?: string; limit?: string }): Promise<JobView[]> {
    const queue = this.queues.get(this.known(name));
    const problems: FieldProblem[] = [];
    const state = query.state ?? 'failed';
    if (!(JOB_STATES as readonly string[]).includes(state))
      problems.push({ field: 'state', reason: `must be one of ${JOB_STATES.join(', ')}` });
    const limit = query.limit === undefined ? JOB_LIST_LIMIT.default : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > JOB_LIST_LIMIT.max)
      problems.push({ field: 'limit', reason: `must be 1 to ${JOB_LIST_LIMIT.max}` });
    if (problems.length) throw new ValidationFailed(problems);
    const wanted = state as JobStateName;
    const paused = await queue.isPaused();
    // A paused queue's waiting jobs are `paused`; a running queue has none.
    if ((wanted === 'paused' && !paused) || (wanted === 'waiting' && paused)) return [];
    const jobs = await queue.getJobs([wanted === 'paused' ? 'waiting' : wanted], 0, limit - 1);
    return jobs.map((job) => toView(job, wanted));
  }

  /** One job with its current state. */
  async job(name: string, id: string): Promise<JobView> {
    const job = await this.find(name, id);
    return toView(job, await this.stateOf(job));
  }

  /**
   * Moves a failed job back to waiting with a fresh set of attempts. Only failed
   * jobs can be retried ({@link ConflictError} otherwise).
   */
  async retry(name: string, id: string): Promise<JobView> {
    const job = await this.find(name, id);
    const state = await job.getState();
    if (state !== 'failed') {
      throw new ConflictError(`job ${id} is ${state}; only failed jobs can be retried`, {
        state,
      });
    }
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return this.job(name, id);
  }

  /** Moves every failed job of a queue back to waiting; answers how many there were. */
  async retryFailed(name: string): Promise<{ queue: string; retried: number }> {
    const queue = this.queues.get(this.known(name));
    const retried = await queue.getFailedCount();
    await queue.retryJobs({ state: 'failed' });
    return { queue: queue.name, retried };
  }

  /**
   * Removes a job for good, whatever its state but active: BullMQ refuses to
   * remove a job a worker holds ({@link ConflictError}).
   */
  async discard(name: string, id: string): Promise<void> {
    const job = await this.find(name, id);
    const state = await job.getState();
    if (state === 'active') {
      throw new ConflictError(`job ${id} is being worked on; it cannot be discarded now`, {
        state,
      });
    }
    try {
      await job.remove();
    } catch (error) {
      // It became active between the check and the removal.
      throw new ConflictError(
        `job ${id} could not be discarded: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** Stops workers from taking new jobs off the queue (jobs in progress finish). */
  async pause(name: string): Promise<QueueView> {
    const queue = this.known(name);
    await this.queues.get(queue).pause();
    return this.view(queue);
  }

  /** Lets workers take jobs off the queue again. */
  async resume(name: string): Promise<QueueView> {
    const queue = this.known(name);
    await this.queues.get(queue).resume();
    return this.view(queue);
  }

  /** The outbox backlog and the rows the relay keeps failing to send. */
  async outbox(): Promise<OutboxStatus> {
    const em = this.em.fork();
    const [unsent, oldest, failing] = await Promise.all([
      em.count(OutboxEntry, { sentAt: null }),
      em.findOne(OutboxEntry, { sentAt: null }, { orderBy: { createdAt: 'asc' } }),
      em.find(
        OutboxEntry,
        { sentAt: null, attempts: { $gt: 0 } },
        { orderBy: { seq: 'asc' }, limit: OUTBOX_FAILING_ROWS },
      ),
    ]);
    const ageMs = oldest ? this.clock.now().getTime() - oldest.createdAt.getTime() : 0;
    return {
      unsent,
      oldestUnsentAt: oldest ? oldest.createdAt.toISOString() : null,
      oldestUnsentAgeSeconds: Math.max(0, Math.floor(ageMs / 1000)),
      failing: failing.map((row) => ({
        seq: row.seq,
        messageId: row.messageId,
        kind: row.kind,
        name: row.name,
        attempts: row.attempts,
        lastError: row.lastError,
        createdAt: row.createdAt.toISOString(),
      })),
    };
  }

  private known(name: string): QueueName {
    if (!isQueueName(name)) throw new NotFound('queue', name);
    return name;
  }

  private async find(name: string, id: string): Promise<Job> {
    const job = await this.queues.get(this.known(name)).getJob(id);
    if (!job) throw new NotFound('job', id);
    return job;
  }

  private async stateOf(job: Job): Promise<JobView['state']> {
    const state = await job.getState();
    if (state === 'waiting' && (await this.queues.get(this.known(job.queueName)).isPaused()))
      return 'paused';
    return state;
  }

  private async view(name: QueueName): Promise<QueueView> {
    const queue: Queue = this.queues.get(name);
    const [counts, isPaused] = await Promise.all([
      queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed'),
      queue.isPaused(),
    ]);
    const waiting = counts.waiting ?? 0;
    return {
      name,
      kind: (Object.values(JobQueue) as string[]).includes(name) ? 'job' : 'event',
      isPaused,
      counts: {
        waiting: isPaused ? 0 : waiting,
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        prioritized: counts.prioritized ?? 0,
        completed: counts.completed ?? 0,
        failed: counts.failed ?? 0,
        paused: isPaused ? waiting : 0,
      },
    };
  }
}

function toView(job: Job, state: JobView['state']): JobView {
  const iso = (ms: number | undefined) => (ms ? new Date(ms).toISOString() : null);
  return {
    id: String(job.id),
    name: job.name,
    queue: job.queueName,
    state,
    data: job.data,
    failedReason: job.failedReason || null,
    stack: job.stacktrace?.at(-1)?.split('\n').slice(0, STACK_LINES).join('\n') ?? null,
    attemptsMade: job.attemptsMade,
    // BullMQ runs a job without `attempts` (or with 0) once.
    attempts: job.opts.attempts || 1,
    createdAt: new Date(job.timestamp).toISOString(),
    processedAt: iso(job.processedOn),
    finishedAt: iso(job.finishedOn),
  };
}
