import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { Article } from '@newsdesk/editorial';
import { JobName, Outbox, type JobOf } from '@newsdesk/messaging';
import { CdnPurgeService } from './cdn-purge.service';
import { edgeUrlsOf, type EdgeStory } from './edge-urls';
import { DeliveryReceiptService } from './receipts/delivery-receipt.service';

/** One URL as the CDN and the origin answered it. */
export interface EdgeCheck {
  key: string;
  path: string;
  edge: Answer;
  origin: Answer;
}
interface Answer {
  status: number;
  etag: string | null;
}

/** Thrown by a verification that found the edge stale, after purging again: BullMQ retries it. */
export class EdgeStale extends Error {
  constructor(readonly stale: EdgeCheck[]) {
    super(
      `stale at the edge, purged again: ${stale
        .map(
          (c) =>
            `${c.path} (${c.edge.status} ${c.edge.etag} ≠ ${c.origin.status} ${c.origin.etag})`,
        )
        .join(', ')}`,
    );
    this.name = 'EdgeStale';
  }
}

/**
 * Purges and proves it: sends a `CdnPurge` batch, then — with
 * `CDN_VERIFY_URL` — queues a `CdnVerify` job that fetches a representative
 * URL of every purged key through the CDN and from the origin
 * (`CDN_ORIGIN_URL`) and compares ETag and status. What is stale is purged
 * again; the job then fails so that BullMQ checks again after its backoff.
 * Both steps are jobs through the outbox: a crash between them loses nothing.
 */
@Injectable()
export class EdgeFreshnessService {
  private readonly logger = new Logger(EdgeFreshnessService.name);

  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly purges: CdnPurgeService,
    private readonly receipts: DeliveryReceiptService,
  ) {}

  /** Sends one purge batch, records it sent on the receipts of the events it covers, and queues its verification. */
  async purge(job: JobOf<JobName.CdnPurge>): Promise<void> {
    await this.purges.purge(job);
    const covers = job.covers ?? [];
    await this.receipts.purgeSent(covers, job.keys, job.batches);
    if (!this.config.cdn.verifyUrl || !job.keys.length) return;
    const { eventId, batch, keys } = job;
    await this.em.fork().transactional((em) => {
      Outbox.job(em, JobName.CdnVerify, { eventId, batch, keys, covers });
      return Promise.resolve();
    });
  }

  /**
   * Checks the edge for what a purge covered; purges the keys of stale URLs
   * again and throws {@link EdgeStale} naming them. Resolves when the edge is
   * fresh (and records the step).
   */
  async verify(job: JobOf<JobName.CdnVerify>): Promise<void> {
    const checks = await this.check(job.keys);
    const stale = checks.filter(
      (c) => c.edge.status !== c.origin.status || c.edge.etag !== c.origin.etag,
    );
    if (stale.length) {
      await this.purges.purge({ keys: [...new Set(stale.map((c) => c.key))] });
      throw new EdgeStale(stale);
    }
    const covers = job.covers ?? [];
    await this.receipts.purgeVerified(covers, job.keys);
    this.logger.debug(`fresh at the edge: ${checks.length} URLs for ${job.keys.length} keys`);
  }

  /** Fetches every URL of `keys` through the CDN and from the origin. */
  async check(keys: string[]): Promise<EdgeCheck[]> {
    const { verifyUrl, originUrl } = this.config.cdn;
    if (!verifyUrl) return [];
    const stories = await this.stories(keys);
    const targets = keys.flatMap((key) => edgeUrlsOf(key, stories).map((path) => ({ key, path })));
    return Promise.all(
      targets.map(async ({ key, path }) => {
        // The origin first: a CDN that refetches answers at least as new.
        const origin = await answer(`${originUrl}${path}`);
        return { key, path, origin, edge: await answer(`${verifyUrl}${path}`) };
      }),
    );
  }

  /** The slugs of the stories `keys` name (`story:<id>`), published or not (a killed story's page must be gone). */
  private async stories(keys: string[]): Promise<Map<string, EdgeStory>> {
    const ids = keys.filter((k) => k.startsWith('story:')).map((k) => k.slice('story:'.length));
    if (!ids.length) return new Map();
    const articles = await this.em
      .fork()
      .find(Article, { id: { $in: ids } }, { fields: ['slug', 'section.slug'] });
    return new Map(
      articles.map((a) => [a.id, { slug: a.slug, sectionSlug: a.section.slug }] as const),
    );
  }
}

async function answer(url: string): Promise<Answer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  await response.body?.cancel();
  return { status: response.status, etag: response.headers.get('etag') };
}
