import { EntityManager } from '@mikro-orm/postgresql';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Clock } from '@newsdesk/common';
import {
  JOBS,
  JobName,
  JobQueue,
  Outbox,
  QueuesService,
  jobIdOf,
  type JobPayloads,
} from '@newsdesk/messaging';
import { Article } from './article.entity';
import { publicationDueAt } from './schedule';

/** How often schedules are compared with the delayed jobs while running (a Redis flush mid-day). */
const RECONCILE_EVERY_MS = 30_000;

/** The states of a job that will still run. */
const LIVE = ['waiting', 'delayed', 'active', 'prioritized', 'waiting-children'] as const;

/** Batch jobs' ids begin with their name (see `jobIdOf`). */
const BATCH_ID_PREFIX = `${JobName.ArticlePublishBatch}-`;

/**
 * Postgres is the truth about schedules; Redis only holds the timers. On every
 * start, and every half minute after, each scheduled publication and scheduled
 * unpublish in Postgres is checked for a live delayed job under its registry
 * id, and one is queued through the outbox when it is missing (a flushed
 * Redis, a lost job). A schedule whose time passed
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
    const missing: ((tx: EntityManager) => void)[] = [];
    const batched = scheduled.length ? await this.batchedStories() : new Set<string>();
    for (const a of scheduled) {
      const payload = { articleId: a.id, version: a.version };
      if (batched.has(`${a.id}/${a.version}`)) continue;
      const requeue = await this.requeue(JobName.ArticlePublish, payload);
      if (requeue)
        missing.push((tx) =>
          Outbox.job(tx, JobName.ArticlePublish, payload, {
            ...requeue,
            runAt: publicationDueAt(a),
          }),
        );
    }
    for (const a of unpublishing) {
      const payload = { articleId: a.id, version: a.version, scheduled: true };
      const requeue = await this.requeue(JobName.ArticleUnpublish, payload);
      if (requeue)
        missing.push((tx) =>
          Outbox.job(tx, JobName.ArticleUnpublish, payload, {
            ...requeue,
            runAt: a.unpublishAt!,
          }),
        );
    }
    if (missing.length === 0) return 0;
    await em.transactional((tx) => missing.forEach((queue) => queue(tx)));
    this.logger.warn(`queued ${missing.length} missing schedule job(s) again`);
    return missing.length;
  }

  /** The stories (`id/version`) that a live batch job of a bulk publish will publish. */
  private async batchedStories(): Promise<Set<string>> {
    const queue = this.queues.get(JobQueue.Publication);
    const ids = (await queue.getRanges([...LIVE])).filter((id) => id.startsWith(BATCH_ID_PREFIX));
    const stories = new Set<string>();
    for (const id of ids) {
      const job = await queue.getJob(id);
      const data = job?.data as JobPayloads[JobName.ArticlePublishBatch] | undefined;
      for (const item of data?.items ?? []) stories.add(`${item.articleId}/${item.version}`);
    }
    return stories;
  }

  /**
   * Null when a live job (waiting, delayed, active) holds the job's registry
   * id; otherwise how to queue it again: a finished job under that id would
   * make BullMQ ignore the same id, so the new one then gets a fresh id.
   */
  private async requeue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
  ): Promise<{ again?: Date } | null> {
    const existing = await this.queues.get(JOBS[name].queue).getJob(jobIdOf(name, payload));
    const state = existing ? await existing.getState() : 'missing';
    if ((LIVE as readonly string[]).includes(state)) return null;
    return existing ? { again: this.clock.now() } : {};
  }
}
