import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { SubmissionService } from '@newsdesk/editorial';
import { JobName, JobQueue, WORKER_RECOVERY, runJob, type JobOf } from '@newsdesk/messaging';

@Processor(JobQueue.Submission, WORKER_RECOVERY)
export class SubmissionProcessor extends WorkerHost {
  constructor(private readonly submission: SubmissionService) {
    super();
  }

  process(job: Job<JobOf<JobName.ArticleSubmission>, void, JobName>): Promise<void> {
    return runJob(job, () => this.submission.handleSubmission(job.data));
  }
}
