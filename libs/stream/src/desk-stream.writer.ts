import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { RedisClient, type EventEnvelope } from '@newsdesk/messaging';
import { deskEventData } from './desk-events';
import {
  APPEND_ONCE,
  DESK_STREAM_KEY,
  DESK_STREAM_SEEN_SECONDS,
  deskStreamSeenKey,
} from './desk-stream';

const APPEND_ONCE_COMMAND = 'deskStreamAppendOnce';
type AppendOnce = (...args: (string | number)[]) => Promise<unknown>;

/**
 * The writing side of the stream, the outbox relay's `EVENT_STREAM`: appends
 * each event to the Redis stream once, however often the relay sends it — the
 * append and the event's mark are one Lua script, so a crash between them
 * cannot happen.
 * Redis keeps about `STREAM_MAX_LENGTH` entries (trimmed in whole nodes, `~`).
 */
@Injectable()
export class DeskStreamWriter {
  private readonly logger = new Logger(DeskStreamWriter.name);
  private readonly appendOnce: AppendOnce;

  constructor(
    redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Sent by its hash (EVALSHA), not as text with every event; ioredis loads it again when Redis lost it.
    redis.redis.defineCommand(APPEND_ONCE_COMMAND, { numberOfKeys: 2, lua: APPEND_ONCE });
    const commands = redis.redis as unknown as Record<string, AppendOnce>;
    this.appendOnce = (...args) => commands[APPEND_ONCE_COMMAND].apply(redis.redis, args);
  }

  /** Appends the event; returns its entry id and whether this call appended it. */
  async append(event: EventEnvelope): Promise<{ entryId: string; appended: boolean }> {
    const [appended, entryId] = (await this.appendOnce(
      DESK_STREAM_KEY,
      deskStreamSeenKey(event.id),
      this.config.stream.maxLength,
      event.name,
      deskEventData(event),
      DESK_STREAM_SEEN_SECONDS,
    )) as [number, string];
    if (!appended)
      this.logger.log(`${event.name} ${event.id} is on the stream already (${entryId})`);
    return { entryId, appended: appended === 1 };
  }
}
