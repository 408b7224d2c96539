import { hashKey, partialMatchKey, type QueryKey } from '@tanstack/react-query';

/**
 * The keys that make all of `keys` stale: each once, and none that another
 * covers — a key is a prefix of the keys it covers, as `invalidateQueries`
 * matches them (`['stories']` covers `['stories', 'one', id]`; `[]` covers
 * every key).
 */
export function coveringKeys(keys: readonly QueryKey[]): QueryKey[] {
  const distinct = [...new Map(keys.map((key) => [hashKey(key), key])).values()];
  return distinct.filter(
    (key) => !distinct.some((other) => other !== key && partialMatchKey(key, other)),
  );
}

export interface InvalidationBatchOptions {
  /** Makes the keys stale, refetching what is on screen; settles when those refetches are done. */
  invalidate: (keys: QueryKey[]) => Promise<unknown>;
  /** The least time from one flush to the next, in ms. */
  intervalMs: number;
  /** How long the next flush waits at most for the refetches of the one before, in ms. */
  maxWaitMs: number;
}

/**
 * Collects the keys that events make stale and invalidates them in batches:
 * the first at once when nothing happened for `intervalMs`, then, while
 * events keep coming, at most one batch per `intervalMs` and never before the
 * refetches of the batch before have landed (or `maxWaitMs` passed).
 *
 * Invalidating a query whose fetch is still running cancels that fetch and
 * starts it again; at 20 publications a second, invalidating on every event
 * kept a list refetching without ever showing an answer, the longer the
 * slower the connection.
 */
export class InvalidationBatch {
  private pending: QueryKey[] = [];
  private lastFlushAt = -Infinity;
  /** The batch before is still refetching. */
  private flushing = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waitTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(private readonly options: InvalidationBatchOptions) {}

  /** Marks `keys` to be invalidated with the next batch. */
  add(keys: readonly QueryKey[]): void {
    if (this.stopped || keys.length === 0) return;
    this.pending.push(...keys);
    this.schedule();
  }

  /** Invalidates what is pending at once and takes nothing more. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.waitTimer);
    if (this.pending.length) void this.options.invalidate(this.take());
  }

  private schedule(): void {
    if (this.stopped || this.flushing || this.timer !== undefined || !this.pending.length) return;
    const wait = this.lastFlushAt + this.options.intervalMs - Date.now();
    if (wait <= 0) {
      this.flush();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
  }

  private flush(): void {
    const keys = this.take();
    this.lastFlushAt = Date.now();
    this.flushing = true;
    const landed = () => {
      if (!this.flushing) return;
      this.flushing = false;
      clearTimeout(this.waitTimer);
      this.schedule();
    };
    this.waitTimer = setTimeout(landed, this.options.maxWaitMs);
    this.options.invalidate(keys).then(landed, landed);
  }

  private take(): QueryKey[] {
    const keys = coveringKeys(this.pending);
    this.pending = [];
    return keys;
  }
}
