import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { RedisClient, redisOptions } from '@newsdesk/messaging';
import { DESK_STREAM_KEY, entryOf, type DeskStreamEntry } from './desk-stream';
import { STREAM_START, compareStreamIds } from './stream-id';

/** How long one XREAD waits for new entries before asking again. */
const BLOCK_MS = 5000;
/** Entries per XREAD, and per page of a replay. */
const BATCH = 500;
/** After a failed read (Redis restarting), the next try waits this long. */
const RETRY_MS = 500;

type RawEntry = [string, string[]];

/** One page of a replay, read together with the stream's state at that moment. */
export interface ReplayPage {
  entries: DeskStreamEntry[];
  /**
   * Entries after the page's start may have been trimmed away before it was
   * read (the stream lost some, and the start lies before its first entry), or
   * the start names an entry the stream never had (a later id than it ever
   * gave, or a stream that is gone): either way the client cannot catch up by
   * replaying and must refetch.
   */
  gap: boolean;
}

/**
 * Reads the desk's Redis stream for one API process: one connection blocks
 * in XREAD for the whole process, however many clients are connected, and
 * hands every new entry, in stream order, to the listener (the
 * {@link LiveStreamService}'s fan-out). Replays for reconnecting clients use
 * the app's shared Redis connection.
 */
@Injectable()
export class DeskStreamReader implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DeskStreamReader.name);
  private connection: Redis | null = null;
  private loop: Promise<void> | null = null;
  private stopped = false;
  private last = STREAM_START;
  private listener: (entries: DeskStreamEntry[]) => void = () => undefined;

  constructor(
    private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The id of the last entry handed to the listener: every later entry will
   * be handed to it, none before. Read it and subscribe in the same tick.
   */
  get position(): string {
    return this.last;
  }

  /** Who gets each batch of new entries (one listener: the process's fan-out). */
  onEntries(listener: (entries: DeskStreamEntry[]) => void): void {
    this.listener = listener;
  }

  async onModuleInit(): Promise<void> {
    this.connection = new Redis({
      ...redisOptions(this.config.redisUrl),
      connectionName: 'newsdesk:desk-stream-reader',
      lazyConnect: true,
    });
    this.connection.on('error', () => undefined);
    await this.connection.connect();
    // Live from now: what came before is for clients that resume, through a replay.
    const [newest] = (await this.connection.call(
      'XREVRANGE',
      DESK_STREAM_KEY,
      '+',
      '-',
      'COUNT',
      1,
    )) as RawEntry[];
    this.last = newest?.[0] ?? STREAM_START;
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    // Ends the blocking read at once rather than after its timeout.
    this.connection?.disconnect();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const reply = await this.connection!.call(
          'XREAD',
          'COUNT',
          BATCH,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          DESK_STREAM_KEY,
          this.last,
        );
        const entries = xreadEntries(reply).map(entryOf);
        if (!entries.length || this.stopped) continue;
        this.last = entries[entries.length - 1].id;
        this.listener(entries);
      } catch (error) {
        if (this.stopped) return;
        this.logger.warn(`reading the desk stream failed: ${String(error)}; trying again`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  /**
   * The entries after `after` up to `until` (inclusive), at most one batch,
   * with whether the client at `after` has missed entries it can no longer get.
   * The stream's state and the entries are read in one MULTI, so that a trim
   * between them cannot hide a gap.
   */
  async page(after: string, until: string): Promise<ReplayPage> {
    const results = await this.redis.redis
      .multi()
      .call('XINFO', 'STREAM', DESK_STREAM_KEY)
      .call('XRANGE', DESK_STREAM_KEY, `(${after}`, until, 'COUNT', BATCH)
      .exec();
    if (!results) throw new Error('the replay transaction was aborted');
    const [[infoError, info], [rangeError, range]] = results;
    if (rangeError) throw rangeError;
    const entries = (range as RawEntry[]).map(entryOf);
    if (infoError) {
      // No stream (never written, or lost with Redis's data): only the very start is no gap.
      if (/no such key/i.test(infoError.message)) return { entries, gap: after !== STREAM_START };
      throw infoError;
    }
    // XINFO STREAM answers name, value, name, value …
    const fields = new Map<string, unknown>();
    const flat = info as unknown[];
    for (let i = 0; i + 1 < flat.length; i += 2) fields.set(String(flat[i]), flat[i + 1]);
    const text = (name: string, fallback: string) => {
      const value = fields.get(name);
      return typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;
    };
    const lastGenerated = text('last-generated-id', STREAM_START);
    // Entries ever added beyond those kept were trimmed (the desk's stream is never XDELed).
    const trimmed = Number(text('entries-added', '0')) > Number(text('length', '0'));
    const first = (fields.get('first-entry') as RawEntry | null)?.[0] ?? null;
    const gap =
      compareStreamIds(after, lastGenerated) > 0 ||
      (trimmed && (first === null || compareStreamIds(after, first) < 0));
    return { entries, gap };
  }
}

/**
 * The entries of an XREAD reply for one stream: `[[key, entries]]` in RESP2,
 * `[key, entries]` in RESP3 (a map, which ioredis flattens); null on timeout.
 */
function xreadEntries(reply: unknown): RawEntry[] {
  if (!Array.isArray(reply) || reply.length === 0) return [];
  const pair: unknown = typeof reply[0] === 'string' ? reply : reply[0];
  return Array.isArray(pair) && Array.isArray(pair[1]) ? (pair[1] as RawEntry[]) : [];
}
