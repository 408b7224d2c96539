import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { JobName, Outbox, type JobOf, type PurgeCover } from '@newsdesk/messaging';

/** The request header naming the surrogate keys to purge, as `ops/varnish/newsdesk.vcl` reads it. */
export const XKEY_PURGE = 'xkey-purge';
/** The response header in which the VCL says how many cached objects it purged. */
export const XKEY_PURGED = 'xkey-purged';

/** Fastly accepts up to 256 surrogate keys in one purge request. */
export const KEYS_PER_PURGE = 256;

/** What one change makes the CDN forget: the surrogate keys of every response that showed it. */
export type PurgeTargets = Pick<JobOf<JobName.CdnPurge>, 'keys'>;

/** The surrogate keys to purge after a change of these listings and stories. */
export function purgeTargets(listings: string[], storyIds: string[]): PurgeTargets {
  return { keys: [...listings, ...storyIds.map((id) => `story:${id}`)] };
}

/**
 * Tells the CDN which cached responses changed, by surrogate key: a
 * Fastly-style purge (`POST <CDN_PURGE_URL>` with a `Surrogate-Key` header)
 * and/or `PURGE <VARNISH_URL>/` with an `xkey-purge` header. Queued as `CdnPurge` jobs through the
 * outbox so that BullMQ retries with backoff; many keys are split into batches.
 */
@Injectable()
export class CdnPurgeService {
  private readonly logger = new Logger(CdnPurgeService.name);

  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.cdn.purgeUrl || this.config.cdn.varnishUrl);
  }

  /**
   * Queues the purge of what an event changed, one job per batch of keys, in
   * one transaction. Their ids come from `eventId` and the batch number, so a
   * redelivered event queues nothing new.
   */
  async queue(eventId: string, targets: PurgeTargets, covers: PurgeCover[]): Promise<number> {
    if (!this.enabled) return 0;
    const batches: PurgeTargets[] = [];
    for (let i = 0; i < Math.max(targets.keys.length, 1); i += KEYS_PER_PURGE) {
      batches.push({ keys: targets.keys.slice(i, i + KEYS_PER_PURGE) });
    }
    await this.em.fork().transactional((em) => {
      batches.forEach((batch, n) =>
        Outbox.job(em, JobName.CdnPurge, {
          eventId,
          batch: n,
          batches: batches.length,
          ...batch,
          covers,
        }),
      );
      return Promise.resolve();
    });
    return batches.length;
  }

  /**
   * Sends one batch; throws on any failure (a refused purge included) so that
   * BullMQ retries it. Varnish (with the shipped VCL) purges by surrogate key,
   * like the Fastly-style endpoint: every cached response naming one of the
   * keys goes at once, whatever its query string. Returns how many cached
   * objects Varnish dropped (0 without `VARNISH_URL`).
   */
  async purge({ keys }: Pick<PurgeTargets, 'keys'>): Promise<number> {
    const { purgeUrl, purgeToken, varnishUrl } = this.config.cdn;
    if (!keys.length) return 0;
    if (purgeUrl) {
      const response = await fetch(purgeUrl, {
        method: 'POST',
        headers: {
          'Surrogate-Key': keys.join(' '),
          ...(purgeToken ? { 'Fastly-Key': purgeToken } : {}),
        },
        signal: AbortSignal.timeout(10_000),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`surrogate-key purge answered ${response.status}`);
    }
    let purged = 0;
    if (varnishUrl) {
      const response = await fetch(`${varnishUrl}/`, {
        method: 'PURGE',
        headers: { [XKEY_PURGE]: keys.join(' ') },
        signal: AbortSignal.timeout(10_000),
      });
      await response.body?.cancel();
      const count = response.headers.get(XKEY_PURGED);
      if (!response.ok || count === null)
        throw new Error(
          `Varnish answered the purge of ${keys.length} keys with ${response.status} ${response.statusText}` +
            (response.ok ? `, without ${XKEY_PURGED}: is ops/varnish/newsdesk.vcl loaded?` : ''),
        );
      purged = Number(count);
    }
    this.logger.log(
      `purged ${keys.length} keys${varnishUrl ? ` (${purged} objects in Varnish)` : ''}`,
    );
    return purged;
  }
}
