import { EntityManager } from '@mikro-orm/postgresql';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Clock } from '@newsdesk/common';
import { ObjectStorage } from './object-storage';
import { PendingUpload } from './pending-upload.entity';

/** How long after its token ran out an upload waits: a PUT or a completion under way has ended by then. */
export const SWEEP_GRACE_MS = 60 * 60 * 1000;
/** How often the media app sweeps. */
const SWEEP_EVERY_MS = 10 * 60 * 1000;
/** Uploads per round: one query, their deletes, one delete of their rows. */
const BATCH = 200;

/**
 * Deletes the files of direct uploads that were never completed: announced,
 * perhaps PUT, then abandoned (a closed tab, a lost connection). Runs in the
 * media app, at start and every ten minutes. A completed upload's row went with
 * the transaction that created its image, so every row left an hour after its
 * token ran out names a key no image uses. Deleting a key twice is harmless, so
 * replicas sweeping at once, or a sweep cut off between the file and the row,
 * lose and double nothing.
 */
@Injectable()
export class UploadSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UploadSweeper.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly em: EntityManager,
    private readonly storage: ObjectStorage,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => {
      this.sweep().catch((error: unknown) =>
        this.logger.warn(`sweeping abandoned uploads failed: ${String(error)}`),
      );
    };
    run();
    this.timer = setInterval(run, SWEEP_EVERY_MS);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Deletes every abandoned upload's file and row; returns how many uploads went. */
  async sweep(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - SWEEP_GRACE_MS);
    let swept = 0;
    for (;;) {
      const em = this.em.fork();
      const stale = await em.find(
        PendingUpload,
        { expiresAt: { $lt: before } },
        { orderBy: { expiresAt: 'asc' }, limit: BATCH },
      );
      const keys = stale.map((upload) => upload.key);
      for (const key of keys) await this.storage.delete(key); // S3 trouble: thrown, next round
      if (keys.length) await em.nativeDelete(PendingUpload, { key: { $in: keys } });
      swept += keys.length;
      if (keys.length < BATCH) break;
    }
    if (swept) this.logger.log(`deleted ${swept} abandoned uploads`);
    return swept;
  }
}
