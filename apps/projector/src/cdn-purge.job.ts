import { Injectable } from '@nestjs/common';
import { EdgeFreshnessService, EdgeStale } from '@newsdesk/delivery';
import { JobName, OnJob, type JobOf } from '@newsdesk/messaging';
import { AppMetrics } from '@newsdesk/observability';

/** Sends one batch of CDN purges, and checks the edge afterwards. */
@Injectable()
export class CdnPurgeJob {
  constructor(
    private readonly edge: EdgeFreshnessService,
    private readonly metrics: AppMetrics,
  ) {}

  @OnJob(JobName.CdnPurge)
  onCdnPurge(job: JobOf<JobName.CdnPurge>): Promise<void> {
    return this.edge.purge(job);
  }

  /** Counts stale URLs (purged again, the job retried) or the events' time to a fresh edge. */
  @OnJob(JobName.CdnVerify)
  async onCdnVerify(job: JobOf<JobName.CdnVerify>): Promise<void> {
    try {
      await this.edge.verify(job);
    } catch (error) {
      if (error instanceof EdgeStale) this.metrics.cdnStale.inc(error.stale.length);
      throw error;
    }
    for (const cover of job.covers ?? []) this.metrics.observeCdnFresh(cover.occurredAt);
  }
}
