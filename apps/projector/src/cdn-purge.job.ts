import { Injectable } from '@nestjs/common';
import { CdnPurgeService, DeliveryReceiptService } from '@newsdesk/delivery';
import { JobName, OnJob, type JobOf } from '@newsdesk/messaging';

/** Sends one batch of CDN purges, then records it on the receipts of the events it covers. */
@Injectable()
export class CdnPurgeJob {
  constructor(
    private readonly purges: CdnPurgeService,
    private readonly receipts: DeliveryReceiptService,
  ) {}

  @OnJob(JobName.CdnPurge)
  async onCdnPurge(job: JobOf<JobName.CdnPurge>): Promise<void> {
    await this.purges.purge(job);
    await this.receipts.purgeSent(job.covers ?? [], job.keys);
  }
}
