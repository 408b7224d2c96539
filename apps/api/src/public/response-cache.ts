import { Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { ListingService } from '@newsdesk/delivery';
import { PUBLIC_CACHE_CONTROL, matchesIfNoneMatch } from './http-cache';

interface Entry {
  /** The listing the response was made from, and the snapshot it showed. */
  ref: string;
  version: string;
  payload: string | Buffer;
  etag: string;
  surrogateKey: string;
}

const MAX_ENTRIES = 2000;

/**
 * The rendered bytes of listing responses, by URL, in this API process. An
 * entry is served only while Redis still names the same listing version — one
 * small GET per request — so it is never staler than the read model; any
 * rebuild makes the next request go through the controller again. Hits skip
 * Nest's pipeline and the JSON and hashing work entirely.
 */
@Injectable()
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly listings: ListingService) {}

  remember(url: string, entry: Entry): void {
    this.entries.delete(url);
    if (this.entries.size >= MAX_ENTRIES)
      this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(url, entry);
  }

  /** Answers GET requests for remembered URLs from memory, before routing. */
  install(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET') return;
      const entry = this.entries.get(request.url);
      if (!entry) return;
      if ((await this.listings.versionOf(entry.ref)) !== entry.version) {
        this.entries.delete(request.url);
        return;
      }
      void reply.header('cache-control', PUBLIC_CACHE_CONTROL).header('etag', entry.etag);
      if (entry.surrogateKey) void reply.header('surrogate-key', entry.surrogateKey);
      if (matchesIfNoneMatch(request.headers['if-none-match'], entry.etag)) {
        await reply.code(304).send();
        return reply;
      }
      await reply.header('content-type', 'application/json; charset=utf-8').send(entry.payload);
      return reply;
    });
  }
}
