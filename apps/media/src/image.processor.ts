import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { ImageProcessingService } from '@newsdesk/media';
import { JobQueue, WORKER_RECOVERY, runJob, type JobName, type JobOf } from '@newsdesk/messaging';

// sharp works off the event loop, so the short lock is renewed while an image takes longer.
@Processor(JobQueue.Media, WORKER_RECOVERY)
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
