/**
 * After a run with faults: compares what the API accepted with what exists in
 * Postgres, Redis and S3. Every accepted publication must be published once
 * (one read model row, one `release` audit row, one `article.published`, one
 * listing entry, one webhook delivery per subscriber); every accepted upload
 * must be `ready` with exactly its renditions, each in S3 under its key. Any
 * difference is named precisely in `lost` (promised, not there) or `doubled`
 * (there more than once).
 */
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Client } from 'pg';
import { DEFAULT_PRESETS, RENDITION_FORMATS, type Preset } from '@newsdesk/config';
import { cropAround, widthsWithoutUpscaling } from '@newsdesk/media';
import type { Accepted } from './load';

export interface CheckerOptions {
  env: NodeJS.ProcessEnv;
  apiUrl: () => string;
  redis: Redis;
  /** Every queue the apps read (for unfinished and failed jobs). */
  queue: (name: string) => Queue;
  queues: readonly string[];
  presets?: Preset[];
  /** Says why waiting is pointless (an app crashed), or null. */
  abort?: () => string | null;
  /** Webhook subscriptions whose deliveries are counted, and what their receivers got (event id → POSTs). */
  webhooks?: { subscriptionIds: string[]; received: () => Map<string, number> };
}

export interface CheckReport {
  accepted: { stories: number; images: number };
  completed: { stories: number; images: number };
  /** Accepted and not (wholly) there: each line names the thing and what is missing. */
  lost: string[];
  /** There more than once: each line names the thing and how often. */
  doubled: string[];
  /** Jobs that ran more than once (at-least-once after a crash; harmless when nothing is doubled). */
  reruns: number;
  /** Webhook POSTs a receiver got more than once for the same event (receivers dedupe on the id). */
  webhookRepeats: number;
}

/** Expected renditions of an image: preset/format/requested width, as the renderer makes them. */
export function expectedRenditions(width: number, height: number, presets: Preset[]): Set<string> {
  // The renderer decodes no wider than its widest rendition and cuts every rendition from that.
  const largest = Math.max(...presets.flatMap((p) => p.widths));
  const baseWidth = Math.min(width, largest);
  const baseHeight = Math.round((height * baseWidth) / width);
  const slots = new Set<string>();
  for (const preset of presets) {
    const boxWidth =
      preset.aspect === null
        ? baseWidth
        : cropAround(baseWidth, baseHeight, preset.aspect, { x: 0.5, y: 0.5 }).width;
    for (const { requested } of widthsWithoutUpscaling(preset.widths, boxWidth))
      for (const format of RENDITION_FORMATS) slots.add(`${preset.name}/${format}/${requested}`);
  }
  return slots;
}

const count = <T>(items: T[]): Map<T, number> => {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
};

/** Runs `work` with a fresh Postgres connection (the server may have restarted since the last one). */
async function withDb<T>(env: NodeJS.ProcessEnv, work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: env.DATABASE_URL });
  db.on('error', () => undefined);
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end().catch(() => undefined);
  }
}

export class Checker {
  private readonly s3: S3Client;
  private readonly bucket: string;
  private readonly presets: Preset[];

  constructor(private readonly options: CheckerOptions) {
    const env = options.env;
    this.s3 = new S3Client({
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION ?? 'us-east-1',
      forcePathStyle: true,
      credentials: {
        accessKeyId: String(env.S3_ACCESS_KEY_ID),
        secretAccessKey: String(env.S3_SECRET_ACCESS_KEY),
      },
    });
    this.bucket = String(env.S3_BUCKET);
    this.presets = options.presets ?? DEFAULT_PRESETS;
  }

  close(): void {
    this.s3.destroy();
  }

  /**
   * Waits until every accepted story is published and every accepted image is
   * processed, nothing is left in the outbox and no queue holds work (twice in
   * a row). Returns false when `timeoutMs` passed first; the check then says what is missing.
   */
  async waitUntilDone(accepted: Accepted, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let quiet = 0;
    while (Date.now() < deadline) {
      if (this.options.abort?.()) return false;
      try {
        quiet = (await this.idle(accepted)) ? quiet + 1 : 0;
        if (quiet >= 2) return true;
      } catch {
        quiet = 0; // a server restarting: ask again
      }
      await sleep(100);
    }
    return false;
  }

  private async idle(accepted: Accepted): Promise<boolean> {
    const pending = await withDb(this.options.env, async (db) => {
      const stories = await db.query<{ n: number }>(
        `select count(*)::int as n from articles where id = any($1::uuid[]) and status <> 'published'`,
        [[...accepted.stories]],
      );
      const images = await db.query<{ n: number }>(
        `select count(*)::int as n from images where id = any($1::uuid[]) and status = 'processing'`,
        [[...accepted.images]],
      );
      const outbox = await db.query<{ n: number }>(
        `select count(*)::int as n from outbox where sent_at is null`,
      );
      return stories.rows[0].n + images.rows[0].n + outbox.rows[0].n;
    });
    if (pending > 0) return false;
    for (const name of this.options.queues) {
      const queue = this.options.queue(name);
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
      if (Object.values(counts).some((n) => n > 0)) return false;
      // A job waiting for its retry is delayed too; unlike a scheduled publication it is not done.
      if ((await queue.getJobs(['delayed'])).some((job) => job.attemptsMade > 0)) return false;
    }
    return true;
  }

  /** Compares what was accepted with what exists; see {@link CheckReport}. */
  async check(accepted: Accepted): Promise<CheckReport> {
    const report: CheckReport = {
      accepted: { stories: accepted.stories.size, images: accepted.images.size },
      completed: { stories: 0, images: 0 },
      lost: [],
      doubled: [],
      reruns: 0,
      webhookRepeats: 0,
    };
    await withDb(this.options.env, async (db) => {
      await this.checkStories(db, accepted, report);
      await this.checkImages(db, accepted, report);
    });
    await this.checkFailedJobs(accepted, report);
    return report;
  }

  private async checkStories(db: Client, accepted: Accepted, report: CheckReport): Promise<void> {
    const ids = [...accepted.stories];
    if (ids.length === 0) return;
    const { rows } = await db.query<{
      id: string;
      slug: string;
      status: string;
      section: string;
      read_models: number;
      read_model_version: number | null;
      version: number;
      releases: number;
      published_events: number;
      logged_events: number;
      desk_releases: number;
      takes_down: boolean;
      takedown_jobs: number;
    }>(
      `select a.id, a.slug, a.status, a.version, s.slug as section,
              (select count(*)::int from published_articles p where p.article_id = a.id) as read_models,
              (select max(p.version) from published_articles p where p.article_id = a.id) as read_model_version,
              (select count(*)::int from audit_log l where l.article_id = a.id and l.action = 'release') as releases,
              (select count(*)::int from outbox o where o.name = 'article.published'
                  and o.payload->>'articleId' = a.id::text) as published_events,
              (select count(*)::int from publication_events e join outbox o on o.message_id = e.event_id
                where e.article_id = a.id and e.event = 'article.published') as logged_events,
              (select count(*)::int from outbox o where o.name = 'story.changed'
                  and o.payload->>'articleId' = a.id::text and o.payload->>'transition' = 'release') as desk_releases,
              a.unpublish_at is not null as takes_down,
              (select count(distinct o.job_id)::int from outbox o where o.kind = 'job'
                  and o.name = 'ArticleUnpublish' and o.payload->>'articleId' = a.id::text) as takedown_jobs
         from articles a join sections s on s.id = a.section_id
        where a.id = any($1::uuid[])`,
      [ids],
    );
    const found = new Map(rows.map((r) => [r.id, r]));
    for (const id of ids) {
      const story = found.get(id);
      if (!story) {
        report.lost.push(`story ${id}: no such article`);
        continue;
      }
      const where = `story ${id} (${story.slug})`;
      let complete = true;
      if (story.status !== 'published') {
        report.lost.push(`${where}: status ${story.status}, not published`);
        complete = false;
      }
      if (story.read_models === 0) {
        report.lost.push(`${where}: no public read model`);
        complete = false;
      }
      if (story.releases === 0) {
        report.lost.push(`${where}: no release audit row`);
        complete = false;
      } else if (story.releases > 1) {
        report.doubled.push(`${where}: ${story.releases} release audit rows`);
      }
      if (story.published_events === 0) {
        report.lost.push(`${where}: no article.published event`);
        complete = false;
      } else if (story.published_events > 1) {
        report.doubled.push(`${where}: ${story.published_events} article.published events`);
      }
      // What the release writes beside the public version: each once, or the desk, the receipt or the take-down is off.
      // Take-down jobs count by BullMQ id: the schedule reconciler, started beside a relay that had
      // not sent the release's row yet, queues the same job again, and BullMQ keeps one.
      const once: [string, number][] = [
        ['article.published entries in the event log', story.logged_events],
        ['story.changed events of the release', story.desk_releases],
        ...(story.takes_down ? [['take-down jobs', story.takedown_jobs] as [string, number]] : []),
      ];
      for (const [what, n] of once) {
        if (n === 0) {
          report.lost.push(`${where}: no ${what}`);
          complete = false;
        } else if (n > 1) report.doubled.push(`${where}: ${n} ${what}`);
      }
      if (story.status === 'published' && story.read_model_version !== story.version) {
        report.lost.push(
          `${where}: public version v${story.read_model_version}, the story is v${story.version}`,
        );
        complete = false;
      }
      if (complete) report.completed.stories++;
    }

    // The same transition twice (same story, action, states and version) is a doubled audit row.
    const audit = await db.query<{
      article_id: string;
      action: string;
      from_status: string | null;
      to_status: string | null;
      article_version: number | null;
      n: number;
    }>(
      `select article_id, action, from_status, to_status, article_version, count(*)::int as n
         from audit_log where article_id = any($1::uuid[])
        group by 1, 2, 3, 4, 5 having count(*) > 1`,
      [ids],
    );
    for (const r of audit.rows) {
      report.doubled.push(
        `story ${r.article_id}: audit "${r.action}" ${r.from_status}→${r.to_status} v${r.article_version} ${r.n} times`,
      );
    }

    // Every listing of the sections involved, as a reader pages through it: each published story once.
    const sections = [...new Set(rows.map((r) => r.section))];
    for (const section of sections) {
      const published = await db.query<{ slug: string }>(
        `select slug from published_articles where section_slug = $1`,
        [section],
      );
      const shown = await this.pageThrough(section);
      const shownCounts = count(shown);
      const expected = new Set(published.rows.map((r) => r.slug));
      for (const slug of expected) {
        const n = shownCounts.get(slug) ?? 0;
        if (n === 0) report.lost.push(`listing section:${section}: story ${slug} missing`);
      }
      for (const [slug, n] of shownCounts) {
        if (n > 1) report.doubled.push(`listing section:${section}: story ${slug} ${n} times`);
        if (!expected.has(slug))
          report.doubled.push(`listing section:${section}: story ${slug} listed but not published`);
      }
      const raw = await this.options.redis.get(`listing:section:${section}`);
      if (raw) {
        const items = (JSON.parse(raw) as { items: { slug: string }[] }).items.map((i) => i.slug);
        for (const [slug, n] of count(items))
          if (n > 1) report.doubled.push(`Redis listing section:${section}: ${slug} ${n} times`);
      }
    }

    if (this.options.webhooks) await this.checkWebhooks(db, ids, report);
  }

  /** Every page of a section's teaser listing through the public API. */
  private async pageThrough(section: string): Promise<string[]> {
    const slugs: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 1000; page++) {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const response = await fetch(
        `${this.options.apiUrl()}/public/sections/${section}/teasers?limit=50${query}`,
      );
      if (!response.ok)
        throw new Error(`listing ${section}: ${response.status} ${await response.text()}`);
      const body = (await response.json()) as { items: { slug: string }[]; next: string | null };
      slugs.push(...body.items.map((i) => i.slug));
      cursor = body.next;
      if (!cursor) break;
    }
    return slugs;
  }

  private async checkWebhooks(db: Client, ids: string[], report: CheckReport): Promise<void> {
    const { subscriptionIds, received } = this.options.webhooks!;
    const events = await db.query<{ article_id: string; event_id: string }>(
      `select payload->>'articleId' as article_id, message_id as event_id from outbox
        where name = 'article.published' and payload->>'articleId' = any($1::text[])`,
      [ids],
    );
    const deliveries = await db.query<{
      subscription_id: string;
      event_id: string;
      status: string;
      n: number;
    }>(
      `select subscription_id, event_id, min(status) as status, count(*)::int as n
         from webhook_deliveries
        where subscription_id = any($1::uuid[]) and event_id = any($2::uuid[])
        group by 1, 2`,
      [subscriptionIds, events.rows.map((e) => e.event_id)],
    );
    const byKey = new Map(deliveries.rows.map((d) => [`${d.subscription_id}/${d.event_id}`, d]));
    const posts = received();
    for (const event of events.rows) {
      for (const subscription of subscriptionIds) {
        const delivery = byKey.get(`${subscription}/${event.event_id}`);
        const where = `webhook ${subscription} event ${event.event_id} (story ${event.article_id})`;
        if (!delivery) report.lost.push(`${where}: no delivery`);
        else if (delivery.n > 1) report.doubled.push(`${where}: ${delivery.n} deliveries`);
        else if (delivery.status !== 'delivered')
          report.lost.push(`${where}: delivery ${delivery.status}`);
      }
      const n = posts.get(event.event_id) ?? 0;
      if (n === 0) report.lost.push(`webhook event ${event.event_id}: never POSTed`);
      if (n > subscriptionIds.length) report.webhookRepeats += n - subscriptionIds.length;
    }
  }

  private async checkImages(db: Client, accepted: Accepted, report: CheckReport): Promise<void> {
    const ids = [...accepted.images];
    if (ids.length === 0) return;
    const images = await db.query<{
      id: string;
      status: string;
      width: number | null;
      height: number | null;
      content_hash: string;
      failure_reason: string | null;
      processed_events: number;
    }>(
      `select i.id, i.status, i.width, i.height, i.content_hash, i.failure_reason,
              (select count(*)::int from outbox o where o.name = 'image.processed'
                  and o.payload->>'imageId' = i.id::text) as processed_events
         from images i where i.id = any($1::uuid[])`,
      [ids],
    );
    const renditions = await db.query<{
      image_id: string;
      preset: string;
      format: string;
      width: number;
      key: string;
    }>(
      `select image_id, preset, format, width, key from renditions where image_id = any($1::uuid[])`,
      [ids],
    );
    const rowsOf = new Map<string, typeof renditions.rows>();
    for (const r of renditions.rows) rowsOf.set(r.image_id, [...(rowsOf.get(r.image_id) ?? []), r]);
    const found = new Map(images.rows.map((i) => [i.id, i]));
    for (const id of ids) {
      const image = found.get(id);
      if (!image) {
        report.lost.push(`image ${id}: no such image`);
        continue;
      }
      if (image.status !== 'ready' || !image.width || !image.height) {
        report.lost.push(
          `image ${id}: ${image.status}${image.failure_reason ? ` (${image.failure_reason})` : ''}, not ready`,
        );
        continue;
      }
      if (image.processed_events > 1) report.reruns += image.processed_events - 1;
      const rows = rowsOf.get(id) ?? [];
      const expected = expectedRenditions(image.width, image.height, this.presets);
      const slots = count(rows.map((r) => `${r.preset}/${r.format}/${r.width}`));
      let complete = true;
      for (const slot of expected) {
        if (!slots.has(slot)) {
          report.lost.push(`image ${id}: rendition ${slot} missing`);
          complete = false;
        }
      }
      for (const [slot, n] of slots) {
        if (n > 1) report.doubled.push(`image ${id}: rendition ${slot} ${n} rows`);
        if (!expected.has(slot)) report.doubled.push(`image ${id}: unexpected rendition ${slot}`);
      }
      // Each rendition's file in S3, and no other file under the image's prefix.
      const stored = await this.listKeys(`renditions/${image.content_hash}/`);
      const keys = count(rows.map((r) => r.key));
      for (const [key, n] of keys) {
        if (n > 1) report.doubled.push(`image ${id}: ${n} renditions share the key ${key}`);
        if (!stored.has(key)) {
          report.lost.push(`image ${id}: ${key} missing in S3`);
          complete = false;
        }
      }
      for (const key of stored)
        if (!keys.has(key)) report.doubled.push(`image ${id}: stray S3 object ${key}`);
      if (complete) report.completed.images++;
    }
  }

  private async listKeys(prefix: string): Promise<Set<string>> {
    const keys = new Set<string>();
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) if (object.Key) keys.add(object.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  /** A failed job for an accepted story or image is work BullMQ gave up on: lost unless done anyway. */
  private async checkFailedJobs(accepted: Accepted, report: CheckReport): Promise<void> {
    for (const name of this.options.queues) {
      const failed = await this.options.queue(name).getJobs(['failed']);
      for (const job of failed) {
        const data = (job.data ?? {}) as {
          articleId?: string;
          imageId?: string;
          payload?: { articleId?: string; imageId?: string };
        };
        const article = data.articleId ?? data.payload?.articleId;
        const image = data.imageId ?? data.payload?.imageId;
        if ((article && accepted.stories.has(article)) || (image && accepted.images.has(image))) {
          report.lost.push(
            `${name} job ${job.id} (${job.name}) failed after ${job.attemptsMade} attempt(s): ${job.failedReason}`,
          );
        }
      }
    }
  }
}

/** A short text of a report, for test failures and the bench's output. */
export function describeReport(report: CheckReport, limit = 20): string {
  const list = (title: string, lines: string[]) =>
    lines.length
      ? `${title} (${lines.length}):\n${lines
          .slice(0, limit)
          .map((l) => `  ${l}`)
          .join('\n')}${lines.length > limit ? `\n  … ${lines.length - limit} more` : ''}`
      : `${title}: none`;
  return [
    `accepted: ${report.accepted.stories} publications, ${report.accepted.images} uploads; ` +
      `completed: ${report.completed.stories} publications, ${report.completed.images} uploads; ` +
      `jobs run again after a crash: ${report.reruns}; repeated webhook POSTs: ${report.webhookRepeats}`,
    list('lost', report.lost),
    list('doubled', report.doubled),
  ].join('\n');
}
