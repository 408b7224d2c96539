import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { PublicationService } from '@newsdesk/editorial';
import { JobName, JobQueue, runJob, type JobOf } from '@newsdesk/messaging';

type PublicationJob =
  | Job<JobOf<JobName.ArticlePublish>, void, JobName.ArticlePublish>
  | Job<JobOf<JobName.ArticleUnpublish>, void, JobName.ArticleUnpublish>;

@Processor(JobQueue.Publication)
export class PublicationProcessor extends WorkerHost {
  constructor(private readonly publication: PublicationService) {
    super();
  }

  process(job: PublicationJob): Promise<void> {
    switch (job.name) {
      case JobName.ArticlePublish:
        return runJob(() => this.publication.handlePublish(job.data));
      case JobName.ArticleUnpublish:
        return runJob(() => this.publication.handleUnpublish(job.data));
      default:
        throw new UnrecoverableError(
          `the publication queue has no job ${String((job as Job).name)}`,
        );
    }
  }
}
