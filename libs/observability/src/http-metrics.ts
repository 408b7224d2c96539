import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppMetrics } from './app-metrics';

/**
 * The `route` label: the route's pattern (`/api/articles/:id`), never the raw
 * URL, so that ids and query strings do not make a series each. Requests that
 * matched no route share one label.
 */
export function routeLabel(request: Pick<FastifyRequest, 'routeOptions'>): string {
  return request.routeOptions?.url ?? 'unmatched';
}

/**
 * Times every HTTP request of the app into `newsdesk_http_request_duration_seconds`
 * by method, route pattern and status, from a Fastify `onResponse` hook (so
 * responses answered before routing, like cached listings, count too). Does
 * nothing in an app without a Fastify server.
 */
@Injectable()
export class HttpMetrics implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: AppMetrics,
  ) {}

  onModuleInit(): void {
    const instance: unknown = this.adapterHost.httpAdapter?.getInstance?.();
    if (!isFastify(instance)) return;
    instance.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
      this.metrics.httpDuration.observe(
        { method: request.method, route: routeLabel(request), status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
      done();
    });
  }
}

function isFastify(value: unknown): value is FastifyInstance {
  return typeof value === 'object' && value !== null && 'addHook' in value && 'inject' in value;
}
