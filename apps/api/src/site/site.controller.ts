import {
  Controller,
  Get,
  Inject,
  Param,
  Req,
  Res,
  UseFilters,
  applyDecorators,
} from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { LISTING_SLUG, StoryPageService } from '@newsdesk/delivery';
import { PREVIEW_TOKEN } from '@newsdesk/editorial';
import { Public } from '../auth/auth.guard';
import { HEADERS, Returns } from '../contract/decorators';
import { ErrorBodySchema, refTo } from '../contract/schema';
import { originOf } from '../desk/desk-static';
import { CachedDocument, PUBLIC_CACHE_CONTROL, sendCached } from '../public/http-cache';
import { ListingSlugPipe } from '../public/public.controller';
import { sitePageHeaders } from './page-headers';
import { SiteErrorFilter } from './site-error.filter';
import { SiteErrorPageSchema, SiteStoryPageSchema } from './site.schema';

const READER_FAILURES: Record<number, string> = {
  400: 'a slug that cannot name a story or section',
  401: 'the preview link is altered or incomplete',
  404: 'no such story, or it is not public',
  410: 'the preview link expired, or the story was retracted after it was issued',
  500: 'something failed on the server; the request id in `X-Request-Id` finds it in the logs',
};

/**
 * Failures of a page: German HTML for browsers, the one error body for clients
 * whose `Accept` asks for JSON.
 */
const PageFails = (...statuses: (keyof typeof READER_FAILURES)[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: `${READER_FAILURES[status]}: an HTML page, or the error body when \`Accept\` prefers JSON`,
        headers: { 'Cache-Control': HEADERS['Cache-Control'] },
        content: {
          'text/html': { schema: refTo(SiteErrorPageSchema) },
          'application/json': { schema: refTo(ErrorBodySchema) },
        },
      }),
    ),
  );

const slugParam = (name: string, example: string) =>
  ApiParam({ name, schema: { type: 'string', pattern: LISTING_SLUG.source, example } });

/**
 * The public site's pages, server-rendered: a published story at
 * `/site/<section>/<slug>` (cached like the JSON, purged by the same keys),
 * and a preview link's revision on the same page.
 */
@ApiTags('public')
@Public()
@UseFilters(SiteErrorFilter)
@Controller('site')
export class SiteController {
  private readonly imageOrigins: string[];

  constructor(
    private readonly pages: StoryPageService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.imageOrigins = originOf(config.s3.publicUrl);
  }

  @Get('preview/:token')
  @ApiOperation({
    summary: 'A revision through its preview link, as the story page',
    description:
      'The story page as it would look published, with a "Vorschau" banner and `noindex`, for whoever ' +
      'holds a valid preview link. Never cached. 401 for an altered or incomplete token; 410 when ' +
      'the link expired or the story was retracted after it was issued.',
  })
  @ApiParam({
    name: 'token',
    description: 'the signed token of a preview link',
    schema: { type: 'string', pattern: PREVIEW_TOKEN.source },
  })
  @ApiProduces('text/html')
  @Returns(200, SiteStoryPageSchema, { headers: ['Cache-Control'] })
  @PageFails(400, 401, 404, 410, 500)
  async preview(@Res() reply: FastifyReply, @Param('token') token: string): Promise<void> {
    const html = await this.pages.preview(token);
    void sitePageHeaders(reply, this.imageOrigins)
      .header('cache-control', 'private, no-store')
      .send(html);
  }

  @Get(':section/:slug')
  @ApiOperation({
    summary: 'The story page',
    description:
      'A published story as HTML (German), with the box of its section’s newest other stories. ' +
      'Cached like the JSON; `Surrogate-Key` names `site`, the story, its section, series, tags and ' +
      'pictures, and every story in the box. Asked for under another section than its own, it ' +
      'answers 301 to its canonical address. Failures are HTML pages for browsers and the ' +
      'error body for clients whose `Accept` prefers JSON.',
  })
  @slugParam('section', 'smart-city')
  @slugParam('slug', 'arnsberg-smarte-abfallbehaelter')
  @CachedDocument(SiteStoryPageSchema, 'text/html')
  @ApiResponse({
    status: 301,
    description: 'the story is in another section now: `Location` is its canonical address',
    headers: {
      Location: { description: 'the story page’s canonical address', schema: { type: 'string' } },
      'Cache-Control': HEADERS['Cache-Control'],
      'Surrogate-Key': HEADERS['Surrogate-Key'],
    },
  })
  @PageFails(400, 404, 500)
  async story(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('section', ListingSlugPipe) section: string,
    @Param('slug', ListingSlugPipe) slug: string,
  ): Promise<void> {
    const page = await this.pages.story(section, slug);
    if (page.kind === 'moved') {
      void reply
        .header('cache-control', PUBLIC_CACHE_CONTROL)
        .header('surrogate-key', page.surrogateKeys.join(' '))
        .redirect(page.location, 301);
      return;
    }
    sendCached(request, sitePageHeaders(reply, this.imageOrigins), page.html, page.surrogateKeys);
  }
}
