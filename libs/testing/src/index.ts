export * from './images';
export * from './env';
