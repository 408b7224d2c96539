import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { ImageProcessingService } from '@newsdesk/media';
import { JobQueue, runJob, type JobName, type JobOf } from '@newsdesk/messaging';

@Processor(JobQueue.Media, { concurrency: 1 })
export class ImageProcessor extends WorkerHost {
  constructor(private readonly images: ImageProcessingService) {
    super();
  }

  async process(job: Job<JobOf<JobName.ImageProcess>, void, JobName>): Promise<void> {
    await runJob(() => this.images.process(job.data.imageId));
  }
}
