import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Job runs, from a few milliseconds (a listing rebuild) to minutes (a large image). */
const JOB_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
/** Time from a change to its effect: milliseconds when healthy, minutes when a queue is stuck. */
const LATENCY_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900];
/** HTTP requests: cached listings answer in well under a millisecond, uploads take seconds. */
const HTTP_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** `section:smart-city` → `section`, `home` → `home`. */
const keyKind = (key: string) => key.split(':', 1)[0];

/** Values read at scrape time (queue counts, the outbox) rather than counted as things happen. */
export interface ScrapeSource {
  /** Jobs per BullMQ state for every queue in the registry. */
  queueCounts(): Promise<{ queue: string; state: string; count: number }[]>;
  /** Unsent outbox rows, and the age in seconds of the oldest (0 when none). */
  outbox(): Promise<{ backlog: number; lagSeconds: number }>;
}

/**
 * Every metric one app exposes, in one prom-client registry labelled with the
 * app's name. There is one per app name in a process (see {@link appMetrics}),
 * so the projector's two Nest apps (events and webhooks) count into the same
 * registry, and an app restarted within a process keeps its counters.
 */
export class AppMetrics {
  readonly registry = new Registry();

  /** Job runs that completed, per queue and job name (events count under their event name). */
  readonly jobsCompleted = new Counter({
    name: 'newsdesk_jobs_completed_total',
    help: 'Jobs that completed, per queue and job name.',
    labelNames: ['queue', 'name'] as const,
    registers: [this.registry],
  });

  /** Failed attempts, retried ones included: a job retried three times and then completed counts three here. */
  readonly jobsFailed = new Counter({
    name: 'newsdesk_jobs_failed_total',
    help: 'Job attempts that failed (retried or final), per queue and job name.',
    labelNames: ['queue', 'name'] as const,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'newsdesk_job_duration_seconds',
    help: 'Time a completed job ran, from being picked up to finishing, per queue and job name.',
    labelNames: ['queue', 'name'] as const,
    buckets: JOB_SECONDS,
    registers: [this.registry],
  });

  readonly eventAge = new Histogram({
    name: 'newsdesk_event_age_seconds',
    help: 'Age of an event (now minus its occurredAt) when a consumer starts handling it.',
    labelNames: ['consumer', 'event'] as const,
    buckets: LATENCY_SECONDS,
    registers: [this.registry],
  });

  readonly publishToListing = new Histogram({
    name: 'newsdesk_publish_to_listing_seconds',
    help: "Time from a story's publication to its listings having been rebuilt.",
    buckets: LATENCY_SECONDS,
    registers: [this.registry],
  });

  readonly listingRebuilds = new Counter({
    name: 'newsdesk_listing_rebuilds_total',
    help: 'Teaser listings rebuilt, by kind (home, section, series, tag).',
    labelNames: ['kind'],
    registers: [this.registry],
  });

  readonly purgedKeys = new Counter({
    name: 'newsdesk_cdn_purge_keys_total',
    help: 'Surrogate keys queued for CDN purges, by kind (home, section, series, tag, story).',
    labelNames: ['kind'],
    registers: [this.registry],
  });

  /** URLs found stale at the edge after a purge (CDN_VERIFY_URL); each is purged again. */
  readonly cdnStale = new Counter({
    name: 'newsdesk_cdn_stale_total',
    help: 'URLs the CDN still served stale after a purge (ETag or status unlike the origin), each purged again.',
    registers: [this.registry],
  });

  readonly cdnFresh = new Histogram({
    name: 'newsdesk_cdn_fresh_seconds',
    help: 'Time from an event to the CDN verified serving what it changed (CDN_VERIFY_URL).',
    buckets: LATENCY_SECONDS,
    registers: [this.registry],
  });

  /** The media worker handing the memory its jobs freed back to the system (apps/media/src/freed-memory.ts). */
  readonly memoryPurges = new Counter({
    name: 'newsdesk_media_memory_purges_total',
    help: 'Times the media worker handed the memory its jobs freed back to the system, by reason (over_limit: above MEDIA_PURGE_ABOVE_MB after a job; idle).',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  /** Abandoned direct uploads the media app deleted (apps/media/src/upload-sweep.ts). */
  readonly uploadsSwept = new Counter({
    name: 'newsdesk_media_uploads_swept_total',
    help: 'Direct uploads never completed whose files and rows the media app deleted, an hour after their tokens ran out.',
    registers: [this.registry],
  });

  /** When the media app's last sweep of abandoned uploads succeeded. */
  readonly uploadSweepSucceeded = new Gauge({
    name: 'newsdesk_media_upload_sweep_last_success_seconds',
    help: 'Unix time of the last sweep of abandoned direct uploads that finished without error (media app, every ten minutes).',
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'newsdesk_http_request_duration_seconds',
    help: 'HTTP request duration per method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_SECONDS,
    registers: [this.registry],
  });

  /** The sources of the scrape-time gauges; each app instance adds its own while it runs. */
  private readonly sources = new Set<ScrapeSource>();
  /** This scrape's read: the gauges' collectors run concurrently within one scrape and share it. */
  private pending: {
    counts: ReturnType<ScrapeSource['queueCounts']>;
    outbox: ReturnType<ScrapeSource['outbox']>;
  } | null = null;

  constructor(readonly app: string) {
    this.registry.setDefaultLabels({ app });
    // The event loop's delay is sampled every 50 ms, not prom-client's default 10 ms: a timer
    // a hundred times a second cost an idle app 6 ms of CPU per second, and stalls worth an
    // alert last longer than 50 ms.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 50 });
    const source = () => this.read();
    new Gauge({
      name: 'newsdesk_queue_jobs',
      help: 'Jobs per queue and state (waiting, prioritized, active, delayed, failed), read at scrape time.',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        const read = source();
        if (!read) return;
        this.reset();
        for (const { queue, state, count } of await read.counts) this.set({ queue, state }, count);
      },
    });
    new Gauge({
      name: 'newsdesk_outbox_backlog',
      help: 'Outbox rows not yet sent to their queues, read at scrape time.',
      registers: [this.registry],
      async collect() {
        const read = source();
        if (read) this.set((await read.outbox).backlog);
      },
    });
    new Gauge({
      name: 'newsdesk_outbox_lag_seconds',
      help: 'Age of the oldest unsent outbox row (0 when none), read at scrape time.',
      registers: [this.registry],
      async collect() {
        const read = source();
        if (read) this.set((await read.outbox).lagSeconds);
      },
    });
  }

  /** Adds a source for the scrape-time gauges; returns the function that removes it again. */
  addSource(source: ScrapeSource): () => void {
    this.sources.add(source);
    return () => this.sources.delete(source);
  }

  /** Records a story's listings rebuilt after its publication at `publishedAt`. */
  observePublishToListing(publishedAt: Date | string, now = Date.now()): void {
    const seconds = secondsSince(publishedAt, now);
    if (seconds !== null) this.publishToListing.observe(seconds);
  }

  /** Counts rebuilt listings (`home`, `section:x` …) by kind. */
  countListingRebuilds(refs: string[]): void {
    for (const ref of refs) this.listingRebuilds.inc({ kind: keyKind(ref) });
  }

  /** Counts queued purge keys (`home`, `section:x`, `story:id` …) by kind. */
  countPurgedKeys(keys: string[]): void {
    for (const key of keys) this.purgedKeys.inc({ kind: keyKind(key) });
  }

  /** Records the edge verified fresh for an event that occurred at `occurredAt`. */
  observeCdnFresh(occurredAt: Date | string, now = Date.now()): void {
    const seconds = secondsSince(occurredAt, now);
    if (seconds !== null) this.cdnFresh.observe(seconds);
  }

  /** The Prometheus text exposition of every metric. */
  metrics(): Promise<string> {
    this.pending = null;
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /**
   * Reads the first live source, once per scrape ({@link metrics} starts a new one). A failed read leaves the
   * outbox gauges at NaN and drops the queue series rather than failing the
   * whole scrape: the other metrics matter most when a dependency is down.
   */
  private read(): NonNullable<AppMetrics['pending']> | null {
    const [source] = this.sources;
    if (!source) return null;
    if (this.pending) return this.pending;
    this.pending = {
      counts: source.queueCounts().catch(() => []),
      outbox: source.outbox().catch(() => ({ backlog: NaN, lagSeconds: NaN })),
    };
    return this.pending;
  }
}

/**
 * Seconds from `since` to `now`, never negative (the clocks of different hosts
 * disagree a little); null when `since` is not a time.
 */
export function secondsSince(
  since: Date | string | number | undefined,
  now = Date.now(),
): number | null {
  if (since === undefined) return null;
  const at = since instanceof Date ? since.getTime() : new Date(since).getTime();
  return Number.isFinite(at) ? Math.max(0, (now - at) / 1000) : null;
}

const byApp = new Map<string, AppMetrics>();

/**
 * The metrics of the app `app` in this process, created on first use. In
 * production each process runs one app, so this is one registry per process;
 * the tests run every app in one process and still get one registry each.
 */
export function appMetrics(app: string): AppMetrics {
  let metrics = byApp.get(app);
  if (!metrics) {
    metrics = new AppMetrics(app);
    byApp.set(app, metrics);
  }
  return metrics;
}
