import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import {
  Clock,
  ConflictError,
  NotFound,
  PermanentJobError,
  ValidationFailed,
  type FieldProblem,
  isUuid,
  placeholders,
} from '@newsdesk/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { PublishedArticle, storyPath, toPublicArticle } from '@newsdesk/publication';
import {
  Consumer,
  EventName,
  JobName,
  Outbox,
  type ConsumerAudience,
  type EventEnvelope,
} from '@newsdesk/messaging';
import { UrlGuard } from './url-guard';
import {
  WEBHOOK_DELIVERY_STATUSES,
  WebhookDelivery,
  type WebhookAttempt,
  type WebhookDeliveryStatus,
  type WebhookPayload,
} from './webhook-delivery.entity';
import { DeliveryReceiptService } from '../receipts/delivery-receipt.service';
import { WebhookSender, type WebhookResult } from './webhook-sender';
import {
  WEBHOOK_EVENTS,
  WebhookSubscription,
  type WebhookEvent,
} from './webhook-subscription.entity';

/** The article events a subscriber can receive. */
export type WebhookEventName =
  | EventName.ArticlePublished
  | EventName.ArticleUpdated
  | EventName.ArticleUnpublished
  | EventName.ArticleKilled;

/**
 * The events some active subscription wants: the outbox relay queues an event
 * for the webhooks consumer only when it is one of them (see `ConsumerAudience`).
 * Most newsrooms have few subscribers or none, and an event nobody wants would
 * otherwise be a job, a read and a completion for nothing.
 */
export const WEBHOOK_AUDIENCE: ConsumerAudience = {
  consumer: Consumer.Webhooks,
  sql: `select distinct unnest(events) as name from webhook_subscriptions
         where paused_at is null and deleted_at is null`,
};

/** A subscription as ops see it (never with its secret). */
export interface WebhookSubscriptionView {
  id: string;
  url: string;
  events: WebhookEvent[];
  status: 'active' | 'paused';
  pausedAt: string | null;
  pausedReason: string | null;
  /** Failed attempts since the last success; the subscription pauses at `pauseAfterFailures`. */
  consecutiveFailures: number;
  pauseAfterFailures: number;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastError: string | null;
  createdAt: string;
  /** Deliveries by status. */
  deliveries: Record<WebhookDeliveryStatus, number>;
}

export interface WebhookDeliveryView {
  id: string;
  subscriptionId: string;
  eventId: string;
  event: WebhookEvent;
  occurredAt: string;
  articleId: string | null;
  status: WebhookDeliveryStatus;
  createdAt: string;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  lastError: string | null;
  redeliveries: number;
  attempts: WebhookAttempt[];
}

const FIELDS = new Set(['url', 'events']);
/** How many deliveries a list holds: `limit` is 1 to `max`, `default` when it is left out. */
export const DELIVERY_LIST_LIMIT = { default: 50, max: 200 } as const;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Webhooks: subscriptions (admin), the fan-out of article events into one
 * delivery per subscription, and the attempts that POST them.
 *
 * Payload data is a snapshot taken when the event is handled, not re-read at
 * delivery time: retries run for hours, and by then the story may be updated
 * again, unpublished or killed (the public read model row is gone), so a
 * re-read would send content the event never announced, or nothing. A snapshot
 * makes every attempt and every redelivery send the same body for the same
 * event id. One rule guards retractions: a published/updated delivery is not
 * sent (cancelled) once the story is no longer public.
 */
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger(WebhooksService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly guard: UrlGuard,
    private readonly sender: WebhookSender,
    private readonly receipts: DeliveryReceiptService,
  ) {}

  // ---- subscriptions (API) ------------------------------------------------

  /** Registers a subscriber; the answer carries the signing secret, the only time it is shown. */
  async create(
    input: unknown,
    createdBy: string | null,
  ): Promise<WebhookSubscriptionView & { secret: string }> {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw new ValidationFailed([{ field: 'body', reason: 'must be a JSON object' }]);
    }
    const body = input as Record<string, unknown>;
    const problems: FieldProblem[] = Object.keys(body)
      .filter((key) => !FIELDS.has(key))
      .map((field) => ({ field, reason: 'is not a known field (url, events)' }));
    const urlProblem = await this.guard.check(body.url);
    if (urlProblem) problems.push({ field: 'url', reason: urlProblem });
    const events = this.cleanEvents(body.events, problems);
    if (problems.length) throw new ValidationFailed(problems);
    const em = this.em.fork();
    const subscription = em.create(WebhookSubscription, {
      url: (body.url as string).trim(),
      events,
      secret: `whsec_${randomBytes(32).toString('base64url')}`,
      createdBy,
      createdAt: this.clock.now(),
    });
    await em.flush();
    return { ...(await this.view(em, subscription)), secret: subscription.secret };
  }

  async list(): Promise<WebhookSubscriptionView[]> {
    const em = this.em.fork();
    const subscriptions = await em.find(
      WebhookSubscription,
      { deletedAt: null },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    const counts = await this.countsBySubscription(
      em,
      subscriptions.map((s) => s.id),
    );
    return subscriptions.map((s) => this.toView(s, counts.get(s.id)));
  }

  async get(id: string): Promise<WebhookSubscriptionView> {
    const em = this.em.fork();
    return this.view(em, await this.subscription(em, id));
  }

  /** Un-pauses a subscription and starts its failure count afresh. */
  async resume(id: string): Promise<WebhookSubscriptionView> {
    const em = this.em.fork();
    const subscription = await this.subscription(em, id);
    subscription.pausedAt = null;
    subscription.pausedReason = null;
    subscription.consecutiveFailures = 0;
    await em.flush();
    return this.view(em, subscription);
  }

  /** Stops a subscription; its deliveries stay readable, pending ones are cancelled at their next attempt. */
  async remove(id: string): Promise<void> {
    const em = this.em.fork();
    const subscription = await this.subscription(em, id);
    subscription.deletedAt = this.clock.now();
    await em.flush();
  }

  /** A subscription's deliveries, newest first, each with every attempt. */
  async deliveries(
    id: string,
    query: { status?: string; limit?: string },
  ): Promise<WebhookDeliveryView[]> {
    const problems: FieldProblem[] = [];
    const limit =
      query.limit === undefined || query.limit === ''
        ? DELIVERY_LIST_LIMIT.default
        : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > DELIVERY_LIST_LIMIT.max)
      problems.push({
        field: 'limit',
        reason: `must be a whole number from 1 to ${DELIVERY_LIST_LIMIT.max}`,
      });
    const status = query.status || undefined;
    if (status && !(WEBHOOK_DELIVERY_STATUSES as readonly string[]).includes(status))
      problems.push({
        field: 'status',
        reason: `must be one of ${WEBHOOK_DELIVERY_STATUSES.join(', ')}`,
      });
    if (problems.length) throw new ValidationFailed(problems);
    const em = this.em.fork();
    const subscription = await this.subscription(em, id);
    const rows = await em.find(
      WebhookDelivery,
      { subscription, ...(status ? { status: status as WebhookDeliveryStatus } : {}) },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit },
    );
    return rows.map((d) => this.deliveryView(d));
  }

  /**
   * Queues a fresh attempt of one delivery (with the usual retries), with the
   * same body. Refused while it is still queued or retrying, and while its
   * subscription is paused (resume it first).
   */
  async redeliver(deliveryId: string): Promise<WebhookDeliveryView> {
    if (!isUuid(deliveryId)) throw new NotFound('webhook delivery', deliveryId);
    return this.em.fork().transactional(async (em) => {
      const delivery = await em.findOne(
        WebhookDelivery,
        { id: deliveryId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!delivery) throw new NotFound('webhook delivery', deliveryId);
      const subscription = await em.findOneOrFail(WebhookSubscription, delivery.subscription.id);
      if (subscription.deletedAt) throw new NotFound('webhook delivery', deliveryId);
      if (delivery.status === 'pending') {
        throw new ConflictError('the delivery is still queued or retrying', {
          reason: 'pending',
        });
      }
      if (subscription.pausedAt) {
        throw new ConflictError('the subscription is paused; resume it first', {
          reason: 'paused',
          pausedReason: subscription.pausedReason,
        });
      }
      delivery.status = 'pending';
      delivery.redeliveries += 1;
      delivery.lastError = null;
      Outbox.job(em, JobName.WebhookDeliver, {
        deliveryId,
        redelivery: delivery.redeliveries,
      });
      await em.flush();
      return this.deliveryView(delivery);
    });
  }

  // ---- fan-out (event consumer) --------------------------------------------

  /**
   * Makes one delivery per active subscription that wants this event and
   * queues its job, in one transaction. The (subscription, event id) key makes
   * a redelivered event harmless: subscriptions that have it already are
   * skipped (a concurrent twin fails on the unique key and its retry skips).
   * Returns how many deliveries were made.
   */
  async fanOut(envelope: EventEnvelope<WebhookEventName>): Promise<number> {
    const event = envelope.name as WebhookEvent;
    const wanted = { pausedAt: null, deletedAt: null, events: { $contains: [event] } };
    // The relay queues only events a subscription wanted when it sent them; one read, without
    // a transaction, settles those whose subscribers paused or left since.
    if ((await this.em.fork().count(WebhookSubscription, wanted)) === 0) return 0;
    return this.em.fork().transactional(async (em) => {
      const subscriptions = await em.find(WebhookSubscription, wanted);
      if (subscriptions.length === 0) return 0;
      const existing = await em.find(WebhookDelivery, {
        eventId: envelope.id,
        subscription: { $in: subscriptions.map((s) => s.id) },
      });
      const done = new Set(existing.map((d) => d.subscription.id));
      const todo = subscriptions.filter((s) => !done.has(s.id));
      if (todo.length === 0) return 0;
      const payload = await this.snapshot(em, envelope);
      for (const subscription of todo) {
        const delivery = em.create(WebhookDelivery, {
          subscription,
          eventId: envelope.id,
          event,
          payload: structuredClone(payload),
          createdAt: this.clock.now(),
        });
        Outbox.job(em, JobName.WebhookDeliver, { deliveryId: delivery.id, redelivery: 0 });
      }
      await em.flush();
      return todo.length;
    });
  }

  /** The body every subscriber gets for this event. */
  private async snapshot(
    em: EntityManager,
    envelope: EventEnvelope<WebhookEventName>,
  ): Promise<WebhookPayload> {
    const { articleId, slug, version } = envelope.payload;
    const live =
      envelope.name === EventName.ArticlePublished || envelope.name === EventName.ArticleUpdated;
    const row = live ? await em.findOne(PublishedArticle, { articleId }) : null;
    return {
      id: envelope.id,
      event: envelope.name as WebhookEvent,
      occurredAt: envelope.occurredAt,
      data: {
        articleId,
        slug,
        version,
        url: row ? `${this.config.publicBaseUrl}${storyPath(row.sectionSlug, row.slug)}` : null,
        // The public story as it was when the event was handled; null once it is down.
        article: row ? toPublicArticle(row) : null,
      },
    };
  }

  // ---- attempts (job processor) --------------------------------------------

  /**
   * One attempt at a delivery. Returns when it is done (delivered, or nothing
   * left to do); throws to make BullMQ retry; throws {@link PermanentJobError}
   * when retrying is pointless (the subscription is paused).
   * `lastAttempt`: BullMQ will not retry after this one.
   */
  async attempt(deliveryId: string, { lastAttempt }: { lastAttempt: boolean }): Promise<void> {
    const em = this.em.fork();
    const delivery = await em.findOne(
      WebhookDelivery,
      { id: deliveryId },
      { populate: ['subscription'] },
    );
    if (!delivery) throw new PermanentJobError(`webhook delivery ${deliveryId} does not exist`);
    // Delivered, failed or cancelled already: a duplicate or outdated job.
    if (delivery.status !== 'pending') return;
    const subscription = delivery.subscription;
    if (subscription.deletedAt) {
      await this.close(deliveryId, 'cancelled', 'the subscription was deleted');
      return;
    }
    if (subscription.pausedAt) {
      const reason = `the subscription is paused: ${subscription.pausedReason ?? 'by ops'}`;
      await this.close(deliveryId, 'failed', reason);
      throw new PermanentJobError(reason);
    }
    const articleId = delivery.payload.data.articleId as string;
    if (
      (delivery.event === 'article.published' || delivery.event === 'article.updated') &&
      (await em.count(PublishedArticle, { articleId })) === 0
    ) {
      await this.close(
        deliveryId,
        'cancelled',
        'the story is no longer public (unpublished or killed since the event)',
      );
      return;
    }
    const result = await this.sender.send({
      url: subscription.url,
      secret: subscription.secret,
      deliveryId,
      event: delivery.event,
      body: JSON.stringify(delivery.payload),
    });
    const { paused } = await this.record(deliveryId, subscription.id, result, lastAttempt);
    if (result.ok) return;
    if (paused) {
      throw new PermanentJobError(
        `${result.error ?? 'failed'}; the subscription is paused after ${this.config.webhooks.pauseAfterFailures} consecutive failures`,
      );
    }
    throw new Error(result.error ?? 'webhook delivery failed');
  }

  /** Logs an attempt and its effect on the delivery and the subscription, in one transaction. */
  private record(
    deliveryId: string,
    subscriptionId: string,
    result: WebhookResult,
    lastAttempt: boolean,
  ): Promise<{ paused: boolean }> {
    return this.em.fork().transactional(async (em) => {
      const now = this.clock.now();
      // The subscription first: every attempt of every delivery counts against it.
      const subscription = await em.findOneOrFail(
        WebhookSubscription,
        { id: subscriptionId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const delivery = await em.findOneOrFail(
        WebhookDelivery,
        { id: deliveryId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      delivery.attempts = [
        ...delivery.attempts,
        {
          at: now.toISOString(),
          statusCode: result.statusCode,
          error: result.error,
          latencyMs: result.latencyMs,
          ok: result.ok,
        },
      ];
      delivery.lastAttemptAt = now;
      let paused = false;
      if (result.ok) {
        delivery.status = 'delivered';
        delivery.deliveredAt = now;
        delivery.lastError = null;
        subscription.consecutiveFailures = 0;
        subscription.lastSuccessAt = now;
      } else {
        delivery.lastError = result.error;
        subscription.consecutiveFailures += 1;
        subscription.lastFailureAt = now;
        subscription.lastError = result.error;
        const threshold = this.config.webhooks.pauseAfterFailures;
        if (!subscription.pausedAt && subscription.consecutiveFailures >= threshold) {
          subscription.pausedAt = now;
          subscription.pausedReason = `${subscription.consecutiveFailures} consecutive failed attempts; last: ${result.error ?? 'unknown'}`;
          this.logger.warn(`webhook ${subscription.id} paused: ${subscription.pausedReason}`);
        }
        paused = subscription.pausedAt !== null;
        if (paused || lastAttempt) delivery.status = 'failed';
      }
      await em.flush();
      await this.receipts.progressed(em, [delivery.eventId]);
      return { paused };
    });
  }

  /** Ends a pending delivery without sending it. */
  private async close(
    deliveryId: string,
    status: 'failed' | 'cancelled',
    reason: string,
  ): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const delivery = await em.findOneOrFail(
        WebhookDelivery,
        { id: deliveryId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (delivery.status !== 'pending') return;
      delivery.status = status;
      delivery.lastError = reason;
      await em.flush();
      await this.receipts.progressed(em, [delivery.eventId]);
    });
  }

  // ---- views and helpers ---------------------------------------------------

  private cleanEvents(raw: unknown, problems: FieldProblem[]): WebhookEvent[] {
    if (raw === undefined || raw === null) return [...WEBHOOK_EVENTS];
    if (!Array.isArray(raw) || raw.length === 0) {
      problems.push({
        field: 'events',
        reason: `must be a non-empty list of ${WEBHOOK_EVENTS.join(', ')}`,
      });
      return [];
    }
    const unknown = raw.filter((e) => !WEBHOOK_EVENTS.includes(e as WebhookEvent));
    if (unknown.length) {
      problems.push({
        field: 'events',
        reason: `unknown event ${unknown.map((e) => JSON.stringify(e)).join(', ')}; use ${WEBHOOK_EVENTS.join(', ')}`,
      });
      return [];
    }
    return WEBHOOK_EVENTS.filter((e) => raw.includes(e));
  }

  private async subscription(em: EntityManager, id: string): Promise<WebhookSubscription> {
    if (!isUuid(id)) throw new NotFound('webhook', id);
    const subscription = await em.findOne(WebhookSubscription, { id, deletedAt: null });
    if (!subscription) throw new NotFound('webhook', id);
    return subscription;
  }

  private async view(
    em: EntityManager,
    subscription: WebhookSubscription,
  ): Promise<WebhookSubscriptionView> {
    const counts = await this.countsBySubscription(em, [subscription.id]);
    return this.toView(subscription, counts.get(subscription.id));
  }

  private async countsBySubscription(
    em: EntityManager,
    ids: string[],
  ): Promise<Map<string, Record<WebhookDeliveryStatus, number>>> {
    const counts = new Map<string, Record<WebhookDeliveryStatus, number>>();
    if (ids.length === 0) return counts;
    const rows = await em.execute<
      { subscription_id: string; status: WebhookDeliveryStatus; n: number }[]
    >(
      `select subscription_id, status, count(*)::int as n from webhook_deliveries
        where subscription_id in (${placeholders(ids)}) group by subscription_id, status`,
      ids,
    );
    for (const row of rows) {
      const entry = counts.get(row.subscription_id) ?? this.zeroCounts();
      entry[row.status] = Number(row.n);
      counts.set(row.subscription_id, entry);
    }
    return counts;
  }

  private zeroCounts(): Record<WebhookDeliveryStatus, number> {
    return { pending: 0, delivered: 0, failed: 0, cancelled: 0 };
  }

  private toView(
    s: WebhookSubscription,
    counts: Record<WebhookDeliveryStatus, number> = this.zeroCounts(),
  ): WebhookSubscriptionView {
    return {
      id: s.id,
      url: s.url,
      events: s.events,
      status: s.pausedAt ? 'paused' : 'active',
      pausedAt: iso(s.pausedAt),
      pausedReason: s.pausedReason,
      consecutiveFailures: s.consecutiveFailures,
      pauseAfterFailures: this.config.webhooks.pauseAfterFailures,
      lastSuccessAt: iso(s.lastSuccessAt),
      lastFailureAt: iso(s.lastFailureAt),
      lastError: s.lastError,
      createdAt: s.createdAt.toISOString(),
      deliveries: counts,
    };
  }

  private deliveryView(d: WebhookDelivery): WebhookDeliveryView {
    return {
      id: d.id,
      subscriptionId: d.subscription.id,
      eventId: d.eventId,
      event: d.event,
      occurredAt: d.payload.occurredAt,
      articleId: typeof d.payload.data.articleId === 'string' ? d.payload.data.articleId : null,
      status: d.status,
      createdAt: d.createdAt.toISOString(),
      lastAttemptAt: iso(d.lastAttemptAt),
      deliveredAt: iso(d.deliveredAt),
      lastError: d.lastError,
      redeliveries: d.redeliveries,
      attempts: d.attempts,
    };
  }
}
