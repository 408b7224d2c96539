import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import type { Worker } from 'bullmq';
import { AppMetrics, appMetrics } from './app-metrics';
import { HttpMetrics } from './http-metrics';
import { RedisHealth, S3BucketHealth, WorkersHealth } from './health-indicators';
import { OpsController } from './ops.controller';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './options';
import { Readiness } from './readiness';
import { QueueAndOutboxSource } from './scrape-source';
import { AppWorkers } from './workers';

/**
 * Metrics and health for one app: its prom-client registry (process metrics,
 * job counts and durations of every BullMQ worker in the app, event age, HTTP
 * request durations, queue and outbox gauges read at scrape time) and its
 * readiness checks (Postgres, Redis and its eviction policy, the S3 bucket,
 * the workers). Import it once per Nest app with {@link ObservabilityModule.forRoot}.
 */
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [DiscoveryModule, TerminusModule.forRoot({ errorLogStyle: 'json' })],
      controllers: options.controllers ? [OpsController] : [],
      providers: [
        { provide: OBSERVABILITY_OPTIONS, useValue: options },
        { provide: AppMetrics, useValue: appMetrics(options.app) },
        AppWorkers,
        QueueAndOutboxSource,
        HttpMetrics,
        RedisHealth,
        S3BucketHealth,
        WorkersHealth,
        Readiness,
      ],
      exports: [AppMetrics, AppWorkers, Readiness],
    };
  }
}

/**
 * Includes a listening event transport's BullMQ worker (`BullMqTransport`) in
 * the app's job metrics and readiness. Call it after the microservice listens:
 * the transport makes its worker only then.
 */
export function watchTransport(app: INestApplicationContext, transport: { unwrap<T>(): T }): void {
  app.get(AppWorkers).watch(transport.unwrap<Worker>());
}
