import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Clock, NotFound, isUuid, placeholders } from '@newsdesk/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { Article } from '@newsdesk/editorial';
import { EventName, Outbox, type PurgeCover } from '@newsdesk/messaging';
import { PublicationEvent } from '@newsdesk/publication';
import type { WebhookDeliveryStatus } from '../webhooks/webhook-delivery.entity';
import type { DeliveryStep, DeliveryStepKind } from './delivery-step.entity';
import type {
  DeliveryReceipt,
  ReceiptPending,
  ReceiptPurge,
  ReceiptWebhook,
} from './delivery-receipt';

/** A story that exists but has never had a public version: nothing was delivered. */
export class NeverPublished extends NotFound {
  constructor(articleId: string) {
    super('delivery receipt', articleId);
    this.message = `story ${articleId} has never been published: there is no delivery to report`;
  }
}

/** A step to record for each of a round's events: which kind, what (a listing ref or a purge batch). */
interface StepRow {
  kind: DeliveryStepKind;
  target: string;
  keys?: string[];
  /** How many batches the purge this one belongs to was split into. */
  batches?: number;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
/** A timestamp as raw SQL gives it (text: MikroORM leaves Postgres' dates unparsed). */
const isoOf = (text: string | null) => (text ? new Date(text).toISOString() : null);

/** A recorded step as a receipt reads it. */
type RecordedStep = Pick<DeliveryStep, 'kind' | 'target' | 'doneAt' | 'detail'>;

/** An article event with its recorded steps, in the order they were recorded. */
type ReceiptEvent = Pick<
  PublicationEvent,
  'eventId' | 'articleId' | 'event' | 'version' | 'listings' | 'occurredAt'
> & { steps: RecordedStep[] };

interface NewestRow {
  event_id: string;
  article_id: string;
  event: PublicationEvent['event'];
  version: number;
  listings: string[];
  occurred_at: string;
  steps: (Omit<RecordedStep, 'doneAt'> & { doneAt: string })[];
}

/**
 * Each story's newest article event and its steps: one statement for any
 * number of stories, each read by the `(article_id, seq)` index.
 */
const newestOf = (articleIds: readonly string[]) => `
  select e.event_id, e.article_id, e.event, e.version, e.listings, e.occurred_at,
         coalesce((select json_agg(json_build_object('kind', s.kind, 'target', s.target,
                                                     'doneAt', s.done_at, 'detail', s.detail)
                                   order by s.id)
                     from delivery_steps s
                    where s.event_id = e.event_id), '[]') as steps
    from unnest(array[${placeholders(articleIds)}]::uuid[]) as story(id)
   cross join lateral (select * from publication_events p
                        where p.article_id = story.id
                        order by p.seq desc
                        limit 1) e`;

/** A subscription, with its delivery of the event (`for_event`) when the fan-out made one. */
type SubscriberRow = {
  for_event: string;
  id: string;
  url: string;
  paused_at: string | null;
  paused_reason: string | null;
  last_error: string | null;
  delivered_at: string | null;
  last_attempt_at: string | null;
} & (
  | { delivery_id: null; status: null; attempts: null }
  | { delivery_id: string; status: WebhookDeliveryStatus; attempts: number }
);

/**
 * For each event, the live subscriptions that have a delivery of it, or want
 * it and are older than it: deliveries first, each part in the order it was
 * made. One statement for any number of events.
 */
const subscribersOf = (events: readonly unknown[]) => `
  select ev.event_id as for_event, s.id, s.url, s.paused_at, s.paused_reason,
         d.id as delivery_id, d.status, jsonb_array_length(d.attempts) as attempts,
         d.last_error, d.delivered_at, d.last_attempt_at
    from (values ${events.map(() => '(?::uuid, ?::text, ?::timestamptz)').join(', ')})
           as ev(event_id, event, occurred_at)
    join webhook_subscriptions s on s.deleted_at is null
    left join webhook_deliveries d on d.subscription_id = s.id and d.event_id = ev.event_id
   where d.id is not null or (ev.event = any(s.events) and s.created_at <= ev.occurred_at)
   order by ev.event_id, d.id is null, d.created_at, d.id, s.created_at, s.id`;

/** The same batch of keys gets the same target whether it is sent or verified. */
export function purgeTarget(keys: string[]): string {
  const digest = createHash('sha256')
    .update([...keys].sort().join(' '))
    .digest('hex');
  return `keys:${digest.slice(0, 32)}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

const LIVE_EVENTS: readonly string[] = ['article.published', 'article.updated'];

/**
 * Locks each story whose ids (text) the query `ids` returns, until the
 * transaction ends, in the order of their ids: two transactions never wait
 * for each other in a circle. One row per story.
 */
const STORY_LOCKS = (ids: string) => `
  select pg_advisory_xact_lock(hashtextextended(id, 0))
    from (select distinct id from (${ids}) as given(id) order by id) ordered`;

/**
 * Delivery receipts: the steps that carry a story's article events out to
 * readers (listings rebuilt, CDN purges sent and verified), recorded once each
 * by the pipeline, and the receipt of the story's newest event built from them,
 * from the event itself (`publication_events`, written with it) and from its
 * webhook deliveries. Each recorded step announces `delivery.progressed`
 * through the outbox, in the same transaction, so the desk refreshes live.
 */
@Injectable()
export class DeliveryReceiptService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ---- recording (the pipeline) ------------------------------------------

  /**
   * The listings `refs` were rebuilt for the events `eventIds` (several when a
   * burst was coalesced into one round). Each event records the refs it named;
   * other events (a section renamed) record nothing.
   */
  async listingsRebuilt(eventIds: string[], refs: string[]): Promise<void> {
    await this.record(
      eventIds,
      refs.map((ref) => ({ kind: 'listing' as const, target: ref })),
    );
  }

  /** A CDN purge of `keys` (one of `batches`) was sent for the events it covers. */
  async purgeSent(covers: PurgeCover[], keys: string[], batches = 1): Promise<void> {
    await this.recordPurge('purge', covers, keys, batches);
  }

  /** The CDN confirmed that `keys` are purged, for the events the purge covers. */
  async purgeVerified(covers: PurgeCover[], keys: string[]): Promise<void> {
    await this.recordPurge('verify', covers, keys);
  }

  /**
   * Announces that the delivery of these events moved on (a webhook delivery
   * was settled, say), in the caller's transaction after its changes are
   * flushed: one `delivery.progressed` per story. Flushes.
   */
  async progressed(em: EntityManager, eventIds: string[]): Promise<void> {
    if (eventIds.length === 0) return;
    await this.announce(em, await em.find(PublicationEvent, { eventId: { $in: eventIds } }));
  }

  /**
   * {@link progressed} for events already read. One story's steps are
   * announced one transaction after the other: two steps recorded at once
   * would otherwise each miss the other's and neither would say the receipt is
   * complete. So the stories are locked first (`STORY_LOCKS`), unless the
   * caller's statement that wrote the steps took those locks already.
   */
  private async announce(
    em: EntityManager,
    events: Pick<PublicationEvent, 'articleId' | 'eventId'>[],
    { locked = false } = {},
  ): Promise<void> {
    const byArticle = new Map(events.map((e) => [e.articleId, e.eventId]));
    if (byArticle.size === 0) return;
    if (!locked)
      await em.execute(
        `select count(*) from (${STORY_LOCKS("select unnest(string_to_array(?, ' '))")}) l`,
        [[...byArticle.keys()].join(' ')],
      );
    const receipts = await this.build(em, await this.newest(em, [...byArticle.keys()]));
    const complete = new Map(receipts.map((r) => [r.articleId, r.complete]));
    for (const [articleId, eventId] of byArticle)
      Outbox.event(em, EventName.DeliveryProgressed, {
        articleId,
        eventId,
        complete: complete.get(articleId) ?? false,
      });
    await em.flush();
  }

  private recordPurge(
    kind: 'purge' | 'verify',
    covers: PurgeCover[],
    keys: string[],
    batches?: number,
  ) {
    const target = purgeTarget(keys);
    return this.record(
      covers.map((c) => c.eventId),
      [{ kind, target, keys, batches }],
    );
  }

  /**
   * Writes the steps for each of the events once (a step recorded again keeps
   * its first time) and announces the new ones, in one transaction. The steps
   * are paired with their events in one statement: events that are not article
   * events of a story get none, and a listing's step goes only to the events
   * that named that listing.
   */
  private async record(eventIds: string[], steps: StepRow[]): Promise<void> {
    const events = [...new Set(eventIds)];
    if (events.length === 0 || steps.length === 0) return;
    await this.em.fork().transactional(async (em) => {
      // The stories are locked before any step is written: the insert's rows depend on the count.
      const recorded = await em.execute<{ event_id: string; article_id: string }[]>(
        `with events as (
           select event_id, article_id, listings from publication_events
            where event_id in (${placeholders(events)})
         ), locked as (
           select count(*) as stories from (${STORY_LOCKS('select article_id::text from events')}) l
         )
         insert into delivery_steps (event_id, article_id, kind, target, done_at, detail)
         select e.event_id, e.article_id, s.kind, s.target, ?::timestamptz, s.detail::jsonb
           from locked, events e,
                (values ${steps.map(() => '(?, ?, ?)').join(', ')}) as s(kind, target, detail)
          where locked.stories >= 0 and (s.kind <> 'listing' or s.target = any(e.listings))
         on conflict (event_id, kind, target) do nothing
         returning event_id, article_id`,
        [
          ...events,
          this.clock.now(),
          ...steps.flatMap((r) => [
            r.kind,
            r.target,
            JSON.stringify(
              r.keys ? { keys: r.keys, ...(r.batches ? { batches: r.batches } : {}) } : {},
            ),
          ]),
        ],
      );
      await this.announce(
        em,
        recorded.map((r) => ({ eventId: r.event_id, articleId: r.article_id })),
        { locked: true },
      );
    });
  }

  // ---- the receipt (the API) -----------------------------------------------

  /**
   * The receipt of the story's newest article event. Throws {@link NotFound}
   * for an unknown story and {@link NeverPublished} for one that never went out.
   */
  async receipt(articleId: string): Promise<DeliveryReceipt> {
    if (!isUuid(articleId)) throw new NotFound('article', articleId);
    const em = this.em.fork();
    if ((await em.count(Article, { id: articleId })) === 0)
      throw new NotFound('article', articleId);
    const newest = await this.newest(em, [articleId]);
    if (newest.length === 0) throw new NeverPublished(articleId);
    const [receipt] = await this.build(em, newest);
    return receipt;
  }

  /** The newest article event of each story (none for a story never published), with its steps: one statement. */
  private async newest(em: EntityManager, articleIds: string[]): Promise<ReceiptEvent[]> {
    const rows = await em.execute<NewestRow[]>(newestOf(articleIds), articleIds);
    return rows.map((row) => ({
      eventId: row.event_id,
      articleId: row.article_id,
      event: row.event,
      version: row.version,
      listings: row.listings,
      occurredAt: new Date(row.occurred_at),
      steps: row.steps.map((step) => ({ ...step, doneAt: new Date(step.doneAt) })),
    }));
  }

  /** The receipts of these events, in their order; their webhook deliveries in one statement. */
  private async build(em: EntityManager, events: ReceiptEvent[]): Promise<DeliveryReceipt[]> {
    const webhooks = await this.webhooks(em, events);
    return events.map((event) => this.receiptOf(event, webhooks.get(event.eventId) ?? []));
  }

  private receiptOf(event: ReceiptEvent, webhooks: ReceiptWebhook[]): DeliveryReceipt {
    const { steps } = event;
    const done = (kind: DeliveryStepKind, target: string) =>
      steps.find((s) => s.kind === kind && s.target === target);
    const pending: ReceiptPending[] = [];

    const listings = event.listings.map((ref) => ({
      ref,
      rebuiltAt: iso(done('listing', ref)?.doneAt),
    }));
    for (const l of listings)
      if (!l.rebuiltAt)
        pending.push({ step: 'listing', reason: `the listing ${l.ref} is not rebuilt yet` });

    const cdn = this.cdn(steps, pending);
    for (const w of webhooks) {
      const reason = this.webhookPending(w);
      if (reason) pending.push({ step: 'webhook', reason });
    }

    const live = LIVE_EVENTS.includes(event.event);
    return {
      articleId: event.articleId,
      eventId: event.eventId,
      event: event.event,
      version: event.version,
      releasedAt: live ? event.occurredAt.toISOString() : null,
      retractedAt: live ? null : event.occurredAt.toISOString(),
      listings,
      cdn,
      webhooks,
      complete: pending.length === 0,
      pending,
    };
  }

  /** The CDN part: null without a CDN; verification is awaited only when it is configured. */
  private cdn(steps: RecordedStep[], pending: ReceiptPending[]): DeliveryReceipt['cdn'] {
    const { purgeUrl, varnishUrl, verifyUrl } = this.config.cdn;
    if (!purgeUrl && !varnishUrl) return null;
    const verification = Boolean(verifyUrl);
    const sent = steps.filter((s) => s.kind === 'purge');
    const purges: ReceiptPurge[] = sent.map((s) => ({
      keys: s.detail.keys ?? [],
      sentAt: s.doneAt.toISOString(),
      verifiedAt: iso(
        steps.find((v) => v.kind === 'verify' && v.target === s.target)?.doneAt ?? null,
      ),
    }));
    // A purge of many keys goes out in batches; each sent batch says how many there are.
    const batches = Math.max(1, ...sent.map((s) => s.detail.batches ?? 1));
    if (purges.length === 0)
      pending.push({ step: 'cdn', reason: 'the CDN purge has not been sent yet' });
    else if (purges.length < batches)
      pending.push({
        step: 'cdn',
        reason: `${purges.length} of ${batches} CDN purge batches have been sent`,
      });
    if (verification)
      for (const p of purges.filter((p) => !p.verifiedAt))
        pending.push({
          step: 'cdn',
          reason: `the CDN has not confirmed the purge of ${p.keys.join(' ')} yet`,
        });
    return { verification, purges };
  }

  /**
   * Every subscriber that wants the event: its delivery, or — before the
   * fan-out made one — the subscription itself (pending, or failed when it is
   * paused: the fan-out skips paused subscriptions). Deleted subscriptions and
   * those that came after the event are left out. Deliveries first, each part
   * in the order it was made.
   */
  /** Each event's webhook subscribers and their deliveries, by event id. */
  private async webhooks(
    em: EntityManager,
    events: ReceiptEvent[],
  ): Promise<Map<string, ReceiptWebhook[]>> {
    const byEvent = new Map<string, ReceiptWebhook[]>();
    if (events.length === 0) return byEvent;
    const rows = await em.execute<SubscriberRow[]>(
      subscribersOf(events),
      events.flatMap((e) => [e.eventId, e.event, e.occurredAt]),
    );
    for (const row of rows) {
      const webhooks = byEvent.get(row.for_event) ?? [];
      webhooks.push(this.webhookOf(row));
      byEvent.set(row.for_event, webhooks);
    }
    return byEvent;
  }

  private webhookOf(row: SubscriberRow): ReceiptWebhook {
    const subscriber = hostOf(row.url);
    if (row.delivery_id === null)
      return {
        subscriptionId: row.id,
        subscriber,
        state: row.paused_at ? 'failed' : 'pending',
        attempts: 0,
        lastError: row.paused_at
          ? `the subscription is paused: ${row.paused_reason ?? 'by ops'}`
          : null,
        at: null,
      };
    const attempts = Number(row.attempts);
    return {
      subscriptionId: row.id,
      subscriber,
      state: row.status === 'pending' ? (attempts ? 'retrying' : 'pending') : row.status,
      attempts,
      lastError: row.last_error,
      at: isoOf(row.delivered_at ?? row.last_attempt_at),
    };
  }

  /** Why a subscriber still waits, in plain words; null when nothing is left to do. */
  private webhookPending(w: ReceiptWebhook): string | null {
    const error = w.lastError ? `: ${w.lastError}` : '';
    switch (w.state) {
      case 'delivered':
      case 'cancelled':
        return null;
      case 'pending':
        return `${w.subscriber} has not received it yet`;
      case 'retrying':
        return `${w.subscriber} failed ${w.attempts === 1 ? 'once' : `${w.attempts} times`}, retrying${error}`;
      case 'failed':
        return `${w.subscriber} did not get it${w.attempts ? ` after ${w.attempts} attempts` : ''}${error}`;
    }
  }
}
