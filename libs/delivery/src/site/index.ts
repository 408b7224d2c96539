export * from './json-ld';
export * from './site-style';
export * from './site.module';
export * from './story-page.service';
