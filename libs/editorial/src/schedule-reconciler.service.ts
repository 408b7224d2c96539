import { EntityManager } from '@mikro-orm/postgresql';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Clock } from '@newsdesk/common';
import { JOB_QUEUE, JobName, QueuesService, safeJobId } from '@newsdesk/messaging';
import { Article } from './article.entity';

/** How often schedules are compared with the delayed jobs while running (a Redis flush mid-day). */
const RECONCILE_EVERY_MS = 30_000;

/**
 * Postgres is the truth about schedules; Redis only holds the timers. On every
 * start, and every half minute after, each scheduled publication and scheduled
 * unpublish in Postgres is checked for a live delayed job, and one is queued
 * when it is missing (a flushed Redis, a lost job). A schedule whose time passed
 * while everything was down publishes at once and is marked late in the audit log.
 */
@Injectable()
export class ScheduleReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScheduleReconciler.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly em: EntityManager,
    private readonly queues: QueuesService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reconcile();
    this.timer = setInterval(() => {
      this.reconcile().catch((error: unknown) =>
        this.logger.warn(`reconciling schedules failed: ${String(error)}`),
      );
    }, RECONCILE_EVERY_MS);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Returns how many jobs it had to queue again. */
  async reconcile(): Promise<number> {
    const em = this.em.fork();
    const scheduled = await em.find(
      Article,
      { status: 'scheduled' },
      { fields: ['id', 'version', 'publishAt', 'embargoUntil'] },
    );
    const unpublishing = await em.find(
      Article,
      { status: 'published', unpublishAt: { $ne: null } },
      { fields: ['id', 'version', 'unpublishAt'] },
    );
    let requeued = 0;
    for (const a of scheduled) {
      const due = Math.max(a.publishAt?.getTime() ?? 0, a.embargoUntil?.getTime() ?? 0);
      if (
        await this.ensure(
          JobName.ArticlePublish,
          safeJobId(JobName.ArticlePublish, a.id, a.version),
          { articleId: a.id, version: a.version },
          due,
        )
      )
        requeued++;
    }
    for (const a of unpublishing) {
      const jobId = safeJobId(JobName.ArticleUnpublish, a.id, a.version, 'until');
      if (
        await this.ensure(
          JobName.ArticleUnpublish,
          jobId,
          { articleId: a.id, version: a.version, scheduled: true },
          a.unpublishAt!.getTime(),
        )
      )
        requeued++;
    }
    if (requeued) this.logger.warn(`queued ${requeued} missing schedule job(s) again`);
    return requeued;
  }

  /** Queues the job unless a live one (waiting, delayed, active) exists under its id. */
  private async ensure(
    name: JobName,
    jobId: string,
    data: object,
    dueAt: number,
  ): Promise<boolean> {
    const queue = this.queues.get(JOB_QUEUE[name]);
    const existing = await queue.getJob(jobId);
    const state = existing ? await existing.getState() : 'missing';
    if (['waiting', 'delayed', 'active', 'prioritized', 'waiting-children'].includes(state))
      return false;
    // A finished job under that id would make BullMQ ignore the same id: use a fresh one.
    const id = existing ? `${jobId}-again-${this.clock.now().getTime()}` : jobId;
    await queue.add(name, data, {
      jobId: id,
      delay: Math.max(0, dueAt - this.clock.now().getTime()),
    });
    return true;
  }
}
