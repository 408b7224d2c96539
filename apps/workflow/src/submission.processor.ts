import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { SubmissionService } from '@newsdesk/editorial';
import { JobName, JobQueue, runJob, type JobOf } from '@newsdesk/messaging';

// A crashed worker's job goes back to the queue within seconds, not BullMQ's default minute:
// the handlers are idempotent and quick, so a short lock is safe.
@Processor(JobQueue.Submission, { lockDuration: 10_000, stalledInterval: 5_000 })
export class SubmissionProcessor extends WorkerHost {
  constructor(private readonly submission: SubmissionService) {
    super();
  }

  process(job: Job<JobOf<JobName.ArticleSubmission>, void, JobName>): Promise<void> {
    return runJob(job, () => this.submission.handleSubmission(job.data));
  }
}
