import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { CdnPurgeService } from '@newsdesk/delivery';
import { JobQueue, WORKER_RECOVERY, runJob, type JobName, type JobOf } from '@newsdesk/messaging';

@Processor(JobQueue.Cdn, WORKER_RECOVERY)
export class CdnPurgeProcessor extends WorkerHost {
  constructor(private readonly purges: CdnPurgeService) {
    super();
  }

  process(job: Job<JobOf<JobName.CdnPurge>, void, JobName>): Promise<void> {
    return runJob(job, () => this.purges.purge(job.data));
  }
}
