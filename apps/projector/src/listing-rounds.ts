import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  CdnPurgeService,
  DeliveryReceiptService,
  ListingService,
  purgeTargets,
} from '@newsdesk/delivery';
import type { PurgeCover } from '@newsdesk/messaging';
import { AppMetrics } from '@newsdesk/observability';

/** What one event asks of the listings: rebuild these, then purge them and these stories at the CDN. */
export interface RefreshRequest {
  listings: string[];
  /** Sections by id, for events older than the listings they name. */
  sectionIds?: string[];
  storyIds: string[];
  cover: PurgeCover;
}

/**
 * The id of a round's purge: one event's own id, as before rounds; several
 * events' a digest of theirs, the same again should they be delivered again together.
 */
function purgeId(eventIds: string[]): string {
  if (eventIds.length === 1) return eventIds[0];
  const digest = createHash('sha256')
    .update([...eventIds].sort().join(' '))
    .digest('hex');
  return `round-${digest.slice(0, 32)}`;
}

/** A request waiting for its round. */
interface Waiting {
  request: RefreshRequest;
  resolve: (rebuilt: string[]) => void;
  reject: (error: unknown) => void;
}

/** The requests of one round, gathered while the round before it ran. */
type Round = Waiting[];

/**
 * Rebuilds listings and purges them in rounds, so that a burst (a wire
 * import, a bulk action: thousands of publications in seconds) costs a
 * bounded number of rebuilds and purges per listing instead of one per story.
 * A request joins the next round, which starts as soon as the running one has
 * ended: one rebuild of every listing the round's events name (each still a
 * compare-and-set on its snapshot) and one purge of all their keys. A request
 * resolves only when a round that began after it has rebuilt and queued the
 * purge, so the event it came from is acknowledged only then. A failed round
 * is run again one request at a time, so that one bad event fails alone and
 * is delivered again, not the burst it arrived in.
 */
@Injectable()
export class ListingRounds {
  private running = false;
  private next: Round | null = null;

  constructor(
    private readonly listings: ListingService,
    private readonly purges: CdnPurgeService,
    private readonly receipts: DeliveryReceiptService,
    private readonly metrics: AppMetrics,
  ) {}

  /** Resolves with the listings rebuilt for this request (and the others in its round). */
  refresh(request: RefreshRequest): Promise<string[]> {
    return new Promise((resolve, reject) => {
      (this.next ??= []).push({ request, resolve, reject });
      if (!this.running) void this.runRounds();
    });
  }

  private async runRounds(): Promise<void> {
    this.running = true;
    try {
      while (this.next) {
        const round = this.next;
        this.next = null;
        await this.settle(round);
      }
    } finally {
      this.running = false;
    }
  }

  private async settle(round: Round): Promise<void> {
    try {
      const rebuilt = await this.run(round.map((w) => w.request));
      round.forEach((w) => w.resolve(rebuilt));
    } catch (error) {
      if (round.length === 1) return round[0].reject(error);
      for (const waiting of round) await this.settle([waiting]);
    }
  }

  /** One rebuild of every listing the requests name, and one purge of all their keys. */
  private async run(requests: RefreshRequest[]): Promise<string[]> {
    const every = (of: (r: RefreshRequest) => string[] | undefined) => [
      ...new Set(requests.flatMap((r) => of(r) ?? [])),
    ];
    const rebuilt = await this.listings.rebuildAll(
      every((r) => r.listings),
      every((r) => r.sectionIds),
    );
    this.metrics.countListingRebuilds(rebuilt);
    const covers = requests.map((r) => r.cover);
    const eventIds = covers.map((c) => c.eventId);
    const targets = purgeTargets(
      rebuilt,
      every((r) => r.storyIds),
    );
    // The receipts and the purge are independent writes: side by side.
    const [, batches] = await Promise.all([
      this.receipts.listingsRebuilt(eventIds, rebuilt),
      this.purges.queue(purgeId(eventIds), targets, covers),
    ]);
    if (batches) this.metrics.countPurgedKeys(targets.keys);
    return rebuilt;
  }
}
