import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppMetrics, Readiness, liveness } from '@newsdesk/observability';
import { Public } from '../auth/auth.guard';

@ApiTags('ops')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  /** The process serves HTTP; no dependency is checked (a restart would not fix a database outage). */
  @Get('live')
  live(): { status: 'ok' } {
    return liveness();
  }

  /** 200 when Postgres, Redis (with `noeviction`) and the S3 bucket answer; 503 naming what is down. */
  @Get(['ready', ''])
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const result = await this.readiness.check();
    void reply.status(result.status === 'ok' ? 200 : 503);
    return result;
  }
}

/** Prometheus metrics of the API process. */
@ApiTags('ops')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: AppMetrics) {}

  @Get()
  @ApiExcludeEndpoint()
  @Header('cache-control', 'no-store')
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.header('content-type', this.metrics.contentType);
    return this.metrics.metrics();
  }
}
