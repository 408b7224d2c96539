import { Module } from '@nestjs/common';
import { ListingService } from './listing.service';
import { PublicArticlesService } from './public-articles.service';

@Module({
  providers: [ListingService, PublicArticlesService],
  exports: [ListingService, PublicArticlesService],
})
export class DeliveryModule {}
