export * from './listing.service';
export * from './public-articles.service';
export * from './teaser';
export * from './delivery.module';
