/**
 * The one registry of every queue, job and event, and who consumes each event.
 * Names: queues are nouns, jobs are `EntityVerb`, events `entity.pastTense`.
 */

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
  ArticleUnpublish = 'ArticleUnpublish',
  ImageProcess = 'ImageProcess',
  WebhookDeliver = 'WebhookDeliver',
  CdnPurge = 'CdnPurge',
}

/** Payloads carry ids only; handlers re-read the database. */
export interface JobPayloads {
  [JobName.ArticleSubmission]: { articleId: string; version: number };
  [JobName.ArticlePublish]: { articleId: string; version: number };
  /** `scheduled`: the story's own `unpublishAt` came due; otherwise someone asked. */
  [JobName.ArticleUnpublish]: { articleId: string; version: number; scheduled: boolean };
  /** `crops` re-renders only the presets that crop (after a focal point change). */
  [JobName.ImageProcess]: { imageId: string; scope: 'all' | 'crops' };
  /** POSTs one webhook delivery to its subscriber (BullMQ retries with backoff). */
  [JobName.WebhookDeliver]: { deliveryId: string };
  /** Surrogate keys and paths whose cached responses changed (the one job that carries data, not ids: it is derived). */
  [JobName.CdnPurge]: { keys: string[]; paths: string[] };
}
export type JobOf<N extends JobName> = JobPayloads[N];

/** Which queue each job runs on. */
export const JOB_QUEUE: Record<JobName, JobQueueName> = {
  [JobName.ArticleSubmission]: JobQueue.Submission,
  [JobName.ArticlePublish]: JobQueue.Publication,
  [JobName.ArticleUnpublish]: JobQueue.Publication,
  [JobName.ImageProcess]: JobQueue.Media,
  [JobName.WebhookDeliver]: JobQueue.Webhooks,
  [JobName.CdnPurge]: JobQueue.Cdn,
};

export enum EventName {
  ArticlePublished = 'article.published',
  ArticleUpdated = 'article.updated',
  ArticleUnpublished = 'article.unpublished',
  ArticleKilled = 'article.killed',
  ImageProcessed = 'image.processed',
  ImageUpdated = 'image.updated',
  SectionRenamed = 'section.renamed',
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

export interface EventPayloads {
  [EventName.ArticlePublished]: ArticleEventPayload;
  [EventName.ArticleUpdated]: ArticleEventPayload;
  [EventName.ArticleUnpublished]: ArticleEventPayload;
  [EventName.ArticleKilled]: ArticleEventPayload;
  [EventName.ImageProcessed]: { imageId: string };
  [EventName.ImageUpdated]: { imageId: string };
  [EventName.SectionRenamed]: { sectionId: string; slug: string; name: string };
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
};

export function eventQueueOf(consumer: ConsumerName): string {
  return `events.${consumer}`;
}

/** Every queue the apps work: the job queues, then one event queue per consumer. */
export function registryQueueNames(): string[] {
  return [...Object.values(JobQueue), ...Object.values(Consumer).map(eventQueueOf)];
}

/** The events a consumer must handle; its transport refuses to start without a handler for each. */
export function eventsConsumedBy(consumer: ConsumerName): EventName[] {
  return (Object.keys(EVENT_CONSUMERS) as EventName[]).filter((event) =>
    EVENT_CONSUMERS[event].includes(consumer),
  );
}

export function isEventName(name: string): name is EventName {
  return Object.values<string>(EventName).includes(name);
}

export function isJobName(name: string): name is JobName {
  return Object.values<string>(JobName).includes(name);
}

/** Job ids and event ids become BullMQ job ids, which may not contain `:`. */
export function safeJobId(...parts: (string | number)[]): string {
  return parts.map((p) => String(p).replace(/:/g, '_')).join('-');
}
