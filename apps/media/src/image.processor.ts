import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { ImageProcessingService } from '@newsdesk/media';
import { JobQueue, runJob, type JobName, type JobOf } from '@newsdesk/messaging';

// A crashed worker's image goes back to the queue within seconds, not BullMQ's default minute:
// the lock is renewed every 5 s while sharp works off the event loop, and the job is idempotent.
@Processor(JobQueue.Media, { lockDuration: 10_000, stalledInterval: 5_000 })
export class ImageProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly images: ImageProcessingService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  /**
   * Jobs at once per process (MEDIA_CONCURRENCY, default one per core). sharp gives
   * each job few libvips threads — one on plain glibc; every core with jemalloc,
   * which `npm start` and docker-compose preload (or MALLOC_ARENA_MAX=2) — so
   * parallel jobs keep the cores busy.
   */
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.images.concurrency;
  }

  process(job: Job<JobOf<JobName.ImageProcess>, void, JobName>): Promise<void> {
    return runJob(job, () => this.images.handleImageProcess(job.data));
  }
}
