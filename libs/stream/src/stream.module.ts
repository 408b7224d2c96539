import { Module } from '@nestjs/common';
import { EVENT_STREAM } from '@newsdesk/messaging';
import { SessionsModule } from '@newsdesk/sessions';
import { DeskStreamReader } from './desk-stream.reader';
import { DeskStreamWriter } from './desk-stream.writer';
import { LiveStreamService } from './live-stream.service';

/**
 * The writing side of the desk's stream, for the app that runs the outbox
 * relay (the workflow app), as its `EVENT_STREAM`. Needs the messaging module
 * (Redis) and the config.
 */
@Module({
  providers: [DeskStreamWriter, { provide: EVENT_STREAM, useExisting: DeskStreamWriter }],
  exports: [DeskStreamWriter, EVENT_STREAM],
})
export class DeskStreamModule {}

/**
 * The reading side, for the API: one reader per process and the clients'
 * streams. Needs the database, messaging and config modules.
 */
@Module({
  imports: [SessionsModule],
  providers: [DeskStreamReader, LiveStreamService],
  exports: [LiveStreamService],
})
export class LiveStreamModule {}
