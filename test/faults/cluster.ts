/**
 * The apps as real processes — the built `dist/apps/<app>/src/main.js`, as in
 * production — so that fault tests and `bench/faults` can SIGKILL them in the
 * middle of a job, SIGTERM them, and start them again; and the backing
 * servers' restarts, through a {@link StackControl}.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import {
  Consumer,
  JobQueue,
  eventQueueOf,
  redisOptions,
  registryQueueNames,
} from '@newsdesk/messaging';

export type AppName = 'api' | 'workflow' | 'media' | 'projector';
export const APPS: readonly AppName[] = ['api', 'workflow', 'media', 'projector'];

interface NodeFlagsFile {
  flags: string[];
  apps?: Partial<Record<AppName, { flags: string[] }>>;
}

/** The Node.js options an app runs with, as `npm start` gives them: every app's, then its own (why: apps/node-flags.json). */
export function appNodeFlags(app: AppName, root = repoRoot()): string[] {
  const file = JSON.parse(
    readFileSync(join(root, 'apps', 'node-flags.json'), 'utf8'),
  ) as NodeFlagsFile;
  return [...file.flags, ...(file.apps?.[app]?.flags ?? [])];
}

/** A running process's arguments, the program first (from `/proc`). */
export const commandLineOf = (pid: number): string[] =>
  readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, -1);

/** The backing servers a fault can restart. */
export type ServiceName = 'redis' | 'postgres';

/** Every queue the apps read: where work is held while it runs. */
export const WORK_QUEUES: readonly string[] = registryQueueNames();

/** The queues whose workers show that an app is up (BullMQ names its Redis connections). */
const WORKER_QUEUES: Record<AppName, string[]> = {
  api: [],
  workflow: [JobQueue.Submission, JobQueue.Publication],
  media: [JobQueue.Media],
  projector: [eventQueueOf(Consumer.Projector), eventQueueOf(Consumer.Webhooks), JobQueue.Webhooks],
};

/** The queues whose jobs an app holds while it runs them. */
export const QUEUES_OF: Record<AppName, string[]> = {
  api: [],
  workflow: [JobQueue.Submission, JobQueue.Publication],
  media: [JobQueue.Media],
  projector: [
    eventQueueOf(Consumer.Projector),
    eventQueueOf(Consumer.Webhooks),
    JobQueue.Webhooks,
    JobQueue.Cdn,
  ],
};

/** Restarts a backing server: stops it cleanly and starts it again on the same port and data. */
export interface StackControl {
  restart(service: ServiceName): Promise<void>;
}

/** The control endpoint `npm test` serves (scripts/test.mjs): `POST /services/<name>/restart`. */
export function stackControlFromEnv(
  url = process.env.NEWSDESK_STACK_CONTROL_URL,
): StackControl | null {
  if (!url) return null;
  return {
    async restart(service) {
      const response = await fetch(`${url}/services/${service}/restart`, { method: 'POST' });
      if (!response.ok)
        throw new Error(
          `restarting ${service} failed (${response.status}): ${await response.text()}`,
        );
    },
  };
}

/** The repository root: the folder of the nearest package.json above this file (source or dist). */
export function repoRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export interface AppExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface AppProcess {
  name: AppName;
  child: ChildProcess;
  logFile: string;
  /** Where this process's lines start in the log file. */
  logOffset: number;
  /** Set before we signal it, so that its exit is not taken for a crash. */
  expectExit: boolean;
  exit: AppExit | null;
  exited: Promise<AppExit>;
}

export interface ClusterOptions {
  /** The environment of every app: the stack's DATABASE_URL, REDIS_URL, S3_*, JWT_SECRET … */
  env: NodeJS.ProcessEnv;
  /** Where each app's output goes (`<app>.log`, appended across restarts). */
  logDir: string;
  /** How long an app may take from spawn to ready. */
  bootTimeoutMs?: number;
}

/**
 * The four apps as child processes (each in its own process group, so that a
 * signal reaches only it). `crashes` collects exits nobody asked for.
 */
export class Cluster {
  apiUrl = '';
  readonly crashes: string[] = [];
  private readonly root = repoRoot();
  private readonly apps = new Map<AppName, AppProcess>();
  private readonly ports = new Map<AppName, number>();
  private readonly queues = new Map<string, Queue>();
  private readonly bootTimeoutMs: number;

  constructor(private readonly options: ClusterOptions) {
    mkdirSync(options.logDir, { recursive: true });
    this.bootTimeoutMs = options.bootTimeoutMs ?? 60_000;
  }

  /** Starts the given apps (all four by default) side by side and waits until each is ready. */
  async start(names: readonly AppName[] = APPS): Promise<void> {
    for (const name of names) if (!this.ports.has(name)) this.ports.set(name, await freePort());
    this.apiUrl = `http://127.0.0.1:${this.ports.get('api') ?? 0}`;
    await Promise.all(names.map((name) => this.spawn(name)));
  }

  /** Spawns one app and waits until it is ready; returns the ms from spawn to ready. */
  async spawn(name: AppName): Promise<number> {
    const running = this.apps.get(name);
    if (running && !running.exit) throw new Error(`${name} is running already`);
    const main = join(this.root, 'dist', 'apps', name, 'src', 'main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
    const port = this.ports.get(name) ?? (await freePort());
    this.ports.set(name, port);
    if (name === 'api') this.apiUrl = `http://127.0.0.1:${port}`;
    const logFile = join(this.options.logDir, `${name}.log`);
    const fd = openSync(logFile, 'a');
    const logOffset = statSync(logFile).size;
    const started = Date.now();
    let child: ChildProcess;
    try {
      child = spawn(process.execPath, [...appNodeFlags(name, this.root), main], {
        cwd: this.root,
        // Each app its own free port: PORT for the API, WORKFLOW_PORT … for the workers' ops HTTP.
        env: {
          ...this.options.env,
          [name === 'api' ? 'PORT' : `${name.toUpperCase()}_PORT`]: String(port),
        },
        stdio: ['ignore', fd, fd],
        detached: true,
      });
    } finally {
      closeSync(fd);
    }
    const app: AppProcess = {
      name,
      child,
      logFile,
      logOffset,
      expectExit: false,
      exit: null,
      exited: new Promise<AppExit>((done) => {
        child.once('error', (error) => {
          this.crashes.push(`${name} did not start: ${error.message}`);
          app.exit = { code: null, signal: null };
          done(app.exit);
        });
        child.once('exit', (code, signal) => {
          app.exit = { code, signal };
          if (!app.expectExit) {
            this.crashes.push(`${name} exited by itself (${signal ?? `code ${code}`})`);
          }
          done(app.exit);
        });
      }),
    };
    this.apps.set(name, app);
    await this.waitReady(name);
    return Date.now() - started;
  }

  /** Waits until the app serves (API: /health answers 200) or its workers are on Redis. */
  async waitReady(name: AppName, timeoutMs = this.bootTimeoutMs): Promise<void> {
    const app = this.apps.get(name);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!app || app.exit) {
        throw new Error(`${name} exited during start-up:\n${this.logTail(name)}`);
      }
      if (await this.isReady(name)) return;
      if (Date.now() > deadline) {
        throw new Error(`${name} was not ready within ${timeoutMs} ms:\n${this.logTail(name)}`);
      }
      await sleep(50);
    }
  }

  private async isReady(name: AppName): Promise<boolean> {
    if (name === 'api') {
      try {
        return (await fetch(`${this.apiUrl}/health`, { signal: AbortSignal.timeout(2000) })).ok;
      } catch {
        return false;
      }
    }
    const counts = await Promise.all(
      WORKER_QUEUES[name].map((queue) => this.queue(queue).getWorkersCount()),
    );
    return counts.every((n) => n > 0);
  }

  /** SIGKILL, as a crash would; resolves once the process is gone. */
  async kill(name: AppName): Promise<void> {
    await this.signal(name, 'SIGKILL');
  }

  /**
   * SIGTERM, as an orchestrator stopping the app would; waits up to
   * `timeoutMs` for it to exit, then SIGKILLs it. `exit` is null when it had to be killed.
   */
  async terminate(name: AppName, timeoutMs: number): Promise<{ exit: AppExit | null; ms: number }> {
    const app = this.apps.get(name);
    if (!app || app.exit) throw new Error(`${name} is not running`);
    const started = Date.now();
    app.expectExit = true;
    this.send(app, 'SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((done) => (timer = setTimeout(() => done(null), timeoutMs)));
    const exit = await Promise.race([app.exited, late]);
    clearTimeout(timer);
    const ms = Date.now() - started;
    if (!exit) await this.signal(name, 'SIGKILL');
    return { exit, ms };
  }

  /** Whether the app's process is running. */
  running(name: AppName): boolean {
    const app = this.apps.get(name);
    return Boolean(app && !app.exit);
  }

  /** Where the app's HTTP is: the API, or a worker app's ops HTTP (health, metrics). */
  urlOf(name: AppName): string {
    return `http://127.0.0.1:${this.ports.get(name) ?? 0}`;
  }

  pid(name: AppName): number | undefined {
    return this.apps.get(name)?.child.pid;
  }

  private async signal(name: AppName, signal: NodeJS.Signals): Promise<void> {
    const app = this.apps.get(name);
    if (!app || app.exit) return;
    app.expectExit = true;
    this.send(app, signal);
    await app.exited;
  }

  private send(app: AppProcess, signal: NodeJS.Signals): void {
    try {
      process.kill(-(app.child.pid ?? 0), signal);
    } catch {
      app.child.kill(signal);
    }
  }

  /** Throws when an app died without being asked to, with its last log lines. */
  assertNoCrash(): void {
    if (this.crashes.length === 0) return;
    const names = APPS.filter((name) => this.crashes.some((c) => c.startsWith(name)));
    throw new Error(
      `${this.crashes.join('; ')}\n${names.map((n) => `--- ${n} ---\n${this.logTail(n)}`).join('\n')}`,
    );
  }

  /** A shared BullMQ handle on one queue, for readiness checks and job states. */
  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: redisOptions(String(this.options.env.REDIS_URL)) });
      // During a Redis restart the handle reconnects by itself; errors are only noise then.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** The ids of the jobs active right now in the given queues. */
  async activeJobs(
    queues: readonly string[] = WORK_QUEUES,
  ): Promise<{ queue: string; id: string }[]> {
    const lists = await Promise.all(
      queues.map(async (name) =>
        (await this.queue(name).getJobs(['active'])).flatMap((job) =>
          job?.id ? [{ queue: name, id: job.id }] : [],
        ),
      ),
    );
    return lists.flat();
  }

  /** The last lines an app wrote (all its runs, newest last). */
  logTail(name: AppName, lines = 25): string {
    const app = this.apps.get(name);
    if (!app) return '(never started)';
    try {
      const text = readFileSync(app.logFile, 'utf8');
      return text.trimEnd().split('\n').slice(-lines).join('\n') || '(empty)';
    } catch {
      return '(no log)';
    }
  }

  /** Stops every app (SIGTERM, SIGKILL after 10 s) and closes the queue handles. */
  async stop(): Promise<void> {
    await Promise.all(
      [...this.apps.keys()].map(async (name) => {
        if (this.running(name)) await this.terminate(name, 10_000);
      }),
    );
    await Promise.all(
      [...this.queues.values()].map((queue) => queue.close().catch(() => undefined)),
    );
    this.queues.clear();
  }
}
