import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { AppMetrics } from '@newsdesk/observability';
import { Jemalloc } from './jemalloc';

/** How long the worker waits without a job before it hands freed pages back. */
const IDLE_MS = 1000;

/**
 * When the memory image jobs free goes back to the system.
 *
 * Every image job decodes, resizes and encodes some hundred megabytes of pixels. Pages
 * jemalloc hands back must be faulted in again by the next job, 2 MB at a time (huge
 * pages): that cost about 0.18 CPU s per 24 MP image, when jemalloc handed them back
 * on its own timer. Kept for good, they cost nothing, but fragments of them pile up
 * (about 1.8 MB per image). So the worker keeps freed pages while it is busy and hands
 * them all back at once when its resident memory passes `MEDIA_PURGE_ABOVE_MB` after a
 * job, and when it has been idle for a second. On any other allocator than jemalloc
 * (`npm start` preloads it where the machine has it), this does nothing.
 */
@Injectable()
export class FreedMemory implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(FreedMemory.name);
  private jemalloc: Jemalloc | null = null;
  private running = 0;
  private idle?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: AppMetrics,
  ) {}

  onModuleInit(): void {
    try {
      const jemalloc = Jemalloc.inProcess();
      if (!jemalloc) return;
      jemalloc.keepFreedPages();
      this.jemalloc = jemalloc;
    } catch (error) {
      // jemalloc's own timer (MALLOC_CONF) keeps handing pages back.
      this.logger.warn(`jemalloc not controllable, freed pages follow its timer: ${String(error)}`);
      return;
    }
    // Both reasons at 0 from the start: /metrics shows that this worker decides.
    for (const reason of ['over_limit', 'idle'] as const) {
      this.metrics.memoryPurges.inc({ reason }, 0);
    }
    const mb = Math.round(this.config.images.purgeAboveBytes / 1024 / 1024);
    this.logger.log(`jemalloc: freed pages kept until the worker holds ${mb} MB or idles 1 s`);
  }

  onModuleDestroy(): void {
    clearTimeout(this.idle);
  }

  /** Whether this worker decides when freed pages go back (jemalloc found and controllable). */
  get controlled(): boolean {
    return this.jemalloc !== null;
  }

  /** Runs one job; afterwards hands freed pages back if the worker holds too many or goes idle. */
  async around<T>(job: () => Promise<T>): Promise<T> {
    this.running++;
    clearTimeout(this.idle);
    try {
      return await job();
    } finally {
      this.running--;
      this.afterJob();
    }
  }

  private afterJob(): void {
    if (!this.jemalloc) return;
    if (process.memoryUsage.rss() > this.config.images.purgeAboveBytes) this.purge('over_limit');
    else if (this.running === 0) {
      this.idle = setTimeout(() => this.purge('idle'), IDLE_MS).unref();
    }
  }

  private purge(reason: 'over_limit' | 'idle'): void {
    clearTimeout(this.idle);
    this.jemalloc?.purge();
    this.metrics.memoryPurges.inc({ reason });
  }
}
