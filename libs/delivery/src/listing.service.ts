import { EntityManager, IsolationLevel } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { NotFound, ValidationFailed, placeholders, slugify } from '@newsdesk/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { toTeaserItem, type TeaserItem } from '@newsdesk/publication';
import { RedisClient } from '@newsdesk/messaging';
import {
  homeRead,
  newestOf,
  newestRead,
  readTogether,
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

/** Writes a listing unless Redis holds one built from a newer snapshot (an old event arriving late never wins). */
const WRITE_IF_NEWER = `
local current = redis.call('GET', KEYS[1])
if current then
  local ok, decoded = pcall(cjson.decode, current)
  if ok and decoded.builtFrom and decoded.builtFrom > ARGV[2] then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[2])
return 1`;

const compare = (a: SortKey, b: SortKey): number => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
};

/** A section as a listing needs it: its id to read by, its name for a title. */
interface SectionName {
  id: string;
  name: string;
}

/**
 * What a listing reads (past its pinned stories, for the home page) and its
 * title until its stories name one; null for an unknown section.
 */
function scopeOf(
  ref: ListingRef,
  sections: Map<string, SectionName>,
): { scope: Scope; title: string } | null {
  switch (ref.kind) {
    case 'home':
      return { scope: { all: true, unpinnedOnly: true }, title: 'Startseite' };
    case 'section': {
      const section = sections.get(ref.slug);
      return section ? { scope: { sectionId: section.id }, title: section.name } : null;
    }
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
  ) {}

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
   * Reads listings from one repeatable-read snapshot: one transaction, one
   * clock and two statements for every listing a round names, however many —
   * the snapshot's time with the sections, then every listing at once.
   * Sections come first: the story's own listing is the one a reader is
   * waiting for. Null for an unknown section.
   */
  private read(
    refs: ListingRef[],
    sectionIds: string[] = [],
  ): Promise<Map<string, Listing | null>> {
    return this.em.fork().transactional(
      async (em) => {
        const slugs = refs.flatMap((ref) => (ref.kind === 'section' ? [ref.slug] : []));
        const { now, sections } = await this.snapshotOf(em, slugs, sectionIds);
        const builtFrom = new Date(now).toISOString();
        const ordered = new Map<string, ListingRef>();
        for (const slug of sections.keys())
          ordered.set(`section:${slug}`, { kind: 'section', slug });
        for (const ref of refs) if (ref.kind !== 'section') ordered.set(refKey(ref), ref);
        for (const slug of slugs) ordered.set(`section:${slug}`, { kind: 'section', slug });
        const limit = this.config.listingSize + 1;
        const found = [...ordered].map(([key, ref]) => ({
          key,
          ref,
          read: scopeOf(ref, sections),
        }));
        const known = found.flatMap(({ ref, read }) => (read ? [{ ref, read }] : []));
        const rows = await readTogether(
          em,
          known.map(({ ref, read }) =>
            ref.kind === 'home' ? homeRead(limit) : newestRead(read.scope, limit),
          ),
        );
        const built = new Map<string, Listing | null>();
        let next = 0;
        for (const { key, ref, read } of found)
          built.set(key, read && this.listingOf(ref, read, rows[next++], builtFrom));
        return built;
      },
      { isolationLevel: IsolationLevel.REPEATABLE_READ },
    );
  }

  private listingOf(
    ref: ListingRef,
    read: { scope: Scope; title: string },
    rows: ListingRow[],
    builtFrom: string,
  ): Listing {
    let title = read.title;
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
        pipeline.eval(
          WRITE_IF_NEWER,
          2,
          key,
          `${key}:v`,
          JSON.stringify(listing),
          listing.builtFrom,
        );
      else pipeline.del(key, `${key}:v`);
    }
    for (const [error] of (await pipeline.exec()) ?? []) if (error) throw error;
  }

  /**
   * The snapshot's time and the sections named by slug or by id (older
   * events), by slug, in one statement: the first of a repeatable-read
   * transaction, which fixes what the transaction sees.
   */
  private async snapshotOf(
    em: EntityManager,
    slugs: string[],
    ids: string[],
  ): Promise<{ now: string; sections: Map<string, SectionName> }> {
    const named = slugs.length > 0 || ids.length > 0;
    const [row] = await em.execute<{ now: string; sections: (SectionName & { slug: string })[] }[]>(
      `select now() as now, ${
        named
          ? `(select coalesce(json_agg(json_build_object('id', id, 'slug', slug, 'name', name)), '[]')
               from sections where slug in (${placeholders(slugs)}) or id in (${placeholders(ids)}))`
          : `'[]'::json`
      } as sections`,
      named ? [...slugs, ...ids] : [],
    );
    return {
      now: row.now,
      sections: new Map(row.sections.map(({ slug, id, name }) => [slug, { id, name }])),
    };
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
    const sections =
      ref.kind === 'section'
        ? (await this.snapshotOf(em, [ref.slug], [])).sections
        : new Map<string, SectionName>();
    const read = scopeOf(ref, sections);
    if (!read) return [];
    const rows = await newestOf(em, read.scope, limit, after);
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
