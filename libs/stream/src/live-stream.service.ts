import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { SessionsService, type Credential, type Principal } from '@newsdesk/sessions';
import { deskEventsVisibleTo } from './desk-events';
import type { DeskStreamEntry } from './desk-stream';
import { DeskStreamReader } from './desk-stream.reader';
import { sseEvent, sseHeartbeat } from './sse';
import { compareStreamIds } from './stream-id';

/**
 * Where a client's stream is written: the HTTP response, seen from the
 * domain. `backlog` is what was written but not yet taken by the network.
 */
export interface StreamSink {
  write(chunk: string | Uint8Array): void;
  end(): void;
  /** Bytes written but not yet taken by the network. */
  readonly backlog: number;
  /** Resolves once the backlog is taken (or the connection is gone). */
  drain(): Promise<void>;
}

/** An open stream; closing it (the client went away) forgets the client. */
export interface LiveStream {
  close(): void;
}

/**
 * Why the server ends a stream, in its last event (`event: end`):
 * `session_ended` (sign in again), `shutdown` (reconnect: another process
 * answers), `too_slow` (the client did not read; reconnect to resume),
 * `unavailable` (Redis could not be read; reconnect).
 */
export type EndReason = 'session_ended' | 'shutdown' | 'too_slow' | 'unavailable';

/** A client that does not read this much of what was written to it is cut off (it may resume). */
const MAX_BACKLOG_BYTES = 1024 * 1024;

interface Client {
  principal: Principal;
  visible: ReadonlySet<string>;
  sink: StreamSink;
  /** `starting` while a resume replays: new entries wait in `pending` until it is done. */
  state: 'starting' | 'live' | 'closed';
  pending: DeskStreamEntry[];
  /** The id the client's `lastEventId` holds now. */
  lastId: string;
}

/**
 * The desk's live stream in one API process: fans the entries of the
 * {@link DeskStreamReader} out to every connected client that may see them,
 * resumes reconnecting clients from their `Last-Event-ID` (replay, then live:
 * no gap, no duplicate), sends heartbeats, ends the streams of sessions that
 * ended (re-checked every `STREAM_SESSION_CHECK_MS`, all at once), and ends
 * every stream when the app shuts down.
 */
@Injectable()
export class LiveStreamService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveStreamService.name);
  private readonly clients = new Set<Client>();
  private heartbeat: NodeJS.Timeout | null = null;
  private sessionCheck: NodeJS.Timeout | null = null;
  private checking = false;
  private closing = false;

  constructor(
    private readonly reader: DeskStreamReader,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.reader.onEntries((entries) => this.fanOut(entries));
    this.heartbeat = setInterval(() => this.beat(), this.config.stream.heartbeatMs);
    this.sessionCheck = setInterval(
      () => void this.checkSessions(),
      this.config.stream.sessionCheckMs,
    );
    this.heartbeat.unref();
    this.sessionCheck.unref();
  }

  /** Ends every stream, so that the HTTP server can close (its clients reconnect elsewhere). */
  onModuleDestroy(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.sessionCheck) clearInterval(this.sessionCheck);
    this.closing = true;
    for (const client of [...this.clients]) this.end(client, 'shutdown');
  }

  /** How many streams are open in this process. */
  get size(): number {
    return this.clients.size;
  }

  /**
   * Opens a stream for `principal`: live from now, or, with `lastEventId`,
   * first every entry after it that the stream still holds (`event: reset`
   * instead when it no longer holds all of them: refetch everything), then
   * live. `event: ready` marks the start of the live part.
   */
  open(principal: Principal, lastEventId: string | null, sink: StreamSink): LiveStream {
    const client: Client = {
      principal,
      visible: deskEventsVisibleTo(principal.roles),
      sink,
      state: 'starting',
      pending: [],
      lastId: this.reader.position,
    };
    // Registered in the same tick as the position is read: every later entry reaches `pending`.
    const from = this.reader.position;
    this.clients.add(client);
    if (this.closing) {
      this.end(client, 'shutdown');
      return { close: () => undefined };
    }
    void this.start(client, from, lastEventId).catch((error: unknown) => {
      this.logger.warn(`opening a stream failed: ${String(error)}`);
      this.end(client, 'unavailable');
    });
    return { close: () => this.forget(client) };
  }

  private async start(client: Client, from: string, lastEventId: string | null): Promise<void> {
    let at = from;
    if (lastEventId !== null) {
      const caughtUp = await this.replay(client, lastEventId, from);
      if (closed(client)) return;
      if (caughtUp) {
        at = compareStreamIds(lastEventId, from) > 0 ? lastEventId : from;
      } else {
        this.write(client, sseEvent(from, 'reset', JSON.stringify({ lastEventId: from })));
      }
    }
    if (closed(client)) return;
    client.lastId = at;
    this.write(client, sseEvent(at, 'ready', JSON.stringify({ lastEventId: at })));
    // Live from here: what arrived meanwhile first, then the fan-out writes directly.
    const pending = client.pending;
    client.pending = [];
    client.state = 'live';
    for (const entry of pending) if (compareStreamIds(entry.id, at) > 0) this.send(client, entry);
  }

  /**
   * Sends what the client missed after `after`, up to `until` (what the fan-out
   * brings later goes to `pending`). False when the stream no longer holds it all.
   */
  private async replay(client: Client, after: string, until: string): Promise<boolean> {
    let cursor = after;
    for (;;) {
      const page = await this.reader.page(cursor, until);
      if (closed(client)) return true;
      if (page.gap) return false;
      for (const entry of page.entries) this.send(client, entry, { replaying: true });
      if (closed(client) || page.entries.length === 0) return true;
      // A long replay goes at the pace the client reads it, not into memory.
      if (client.sink.backlog > MAX_BACKLOG_BYTES / 2) await client.sink.drain();
      cursor = page.entries[page.entries.length - 1].id;
      if (compareStreamIds(cursor, until) >= 0) return true;
    }
  }

  /**
   * Every entry to every client that may see it: each entry is encoded once
   * for all clients, and each client gets one write per batch of entries.
   */
  private fanOut(entries: DeskStreamEntry[]): void {
    const frames: (Buffer | null)[] = entries.map(() => null);
    for (const client of this.clients) {
      const out: Buffer[] = [];
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i];
        if (!client.visible.has(entry.event)) continue;
        if (client.state === 'starting') {
          client.pending.push(entry);
          continue;
        }
        out.push((frames[i] ??= Buffer.from(sseEvent(entry.id, entry.event, entry.data))));
        client.lastId = entry.id;
      }
      if (out.length) this.write(client, out.length === 1 ? out[0] : Buffer.concat(out));
    }
  }

  private send(client: Client, entry: DeskStreamEntry, { replaying = false } = {}): void {
    if (!client.visible.has(entry.event)) return;
    client.lastId = entry.id;
    this.write(client, sseEvent(entry.id, entry.event, entry.data), { replaying });
  }

  /** A comment on every live stream; it also moves each client's id past entries it was not shown. */
  private beat(): void {
    const position = this.reader.position;
    for (const client of this.clients) {
      if (client.state !== 'live') continue;
      const behind = compareStreamIds(client.lastId, position) < 0;
      if (behind) client.lastId = position;
      this.write(client, sseHeartbeat(behind ? position : undefined));
    }
  }

  /** Ends the streams whose session or API token no longer holds (signed out, revoked, expired, deactivated). */
  private async checkSessions(): Promise<void> {
    if (this.checking || this.clients.size === 0) return;
    this.checking = true;
    try {
      const credentials = new Map<string, Credential>();
      for (const client of this.clients) {
        const credential = client.principal.credential;
        credentials.set(idOf(credential), credential);
      }
      const valid = await this.sessions.stillValid([...credentials.values()]);
      for (const client of [...this.clients]) {
        if (!valid.has(idOf(client.principal.credential))) this.end(client, 'session_ended');
      }
    } catch (error) {
      this.logger.warn(`checking the streams' sessions failed: ${String(error)}`);
    } finally {
      this.checking = false;
    }
  }

  /** Writes to a client; a live client that lets too much pile up is cut off (it may resume). */
  private write(client: Client, chunk: string | Uint8Array, { replaying = false } = {}): void {
    if (client.state === 'closed') return;
    client.sink.write(chunk);
    if (!replaying && client.sink.backlog > MAX_BACKLOG_BYTES) this.end(client, 'too_slow');
  }

  private end(client: Client, reason: EndReason): void {
    if (client.state === 'closed') return;
    // Without an id: the client resumes from the last entry it really got.
    if (reason !== 'too_slow') client.sink.write(sseEvent(null, 'end', JSON.stringify({ reason })));
    this.forget(client);
    client.sink.end();
  }

  private forget(client: Client): void {
    client.state = 'closed';
    client.pending = [];
    this.clients.delete(client);
  }
}

/** Read through a call: the client may have been closed while the caller awaited. */
function closed(client: Client): boolean {
  return client.state === 'closed';
}

function idOf(credential: Credential): string {
  return credential.type === 'session' ? credential.sessionId : credential.tokenId;
}
