import { Logger, type INestApplicationContext } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyServerOptions } from 'fastify';
import type { Socket } from 'node:net';
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

/**
 * The HTTP adapter of every app: Fastify, whose `close()` waits only for the
 * requests in flight. Node's `server.close()` closes the keep-alive
 * connections that are idle at that moment, but not two other kinds, which
 * would hold the server open for a minute or more: one whose response was
 * still being written then (a request in flight, a live stream being ended)
 * turns idle only afterwards and would wait out its keep-alive timeout (72 s
 * in Fastify); one a client opened ahead of a request it never sent (browsers
 * open spare connections) is not idle to Node and waits for its headers
 * timeout. While the server closes, both are closed as they come.
 */
export function httpAdapter(options?: FastifyServerOptions): FastifyAdapter {
  const adapter = new FastifyAdapter(options);
  const fastify = adapter.getInstance();
  const server = fastify.server;
  const connections = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });
  const sweep = () => {
    server.closeIdleConnections();
    for (const socket of connections) if (socket.bytesRead === 0) socket.destroy();
  };
  fastify.addHook('preClose', (done) => {
    const sweeping = setInterval(sweep, 100).unref();
    server.once('close', () => clearInterval(sweeping));
    sweep();
    done();
  });
  return adapter;
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
    // The rest of the grace period, and at least a few seconds, to close servers and connections
    // (each app's HTTP adapter closes keep-alive connections as they turn idle: httpAdapter()).
    const closing = Promise.all(apps.map((app) => app.close()));
    if (!(await within(closing, Math.max(deadline, Date.now() + 3000)))) {
      logger.warn('closing connections took too long; exiting anyway');
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
