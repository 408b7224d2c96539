import {
  type ArgumentMetadata,
  Controller,
  Get,
  Param,
  type PipeTransform,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidationFailed } from '@newsdesk/common';
import {
  DEFAULT_SEARCH_LIMIT,
  DEFAULT_TEASER_LIMIT,
  LISTING_SLUG,
  ListingService,
  MAX_SEARCH_LIMIT,
  MAX_TEASER_LIMIT,
  PublicArticlesService,
  SearchService,
  storyKeys,
  teaserKeys,
  type ListingRef,
} from '@newsdesk/delivery';
import { MAX_SEARCH_QUERY_LENGTH, PREVIEW_TOKEN, PreviewService } from '@newsdesk/editorial';
import { Public } from '../auth/auth.guard';
import { Fails, Returns } from '../contract/decorators';
import { WholeNumberPipe } from '../input/params';
import { CachedDocument, sendCached } from './http-cache';
import {
  PublicStorySchema,
  SearchResultsSchema,
  SectionTeaserPageSchema,
  StoryPreviewSchema,
  TeaserPageSchema,
} from './public.schema';
import { ResponseCache } from './response-cache';

/** The slug of a section, series or tag listing; anything else is a 400 naming it. */
export class ListingSlugPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || !LISTING_SLUG.test(value))
      throw new ValidationFailed([{ field: metadata.data ?? 'slug', reason: 'is not a slug' }]);
    return value;
  }
}

/** `@Param('slug')` of a listing, parsed and documented with its pattern. */
const ListingSlug =
  (example: string): ParameterDecorator =>
  (target, key, index) => {
    Param('slug', ListingSlugPipe)(target, key, index);
    ApiParam({
      name: 'slug',
      schema: { type: 'string', pattern: LISTING_SLUG.source, example },
    })(target, key!, Object.getOwnPropertyDescriptor(target, key!)!);
  };

/** `?limit=` of a teaser listing. */
const TeaserLimit = (): ParameterDecorator => (target, key, index) => {
  const reason = `must be a whole number from 1 to ${MAX_TEASER_LIMIT}`;
  Query('limit', new WholeNumberPipe(MAX_TEASER_LIMIT, { reason }))(target, key, index);
  ApiQuery({
    name: 'limit',
    required: false,
    description: 'stories per page',
    schema: {
      type: 'integer',
      minimum: 1,
      maximum: MAX_TEASER_LIMIT,
      default: DEFAULT_TEASER_LIMIT,
    },
  })(target, key!, Object.getOwnPropertyDescriptor(target, key!)!);
};

const CURSOR_QUERY = {
  name: 'cursor',
  required: false,
  description: '`next` of the previous page (opaque)',
  schema: { type: 'string' },
} as const;

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

  @Get('search')
  @ApiOperation({
    summary: 'Search published stories',
    description:
      'Full-text search (German stemming; `"phrases"`, `or` and `-word` as in web search engines) over ' +
      'published stories: most relevant first, the newest first among equally relevant ones. Each item ' +
      'is a teaser plus `snippet`. Not cached.',
  })
  @ApiQuery({
    name: 'q',
    required: true,
    schema: { type: 'string', minLength: 1, maxLength: MAX_SEARCH_QUERY_LENGTH },
    example: 'Abfallbehälter',
  })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: {
      type: 'integer',
      minimum: 1,
      maximum: MAX_SEARCH_LIMIT,
      default: DEFAULT_SEARCH_LIMIT,
    },
  })
  @ApiQuery({ ...CURSOR_QUERY, schema: { type: 'string', maxLength: 200 } })
  @Returns(200, SearchResultsSchema)
  search(
    @Query('q') q?: unknown,
    @Query('limit') limit?: unknown,
    @Query('cursor') cursor?: unknown,
  ) {
    return this.searches.search({ q, limit, cursor });
  }

  @Get('sections/:slug/teasers')
  @ApiOperation({
    summary: "A section's teaser listing",
    description:
      '"More news from the section …": newest first, optionally without the story being shown. ' +
      '404 for an unknown section; an empty section has no items.',
  })
  @ApiQuery({
    name: 'exclude',
    required: false,
    description: 'the slug of the story being shown, to leave out',
    schema: { type: 'string' },
  })
  @ApiQuery(CURSOR_QUERY)
  @CachedDocument(SectionTeaserPageSchema)
  async sectionTeasers(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @ListingSlug('smart-city') slug: string,
    @TeaserLimit() limit?: number,
    @Query('exclude') exclude?: string,
    @Query('cursor') cursor?: string,
  ) {
    const page = await this.listings.page({ kind: 'section', slug }, { limit, exclude, cursor });
    const sent = sendCached(
      request,
      reply,
      { section: { slug, name: page.title }, items: page.items, next: page.next },
      [`section:${slug}`, ...teaserKeys(page.items)],
      SectionTeaserPageSchema,
    );
    if (page.version)
      this.responses.remember(request.url, { ref: page.ref, version: page.version, ...sent });
  }

  @Get('home')
  @ApiOperation({
    summary: 'The home page listing',
    description: 'Pinned stories by priority first, then the newest across all sections.',
  })
  @ApiQuery(CURSOR_QUERY)
  @CachedDocument(TeaserPageSchema)
  home(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @TeaserLimit() limit?: number,
    @Query('cursor') cursor?: string,
  ) {
    return this.listing(request, reply, { kind: 'home' }, limit, cursor);
  }

  @Get('series/:slug/teasers')
  @ApiOperation({
    summary: "A series' teaser listing",
    description: 'The stories of a series, newest first; 404 when no published story is in it.',
  })
  @ApiQuery(CURSOR_QUERY)
  @CachedDocument(TeaserPageSchema)
  series(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @ListingSlug('verwaltung-digital') slug: string,
    @TeaserLimit() limit?: number,
    @Query('cursor') cursor?: string,
  ) {
    return this.listing(request, reply, { kind: 'series', slug }, limit, cursor);
  }

  @Get('tags/:slug/teasers')
  @ApiOperation({
    summary: "A tag's teaser listing",
    description: 'The stories with a tag, newest first; 404 when no published story has it.',
  })
  @ApiQuery(CURSOR_QUERY)
  @CachedDocument(TeaserPageSchema)
  tag(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @ListingSlug('ozg') slug: string,
    @TeaserLimit() limit?: number,
    @Query('cursor') cursor?: string,
  ) {
    return this.listing(request, reply, { kind: 'tag', slug }, limit, cursor);
  }

  @Get('articles/:slug')
  @ApiOperation({
    summary: 'A published story',
    description:
      'The public version of a story, its pictures resolved to renditions; 404 while it is not public.',
  })
  @ApiParam({
    name: 'slug',
    schema: { type: 'string', example: 'digitalministerkonferenz-laender-verwaltung-1a2b3c4d' },
  })
  @CachedDocument(PublicStorySchema)
  async article(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('slug') slug: string,
  ) {
    const story = await this.articles.bySlug(slug);
    sendCached(request, reply, story, storyKeys(story), PublicStorySchema);
  }

  @Get('preview/:token')
  @ApiOperation({
    summary: 'A revision through its preview link',
    description:
      'The revision as it would be published, for whoever holds a valid preview link — no sign-in. ' +
      'Never cached (`Cache-Control: private, no-store`). 401 for an altered or incomplete token; ' +
      '410 when the link expired or the story was retracted (unpublished, killed) after it was issued.',
  })
  @ApiParam({
    name: 'token',
    description: 'the signed token of a preview link',
    schema: { type: 'string', pattern: PREVIEW_TOKEN.source },
  })
  @Returns(200, StoryPreviewSchema, { headers: ['Cache-Control'] })
  @Fails(401, 410)
  async preview(@Res({ passthrough: true }) reply: FastifyReply, @Param('token') token: string) {
    void reply.header('Cache-Control', 'private, no-store');
    return this.previews.open(token);
  }

  private async listing(
    request: FastifyRequest,
    reply: FastifyReply,
    ref: ListingRef,
    limit?: number,
    cursor?: string,
  ) {
    const page = await this.listings.page(ref, { limit, cursor });
    const sent = sendCached(
      request,
      reply,
      { title: page.title, items: page.items, next: page.next },
      [page.ref, ...teaserKeys(page.items)],
      TeaserPageSchema,
    );
    if (page.version)
      this.responses.remember(request.url, { ref: page.ref, version: page.version, ...sent });
  }
}
