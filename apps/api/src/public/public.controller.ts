import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidationFailed, slugify } from '@newsdesk/common';
import {
  ListingService,
  PublicArticlesService,
  SearchService,
  type ListingRef,
} from '@newsdesk/delivery';
import { PreviewService } from '@newsdesk/editorial';
import { Public } from '../auth/auth.guard';
import { Fails, Returns } from '../contract/decorators';
import { PublicPreviewSchema, PublicStorySchema } from './public.schema';
import { sendCached } from './http-cache';
import { ResponseCache } from './response-cache';

/** Surrogate keys of teaser items: each story and its image. */
const itemKeys = (items: { id: string; image: { id: string } | null }[]) =>
  items.flatMap((item) => [`story:${item.id}`, ...(item.image ? [`image:${item.image.id}`] : [])]);

function limitParam(limit: string | undefined): number | undefined {
  if (limit === undefined) return undefined;
  if (!/^\d{1,4}$/.test(limit))
    throw new ValidationFailed([{ field: 'limit', reason: 'must be a whole number' }]);
  return Number(limit);
}

function slugParam(kind: string, slug: string): string {
  if (!/^[a-z0-9-]{1,120}$/.test(slug))
    throw new ValidationFailed([{ field: kind, reason: 'is not a slug' }]);
  return slug;
}

/**
 * The public site's reads: teaser listings (section, home, series, tag) and
 * stories, served from the read models with ETags, `Cache-Control` for CDNs and
 * `Surrogate-Key`s that name everything a response shows, so a purge by key
 * reaches exactly the responses that changed.
 */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicController {
  constructor(
    private readonly listings: ListingService,
    private readonly articles: PublicArticlesService,
    private readonly previews: PreviewService,
    private readonly searches: SearchService,
    private readonly responses: ResponseCache,
  ) {}

  /**
   * Full-text search over published stories: most relevant first, the newest
   * first among equally relevant ones. Each item is a teaser plus `snippet`
   * (HTML: the text escaped, `<mark>` around the words found). Not cached.
   */
  @Get('search')
  @ApiQuery({ name: 'q', required: true, example: 'Abfallbehälter' })
  @ApiQuery({ name: 'limit', required: false, example: 10 })
  @ApiQuery({ name: 'cursor', required: false, description: '`next` of the previous page' })
  search(
    @Query('q') q?: unknown,
    @Query('limit') limit?: unknown,
    @Query('cursor') cursor?: unknown,
  ) {
    return this.searches.search({ q, limit, cursor });
  }

  /** "More news from the section …": newest first, optionally without the story being shown. */
  @Get('sections/:slug/teasers')
  @ApiQuery({ name: 'limit', required: false, example: 5 })
  @ApiQuery({ name: 'exclude', required: false, description: 'slug of the story being shown' })
  @ApiQuery({ name: 'cursor', required: false, description: '`next` of the previous page' })
  async sectionTeasers(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('slug') slug: string,
    @Query('limit') limit?: string,
    @Query('exclude') exclude?: string,
    @Query('cursor') cursor?: string,
  ) {
    const page = await this.listings.page(
      { kind: 'section', slug: slugParam('slug', slug) },
      { limit: limitParam(limit), exclude, cursor },
    );
    const sent = sendCached(
      request,
      reply,
      { section: { slug, name: page.title }, items: page.items, next: page.next },
      [`section:${slug}`, ...itemKeys(page.items)],
    );
    if (page.version)
      this.responses.remember(request.url, { ref: page.ref, version: page.version, ...sent });
  }

  /** The home page: pinned stories by priority, then the newest across all sections. */
  @Get('home')
  @ApiQuery({ name: 'limit', required: false, example: 10 })
  @ApiQuery({ name: 'cursor', required: false })
  home(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('limit') limit?: string,
    @Query('cursor') cursor?: string,
  ) {
    return this.listing(request, reply, { kind: 'home' }, limit, cursor);
  }

  @Get('series/:slug/teasers')
  series(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('slug') slug: string,
    @Query('limit') limit?: string,
    @Query('cursor') cursor?: string,
  ) {
    return this.listing(
      request,
      reply,
      { kind: 'series', slug: slugParam('slug', slug) },
      limit,
      cursor,
    );
  }

  @Get('tags/:slug/teasers')
  tag(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('slug') slug: string,
    @Query('limit') limit?: string,
    @Query('cursor') cursor?: string,
  ) {
    return this.listing(
      request,
      reply,
      { kind: 'tag', slug: slugParam('slug', slug) },
      limit,
      cursor,
    );
  }

  @Get('articles/:slug')
  @ApiOperation({
    summary: 'Read a published story',
    description:
      'The public version (a working copy in progress is not shown), with correction notes; cached with an ETag and surrogate keys.',
  })
  @Returns(200, PublicStorySchema, { headers: ['ETag', 'Cache-Control', 'Surrogate-Key'] })
  async article(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('slug') slug: string,
  ) {
    const story = await this.articles.bySlug(slug);
    sendCached(request, reply, story, [
      `story:${story.id}`,
      `section:${story.section.slug}`,
      ...(story.series ? [`series:${slugify(story.series)}`] : []),
      ...story.tags.map((t) => `tag:${slugify(t)}`),
      ...(story.image ? [`image:${story.image.id}`] : []),
      ...story.body.flatMap((b) => (b.type === 'image' && b.image ? [`image:${b.image.id}`] : [])),
    ]);
  }

  /** A revision as it would be published, for whoever holds a valid preview link (never cached). */
  @Get('preview/:token')
  @ApiOperation({
    summary: 'Open a preview link',
    description:
      'The revision the link was made for, shaped as the public story will be (never cached). ' +
      'An altered token is a 401, an expired one or one issued before a retraction a 410.',
  })
  @Returns(200, PublicPreviewSchema, { headers: ['Cache-Control'] })
  @Fails(401, 410)
  async preview(@Res({ passthrough: true }) reply: FastifyReply, @Param('token') token: string) {
    void reply.header('Cache-Control', 'private, no-store');
    return this.previews.open(token);
  }

  private async listing(
    request: FastifyRequest,
    reply: FastifyReply,
    ref: ListingRef,
    limit?: string,
    cursor?: string,
  ) {
    const page = await this.listings.page(ref, { limit: limitParam(limit), cursor });
    const sent = sendCached(
      request,
      reply,
      { title: page.title, items: page.items, next: page.next },
      [page.ref, ...itemKeys(page.items)],
    );
    if (page.version)
      this.responses.remember(request.url, { ref: page.ref, version: page.version, ...sent });
  }
}
