/**
 * The one registry of every queue, job and event, and who consumes each event.
 * Names: queues are nouns, jobs are `EntityVerb`, events `entity.pastTense`.
 */
import type { BackoffOptions, JobsOptions, KeepJobs, WorkerOptions } from 'bullmq';
import type { AppConfig } from '@newsdesk/config';

/** Queues that carry jobs (commands), one per kind of work. */
export const JobQueue = {
  Submission: 'submission',
  Publication: 'publication',
  Media: 'media',
  Webhooks: 'webhooks',
  Cdn: 'cdn',
} as const;
export type JobQueueName = (typeof JobQueue)[keyof typeof JobQueue];

export enum JobName {
  ArticleSubmission = 'ArticleSubmission',
  ArticlePublish = 'ArticlePublish',
  ArticlePublishBatch = 'ArticlePublishBatch',
  ArticleUnpublish = 'ArticleUnpublish',
  ImageProcess = 'ImageProcess',
  WebhookDeliver = 'WebhookDeliver',
  CdnPurge = 'CdnPurge',
  CdnVerify = 'CdnVerify',
}

/**
 * Payloads carry ids only; handlers re-read the database. Where one job name
 * is queued for different reasons, a small field tells them apart, so that
 * each reason gets its own job id (see {@link JOBS}).
 */
export interface JobPayloads {
  [JobName.ArticleSubmission]: { articleId: string; version: number };
  [JobName.ArticlePublish]: { articleId: string; version: number };
  /**
   * Publishes the stories a bulk publish scheduled together (`batchId` names
   * the request), each as {@link JobName.ArticlePublish} would for its version.
   */
  [JobName.ArticlePublishBatch]: {
    batchId: string;
    items: JobPayloads[JobName.ArticlePublish][];
  };
  /** `scheduled`: the story's own `unpublishAt` came due; otherwise someone asked. */
  [JobName.ArticleUnpublish]: { articleId: string; version: number; scheduled: boolean };
  /**
   * `all` renders every preset (an upload, a re-render after the presets
   * changed: `presetsHash` names them); `crops` re-renders only the presets
   * that crop, after a focal point change (`changeId` names that change).
   */
  [JobName.ImageProcess]:
    | { imageId: string; scope: 'all'; presetsHash: string }
    | { imageId: string; scope: 'crops'; changeId: string };
  /**
   * POSTs one webhook delivery to its subscriber (BullMQ retries with backoff).
   * `redelivery` counts the times ops asked for it again (0: the first delivery).
   */
  [JobName.WebhookDeliver]: { deliveryId: string; redelivery: number };
  /**
   * Surrogate keys whose cached responses changed (the one job that carries
   * data, not ids: it is derived), batch `batch` of what event `eventId` changed.
   */
  [JobName.CdnPurge]: {
    /** With `batch`, the job's id: the first event of the round that queued it. */
    eventId: string;
    batch: number;
    /** How many batches the purge was split into (absent in jobs queued by older versions). */
    batches?: number;
    keys: string[];
    /** The events whose changes this purge makes visible at the edge (several when a burst coalesced); absent in jobs queued by older versions. */
    covers?: PurgeCover[];
  };
  /**
   * Checks that what batch `batch` of event `eventId` purged is fresh at the
   * edge (`CDN_VERIFY_URL`): a representative URL per key, through the CDN and
   * from the origin, with the same ETag and status. Queued by the purge job
   * once its purge succeeded; a stale URL is purged again and the job retried.
   */
  [JobName.CdnVerify]: {
    eventId: string;
    batch: number;
    keys: string[];
    covers?: PurgeCover[];
  };
}
/** One event a CDN purge carries out: for delivery receipts and the event-to-edge latency. */
export interface PurgeCover {
  eventId: string;
  articleId: string | null;
  /** When the event occurred (ISO 8601). */
  occurredAt: string;
}
export type JobOf<N extends JobName> = JobPayloads[N];

/** The apps that work queues (the API only produces). */
export type AppName = 'workflow' | 'media' | 'projector';

/** A setting that depends on the deployment's config is a function of it. */
export type Configured<T> = T | ((config: AppConfig) => T);

/** How BullMQ retries a job: `attempts` in all (the first included), backing off between them. */
export interface Retry {
  attempts: number;
  backoff: BackoffOptions;
}

/** What the registry knows about one job. */
export interface JobDefinition<N extends JobName> {
  queue: JobQueueName;
  /** The app whose workers run it; it refuses to start without a handler for it. */
  app: AppName;
  retry: Configured<Retry>;
  /**
   * The parts of its BullMQ job id, from its payload: the same work asked for
   * twice (a double click, a relay retry, a redelivered event) gets the same
   * id and runs once. The only place job ids are made.
   */
  id: (payload: JobPayloads[N]) => (string | number)[];
}

/** Transient failures back off from a second: a restarting database or Redis is back long before the last attempt. */
const STANDARD_RETRY: Retry = { attempts: 8, backoff: { type: 'exponential', delay: 1000 } };

/**
 * An edge found stale is purged again and checked again 250 ms later, then
 * 0.5, 1, 2, 4 s: a purge lost on the way, or a response the CDN fetched
 * before the purge and stored after it, is caught within seconds; an edge
 * stale after all of them fails the job, visible in the ops dashboard.
 */
const VERIFY_RETRY: Retry = { attempts: 6, backoff: { type: 'exponential', delay: 250 } };

/**
 * Webhook deliveries retry over hours (`WEBHOOK_MAX_ATTEMPTS`, exponential
 * from `WEBHOOK_BACKOFF_MS`), with jitter so that a recovering subscriber is
 * not hit by every retry at once.
 */
const webhookRetry = (config: AppConfig): Retry => ({
  attempts: config.webhooks.maxAttempts,
  backoff: { type: 'exponential', delay: config.webhooks.backoffMs, jitter: 0.2 },
});

/** Every job, whole: its queue, the app that works it, its retries and its id. */
export const JOBS: { readonly [N in JobName]: JobDefinition<N> } = {
  [JobName.ArticleSubmission]: {
    queue: JobQueue.Submission,
    app: 'workflow',
    retry: STANDARD_RETRY,
    id: (p) => [p.articleId, p.version],
  },
  // Keyed by version: a rescheduled or cancelled story's older job finds another version and does nothing.
  [JobName.ArticlePublish]: {
    queue: JobQueue.Publication,
    app: 'workflow',
    retry: STANDARD_RETRY,
    id: (p) => [p.articleId, p.version],
  },
  // One job per bulk request: a repeated request is a new batch, and each story's version decides.
  [JobName.ArticlePublishBatch]: {
    queue: JobQueue.Publication,
    app: 'workflow',
    retry: STANDARD_RETRY,
    id: (p) => [p.batchId],
  },
  [JobName.ArticleUnpublish]: {
    queue: JobQueue.Publication,
    app: 'workflow',
    retry: STANDARD_RETRY,
    id: (p) => [p.articleId, p.version, p.scheduled ? 'until' : 'unpublish'],
  },
  // Each focal point change is its own request (A → B → A must re-crop twice).
  [JobName.ImageProcess]: {
    queue: JobQueue.Media,
    app: 'media',
    retry: STANDARD_RETRY,
    id: (p) =>
      p.scope === 'all' ? [p.imageId, 'all', p.presetsHash] : [p.imageId, 'crops', p.changeId],
  },
  [JobName.WebhookDeliver]: {
    queue: JobQueue.Webhooks,
    app: 'projector',
    retry: webhookRetry,
    id: (p) => (p.redelivery ? [p.deliveryId, 'redelivery', p.redelivery] : [p.deliveryId]),
  },
  [JobName.CdnPurge]: {
    queue: JobQueue.Cdn,
    app: 'projector',
    retry: STANDARD_RETRY,
    id: (p) => [p.eventId, p.batch],
  },
  // Each attempt after the first follows a new purge of what was stale; the backoff gives a lost purge time to land.
  [JobName.CdnVerify]: {
    queue: JobQueue.Cdn,
    app: 'projector',
    retry: VERIFY_RETRY,
    id: (p) => [p.eventId, p.batch],
  },
};

/** What the registry knows about one queue: how its workers run and how long finished jobs stay. */
export interface QueueDefinition<Concurrency = Configured<number>> {
  /** Jobs at once per worker process. */
  concurrency: Concurrency;
  /**
   * A worker holds a job's lock this long, renewing it while the job runs; a
   * crashed worker's job goes back to its queue once the lock lapses.
   */
  lockDuration: number;
  /** How often a worker looks for jobs whose lock lapsed. */
  stalledInterval: number;
  /** How often a job may be orphaned by a crash before it fails. */
  maxStalledCount: number;
  /** Finished jobs are kept this long: their ids keep a repeated job from running again meanwhile. */
  removeOnComplete: KeepJobs;
  removeOnFail: KeepJobs;
}

/**
 * Every worker returns a crashed worker's job to its queue within seconds (a
 * 10 s lock, renewed every 5 s while the job runs, checked every 5 s) instead
 * of BullMQ's default minute; and a job orphaned by several crashes in a row
 * runs again instead of failing at the second one (BullMQ's default
 * `maxStalledCount` is 1). Handlers are idempotent, so a job that runs again is
 * harmless. sharp works off the event loop, so the short lock is renewed while
 * an image takes longer.
 */
const RECOVERY = { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 5 } as const;
/** A day of completed jobs (ops look back that far); failed ones two weeks, for a retry. */
const KEEP = {
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: { age: 14 * 24 * 3600 },
} as const;

/**
 * Every queue the apps work: the job queues, then one event queue per
 * consumer (`events.<consumer>`, worked by the consumer's event transport).
 */
export const QUEUES: QueueTable = {
  [JobQueue.Submission]: { concurrency: 1, ...RECOVERY, ...KEEP },
  // Several publications at once: each job locks its own story row, so they never collide.
  [JobQueue.Publication]: { concurrency: 8, ...RECOVERY, ...KEEP },
  /**
   * MEDIA_CONCURRENCY, default one per core: each job runs on its share of the
   * cores as libvips threads (MEDIA_THREADS_PER_JOB), so parallel jobs keep the
   * cores busy without taking turns.
   */
  [JobQueue.Media]: { concurrency: (config) => config.images.concurrency, ...RECOVERY, ...KEEP },
  // Subscribers answer slowly; several deliveries wait on the network at once.
  [JobQueue.Webhooks]: { concurrency: 8, ...RECOVERY, ...KEEP },
  [JobQueue.Cdn]: { concurrency: 1, ...RECOVERY, ...KEEP },
  // Many events at once, so that a burst's listing rebuilds gather into rounds (see the projector's ListingRounds).
  'events.projector': { concurrency: 32, ...RECOVERY, ...KEEP },
  'events.webhooks': { concurrency: 4, ...RECOVERY, ...KEEP },
};

function configured<T>(value: Configured<T>, config: AppConfig): T {
  return typeof value === 'function' ? (value as (config: AppConfig) => T)(config) : value;
}

/**
 * The BullMQ job id of a job: the job name and the parts its definition takes
 * from the payload. `again` gives a fresh id for the same work, for when a
 * finished job still holds the usual one (BullMQ would ignore the new job).
 */
export function jobIdOf<N extends JobName>(name: N, payload: JobPayloads[N], again?: Date): string {
  const definition: JobDefinition<N> = JOBS[name];
  const parts = [name, ...definition.id(payload), ...(again ? ['again', again.getTime()] : [])];
  // BullMQ refuses `:` in custom ids.
  return parts.map((p) => String(p).replace(/:/g, '_')).join('-');
}

/** The options the relay adds a job with: its retries and how long its queue keeps it. */
export function jobOptionsOf(name: JobName, config: AppConfig): JobsOptions {
  const { removeOnComplete, removeOnFail } = QUEUES[JOBS[name].queue];
  return { ...configured(JOBS[name].retry, config), removeOnComplete, removeOnFail };
}

/**
 * A queue's default job options, for jobs added without the registry (events,
 * ops tools): how long it keeps them, and the retries its jobs declare when
 * they all agree (the standard ones otherwise).
 */
export function queueJobDefaults(queue: QueueName, config: AppConfig): JobsOptions {
  const { removeOnComplete, removeOnFail } = QUEUES[queue];
  const retries = jobsOnQueue(queue).map((name) => configured(JOBS[name].retry, config));
  const same = retries.every((r) => JSON.stringify(r) === JSON.stringify(retries[0]));
  return { ...(retries[0] && same ? retries[0] : STANDARD_RETRY), removeOnComplete, removeOnFail };
}

type WorkerSettings = Pick<
  WorkerOptions,
  'concurrency' | 'lockDuration' | 'stalledInterval' | 'maxStalledCount'
>;

/** How a worker of this job queue runs. */
export function workerOptionsOf(queue: JobQueueName, config: AppConfig): WorkerSettings {
  const { concurrency, lockDuration, stalledInterval, maxStalledCount } = QUEUES[queue];
  return {
    concurrency: configured(concurrency, config),
    lockDuration,
    stalledInterval,
    maxStalledCount,
  };
}

/** How the worker of a consumer's event queue runs. */
export function eventWorkerOptionsOf(consumer: ConsumerName): WorkerSettings {
  const { concurrency, lockDuration, stalledInterval, maxStalledCount } =
    QUEUES[eventQueueOf(consumer)];
  return { concurrency, lockDuration, stalledInterval, maxStalledCount };
}

/** The jobs that run on a queue. */
export function jobsOnQueue(queue: string): JobName[] {
  return Object.values(JobName).filter((name) => JOBS[name].queue === queue);
}

/** The jobs an app's workers run: it refuses to start without a handler for each. */
export function jobsOf(app: AppName): JobName[] {
  return Object.values(JobName).filter((name) => JOBS[name].app === app);
}

/** The job queues an app works, one BullMQ worker each. */
export function jobQueuesOf(app: AppName): JobQueueName[] {
  return [...new Set(jobsOf(app).map((name) => JOBS[name].queue))];
}

/**
 * What is wrong with the tables, one sentence each (none: they hold). Checked
 * at start by every app that works jobs, with its config.
 */
export function registryProblems(
  config: AppConfig,
  jobs: { readonly [N in JobName]: JobDefinition<N> } = JOBS,
  queues: QueueTable = QUEUES,
  consumers: Record<EventName, readonly ConsumerName[]> = EVENT_CONSUMERS,
  streamed: readonly EventName[] = STREAMED_EVENTS,
): string[] {
  const problems: string[] = [];
  const apps = new Map<string, Set<AppName>>();
  for (const name of Object.values(JobName)) {
    const job: JobDefinition<JobName> = jobs[name] as JobDefinition<JobName>;
    if (!(job.queue in queues))
      problems.push(`job ${name} runs on queue "${job.queue}", which has no definition`);
    apps.set(job.queue, (apps.get(job.queue) ?? new Set()).add(job.app));
    const { attempts, backoff } = configured(job.retry, config);
    if (!(attempts >= 1)) problems.push(`job ${name} has ${attempts} attempts; at least 1`);
    if (backoff.delay !== undefined && !(backoff.delay >= 0))
      problems.push(`job ${name} backs off ${backoff.delay} ms`);
  }
  for (const queue of Object.values(JobQueue)) {
    const workers = [...(apps.get(queue) ?? [])];
    if (workers.length !== 1)
      problems.push(
        `queue "${queue}" must be worked by exactly one app; its jobs name ${workers.length ? workers.join(', ') : 'none'}`,
      );
  }
  for (const event of Object.values(EventName)) {
    if (consumers[event].length === 0 && !streamed.includes(event))
      problems.push(`event ${event} has no consumer and is not streamed: nobody would receive it`);
  }
  for (const queue of registryQueueNames()) {
    const q: QueueDefinition = queues[queue];
    const concurrency = configured(q.concurrency, config);
    if (!(Number.isInteger(concurrency) && concurrency >= 1))
      problems.push(`queue "${queue}" has concurrency ${concurrency}; a whole number, at least 1`);
    if (!(q.stalledInterval > 0 && q.stalledInterval < q.lockDuration))
      problems.push(
        `queue "${queue}" must check for stalled jobs (every ${q.stalledInterval} ms) more often than its lock lasts (${q.lockDuration} ms)`,
      );
    if (!(q.maxStalledCount >= 1))
      problems.push(
        `queue "${queue}" fails a job at its first stall (maxStalledCount ${q.maxStalledCount})`,
      );
  }
  return problems;
}

/** Throws, naming every problem, when the registry's tables do not hold. */
export function assertRegistry(config: AppConfig): void {
  const problems = registryProblems(config);
  if (problems.length)
    throw new Error(`the job registry is inconsistent:\n- ${problems.join('\n- ')}`);
}

export enum EventName {
  ArticlePublished = 'article.published',
  ArticleUpdated = 'article.updated',
  ArticleUnpublished = 'article.unpublished',
  ArticleKilled = 'article.killed',
  ImageProcessed = 'image.processed',
  ImageUpdated = 'image.updated',
  SectionRenamed = 'section.renamed',
  // What the desk needs to know live (see `STREAMED_EVENTS`): ids and the fields it filters on.
  StoryChanged = 'story.changed',
  StorySaved = 'story.saved',
  StoryAssigned = 'story.assigned',
  StoryChecked = 'story.checked',
  LockTaken = 'lock.taken',
  LockReleased = 'lock.released',
  CommentAdded = 'comment.added',
  CommentResolved = 'comment.resolved',
  DeliveryProgressed = 'delivery.progressed',
}

interface ArticleEventPayload {
  articleId: string;
  slug: string;
  version: number;
  /** Every section whose listings may have changed (old and new on a move). */
  sectionIds: string[];
  /** Every teaser listing that may have changed (`home`, `section:x`, `series:y`, `tag:z`), before and after. */
  listings?: string[];
}

/**
 * What every `story.*` event says about the story after the change: enough
 * for the desk to decide which of its views are stale (a section's board, a
 * reviewer's queue, an author's drafts); it refetches the rest.
 */
export interface StoryFacts {
  articleId: string;
  /** The story's version after the change (the `If-Match` to send next). */
  version: number;
  status: string;
  /** The review state of a published story's pending update; null when none. */
  updateStatus: string | null;
  sectionId: string;
  authorId: string;
  assigneeId: string | null;
  /** Who made the change; null for the system (the checks, the publication jobs). */
  byId: string | null;
}

export interface EventPayloads {
  [EventName.ArticlePublished]: ArticleEventPayload;
  [EventName.ArticleUpdated]: ArticleEventPayload;
  [EventName.ArticleUnpublished]: ArticleEventPayload;
  [EventName.ArticleKilled]: ArticleEventPayload;
  /** Rendered (`ready`) or given up on (`failed`); events written before `status` was added lack it. */
  [EventName.ImageProcessed]: { imageId: string; status?: 'ready' | 'failed' };
  [EventName.ImageUpdated]: { imageId: string };
  [EventName.SectionRenamed]: { sectionId: string; slug: string; name: string };
  /** A transition of the state machine (`submit`, `passChecks`, `release` …), the jobs' ones included. */
  [EventName.StoryChanged]: StoryFacts & { transition: string };
  /** A new revision: created, edited or restored. */
  [EventName.StorySaved]: StoryFacts & { revision: number };
  /** Put into a reviewer's queue, or taken out (`assigneeId` null). */
  [EventName.StoryAssigned]: StoryFacts;
  /** The publish checks ran on a submission; `failedFields` names what failed (empty when passed). */
  [EventName.StoryChecked]: StoryFacts & { passed: boolean; failedFields: string[] };
  /** Someone took the edit lease; `takenOverFromId` when a reviewer or admin took it from its holder. Renewals are not announced. */
  [EventName.LockTaken]: { articleId: string; byId: string; takenOverFromId: string | null };
  /** The holder gave the lease back (a lease that lapses is not announced). */
  [EventName.LockReleased]: { articleId: string; byId: string };
  [EventName.CommentAdded]: {
    articleId: string;
    commentId: string;
    /** The thread's root for a reply; null for a new thread. */
    parentId: string | null;
    byId: string;
  };
  [EventName.CommentResolved]: { articleId: string; commentId: string; byId: string };
  /**
   * A step of a story's delivery was done (a listing rebuilt, a CDN purge sent
   * or verified, a webhook delivered or given up on); `complete`: its receipt
   * has nothing pending any more.
   */
  [EventName.DeliveryProgressed]: { articleId: string; eventId: string; complete: boolean };
}
export type EventOf<N extends EventName> = EventPayloads[N];

/** What travels on an event queue: the payload plus the id consumers dedupe on. */
export interface EventEnvelope<N extends EventName = EventName> {
  id: string;
  name: N;
  occurredAt: string;
  payload: EventPayloads[N];
  /** The request that caused the event (see `Trace`); absent for changes made outside a request. */
  requestId?: string;
}

/** Every consumer of events; each has its own durable queue `events.<consumer>`. */
export const Consumer = {
  Projector: 'projector',
  /** Fans article events out to webhook subscribers (deliveries on the `webhooks` job queue). */
  Webhooks: 'webhooks',
} as const;
export type ConsumerName = (typeof Consumer)[keyof typeof Consumer];

export const EVENT_CONSUMERS: Record<EventName, readonly ConsumerName[]> = {
  [EventName.ArticlePublished]: [Consumer.Projector, Consumer.Webhooks],
  [EventName.ArticleUpdated]: [Consumer.Projector, Consumer.Webhooks],
  [EventName.ArticleUnpublished]: [Consumer.Projector, Consumer.Webhooks],
  [EventName.ArticleKilled]: [Consumer.Projector, Consumer.Webhooks],
  [EventName.ImageProcessed]: [Consumer.Projector],
  [EventName.ImageUpdated]: [Consumer.Projector],
  [EventName.SectionRenamed]: [Consumer.Projector],
  [EventName.StoryChanged]: [],
  [EventName.StorySaved]: [],
  [EventName.StoryAssigned]: [],
  [EventName.StoryChecked]: [],
  [EventName.LockTaken]: [],
  [EventName.LockReleased]: [],
  [EventName.CommentAdded]: [],
  [EventName.CommentResolved]: [],
  [EventName.DeliveryProgressed]: [],
};

/**
 * The events the desk needs to know live. The outbox relay appends each to
 * the desk's Redis stream itself (`EVENT_STREAM`, behind `GET /api/stream`),
 * besides giving it to its consumers: the stream is a durable, ordered log
 * already, and a queue in front of it would only add waiting.
 */
export const STREAMED_EVENTS: readonly EventName[] = [
  EventName.StoryChanged,
  EventName.StorySaved,
  EventName.StoryAssigned,
  EventName.StoryChecked,
  EventName.LockTaken,
  EventName.LockReleased,
  EventName.CommentAdded,
  EventName.CommentResolved,
  EventName.ImageProcessed,
  EventName.ImageUpdated,
  EventName.DeliveryProgressed,
];

export function isStreamedEvent(name: EventName): boolean {
  return STREAMED_EVENTS.includes(name);
}

/** The queue of a consumer's events. */
export function eventQueueOf<C extends ConsumerName>(consumer: C): `events.${C}` {
  return `events.${consumer}`;
}

/** The queue of one consumer's events. */
export type EventQueueName = `events.${ConsumerName}`;
/** Every queue name: the job queues and the consumers' event queues. */
export type QueueName = JobQueueName | EventQueueName;

/**
 * The definitions of every queue. An event queue is worked by its consumer's
 * transport, which is made without the app config: its settings are plain.
 */
export type QueueTable = { readonly [Q in JobQueueName]: QueueDefinition } & {
  readonly [Q in EventQueueName]: QueueDefinition<number>;
};

/** Every queue the apps work: the job queues, then one event queue per consumer. */
export function registryQueueNames(): QueueName[] {
  return [...Object.values(JobQueue), ...Object.values(Consumer).map(eventQueueOf)];
}

/** The events a consumer must handle; its transport refuses to start without a handler for each. */
export function eventsConsumedBy(consumer: ConsumerName): EventName[] {
  return (Object.keys(EVENT_CONSUMERS) as EventName[]).filter((event) =>
    EVENT_CONSUMERS[event].includes(consumer),
  );
}

export function isQueueName(name: string): name is QueueName {
  return registryQueueNames().includes(name as QueueName);
}

export function isEventName(name: string): name is EventName {
  return Object.values<string>(EventName).includes(name);
}

export function isJobName(name: string): name is JobName {
  return Object.values<string>(JobName).includes(name);
}
