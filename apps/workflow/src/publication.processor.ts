import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { ReleaseService } from '@newsdesk/editorial';
import { JobName, JobQueue, WORKER_RECOVERY, runJob, type JobOf } from '@newsdesk/messaging';

type PublicationJob =
  | Job<JobOf<JobName.ArticlePublish>, void, JobName.ArticlePublish>
  | Job<JobOf<JobName.ArticleUnpublish>, void, JobName.ArticleUnpublish>;

// Several publications at once: each job locks its own story row, so they never collide.
@Processor(JobQueue.Publication, { ...WORKER_RECOVERY, concurrency: 8 })
export class PublicationProcessor extends WorkerHost {
  constructor(private readonly release: ReleaseService) {
    super();
  }

  async process(job: PublicationJob, token?: string): Promise<void> {
    const outcome = await runJob(job, () => {
      switch (job.name) {
        case JobName.ArticlePublish:
          return this.release.handlePublish(job.data);
        case JobName.ArticleUnpublish:
          return this.release.handleUnpublish(job.data);
        default:
          throw new UnrecoverableError(
            `the publication queue has no job ${String((job as Job).name)}`,
          );
      }
    });
    if (outcome.notBefore) {
      // Came early (clock skew, an embargo): wait in BullMQ's delayed set, not in the worker.
      await job.moveToDelayed(outcome.notBefore.getTime(), token);
      throw new DelayedError();
    }
  }
}
