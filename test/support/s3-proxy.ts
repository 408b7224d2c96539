import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PAYLOAD_HASH_HEADER } from '@newsdesk/media';

/** What S3 answers when it is overloaded; the client retries it, then gives up. */
const SLOW_DOWN =
  '<?xml version="1.0" encoding="UTF-8"?>' +
  '<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>';

/**
 * An HTTP proxy in front of the test stack's real S3. It passes every request
 * on and keeps the headers of each PUT, so that a test can read what the client
 * signed; and it refuses the PUTs of chosen keys with 503, as a store in trouble
 * does, for as long as a test asks it to.
 */
export class S3Proxy {
  readonly puts: { path: string; headers: IncomingHttpHeaders }[] = [];
  /** PUTs whose key matches are answered 503 SlowDown, every attempt; null: none. */
  refusePuts: RegExp | null = null;
  /** How many PUTs were refused. */
  refused = 0;
  private server!: Server;

  constructor(private readonly target: URL) {}

  async start(): Promise<string> {
    this.server = createServer((incoming, outgoing) => {
      const path = incoming.url ?? '';
      if (incoming.method === 'PUT') {
        this.puts.push({ path, headers: incoming.headers });
        if (this.refusePuts?.test(path.split('?')[0])) {
          this.refused++;
          incoming.resume();
          outgoing.writeHead(503, { 'content-type': 'application/xml' }).end(SLOW_DOWN);
          return;
        }
      }
      const forwarded = request(
        {
          host: this.target.hostname,
          port: this.target.port,
          method: incoming.method,
          path,
          headers: incoming.headers,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forwarded.on('error', () => outgoing.destroy());
      incoming.pipe(forwarded);
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The payload hash the PUT of `key` was signed with. */
  payloadHashOf(key: string): string | undefined {
    const put = this.puts.find((p) => p.path.split('?')[0].endsWith(`/${key}`));
    return put?.headers[PAYLOAD_HASH_HEADER] as string | undefined;
  }
}
