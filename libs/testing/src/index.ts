export * from './images';
export * from './env';
export * from './archive';
