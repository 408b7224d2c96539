import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stand-in for a CDN's purge API: records the surrogate keys of every purge it gets. */
export interface PurgeReceiver {
  server: Server;
  url: string;
  purges: string[][];
}

export async function purgeReceiver(): Promise<PurgeReceiver> {
  const purges: string[][] = [];
  const server = createServer((request, response) => {
    purges.push(String(request.headers['surrogate-key'] ?? '').split(' '));
    response.writeHead(200).end('{"status":"ok"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/purge`,
    purges,
  };
}
