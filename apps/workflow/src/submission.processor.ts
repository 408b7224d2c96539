import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { SubmissionService } from '@newsdesk/editorial';
import { JobName, JobQueue, runJob, type JobOf } from '@newsdesk/messaging';

@Processor(JobQueue.Submission)
export class SubmissionProcessor extends WorkerHost {
  constructor(private readonly submission: SubmissionService) {
    super();
  }

  process(job: Job<JobOf<JobName.ArticleSubmission>, void, JobName>): Promise<void> {
    return runJob(() => this.submission.handleSubmission(job.data));
  }
}
