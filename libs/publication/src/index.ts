export * from './public-story';
export * from './public-types';
export * from './published-article.entity';
export * from './listing-refs';
export * from './search-vector';
export * from './teaser';
export * from './publication.service';
export * from './publication.module';
