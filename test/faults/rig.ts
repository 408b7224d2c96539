/**
 * Everything a fault run needs, for the fault tests and `bench/faults` alike:
 * the migrated database, the four apps as processes, a newsroom's users, a
 * webhook subscriber, and the checker.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { loadConfig, type AppConfig } from '@newsdesk/config';
import { migrate, ormConfig } from '@newsdesk/database';
import { redisOptions } from '@newsdesk/messaging';
import { makeSection, makeUser, PASSWORD } from '../support/factories';
import { Checker } from './checker';
import { Cluster, WORK_QUEUES, type AppName, type ServiceName, type StackControl } from './cluster';
import { Newsroom, WebhookReceiver, accepted, login, type Tokens } from './load';

/** What one fault did. */
export interface Fault {
  target: AppName | ServiceName;
  /** Whether a job of the target's queues was running at the fault. */
  busy: boolean;
  /** Jobs in flight anywhere at the fault. */
  held: number;
  /** Until the app was ready again, or the server answered again. */
  backMs: number;
  /** Until every job in flight at the fault had finished; null when some never did. */
  recoveryMs: number | null;
  /** Jobs in flight at the fault that BullMQ gave up on. */
  failed: string[];
  unfinished: string[];
}

export interface RigOptions {
  /** The apps' environment: the stack's URLs and secrets. */
  env: NodeJS.ProcessEnv;
  control: StackControl;
  logDir?: string;
}

export class Rig {
  readonly config: AppConfig;
  readonly cluster: Cluster;
  readonly control: StackControl;
  readonly receiver = new WebhookReceiver();
  orm!: MikroORM;
  redis!: Redis;
  checker!: Checker;
  tokens!: Tokens;
  subscriptionId = '';
  readonly logDir: string;
  private readonly ownLogDir: boolean;
  private adminToken = '';

  private constructor(readonly options: RigOptions) {
    this.config = loadConfig(options.env);
    this.control = options.control;
    this.ownLogDir = !options.logDir;
    this.logDir = options.logDir ?? mkdtempSync(join(tmpdir(), 'newsdesk-faults-'));
    this.cluster = new Cluster({ env: options.env, logDir: this.logDir });
  }

  static async start(options: RigOptions): Promise<Rig> {
    const rig = new Rig(options);
    await migrate(rig.config);
    rig.orm = await MikroORM.init(ormConfig(rig.config));
    rig.redis = new Redis(redisOptions(rig.config.redisUrl));
    rig.redis.on('error', () => undefined); // reconnects by itself after a Redis restart
    await rig.cluster.start();
    const token = async (roles: Parameters<typeof makeUser>[1]) =>
      login(rig.cluster.apiUrl, (await makeUser(rig.orm, roles)).email, PASSWORD);
    const [editor, reviewer, photo, admin] = await Promise.all([
      token(['editor']),
      token(['reviewer']),
      token(['photo_desk']),
      token(['admin']),
    ]);
    rig.tokens = { editor, reviewer, photo };
    rig.adminToken = admin;
    await rig.receiver.start();
    const subscribed = await fetch(`${rig.cluster.apiUrl}/api/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: rig.receiver.url, events: ['article.published'] }),
    });
    if (subscribed.status !== 201)
      throw new Error(`webhook subscription: ${subscribed.status} ${await subscribed.text()}`);
    rig.subscriptionId = String(((await subscribed.json()) as { id: string }).id);
    rig.checker = new Checker({
      env: options.env,
      apiUrl: () => rig.cluster.apiUrl,
      redis: rig.redis,
      queue: (name) => rig.cluster.queue(name),
      queues: WORK_QUEUES,
      presets: rig.config.images.presets,
      abort: () => (rig.cluster.crashes.length ? rig.cluster.crashes.join('; ') : null),
      webhooks: { subscriptionIds: [rig.subscriptionId], received: () => rig.receiver.posts },
    });
    return rig;
  }

  /** A desk writing into a section of its own (so that its listing holds only its stories). */
  async newsroom(name = 'Betrieb'): Promise<Newsroom> {
    const section = await makeSection(this.orm, name);
    return new Newsroom(() => this.cluster.apiUrl, this.tokens, section.slug, accepted());
  }

  /**
   * Waits until a job is active in one of the queues (polling as fast as Redis
   * answers), up to `timeoutMs`; returns how many were active then.
   */
  async untilActive(queues: readonly string[], timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      this.cluster.assertNoCrash();
      const active = await this.cluster.activeJobs(queues);
      if (active.length) return active.length;
      await sleep(5);
    }
    return 0;
  }

  /**
   * One fault: waits (up to `waitActiveMs`) until one of `queues` has a job
   * running, notes every job in flight anywhere, then SIGKILLs the app and
   * starts it again at once, or restarts the server. Recovery lasts until every
   * job in flight at the fault has finished (a killed worker's job comes back
   * once its lock expires and a worker's stalled check returns it).
   */
  async inject(
    target: AppName | ServiceName,
    queues: readonly string[],
    { waitActiveMs = 10_000, recoverMs = 120_000 } = {},
  ): Promise<Fault> {
    const busy = (await this.untilActive(queues, waitActiveMs)) > 0;
    const held = await this.cluster.activeJobs(WORK_QUEUES);
    const at = Date.now();
    if (target === 'redis' || target === 'postgres') {
      await this.control.restart(target);
    } else {
      await this.cluster.kill(target);
      await this.cluster.spawn(target);
    }
    const backMs = Date.now() - at;
    const { failed, unfinished } = await this.untilFinished(held, at + recoverMs);
    return {
      target,
      busy,
      held: held.length,
      backMs,
      recoveryMs: unfinished.length ? null : Date.now() - at,
      failed,
      unfinished,
    };
  }

  /** Waits until each job has completed (or failed, or was removed), up to `deadline`. */
  async untilFinished(
    jobs: { queue: string; id: string }[],
    deadline: number,
  ): Promise<{ failed: string[]; unfinished: string[] }> {
    let pending = jobs;
    const failed: string[] = [];
    while (pending.length && Date.now() < deadline) {
      if (this.cluster.crashes.length) break;
      const states = await Promise.all(
        pending.map((job) => this.cluster.queue(job.queue).getJobState(job.id)),
      );
      states.forEach((state, i) => {
        if (state === 'failed') failed.push(`${pending[i].queue}/${pending[i].id}`);
      });
      pending = pending.filter((_, i) => !['completed', 'failed', 'unknown'].includes(states[i]));
      if (pending.length) await sleep(50);
    }
    return { failed, unfinished: pending.map((job) => `${job.queue}/${job.id}`) };
  }

  async stop(): Promise<void> {
    // Subscriptions are global: this one must not outlive the run (other suites share the database).
    if (this.subscriptionId && this.cluster.running('api')) {
      await fetch(`${this.cluster.apiUrl}/api/webhooks/${this.subscriptionId}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${this.adminToken}` },
      }).catch(() => undefined);
    }
    await this.cluster.stop().catch(() => undefined);
    this.checker?.close();
    await this.receiver.stop();
    this.redis?.disconnect();
    await this.orm?.close(true);
    // The apps' logs are kept only when one of them crashed (its tail is in the error already).
    if (this.ownLogDir && this.cluster.crashes.length === 0)
      rmSync(this.logDir, { recursive: true, force: true });
  }
}
