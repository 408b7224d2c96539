export * from './errors';
export * from './clock';
export * from './text';
export * from './time';
export * from './request-context';
export * from './random';
export * from './ids';
export * from './validation';
