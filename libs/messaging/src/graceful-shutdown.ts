import { Logger, type INestApplication, type INestApplicationContext } from '@nestjs/common';
import { Server } from 'node:http';
import { ModulesContainer } from '@nestjs/core';
import type { Worker } from 'bullmq';
import { BullMqTransport } from './bullmq.transport';
import { jobWorkersAmong } from './job-workers';

/** The BullMQ job workers of an app (its `JobsModule`). */
function jobWorkersOf(app: INestApplicationContext): Worker[] {
  return jobWorkersAmong(
    [...app.get(ModulesContainer).values()].flatMap((module) =>
      [...module.providers.values()].map((wrapper): unknown => wrapper.instance),
    ),
  );
}

/** The Node HTTP server of an app that serves HTTP. */
function httpServerOf(app: INestApplicationContext): Server[] {
  const candidate = app as Partial<INestApplication>;
  if (typeof candidate.getHttpServer !== 'function') return [];
  const server: unknown = candidate.getHttpServer();
  return server instanceof Server ? [server as Server] : [];
}

/** Resolves true when `work` settles before `deadline`, false when the deadline comes first. */
async function within(work: Promise<unknown>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([work.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Stops the process on SIGTERM/SIGINT without losing work: first every BullMQ
 * worker of the apps (their job workers and event transports) stops
 * taking jobs and finishes the ones it runs, up to `graceMs`; then the apps
 * close (HTTP servers finish their requests, connections close) and the
 * process exits 0. A job still running when the grace period ends is not
 * waited for: its lock lapses and BullMQ's stalled check gives it to another
 * worker (handlers are idempotent), so it is returned, not lost.
 *
 * Use instead of `enableShutdownHooks()`: Nest's own hooks close Redis and the
 * queues (onModuleDestroy) before the workers (onApplicationShutdown), under
 * jobs still running, and end the process by re-raising the signal.
 */
export function stopGracefully(
  apps: INestApplicationContext[],
  { graceMs, signals = ['SIGTERM', 'SIGINT'] }: { graceMs: number; signals?: NodeJS.Signals[] },
): void {
  const logger = new Logger('Shutdown');
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    const deadline = Date.now() + graceMs;
    const workers = [...apps.flatMap(jobWorkersOf), ...BullMqTransport.listeningWorkers()];
    logger.log(`${signal}: taking no new jobs; finishing the running ones (up to ${graceMs} ms)`);
    if (!(await within(Promise.all(workers.map((worker) => worker.close())), deadline))) {
      logger.warn(
        `jobs still running after ${graceMs} ms: left to BullMQ, which returns them to their queue once their locks lapse`,
      );
    }
    // A keep-alive connection that turns idle after its last request would hold the HTTP server
    // open until its timeout: close such connections as they come, while the apps close.
    const servers = apps.flatMap(httpServerOf);
    const sweep = setInterval(
      () => servers.forEach((server) => server.closeIdleConnections()),
      100,
    );
    try {
      // The rest of the grace period, and at least a few seconds, to close servers and connections.
      const closing = Promise.all(apps.map((app) => app.close()));
      if (!(await within(closing, Math.max(deadline, Date.now() + 3000)))) {
        logger.warn('closing connections took too long; exiting anyway');
      }
    } finally {
      clearInterval(sweep);
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    stop(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${error instanceof Error ? error.stack : String(error)}`);
        process.exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, onSignal);
}
