import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  FeedsService,
  JSON_FEED_CONTENT_TYPE,
  RSS_CONTENT_TYPE,
  XML_CONTENT_TYPE,
  type Feed,
} from '@newsdesk/delivery';
import { Public } from '../auth/auth.guard';
import { CachedDocument, sendCached } from './http-cache';
import { JsonFeedSchema, NewsSitemapSchema, RssFeedSchema } from './public.schema';

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

const SECTION_SLUG = ApiParam({
  name: 'slug',
  description: 'the section',
  schema: { type: 'string', example: 'smart-city' },
});

/** RSS 2.0 and JSON Feed 1.1 per section and for the home page; the Google News sitemap. */
@ApiTags('public')
@Public()
@Controller('public')
export class FeedsController {
  constructor(private readonly feeds: FeedsService) {}

  @Get('feed.xml')
  @ApiOperation({
    summary: 'The newest stories as RSS',
    description: 'The newest 50 stories across all sections, as RSS 2.0 with Media RSS.',
  })
  @CachedDocument(RssFeedSchema, 'application/rss+xml')
  async homeRss(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const feed = await this.feeds.homeFeed();
    sendCached(request, reply.type(RSS_CONTENT_TYPE), this.feeds.rss(feed), feedKeys(feed));
  }

  @Get('feed.json')
  @ApiOperation({
    summary: 'The newest stories as JSON Feed',
    description: 'The newest 50 stories across all sections, as JSON Feed 1.1.',
  })
  @CachedDocument(JsonFeedSchema, 'application/feed+json')
  async homeJson(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const feed = await this.feeds.homeFeed();
    sendCached(
      request,
      reply.type(JSON_FEED_CONTENT_TYPE),
      this.feeds.jsonFeed(feed),
      feedKeys(feed),
    );
  }

  @Get('sections/:slug/feed.xml')
  @ApiOperation({
    summary: "A section's newest stories as RSS",
    description:
      'The newest 50 stories of a section, as RSS 2.0 with Media RSS; 404 for an unknown section.',
  })
  @SECTION_SLUG
  @CachedDocument(RssFeedSchema, 'application/rss+xml')
  async sectionRss(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('slug') slug: string,
  ): Promise<void> {
    const feed = await this.feeds.sectionFeed(slug);
    sendCached(request, reply.type(RSS_CONTENT_TYPE), this.feeds.rss(feed), feedKeys(feed));
  }

  @Get('sections/:slug/feed.json')
  @ApiOperation({
    summary: "A section's newest stories as JSON Feed",
    description:
      'The newest 50 stories of a section, as JSON Feed 1.1; 404 for an unknown section.',
  })
  @SECTION_SLUG
  @CachedDocument(JsonFeedSchema, 'application/feed+json')
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
  @ApiOperation({
    summary: 'The Google News sitemap',
    description: 'The stories of the last 48 hours (at most 1000), newest first.',
  })
  @CachedDocument(NewsSitemapSchema, 'application/xml')
  async newsSitemap(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const items = await this.feeds.newsSitemapItems();
    sendCached(request, reply.type(XML_CONTENT_TYPE), this.feeds.newsSitemap(items), [
      'sitemap',
      'sitemap:news',
      'home',
    ]);
  }
}
