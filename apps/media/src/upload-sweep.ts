import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { UploadSweeper } from '@newsdesk/media';
import { AppMetrics } from '@newsdesk/observability';

/** How often the media app sweeps abandoned direct uploads. */
const SWEEP_EVERY_MS = 10 * 60 * 1000;

/**
 * Sweeps abandoned direct uploads ({@link UploadSweeper}) at start and every ten
 * minutes, and tells /metrics how many went and when a sweep last succeeded: a
 * sweep that keeps failing (S3 or PostgreSQL trouble) lets files pile up in the
 * bucket, and ops/prometheus/alerts.yml warns after an hour without one.
 */
@Injectable()
export class UploadSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(UploadSweep.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly sweeper: UploadSweeper,
    private readonly metrics: AppMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.metrics.uploadsSwept.inc(0);
    this.run();
    this.timer = setInterval(() => this.run(), SWEEP_EVERY_MS);
  }

  /** Stops sweeping and waits for a sweep under way; one cut off leaves the rest for the next. */
  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private run(): void {
    if (this.running) return; // the last one is still at it
    this.running = this.sweeper
      .sweep()
      .then((swept) => {
        this.metrics.uploadsSwept.inc(swept);
        this.metrics.uploadSweepSucceeded.set(Date.now() / 1000);
        if (swept) this.logger.log(`deleted ${swept} abandoned uploads`);
      })
      .catch((error: unknown) =>
        this.logger.warn(`sweeping abandoned uploads failed: ${String(error)}`),
      )
      .finally(() => {
        this.running = null;
      });
  }
}
