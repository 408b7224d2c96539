export * from './desk-events';
export * from './desk-stream';
export * from './desk-stream.reader';
export * from './desk-stream.writer';
export * from './live-stream.service';
export * from './sse';
export * from './stream-id';
export * from './stream.module';
