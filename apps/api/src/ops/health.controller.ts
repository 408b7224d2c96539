import { Controller, Get, Res, applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { OpsController } from '@newsdesk/observability';
import { Public } from '../auth/auth.guard';
import { Returns } from '../contract/decorators';
import { refTo } from '../contract/schema';
import { LivenessSchema, ReadinessSchema } from './health.schema';

/**
 * The API's `/health/live`, `/health/ready` (also `/health`) and `/metrics`: the
 * same endpoints every worker app serves, open without a token like a probe needs.
 * The probes are redeclared here only to document them; `/metrics` (Prometheus
 * text, for scrapers) stays out of the API's document.
 */
@ApiTags('ops')
@Public()
@Controller()
export class HealthController extends OpsController {
  @Get('health/live')
  @ApiOperation({
    summary: 'Liveness probe',
    description: 'The process runs and serves HTTP; no dependency is checked.',
  })
  @Returns(200, LivenessSchema)
  override live(): { status: 'ok' } {
    return super.live();
  }

  @Get('health/ready')
  @ApiOperation({
    summary: 'Readiness probe',
    description:
      'Checks PostgreSQL, Redis (answers, and `maxmemory-policy` is `noeviction`) and the S3 bucket. ' +
      '503 with the same body when one is down: `error` names which, and why.',
  })
  @ReadinessResponses()
  override ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return super.ready(reply);
  }

  /** Its own method so that each path has its own operation id. */
  @Get('health')
  @ApiOperation({
    summary: 'Readiness probe (the short path)',
    description: 'The same as `GET /health/ready`.',
  })
  @ReadinessResponses()
  health(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return super.ready(reply);
  }
}

function ReadinessResponses() {
  return applyDecorators(
    Returns(200, ReadinessSchema),
    ApiResponse({
      status: 503,
      description: 'a dependency is down: `error` names which, and why',
      schema: refTo(ReadinessSchema),
    }),
  );
}
