import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Clock } from '@newsdesk/common';
import { ObjectStorage } from './object-storage';
import { PendingUpload } from './pending-upload.entity';

/** How long after its token ran out an upload waits: a PUT or a completion under way has ended by then. */
export const SWEEP_GRACE_MS = 60 * 60 * 1000;
/** Uploads per round: one query, their deletes, one delete of their rows. */
const BATCH = 200;

/**
 * Deletes the files of direct uploads that were never completed: announced,
 * perhaps PUT, then abandoned (a closed tab, a lost connection). A completed
 * upload's row went with the transaction that created its image, so every row
 * left an hour after its token ran out names a key no image uses. Deleting a
 * key twice is harmless, so sweeps at once (two media processes), or a sweep
 * cut off between the file and the row, lose and double nothing. The media app
 * runs it (apps/media/src/upload-sweep.ts).
 */
@Injectable()
export class UploadSweeper {
  constructor(
    private readonly em: EntityManager,
    private readonly storage: ObjectStorage,
    private readonly clock: Clock,
  ) {}

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
      for (const key of keys) await this.storage.delete(key); // S3 trouble: thrown, next sweep
      if (keys.length) await em.nativeDelete(PendingUpload, { key: { $in: keys } });
      swept += keys.length;
      if (keys.length < BATCH) return swept;
    }
  }
}
