import { Module } from '@nestjs/common';
import { CdnPurgeService } from './cdn-purge.service';
import { EdgeFreshnessService } from './edge-freshness.service';
import { FeedsService } from './feeds.service';
import { ListingService } from './listing.service';
import { PublicArticlesService } from './public-articles.service';
import { DeliveryReceiptService } from './receipts/delivery-receipt.service';
import { SearchService } from './search.service';
import { UrlGuard } from './webhooks/url-guard';
import { WebhookSender } from './webhooks/webhook-sender';
import { WebhooksService } from './webhooks/webhooks.service';

/** Listings, public stories, feeds, CDN purges and their verification, webhooks, delivery receipts. Needs the database and messaging modules. */
@Module({
  providers: [
    ListingService,
    PublicArticlesService,
    SearchService,
    CdnPurgeService,
    EdgeFreshnessService,
    FeedsService,
    UrlGuard,
    WebhookSender,
    WebhooksService,
    DeliveryReceiptService,
  ],
  exports: [
    ListingService,
    PublicArticlesService,
    SearchService,
    CdnPurgeService,
    EdgeFreshnessService,
    FeedsService,
    UrlGuard,
    WebhookSender,
    WebhooksService,
    DeliveryReceiptService,
  ],
})
export class DeliveryModule {}
