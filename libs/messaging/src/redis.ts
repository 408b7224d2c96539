/**
 * Connection options for BullMQ and ioredis from a `redis://` URL. BullMQ
 * workers block on Redis, so requests may not time out (`maxRetriesPerRequest: null`).
 */
export interface RedisConnectionOptions {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls?: Record<string, never>;
  maxRetriesPerRequest: null;
}

export function redisOptions(url: string): RedisConnectionOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/**
 * Refuses to run against a Redis that may evict keys: an evicted job or
 * listing is lost silently. Throws with the policy found and the one needed.
 */
export async function assertNoEviction(redis: {
  config(op: 'GET', key: string): Promise<unknown>;
}): Promise<void> {
  const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
  const policy = reply[1];
  if (policy !== 'noeviction') {
    throw new Error(
      `Redis maxmemory-policy is "${policy}"; Newsdesk needs "noeviction" so that no job or read model is dropped. Set it in redis.conf or with CONFIG SET maxmemory-policy noeviction.`,
    );
  }
}
