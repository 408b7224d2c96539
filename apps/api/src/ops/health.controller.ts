import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  MikroOrmHealthIndicator,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { RedisClient } from '@newsdesk/messaging';
import { Public } from '../auth/auth.guard';

@ApiTags('ops')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: MikroOrmHealthIndicator,
    private readonly redisClient: RedisClient,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.db.pingCheck('database'),
      async (): Promise<HealthIndicatorResult> => ({
        redis: { status: (await this.redisClient.redis.ping()) === 'PONG' ? 'up' : 'down' },
      }),
    ]);
  }
}
