import { randomUUID } from 'node:crypto';
import { Injectable, Module, type INestApplicationContext, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { APP_CONFIG, ConfigModule, type AppConfig } from '@newsdesk/config';
import {
  JobName,
  JobQueue,
  JobWorkers,
  JobsModule,
  OnJob,
  jobIdOf,
  jobOptionsOf,
  redisOptions,
  type JobContext,
  type JobOf,
  type JobOutcome,
} from '@newsdesk/messaging';

@Injectable()
class SubmissionOnly {
  @OnJob(JobName.ArticleSubmission)
  onSubmission(): Promise<void> {
    return Promise.resolve();
  }
}

@Injectable()
class Publications {
  @OnJob(JobName.ArticlePublish)
  onPublish(): Promise<void> {
    return Promise.resolve();
  }

  @OnJob(JobName.ArticlePublishBatch)
  onPublishBatch(): Promise<void> {
    return Promise.resolve();
  }

  @OnJob(JobName.ArticleUnpublish)
  onUnpublish(): Promise<void> {
    return Promise.resolve();
  }
}

@Injectable()
class StrayImages {
  @OnJob(JobName.ImageProcess)
  onImageProcess(): Promise<void> {
    return Promise.resolve();
  }
}

/** Records each run; the first run of a job asks to wait a little (as an early publication does). */
@Injectable()
class RecordingImages {
  readonly runs: { imageId: string; context: JobContext; at: number }[] = [];
  notBefore = new Map<string, Date>();

  @OnJob(JobName.ImageProcess)
  onImageProcess(job: JobOf<JobName.ImageProcess>, context: JobContext): Promise<JobOutcome> {
    this.runs.push({ imageId: job.imageId, context, at: Date.now() });
    const wait = this.notBefore.get(job.imageId);
    this.notBefore.delete(job.imageId);
    return Promise.resolve(wait ? { notBefore: wait } : undefined);
  }
}

function workflowWith(...handlers: Type<unknown>[]): Type<unknown> {
  @Module({ imports: [ConfigModule, JobsModule.forApp('workflow')], providers: handlers })
  class WorkflowLike {}
  return WorkflowLike;
}

const start = (module: Type<unknown>) =>
  NestFactory.createApplicationContext(module, { logger: false, abortOnError: false });

describe('job handlers', () => {
  it('refuses to start an app whose module lacks a handler, naming the jobs and the app', async () => {
    await expect(start(workflowWith(SubmissionOnly))).rejects.toThrow(
      'the workflow app cannot start: no handler for job(s): ArticlePublish, ArticlePublishBatch, ArticleUnpublish',
    );
  });

  it("refuses to start an app with a handler for another app's job", async () => {
    await expect(start(workflowWith(SubmissionOnly, Publications, StrayImages))).rejects.toThrow(
      'the workflow app cannot start: StrayImages.onImageProcess handles ImageProcess, a job of the media app',
    );
  });

  it('refuses to start an app with two handlers for one job', async () => {
    @Injectable()
    class MoreSubmissions {
      @OnJob(JobName.ArticleSubmission)
      onSubmissionToo(): Promise<void> {
        return Promise.resolve();
      }
    }
    await expect(
      start(workflowWith(SubmissionOnly, Publications, MoreSubmissions)),
    ).rejects.toThrow(
      'ArticleSubmission has two handlers: SubmissionOnly.onSubmission and MoreSubmissions.onSubmissionToo',
    );
  });

  describe('an app with every handler', () => {
    @Module({ imports: [ConfigModule, JobsModule.forApp('media')], providers: [RecordingImages] })
    class MediaLike {}

    let app: INestApplicationContext;
    let queue: Queue;
    let config: AppConfig;

    beforeAll(async () => {
      app = await start(MediaLike);
      config = app.get<AppConfig>(APP_CONFIG);
      queue = new Queue(JobQueue.Media, { connection: redisOptions(config.redisUrl) });
    });

    afterAll(async () => {
      await queue?.close();
      await app?.close();
    });

    async function finished(id: string): Promise<string> {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const state = await queue.getJobState(id);
        if (state === 'completed' || state === 'failed' || Date.now() > deadline) return state;
        await new Promise((r) => setTimeout(r, 20));
      }
    }

    it('works its queues with the registry options', () => {
      const worker = app.get(JobWorkers).of(JobQueue.Media);
      expect(worker.isRunning()).toBe(true);
      expect(worker.opts).toMatchObject({
        concurrency: config.images.concurrency,
        lockDuration: 10_000,
        stalledInterval: 5_000,
        maxStalledCount: 5,
      });
      expect(() => app.get(JobWorkers).of(JobQueue.Publication)).toThrow(/does not work/);
    });

    it('runs a job by its name, delays one that came early, and tells the last attempt', async () => {
      const images = app.get(RecordingImages);
      const early = { imageId: randomUUID(), scope: 'all', presetsHash: 'h' } as const;
      const once = { imageId: randomUUID(), scope: 'all', presetsHash: 'h' } as const;
      const notBefore = new Date(Date.now() + 300);
      images.notBefore.set(early.imageId, notBefore);
      const earlyId = jobIdOf(JobName.ImageProcess, early);
      const onceId = jobIdOf(JobName.ImageProcess, once);
      await queue.add(JobName.ImageProcess, early, {
        ...jobOptionsOf(JobName.ImageProcess, config),
        jobId: earlyId,
      });
      await queue.add(JobName.ImageProcess, once, { jobId: onceId, attempts: 1 });

      expect(await finished(earlyId)).toBe('completed');
      expect(await finished(onceId)).toBe('completed');
      const runsOf = (imageId: string) => images.runs.filter((r) => r.imageId === imageId);
      const [first, second] = runsOf(early.imageId);
      expect(runsOf(early.imageId)).toHaveLength(2);
      expect(first.context).toEqual({ id: earlyId, attemptsMade: 0, lastAttempt: false });
      expect(second.at).toBeGreaterThanOrEqual(notBefore.getTime());
      expect(runsOf(once.imageId).map((r) => r.context)).toEqual([
        { id: onceId, attemptsMade: 0, lastAttempt: true },
      ]);
    });
  });
});
