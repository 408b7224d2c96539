import { Controller, Get, Header, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppMetrics } from './app-metrics';
import { Readiness, liveness } from './readiness';

/**
 * The ops endpoints of a worker app (workflow, media, projector), on its own
 * small HTTP port: liveness, readiness (also at `/health`, as in the API) and
 * Prometheus metrics.
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
  @Header('cache-control', 'no-store')
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.header('content-type', this.metrics.contentType);
    return this.metrics.metrics();
  }
}
