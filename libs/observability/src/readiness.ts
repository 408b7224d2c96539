import { Inject, Injectable } from '@nestjs/common';
import {
  HealthCheckService,
  MikroOrmHealthIndicator,
  type HealthCheckResult,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './options';
import { RedisHealth, S3BucketHealth, WorkersHealth } from './health-indicators';

/**
 * Whether this app can do its work: Postgres answers, Redis answers and will
 * not evict, and (where the app uses them) the S3 bucket is reachable and
 * every worker runs. Never throws: a failed check is a result with
 * `status: 'error'` and the reason under its key.
 */
@Injectable()
export class Readiness {
  constructor(
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
    private readonly health: HealthCheckService,
    private readonly database: MikroOrmHealthIndicator,
    private readonly redis: RedisHealth,
    private readonly s3: S3BucketHealth,
    private readonly workers: WorkersHealth,
  ) {}

  async check(): Promise<HealthCheckResult> {
    const checks: HealthIndicatorFunction[] = [
      () => this.database.pingCheck('database', { timeout: 3000 }),
      () => this.redis.check(),
    ];
    if (this.options.s3) checks.push(() => this.s3.check());
    if (this.options.workers) checks.push(() => this.workers.check());
    try {
      return await this.health.check(checks);
    } catch (error) {
      // Terminus reports a failed check by throwing a 503 whose body is the full result.
      const response = (error as { getResponse?: () => unknown }).getResponse?.();
      if (isHealthResult(response)) return response;
      throw error;
    }
  }
}

function isHealthResult(value: unknown): value is HealthCheckResult {
  return typeof value === 'object' && value !== null && 'status' in value && 'details' in value;
}

/** What `/health/live` answers: the process runs and serves HTTP; nothing else is checked. */
export function liveness(): { status: 'ok' } {
  return { status: 'ok' };
}
