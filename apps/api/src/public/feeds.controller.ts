import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  FeedsService,
  JSON_FEED_CONTENT_TYPE,
  RSS_CONTENT_TYPE,
  XML_CONTENT_TYPE,
  type Feed,
} from '@newsdesk/delivery';
import { Public } from '../auth/auth.guard';
import { sendCached } from './http-cache';

/**
 * Surrogate keys of a feed: `feed`, the listing it mirrors (`home`,
 * `section:<slug>`, so that a publication in it purges it), and each story
 * and picture it shows (an update, a kill or a new credit purges it).
 */
const feedKeys = (feed: Feed) => [
  'feed',
  feed.ref,
  ...feed.items.flatMap((item) => [
    `story:${item.id}`,
    ...(item.image ? [`image:${item.image.id}`] : []),
  ]),
];

/** RSS 2.0 and JSON Feed 1.1 per section and for the home page; the Google News sitemap. */
@ApiTags('public')
@Public()
@Controller('public')
export class FeedsController {
  constructor(private readonly feeds: FeedsService) {}

  /** The newest 50 stories across all sections, as RSS 2.0. */
  @Get('feed.xml')
  @ApiProduces('application/rss+xml')
  @ApiOkResponse({ description: 'RSS 2.0 with Media RSS (teaser image and credit)' })
  async homeRss(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const feed = await this.feeds.homeFeed();
    sendCached(request, reply.type(RSS_CONTENT_TYPE), this.feeds.rss(feed), feedKeys(feed));
  }

  /** The newest 50 stories across all sections, as JSON Feed 1.1. */
  @Get('feed.json')
  @ApiProduces('application/feed+json')
  @ApiOkResponse({ description: 'JSON Feed 1.1' })
  async homeJson(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const feed = await this.feeds.homeFeed();
    sendCached(
      request,
      reply.type(JSON_FEED_CONTENT_TYPE),
      this.feeds.jsonFeed(feed),
      feedKeys(feed),
    );
  }

  /** The newest 50 stories of a section, as RSS 2.0; 404 for an unknown section. */
  @Get('sections/:slug/feed.xml')
  @ApiProduces('application/rss+xml')
  @ApiOkResponse({ description: 'RSS 2.0 with Media RSS (teaser image and credit)' })
  async sectionRss(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('slug') slug: string,
  ): Promise<void> {
    const feed = await this.feeds.sectionFeed(slug);
    sendCached(request, reply.type(RSS_CONTENT_TYPE), this.feeds.rss(feed), feedKeys(feed));
  }

  /** The newest 50 stories of a section, as JSON Feed 1.1; 404 for an unknown section. */
  @Get('sections/:slug/feed.json')
  @ApiProduces('application/feed+json')
  @ApiOkResponse({ description: 'JSON Feed 1.1' })
  async sectionJson(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('slug') slug: string,
  ): Promise<void> {
    const feed = await this.feeds.sectionFeed(slug);
    sendCached(
      request,
      reply.type(JSON_FEED_CONTENT_TYPE),
      this.feeds.jsonFeed(feed),
      feedKeys(feed),
    );
  }

  /**
   * Google News sitemap: the stories of the last 48 hours (at most 1000). Up
   * to 1000 story keys would overflow a CDN's header limit, so it carries
   * `home` instead: the listing that every publication and unpublication changes.
   */
  @Get('sitemap-news.xml')
  @ApiProduces('application/xml')
  @ApiOkResponse({ description: 'Google News sitemap' })
  async newsSitemap(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const items = await this.feeds.newsSitemapItems();
    sendCached(request, reply.type(XML_CONTENT_TYPE), this.feeds.newsSitemap(items), [
      'sitemap',
      'sitemap:news',
      'home',
    ]);
  }
}
