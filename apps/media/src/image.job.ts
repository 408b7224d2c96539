import { Injectable } from '@nestjs/common';
import { ImageProcessingService } from '@newsdesk/media';
import { JobName, OnJob, type JobOf } from '@newsdesk/messaging';
import { FreedMemory } from './freed-memory';

/** Renders an image's renditions (how many at once: the registry's `media` queue, MEDIA_CONCURRENCY). */
@Injectable()
export class ImageJob {
  constructor(
    private readonly images: ImageProcessingService,
    private readonly memory: FreedMemory,
  ) {}

  @OnJob(JobName.ImageProcess)
  onImageProcess(job: JobOf<JobName.ImageProcess>): Promise<void> {
    return this.memory.around(() => this.images.handleImageProcess(job));
  }
}
