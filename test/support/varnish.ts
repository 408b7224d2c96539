import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'varnish.mjs');

/** A varnishd with the shipped VCL, started for one test file. */
export interface Varnish {
  /** Its address, e.g. `http://127.0.0.1:40123`. */
  url: string;
  port: number;
  /** Stops varnishd and deletes its folder. */
  stop(): Promise<void>;
}

/**
 * Starts varnishd with the shipped VCL (`ops/varnish/newsdesk.vcl`) on a free
 * port of 127.0.0.1, in front of the origin on 127.0.0.1:`backendPort`,
 * obeying purges from `purgers` (127.0.0.1 unless given). It runs under
 * `scripts/varnish.mjs`, which stops it when this process goes away.
 */
export async function startVarnish(options: {
  backendPort: number;
  purgers?: string[];
}): Promise<Varnish> {
  const args = [SCRIPT, '--backend-port', String(options.backendPort)];
  for (const address of options.purgers ?? []) args.push('--purger', address);
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const ready = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      try {
        resolve(JSON.parse(line) as { url: string; port: number });
      } catch {
        reject(new Error(`varnish did not start: ${line}\n${errors}`));
      }
    });
    child.once('exit', (code) => reject(new Error(`varnish did not start (${code}):\n${errors}`)));
  });
  return { ...ready, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}

/** A TCP port free on 127.0.0.1 right now: for a server that a CDN must know before it listens. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** An answer to a request sent from a chosen local address (`from`: the ACL sees it). */
export function requestFrom(
  from: string,
  url: string,
  method: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers, localAddress: from }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.once('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    request.once('error', reject);
    request.end();
  });
}

/**
 * The cached documents that show a story of `section` tagged `tag`, one line
 * per kind: its section's listing and variants of it (`exclude`: another
 * story's slug), the home page, the tag's listing, the feeds, the sitemap.
 */
export function documentsShowing(story: { section: string; tag: string; exclude: string }) {
  const { section, tag, exclude } = story;
  return [
    `/public/sections/${section}/teasers`,
    `/public/sections/${section}/teasers?limit=3`,
    `/public/sections/${section}/teasers?exclude=${exclude}`,
    `/public/home`,
    `/public/home?limit=30`,
    `/public/tags/${tag.toLowerCase()}/teasers`,
    `/public/feed.xml`,
    `/public/feed.json`,
    `/public/sections/${section}/feed.xml`,
    `/public/sections/${section}/feed.json`,
    `/public/sitemap-news.xml`,
  ];
}
