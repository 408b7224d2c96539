import { Catch } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readerErrorPage } from '@newsdesk/delivery';
import { ErrorFilter, type ErrorBody } from '../error.filter';
import { prefersHtml, sitePageHeaders } from './page-headers';

/**
 * Failures of the site's pages: a German HTML page for readers' browsers, the
 * API's one error body for clients that ask for JSON (by `Accept`). The
 * status is the same either way; neither is cached.
 */
@Catch()
export class SiteErrorFilter extends ErrorFilter {
  protected override send(request: FastifyRequest, reply: FastifyReply, body: ErrorBody): void {
    void reply.header('vary', 'Accept').header('cache-control', 'no-store');
    if (!prefersHtml(request)) return super.send(request, reply, body);
    void sitePageHeaders(reply).status(body.statusCode).send(readerErrorPage(body.statusCode));
  }
}
