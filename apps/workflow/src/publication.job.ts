import { Injectable } from '@nestjs/common';
import { ReleaseService } from '@newsdesk/editorial';
import { JobName, OnJob, type JobOf, type JobOutcome } from '@newsdesk/messaging';

/**
 * Publishes and takes down stories. A job that came early (clock skew, an
 * embargo) returns `notBefore` and waits in BullMQ's delayed set.
 */
@Injectable()
export class PublicationJob {
  constructor(private readonly release: ReleaseService) {}

  @OnJob(JobName.ArticlePublish)
  onPublish(job: JobOf<JobName.ArticlePublish>): Promise<JobOutcome> {
    return this.release.handlePublish(job);
  }

  @OnJob(JobName.ArticlePublishBatch)
  onPublishBatch(job: JobOf<JobName.ArticlePublishBatch>): Promise<JobOutcome> {
    return this.release.handlePublishBatch(job);
  }

  @OnJob(JobName.ArticleUnpublish)
  onUnpublish(job: JobOf<JobName.ArticleUnpublish>): Promise<JobOutcome> {
    return this.release.handleUnpublish(job);
  }
}
