import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppMetrics } from './app-metrics';
import { Readiness, liveness } from './readiness';

/**
 * The ops endpoints of every app: liveness, readiness (also at `/health`) and
 * Prometheus metrics. The worker apps (workflow, media, projector) serve them on
 * a small HTTP port of their own; the API inherits them into its own controller.
 */
@Controller()
export class OpsController {
  constructor(
    private readonly readiness: Readiness,
    private readonly metrics: AppMetrics,
  ) {}

  @Get('health/live')
  live(): { status: 'ok' } {
    return liveness();
  }

  @Get(['health/ready', 'health'])
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const result = await this.readiness.check();
    void reply.status(result.status === 'ok' ? 200 : 503);
    return result;
  }

  @Get('metrics')
  @ApiExcludeEndpoint()
  @Header('cache-control', 'no-store')
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.header('content-type', this.metrics.contentType);
    return this.metrics.metrics();
  }
}
