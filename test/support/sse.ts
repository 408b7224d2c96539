import http, { type IncomingMessage } from 'node:http';

/**
 * A server-sent events client for tests and benchmarks: a plain `node:http`
 * request per stream (its own connection, not one of fetch's pooled ones: a
 * pool that sees a connection held for minutes opens spare ones, which keep
 * the server from closing) and a small parser of the text/event-stream format
 * (the fields the desk's stream uses: `id`, `event`, `data`, and comments).
 */

/** One dispatched event, as an EventSource would hand it to a listener. */
export interface SseMessage {
  /** The `id` of its block, or null when it had none. */
  id: string | null;
  event: string;
  data: string;
  /** `data` parsed as JSON. */
  json: any;
}

export class SseStream {
  readonly messages: SseMessage[] = [];
  /** Comment lines received (heartbeats). */
  comments = 0;
  /** What an EventSource would send as `Last-Event-ID` on its reconnect. */
  lastEventId = '';
  /** Resolves when the server ends the stream (or the client closes it). */
  readonly ended: Promise<void>;
  private buffer = '';
  private waiters: (() => void)[] = [];
  private done = false;

  private constructor(
    private readonly response: IncomingMessage,
    readonly headers: Headers,
  ) {
    this.ended = this.pump();
  }

  /** Opens `url`; a 200 gives the stream, any other status throws with the body. */
  static async open(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
    const response = await get(url, headers);
    if (response.statusCode !== 200) {
      const body = await textOf(response);
      throw new Error(`GET ${url}: ${response.statusCode} ${body}`);
    }
    const seen = new Headers();
    for (const [name, value] of Object.entries(response.headers))
      if (typeof value === 'string') seen.set(name, value);
    return new SseStream(response, seen);
  }

  /** The answer to a request that must not open a stream: status and JSON body. */
  static async refusal(
    url: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: any; contentType: string | null }> {
    const response = await get(url, headers);
    const text = await textOf(response);
    return {
      status: response.statusCode ?? 0,
      body: JSON.parse(text),
      contentType: response.headers['content-type'] ?? null,
    };
  }

  get isEnded(): boolean {
    return this.done;
  }

  /** Waits until a message satisfies `match` (counting those received already); returns it. */
  async waitFor(match: (m: SseMessage) => boolean, timeoutMs = 20_000): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      if (this.done) {
        const last = this.messages.at(-1);
        throw new Error(
          `the stream ended before the message came (last: ${last ? `${last.event} ${last.data}` : 'none'}, ${this.messages.length} message(s))`,
        );
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no such message within ${timeoutMs} ms`);
      await this.change(left);
    }
  }

  /** Waits until the server ends the stream. */
  async waitForEnd(timeoutMs = 20_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, fail) => {
      timer = setTimeout(
        () => fail(new Error(`the stream did not end within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.ended, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes the connection from the client's side. */
  async close(): Promise<void> {
    this.response.destroy();
    await this.ended;
  }

  private change(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private async pump(): Promise<void> {
    this.response.setEncoding('utf8');
    try {
      for await (const chunk of this.response) {
        this.buffer += chunk as string;
        let at: number;
        while ((at = this.buffer.indexOf('\n\n')) >= 0) {
          this.block(this.buffer.slice(0, at));
          this.buffer = this.buffer.slice(at + 2);
        }
        this.notify();
      }
    } catch {
      // closed or cut: the stream is over either way
    } finally {
      this.done = true;
      this.notify();
    }
  }

  private block(text: string): void {
    let id: string | null = null;
    let event = 'message';
    const data: string[] = [];
    for (const line of text.split('\n')) {
      if (line.startsWith(':')) {
        this.comments += 1;
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (id !== null) this.lastEventId = id;
    if (!data.length) return;
    const joined = data.join('\n');
    let json: unknown = null;
    try {
      json = JSON.parse(joined);
    } catch {
      // not JSON
    }
    this.messages.push({ id, event, data: joined, json });
  }
}

/** A GET on a connection of its own (no keep-alive agent). */
function get(url: string, headers: Record<string, string>): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { agent: false, headers: { accept: 'text/event-stream', ...headers } },
      resolve,
    );
    request.once('error', reject);
  });
}

async function textOf(response: IncomingMessage): Promise<string> {
  response.setEncoding('utf8');
  let text = '';
  for await (const chunk of response) text += chunk as string;
  return text;
}
