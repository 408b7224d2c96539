import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { ValidationFailed } from '@newsdesk/common';
import { ListingService, PublicArticlesService } from '@newsdesk/delivery';
import { PreviewService } from '@newsdesk/editorial';
import { Public } from '../auth/auth.guard';

@ApiTags('public')
@Public()
@Controller('public')
export class PublicController {
  constructor(
    private readonly listings: ListingService,
    private readonly articles: PublicArticlesService,
    private readonly previews: PreviewService,
  ) {}

  /** "More news from the section …": newest first, optionally without the story being shown. */
  @Get('sections/:slug/teasers')
  @ApiQuery({ name: 'limit', required: false, example: 5 })
  @ApiQuery({ name: 'exclude', required: false, description: 'slug of the story being shown' })
  async teasers(
    @Param('slug') slug: string,
    @Query('limit') limit?: string,
    @Query('exclude') exclude?: string,
  ) {
    if (limit !== undefined && !/^\d+$/.test(limit))
      throw new ValidationFailed([{ field: 'limit', reason: 'must be a whole number' }]);
    const listing = await this.listings.sectionTeasers(slug, {
      limit: limit === undefined ? undefined : Number(limit),
      exclude,
    });
    return {
      section: { slug: listing.section.slug, name: listing.section.name },
      items: listing.items,
    };
  }

  @Get('articles/:slug')
  article(@Param('slug') slug: string) {
    return this.articles.bySlug(slug);
  }

  /** A revision as it would be published, for whoever holds a valid preview link. */
  @Get('preview/:token')
  preview(@Param('token') token: string) {
    return this.previews.open(token);
  }
}
