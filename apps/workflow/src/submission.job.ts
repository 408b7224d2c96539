import { Injectable } from '@nestjs/common';
import { SubmissionService } from '@newsdesk/editorial';
import { JobName, OnJob, type JobOf } from '@newsdesk/messaging';

/** Runs the publish checks of a submitted story. */
@Injectable()
export class SubmissionJob {
  constructor(private readonly submission: SubmissionService) {}

  @OnJob(JobName.ArticleSubmission)
  onSubmission(job: JobOf<JobName.ArticleSubmission>): Promise<void> {
    return this.submission.handleSubmission(job);
  }
}
