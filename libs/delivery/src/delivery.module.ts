import { Module } from '@nestjs/common';
import { CdnPurgeService } from './cdn-purge.service';
import { EdgeFreshnessService, PurgeSteps } from './edge-freshness.service';
import { FeedsService } from './feeds.service';
import { ListingService } from './listing.service';
import { PublicArticlesService } from './public-articles.service';
import { SearchService } from './search.service';
import { UrlGuard } from './webhooks/url-guard';
import { WebhookSender } from './webhooks/webhook-sender';
import { WebhooksService } from './webhooks/webhooks.service';

/** Listings, public stories, feeds, CDN purges and their verification, webhooks. Needs the database and messaging modules. */
@Module({
  providers: [
    ListingService,
    PublicArticlesService,
    SearchService,
    CdnPurgeService,
    EdgeFreshnessService,
    PurgeSteps,
    FeedsService,
    UrlGuard,
    WebhookSender,
    WebhooksService,
  ],
  exports: [
    ListingService,
    PublicArticlesService,
    SearchService,
    CdnPurgeService,
    EdgeFreshnessService,
    PurgeSteps,
    FeedsService,
    UrlGuard,
    WebhookSender,
    WebhooksService,
  ],
})
export class DeliveryModule {}
