import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Clock } from '@newsdesk/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { RedisClient } from '@newsdesk/messaging';

/** What failed logins are counted against: the account (its email) or the client address. */
export interface ThrottleKey {
  scope: 'account' | 'address';
  value: string;
}

/** A lock that a failure just started. */
export interface LockStarted {
  key: ThrottleKey;
  failures: number;
  lockMs: number;
}

// Counts the failure and, past the free ones, sets the lock's end: the first
// lock lasts ARGV[3] ms and each further failure doubles it up to ARGV[4]. One
// script, so that parallel attempts from several API processes count exactly.
const FAIL = `
local n = redis.call('HINCRBY', KEYS[1], 'failures', 1)
local now = tonumber(ARGV[1])
local free = tonumber(ARGV[2])
local lock = 0
if n > free then
  lock = math.floor(math.min(tonumber(ARGV[3]) * 2 ^ math.min(n - free - 1, 40), tonumber(ARGV[4])))
  redis.call('HSET', KEYS[1], 'until', string.format('%d', now + lock))
end
redis.call('PEXPIRE', KEYS[1], math.max(tonumber(ARGV[5]), lock))
return {n, lock}
`;

/**
 * Failed-login counters in Redis, shared by every API process: per account
 * and per client address, with growing locks. While a lock runs, attempts are
 * refused without checking the password (and without counting).
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly redis: RedisClient,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The keys of one login attempt. */
  keysFor(email: string, address: string): ThrottleKey[] {
    return [
      { scope: 'account', value: email.trim().toLowerCase() },
      { scope: 'address', value: address },
    ];
  }

  /** Milliseconds until every lock on these keys has run out; 0 when none runs. */
  async lockedFor(keys: ThrottleKey[]): Promise<number> {
    const ends = await Promise.all(
      keys.map((k) => this.redis.redis.hget(this.redisKey(k), 'until')),
    );
    const now = this.clock.now().getTime();
    return Math.max(0, ...ends.map((end) => (end ? Number(end) - now : 0)));
  }

  /** Counts a failed login against each key; returns the locks it started. */
  async fail(keys: ThrottleKey[]): Promise<LockStarted[]> {
    const { freeFailures, freeFailuresPerAddress, lockMs, lockMaxMs, failureMemoryMs } =
      this.config.loginThrottle;
    const now = this.clock.now().getTime();
    const started: LockStarted[] = [];
    for (const key of keys) {
      const free = key.scope === 'account' ? freeFailures : freeFailuresPerAddress;
      const [failures, lock] = (await this.redis.redis.eval(
        FAIL,
        1,
        this.redisKey(key),
        now,
        free,
        lockMs,
        lockMaxMs,
        failureMemoryMs,
      )) as [number, number];
      if (lock > 0) started.push({ key, failures, lockMs: lock });
    }
    return started;
  }

  /** A successful login forgets the account's failures (not the address's: one good account must not unlock an address). */
  async forget(key: ThrottleKey): Promise<void> {
    await this.redis.redis.del(this.redisKey(key));
  }

  private redisKey(key: ThrottleKey): string {
    // Hashed so that any email or address gives a short key of one shape.
    const digest = createHash('sha256').update(key.value).digest('base64url');
    return `newsdesk:login-failures:${key.scope}:${digest}`;
  }
}
