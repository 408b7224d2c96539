import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { DEFAULT_PRESETS, parsePresets, type Preset } from './presets';

const url = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((v) => protocols.includes(new URL(v).protocol), {
      message: `must start with ${protocols.join(' or ')}//`,
    });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // The worker apps serve only ops HTTP (health, metrics), each on its own port.
  WORKFLOW_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  MEDIA_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  PROJECTOR_PORT: z.coerce.number().int().min(0).max(65535).default(3003),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  REDIS_URL: url(['redis:', 'rediss:']),
  S3_ENDPOINT: url(['http:', 'https:']).optional(),
  // The endpoint as the clients of a direct upload reach it, when it is not S3_ENDPOINT.
  S3_UPLOAD_ENDPOINT: url(['http:', 'https:']).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1),
  S3_SECRET_ACCESS_KEY: z.string().min(1),
  S3_BUCKET: z.string().min(3),
  S3_PUBLIC_URL: url(['http:', 'https:']),
  JWT_SECRET: z.string().min(16, 'must be at least 16 characters'),
  JWT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(8 * 3600),
  // Client addresses: X-Forwarded-For is believed only from these proxies (IPs or CIDRs, comma separated).
  TRUSTED_PROXIES: z.string().default(''),
  // Origins (besides the API's own and PUBLIC_BASE_URL's) whose cookie-carrying mutating requests are accepted.
  ALLOWED_ORIGINS: z.string().default(''),
  // Login throttling: failures allowed before a lock, the first lock (doubling with each further failure), its cap, and how long failures are remembered.
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_FREE_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(30),
  LOGIN_LOCK_MS: z.coerce.number().int().min(10).default(30_000),
  LOGIN_LOCK_MAX_MS: z.coerce
    .number()
    .int()
    .min(10)
    .default(15 * 60_000),
  LOGIN_FAILURE_MEMORY_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(24 * 3600_000),
  PUBLIC_BASE_URL: url(['http:', 'https:']).optional(),
  NEWSROOM_TIMEZONE: z.string().default('Europe/Berlin'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(1000),
  LISTING_SIZE: z.coerce.number().int().min(1).max(500).default(50),
  IMAGE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(50 * 1024 * 1024),
  IMAGE_MAX_PIXELS: z.coerce.number().int().min(1_000_000).default(100_000_000),
  IMAGE_PRESETS: z.string().optional(),
  // One image job per core.
  MEDIA_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(16)
    .default(Math.max(1, availableParallelism())),
  // By default the cores shared among the jobs: all of them together run one libvips thread per core.
  MEDIA_THREADS_PER_JOB: z.coerce.number().int().min(1).max(64).optional(),
  // The media worker keeps the memory its jobs free until it holds this much (why: apps/media).
  MEDIA_PURGE_ABOVE_MB: z.coerce.number().int().min(64).default(448),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(12),
  WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(1).default(30_000),
  WEBHOOK_PAUSE_AFTER_FAILURES: z.coerce.number().int().min(1).default(20),
  CDN_PURGE_URL: url(['http:', 'https:']).optional(),
  CDN_PURGE_TOKEN: z.string().optional(),
  VARNISH_URL: url(['http:', 'https:']).optional(),
  CDN_VERIFY_URL: url(['http:', 'https:']).optional(),
  CDN_ORIGIN_URL: url(['http:', 'https:']).optional(),
  EDIT_LOCK_SECONDS: z.coerce.number().int().min(5).max(3600).default(180),
  PREVIEW_LINK_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(48),
  // On SIGTERM an app finishes its running jobs and requests for this long, then exits.
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(20_000),
  // The desk's live stream: entries Redis keeps (approximately) for resuming, the heartbeat, and how often open streams re-check their session.
  STREAM_MAX_LENGTH: z.coerce.number().int().min(100).max(10_000_000).default(10_000),
  STREAM_HEARTBEAT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  STREAM_SESSION_CHECK_MS: z.coerce.number().int().min(100).max(300_000).default(5_000),
});

/** The whole configuration, validated once at start. */
export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  /** Where the worker apps serve `/health/live`, `/health/ready` and `/metrics` (the API serves them on {@link port}). */
  opsPorts: { workflow: number; media: number; projector: number };
  logLevel: string;
  databaseUrl: string;
  redisUrl: string;
  s3: {
    endpoint?: string;
    /** The endpoint in the URLs of direct uploads: where clients outside reach S3 (default {@link endpoint}). */
    uploadEndpoint?: string;
    region: string;
    accessKeyId: string;
    secretAccessKey: string;
    bucket: string;
    publicUrl: string;
  };
  /** Signs session tokens; a session (and its token and cookie) lasts `ttlSeconds` unless ended earlier. */
  jwt: { secret: string; ttlSeconds: number };
  /** Proxies whose `X-Forwarded-For` / `-Proto` / `-Host` are believed (IPs or CIDRs); none by default. */
  trustedProxies: string[];
  /** Origins allowed for cookie-authenticated mutating requests besides the API's own and {@link publicBaseUrl}'s. */
  allowedOrigins: string[];
  /**
   * Login throttling, per account and per client address: after `freeFailures`
   * (`freeFailuresPerAddress`) failed logins the next lock lasts `lockMs`, and
   * each further failure doubles it up to `lockMaxMs`. Failures are forgotten
   * `failureMemoryMs` after the last one; a successful login forgets the account's.
   */
  loginThrottle: {
    freeFailures: number;
    freeFailuresPerAddress: number;
    lockMs: number;
    lockMaxMs: number;
    failureMemoryMs: number;
  };
  publicBaseUrl: string;
  timezone: string;
  outboxPollMs: number;
  /** How many teasers a section listing keeps in its read model. */
  listingSize: number;
  /**
   * Where changed cached responses are purged: a Fastly-style surrogate-key
   * endpoint and/or Varnish (by surrogate key, with the shipped VCL). With
   * `verifyUrl` (the CDN as readers reach it), each purge is checked: what was
   * purged is fetched through the CDN and from `originUrl` (the API as the
   * projector reaches it), and must carry the same ETag.
   */
  cdn: {
    purgeUrl?: string;
    purgeToken?: string;
    varnishUrl?: string;
    verifyUrl?: string;
    originUrl: string;
  };
  /** How long an edit lease lasts without a heartbeat. */
  editLockSeconds: number;
  webhooks: {
    /** One POST may take this long, connecting included. */
    timeoutMs: number;
    /** BullMQ attempts per delivery (the first one included). */
    maxAttempts: number;
    /** The first retry's delay; each further retry waits twice as long. */
    backoffMs: number;
    /** Consecutive failed attempts (over all its deliveries) after which a subscription is paused. */
    pauseAfterFailures: number;
  };
  previewLinkHours: number;
  /** On SIGTERM: how long running jobs and requests may take before the process exits anyway. */
  shutdownGraceMs: number;
  /** The desk's live stream (`GET /api/stream`). */
  stream: {
    /** Entries the Redis stream keeps (approximately): how far back a reconnecting client can resume. */
    maxLength: number;
    /** A comment line this often keeps proxies from closing a quiet stream. */
    heartbeatMs: number;
    /** How often open streams re-check their sessions: an ended session's stream ends within this. */
    sessionCheckMs: number;
  };
  images: {
    maxBytes: number;
    maxPixels: number;
    presets: Preset[];
    /** Image jobs one media process runs at once. */
    concurrency: number;
    /** libvips threads each image job runs on. */
    threadsPerJob: number;
    /** Resident memory above which the media worker hands freed pages back after a job. */
    purgeAboveBytes: number;
  };
}

/** Thrown when the environment does not describe a runnable configuration. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the environment. This is the only place that reads
 * `process.env`; everything else receives the typed {@link AppConfig}.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = i.path.join('.');
        const missing = i.code === 'invalid_type' && env[name] === undefined;
        return `${name}: ${missing ? 'is required but not set' : i.message}`;
      }),
    );
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production' && /^(change-me|test-secret|dev)/.test(c.JWT_SECRET)) {
    throw new ConfigError(['JWT_SECRET: a development secret may not be used in production']);
  }
  let presets = DEFAULT_PRESETS;
  try {
    if (c.IMAGE_PRESETS) presets = parsePresets(c.IMAGE_PRESETS);
  } catch (error) {
    throw new ConfigError([
      `IMAGE_PRESETS: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  const list = (value: string) =>
    value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  const allowedOrigins: string[] = [];
  for (const origin of list(c.ALLOWED_ORIGINS)) {
    try {
      allowedOrigins.push(new URL(origin).origin);
    } catch {
      throw new ConfigError([
        `ALLOWED_ORIGINS: "${origin}" is not an origin like https://desk.example`,
      ]);
    }
  }
  const trustedProxies = list(c.TRUSTED_PROXIES);
  const badProxy = trustedProxies.find((p) => !isIP(p.split('/')[0]));
  if (badProxy) {
    throw new ConfigError([`TRUSTED_PROXIES: "${badProxy}" is not an IP address or CIDR range`]);
  }
  if (c.LOGIN_LOCK_MAX_MS < c.LOGIN_LOCK_MS) {
    throw new ConfigError(['LOGIN_LOCK_MAX_MS: must not be shorter than LOGIN_LOCK_MS']);
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: c.NEWSROOM_TIMEZONE });
  } catch {
    throw new ConfigError([`NEWSROOM_TIMEZONE: unknown time zone "${c.NEWSROOM_TIMEZONE}"`]);
  }
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    opsPorts: { workflow: c.WORKFLOW_PORT, media: c.MEDIA_PORT, projector: c.PROJECTOR_PORT },
    logLevel: c.LOG_LEVEL,
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    s3: {
      endpoint: c.S3_ENDPOINT,
      uploadEndpoint: c.S3_UPLOAD_ENDPOINT ?? c.S3_ENDPOINT,
      region: c.S3_REGION,
      accessKeyId: c.S3_ACCESS_KEY_ID,
      secretAccessKey: c.S3_SECRET_ACCESS_KEY,
      bucket: c.S3_BUCKET,
      publicUrl: c.S3_PUBLIC_URL.replace(/\/+$/, ''),
    },
    jwt: { secret: c.JWT_SECRET, ttlSeconds: c.JWT_TTL_SECONDS },
    trustedProxies,
    allowedOrigins,
    loginThrottle: {
      freeFailures: c.LOGIN_FREE_FAILURES,
      freeFailuresPerAddress: c.LOGIN_FREE_FAILURES_PER_ADDRESS,
      lockMs: c.LOGIN_LOCK_MS,
      lockMaxMs: c.LOGIN_LOCK_MAX_MS,
      failureMemoryMs: c.LOGIN_FAILURE_MEMORY_MS,
    },
    publicBaseUrl: (c.PUBLIC_BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, ''),
    timezone: c.NEWSROOM_TIMEZONE,
    outboxPollMs: c.OUTBOX_POLL_MS,
    listingSize: c.LISTING_SIZE,
    cdn: {
      purgeUrl: c.CDN_PURGE_URL,
      purgeToken: c.CDN_PURGE_TOKEN,
      varnishUrl: c.VARNISH_URL?.replace(/\/+$/, ''),
      verifyUrl: c.CDN_VERIFY_URL?.replace(/\/+$/, ''),
      originUrl: (c.CDN_ORIGIN_URL ?? `http://127.0.0.1:${c.PORT}`).replace(/\/+$/, ''),
    },
    editLockSeconds: c.EDIT_LOCK_SECONDS,
    webhooks: {
      timeoutMs: c.WEBHOOK_TIMEOUT_MS,
      maxAttempts: c.WEBHOOK_MAX_ATTEMPTS,
      backoffMs: c.WEBHOOK_BACKOFF_MS,
      pauseAfterFailures: c.WEBHOOK_PAUSE_AFTER_FAILURES,
    },
    previewLinkHours: c.PREVIEW_LINK_HOURS,
    shutdownGraceMs: c.SHUTDOWN_GRACE_MS,
    stream: {
      maxLength: c.STREAM_MAX_LENGTH,
      heartbeatMs: c.STREAM_HEARTBEAT_MS,
      sessionCheckMs: c.STREAM_SESSION_CHECK_MS,
    },
    images: {
      maxBytes: c.IMAGE_MAX_BYTES,
      maxPixels: c.IMAGE_MAX_PIXELS,
      presets,
      concurrency: c.MEDIA_CONCURRENCY,
      threadsPerJob:
        c.MEDIA_THREADS_PER_JOB ??
        Math.max(1, Math.floor(availableParallelism() / c.MEDIA_CONCURRENCY)),
      purgeAboveBytes: c.MEDIA_PURGE_ABOVE_MB * 1024 * 1024,
    },
  };
}
