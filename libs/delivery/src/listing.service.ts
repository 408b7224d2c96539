import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { NotFound, ValidationFailed } from '@newsdesk/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { PublishedArticle, Section, type TeaserItem } from '@newsdesk/editorial';
import { RedisClient } from '@newsdesk/messaging';
import { toTeaserItem } from './teaser';

/** A section's teaser listing as kept in Redis. */
export interface SectionListing {
  section: { id: string; slug: string; name: string };
  items: TeaserItem[];
  builtAt: string;
}

export const MAX_TEASER_LIMIT = 50;

export const listingKey = (sectionSlug: string) => `listing:section:${sectionSlug}`;

/**
 * Teaser listings are read models in Redis, rebuilt from the public read
 * model in Postgres whenever an event says a story in them changed. A rebuild
 * replaces the whole listing, so it is idempotent and an old event arriving
 * late simply rebuilds the current state.
 */
@Injectable()
export class ListingService {
  /** Rebuilds in progress in this process: a burst of requests for a cold listing makes one rebuild. */
  private readonly inflight = new Map<string, Promise<SectionListing | null>>();

  constructor(
    private readonly em: EntityManager,
    private readonly redisClient: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Rebuilds the listing of one section from Postgres and stores it. Returns null for an unknown section. */
  async rebuildSection(where: { id: string } | { slug: string }): Promise<SectionListing | null> {
    const em = this.em.fork();
    const section = await em.findOne(Section, where);
    if (!section) return null;
    const rows = await em.find(
      PublishedArticle,
      { sectionId: section.id },
      { orderBy: { publishedAt: 'desc', articleId: 'asc' }, limit: this.config.listingSize },
    );
    const listing: SectionListing = {
      section: { id: section.id, slug: section.slug, name: section.name },
      items: rows.map(toTeaserItem),
      builtAt: new Date().toISOString(),
    };
    await this.redisClient.redis.set(listingKey(section.slug), JSON.stringify(listing));
    return listing;
  }

  async rebuildSections(sectionIds: string[]): Promise<void> {
    for (const id of new Set(sectionIds)) await this.rebuildSection({ id });
  }

  /** The teasers of a section, newest first, optionally without the story being shown. */
  async sectionTeasers(
    slug: string,
    options: { limit?: number; exclude?: string },
  ): Promise<SectionListing> {
    const limit = options.limit ?? 10;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TEASER_LIMIT) {
      throw new ValidationFailed([
        { field: 'limit', reason: `must be a whole number from 1 to ${MAX_TEASER_LIMIT}` },
      ]);
    }
    const listing = (await this.cached(slug)) ?? (await this.rebuildOnce(slug));
    if (!listing) throw new NotFound('section', slug);
    const items = listing.items.filter((item) => item.slug !== options.exclude).slice(0, limit);
    return { ...listing, items };
  }

  private async cached(slug: string): Promise<SectionListing | null> {
    const raw = await this.redisClient.redis.get(listingKey(slug));
    return raw ? (JSON.parse(raw) as SectionListing) : null;
  }

  private rebuildOnce(slug: string): Promise<SectionListing | null> {
    let pending = this.inflight.get(slug);
    if (!pending) {
      pending = this.rebuildSection({ slug }).finally(() => this.inflight.delete(slug));
      this.inflight.set(slug, pending);
    }
    return pending;
  }
}
