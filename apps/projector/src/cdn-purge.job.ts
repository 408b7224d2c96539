import { Injectable } from '@nestjs/common';
import { CdnPurgeService } from '@newsdesk/delivery';
import { JobName, OnJob, type JobOf } from '@newsdesk/messaging';

/** Sends one batch of CDN purges. */
@Injectable()
export class CdnPurgeJob {
  constructor(private readonly purges: CdnPurgeService) {}

  @OnJob(JobName.CdnPurge)
  onCdnPurge(job: JobOf<JobName.CdnPurge>): Promise<void> {
    return this.purges.purge(job);
  }
}
