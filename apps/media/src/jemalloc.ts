import fs from 'node:fs';
import koffi from 'koffi';

/** jemalloc's `MALLCTL_ARENAS_ALL`: an arena index that stands for every arena. */
const ALL_ARENAS = 4096;

/**
 * jemalloc's control interface (`mallctl`) in this process, through koffi's foreign
 * function calls: `npm start` preloads jemalloc into the media app (LD_PRELOAD), and
 * the worker decides when freed pages go back to the system instead of jemalloc's
 * timer (why: {@link FreedMemory}).
 */
export class Jemalloc {
  private constructor(
    private readonly mallctl: (
      name: string,
      oldp: Buffer | null,
      oldlenp: number[] | null,
      newp: Buffer | null,
      newlen: number,
    ) => number,
  ) {}

  /** The jemalloc this process allocates with, or null when it runs on another allocator. */
  static inProcess(): Jemalloc | null {
    let mapped: string | undefined;
    try {
      mapped = fs
        .readFileSync('/proc/self/maps', 'utf8')
        .split('\n')
        .map((line) => line.split(/\s+/)[5])
        .find((file) => file?.includes('/libjemalloc'));
    } catch {
      return null; // no /proc: not Linux
    }
    if (!mapped) return null;
    // Opening a library the process has loaded already returns that very library.
    const lib = koffi.load(mapped);
    return new Jemalloc(
      lib.func(
        'int mallctl(const char *name, _Inout_ void *oldp, _Inout_ size_t *oldlenp, void *newp, size_t newlen)',
      ) as Jemalloc['mallctl'],
    );
  }

  /**
   * Keeps every arena's freed pages until {@link purge} (jemalloc's `dirty_decay_ms`
   * -1): the arenas there are, and those made later (such as the one for large blocks,
   * made on first use where `oversize_threshold` is not 0).
   */
  keepFreedPages(): void {
    const never = Buffer.alloc(8);
    never.writeBigInt64LE(-1n);
    this.call('arenas.dirty_decay_ms', null, null, never);
    const count = Buffer.alloc(4);
    this.call('arenas.narenas', count, [4]);
    for (let arena = 0; arena < count.readUInt32LE(); arena++) {
      const initialized = Buffer.alloc(1);
      this.call(`arena.${arena}.initialized`, initialized, [1]);
      if (initialized[0]) this.call(`arena.${arena}.dirty_decay_ms`, null, null, never);
    }
  }

  /** Hands every arena's freed pages back to the system now. */
  purge(): void {
    this.call(`arena.${ALL_ARENAS}.purge`);
  }

  /** The freed pages an arena keeps, in bytes (jemalloc's statistics, refreshed first). */
  freedBytes(arena = ALL_ARENAS): number {
    const epoch = Buffer.alloc(8);
    epoch.writeBigUInt64LE(1n);
    this.call('epoch', null, null, epoch);
    const pages = Buffer.alloc(8);
    this.call(`stats.arenas.${arena}.pdirty`, pages, [8]);
    const pageSize = Buffer.alloc(8);
    this.call('arenas.page', pageSize, [8]);
    return Number(pages.readBigUInt64LE() * pageSize.readBigUInt64LE());
  }

  private call(
    name: string,
    oldp: Buffer | null = null,
    oldlenp: number[] | null = null,
    newp: Buffer | null = null,
  ): void {
    const status = this.mallctl(name, oldp, oldlenp, newp, newp?.length ?? 0);
    if (status !== 0) throw new Error(`jemalloc's mallctl("${name}") failed with error ${status}`);
  }
}
