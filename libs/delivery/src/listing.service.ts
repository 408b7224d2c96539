import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { NotFound, ValidationFailed, placeholders, slugify } from '@newsdesk/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { toTeaserItem, type TeaserItem } from '@newsdesk/publication';
import { RedisClient } from '@newsdesk/messaging';
import {
  homeRead,
  listingColumns,
  listingsIn,
  newestOf,
  newestRead,
  type ListingRow,
  type Scope,
} from './listing-reads';

/** Which listing: the home page, or the stories of one section, series or tag. */
export type ListingRef = { kind: 'home' } | { kind: 'section' | 'series' | 'tag'; slug: string };

/** A teaser listing as kept in Redis: the newest `LISTING_SIZE` items. */
export interface Listing {
  ref: string;
  title: string;
  items: (TeaserItem & { sort: SortKey })[];
  /** False when the listing holds fewer stories than exist (older pages come from Postgres). */
  complete: boolean;
  /** The Postgres clock when the rebuild read its snapshot; a rebuild from an older snapshot never replaces a newer one. */
  builtFrom: string;
}

/** One page of a listing. */
export interface ListingPage {
  ref: string;
  title: string;
  items: TeaserItem[];
  /** Pass as `cursor` for the next page; null on the last one. */
  next: string | null;
  /** The listing snapshot the page comes from, when it came wholly from Redis (so a response cache may key on it). */
  version: string | null;
}

/** Descending sort key: [pinned, priority, publishedAt ms, id] on the home page, [publishedAt ms, id] elsewhere. */
type SortKey = (number | string)[];

export const DEFAULT_TEASER_LIMIT = 10;
export const MAX_TEASER_LIMIT = 50;
/** The slug of a section, series or tag listing, as listing refs and URLs name it. */
export const LISTING_SLUG = /^[a-z0-9-]{1,120}$/;
export const refKey = (ref: ListingRef) =>
  ref.kind === 'home' ? 'home' : `${ref.kind}:${ref.slug}`;
export const listingKey = (ref: ListingRef | string) =>
  `listing:${typeof ref === 'string' ? ref : refKey(ref)}`;

export function parseListingRef(text: string): ListingRef | null {
  if (text === 'home') return { kind: 'home' };
  const m = /^(section|series|tag):(.*)$/s.exec(text);
  return m && LISTING_SLUG.test(m[2])
    ? { kind: m[1] as 'section' | 'series' | 'tag', slug: m[2] }
    : null;
}

/**
 * Writes a listing unless Redis holds one built from a newer snapshot (an old
 * event arriving late never wins). The snapshot time is compared with the small
 * version key the two are written with; a listing without one is decoded.
 */
const WRITE_IF_NEWER = `
local newest = redis.call('GET', KEYS[2])
if not newest then
  local current = redis.call('GET', KEYS[1])
  if current then
    local ok, decoded = pcall(cjson.decode, current)
    if ok then newest = decoded.builtFrom end
  end
end
if type(newest) == 'string' and newest > ARGV[2] then return 0 end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[2])
return 1`;
const WRITE_IF_NEWER_COMMAND = 'listingWriteIfNewer';
type WriteIfNewer = (...args: string[]) => unknown;

const compare = (a: SortKey, b: SortKey): number => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
};

/**
 * What a listing reads (past its pinned stories, for the home page) and its
 * title until its stories name one (a section's is its name, read with it).
 */
function scopeOf(ref: ListingRef): { scope: Scope; title: string } {
  switch (ref.kind) {
    case 'home':
      return { scope: { all: true, unpinnedOnly: true }, title: 'Startseite' };
    case 'section':
      return { scope: { sectionSlug: ref.slug }, title: ref.slug };
    case 'series':
      return { scope: { seriesSlug: ref.slug }, title: ref.slug };
    case 'tag':
      return { scope: { tagSlug: ref.slug }, title: ref.slug };
  }
}

/**
 * Teaser listings are read models in Redis, rebuilt from the public read
 * model in Postgres whenever an event says a story in them changed: per
 * section, series and tag, newest first, and the home page (pinned stories
 * first). A rebuild replaces the whole listing, so it is idempotent; rebuilds
 * stamp the snapshot they read, so a slow rebuild never overwrites a newer one.
 * A cold listing is rebuilt on demand, once: concurrent readers in this process
 * share one rebuild, and across processes a short Redis lock lets one rebuild
 * while the others wait for its result.
 */
@Injectable()
export class ListingService {
  private readonly inflight = new Map<string, Promise<Listing | null>>();
  /** Parsed listings by key, valid while Redis's version key names the same snapshot. */
  private readonly local = new Map<string, Listing>();

  constructor(
    private readonly em: EntityManager,
    private readonly redisClient: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Sent by its hash (EVALSHA), not as text with every listing; ioredis loads it again when Redis lost it.
    redisClient.redis.defineCommand(WRITE_IF_NEWER_COMMAND, {
      numberOfKeys: 2,
      lua: WRITE_IF_NEWER,
    });
  }

  /** Rebuilds one listing from Postgres and stores it. Null (and no listing) for an unknown section. */
  async rebuild(ref: ListingRef): Promise<Listing | null> {
    const built = await this.read([ref]);
    await this.store(built);
    return built.get(refKey(ref)) ?? null;
  }

  /** Rebuilds the listings an event names (`home`, `section:x` …), and the sections by id for older events. */
  async rebuildAll(refs: string[], sectionIds: string[] = []): Promise<string[]> {
    const wanted = refs.flatMap((text) => parseListingRef(text) ?? []);
    const built = await this.read(wanted, sectionIds);
    await this.store(built);
    return [...built.keys()];
  }

  /**
   * Reads every listing a round names in one statement, so from one snapshot,
   * stamped with that snapshot's time (`builtFrom`): the sections' names, then
   * each listing. One statement needs no transaction, and a round is one round
   * trip however many listings it names. Sections come first: the story's own
   * listing is the one a reader is waiting for. Null for an unknown section.
   */
  private async read(
    refs: ListingRef[],
    sectionIds: string[] = [],
  ): Promise<Map<string, Listing | null>> {
    const em = this.em.fork();
    const slugs = new Set(refs.flatMap((ref) => (ref.kind === 'section' ? [ref.slug] : [])));
    // Events written before they named their listings name sections by id.
    for (const slug of await this.slugsOf(em, sectionIds)) slugs.add(slug);
    const ordered = new Map<string, ListingRef>();
    for (const slug of slugs) ordered.set(`section:${slug}`, { kind: 'section', slug });
    for (const ref of refs) if (ref.kind !== 'section') ordered.set(refKey(ref), ref);
    const limit = this.config.listingSize + 1;
    const rounds = [...ordered.values()];
    const listings = listingColumns(
      rounds.map((ref) =>
        ref.kind === 'home' ? homeRead(limit) : newestRead(scopeOf(ref).scope, limit),
      ),
    );
    const [row] = await em.execute<Record<string, unknown>[]>(
      `select now() as now,
         (select coalesce(json_agg(json_build_object('slug', slug, 'name', name)), '[]')
            from sections where slug in (${placeholders([...slugs])})) as sections
         ${rounds.length ? `, ${listings.sql}` : ''}`,
      [...slugs, ...listings.params],
    );
    const builtFrom = new Date(row.now as string).toISOString();
    const names = new Map(
      (row.sections as { slug: string; name: string }[]).map(({ slug, name }) => [slug, name]),
    );
    const rows = listingsIn(row, rounds.length);
    const built = new Map<string, Listing | null>();
    for (const [i, ref] of rounds.entries()) {
      const title = ref.kind === 'section' ? names.get(ref.slug) : scopeOf(ref).title;
      built.set(
        refKey(ref),
        title === undefined ? null : this.listingOf(ref, title, rows[i], builtFrom),
      );
    }
    return built;
  }

  /** The slugs of sections named by id. */
  private async slugsOf(em: EntityManager, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await em.execute<{ slug: string }[]>(
      `select slug from sections where id in (${placeholders(ids)})`,
      ids,
    );
    return rows.map((row) => row.slug);
  }

  private listingOf(
    ref: ListingRef,
    named: string,
    rows: ListingRow[],
    builtFrom: string,
  ): Listing {
    let title = named;
    if (ref.kind === 'series' && rows[0]?.series) title = rows[0].series;
    if (ref.kind === 'tag') title = rows[0]?.tags.find((t) => slugify(t) === ref.slug) ?? ref.slug;
    return {
      ref: refKey(ref),
      title,
      items: rows
        .slice(0, this.config.listingSize)
        .map((row) => ({ ...toTeaserItem(row), sort: this.sortKey(ref, row) })),
      complete: rows.length <= this.config.listingSize,
      builtFrom,
    };
  }

  /** Stores rebuilt listings in one round trip, each unless Redis holds a newer one; removes unknown sections'. */
  private async store(built: Map<string, Listing | null>): Promise<void> {
    const pipeline = this.redisClient.redis.pipeline();
    for (const [ref, listing] of built) {
      const key = listingKey(ref);
      if (listing)
        (pipeline as unknown as Record<string, WriteIfNewer>)[WRITE_IF_NEWER_COMMAND](
          key,
          `${key}:v`,
          JSON.stringify(listing),
          listing.builtFrom,
        );
      else pipeline.del(key, `${key}:v`);
    }
    for (const [error] of (await pipeline.exec()) ?? []) if (error) throw error;
  }

  /** Kept for callers that know only sections. */
  async rebuildSections(sectionIds: string[]): Promise<void> {
    await this.rebuildAll(['home'], sectionIds);
  }

  /**
   * One page of a listing, newest first. `cursor` continues after the last
   * item of the previous page; `exclude` leaves out the story being shown.
   */
  async page(
    ref: ListingRef,
    options: { limit?: number; cursor?: string; exclude?: string },
  ): Promise<ListingPage> {
    const limit = options.limit ?? DEFAULT_TEASER_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TEASER_LIMIT) {
      throw new ValidationFailed([
        { field: 'limit', reason: `must be a whole number from 1 to ${MAX_TEASER_LIMIT}` },
      ]);
    }
    const after = options.cursor === undefined ? null : this.decodeCursor(options.cursor, ref);
    const listing = (await this.cached(ref)) ?? (await this.rebuildOnce(ref));
    if (!listing || (ref.kind !== 'section' && ref.kind !== 'home' && listing.items.length === 0)) {
      throw new NotFound(ref.kind, ref.kind === 'home' ? 'home' : ref.slug);
    }
    const wanted = (items: Listing['items']) =>
      items.filter((i) => i.slug !== options.exclude && (!after || compare(i.sort, after) < 0));
    let items = wanted(listing.items);
    // A page that ends where the window ends continues beyond it when the listing holds more.
    let more = items.length > limit || (items.length === limit && !listing.complete);
    let fromWindow = true;
    // Beyond the window Redis keeps, older pages are read from Postgres by the same order.
    if (items.length < limit && !listing.complete) {
      const last = listing.items[listing.items.length - 1]?.sort;
      const from = after && last && compare(after, last) < 0 ? after : last;
      if (from) {
        items = [...items, ...wanted(await this.older(ref, from, limit + 1))];
        more = items.length > limit;
        fromWindow = false;
      }
    }
    const pageItems = items.slice(0, limit);
    return {
      ref: listing.ref,
      title: listing.title,
      items: pageItems.map(({ sort: _sort, ...item }) => item),
      next: more ? this.encodeCursor(ref, pageItems[pageItems.length - 1].sort) : null,
      version: fromWindow ? listing.builtFrom : null,
    };
  }

  /** The snapshot time of the listing Redis holds now (its small version key). */
  versionOf(ref: string): Promise<string | null> {
    return this.redisClient.redis.get(`${listingKey(ref)}:v`);
  }

  private sortKey(
    ref: ListingRef,
    row: Pick<ListingRow, 'publishedAt' | 'articleId' | 'homePinned' | 'homePriority'>,
  ): SortKey {
    const chronological = [row.publishedAt.getTime(), row.articleId];
    return ref.kind === 'home'
      ? [row.homePinned ? 1 : 0, row.homePriority, ...chronological]
      : chronological;
  }

  /** Stories after `from` in the listing's order, read from Postgres by index (keyset). */
  private async older(ref: ListingRef, from: SortKey, limit: number): Promise<Listing['items']> {
    const em = this.em.fork();
    // Past the window, the home page continues with unpinned stories in time order.
    const [publishedAt, articleId] = ref.kind === 'home' ? from.slice(2) : from;
    const after = { publishedAt: new Date(publishedAt), articleId: String(articleId) };
    const rows = await newestOf(em, scopeOf(ref).scope, limit, after);
    return rows.map((row) => ({ ...toTeaserItem(row), sort: this.sortKey(ref, row) }));
  }

  private encodeCursor(ref: ListingRef, sort: SortKey): string {
    return Buffer.from(JSON.stringify({ r: refKey(ref), s: sort })).toString('base64url');
  }

  private decodeCursor(cursor: string, ref: ListingRef): SortKey {
    try {
      const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
        r?: unknown;
        s?: unknown;
      };
      const sort = parsed.s;
      const length = ref.kind === 'home' ? 4 : 2;
      if (
        parsed.r === refKey(ref) &&
        Array.isArray(sort) &&
        sort.length === length &&
        sort.slice(0, -1).every((v) => typeof v === 'number' && Number.isFinite(v)) &&
        typeof sort[length - 1] === 'string'
      ) {
        return sort as SortKey;
      }
    } catch {
      // fall through
    }
    throw new ValidationFailed([{ field: 'cursor', reason: 'is not a cursor of this listing' }]);
  }

  /**
   * The listing from Redis. A small version key (the snapshot time) is read on
   * every call; the listing itself is fetched and parsed only when this process
   * does not hold that version yet — the listing is most of the cost of a request.
   */
  private async cached(ref: ListingRef): Promise<Listing | null> {
    const key = listingKey(ref);
    const redis = this.redisClient.redis;
    const version = await redis.get(`${key}:v`);
    const local = this.local.get(key);
    if (version && local?.builtFrom === version) return local;
    const raw = await redis.get(key);
    if (!raw) return null;
    const listing = JSON.parse(raw) as Listing;
    if (this.local.size >= 1000) this.local.delete(this.local.keys().next().value as string);
    this.local.set(key, listing);
    return listing;
  }

  private rebuildOnce(ref: ListingRef): Promise<Listing | null> {
    const key = listingKey(ref);
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.rebuildShared(ref).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  /** Across processes: whoever gets the lock rebuilds; the others wait briefly for its result. */
  private async rebuildShared(ref: ListingRef): Promise<Listing | null> {
    const redis = this.redisClient.redis;
    const lock = `${listingKey(ref)}:rebuilding`;
    if (await redis.set(lock, '1', 'PX', 5000, 'NX')) {
      try {
        return await this.rebuild(ref);
      } finally {
        await redis.del(lock);
      }
    }
    for (let i = 0; i < 40; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      const listing = await this.cached(ref);
      if (listing) return listing;
      if (!(await redis.exists(lock))) break;
    }
    return this.rebuild(ref);
  }
}
