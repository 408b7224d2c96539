import { loadConfig } from '@newsdesk/config';
import { MINIMAL_ENV } from '@newsdesk/testing';
import {
  EVENT_CONSUMERS,
  EventName,
  JOBS,
  JobName,
  JobQueue,
  QUEUES,
  STREAMED_EVENTS,
  jobIdOf,
  jobOptionsOf,
  jobQueuesOf,
  jobsOf,
  queueJobDefaults,
  registryProblems,
  workerOptionsOf,
} from './registry';

const config = loadConfig({
  ...MINIMAL_ENV,
  WEBHOOK_MAX_ATTEMPTS: '12',
  WEBHOOK_BACKOFF_MS: '20',
  MEDIA_CONCURRENCY: '3',
});
const article = '6f1c0f4e-0000-4000-8000-000000000001';

describe('job ids', () => {
  it('are the job name and the parts its payload names, the same for the same work', () => {
    expect(jobIdOf(JobName.ArticlePublish, { articleId: article, version: 4 })).toBe(
      `ArticlePublish-${article}-4`,
    );
    expect(jobIdOf(JobName.ArticleSubmission, { articleId: article, version: 4 })).toBe(
      jobIdOf(JobName.ArticleSubmission, { articleId: article, version: 4 }),
    );
    expect(jobIdOf(JobName.WebhookDeliver, { deliveryId: 'd1', redelivery: 0 })).toBe(
      'WebhookDeliver-d1',
    );
  });

  it('tell apart the reasons one job is queued for', () => {
    const distinct = (ids: string[]) => new Set(ids).size;
    expect(
      distinct([
        jobIdOf(JobName.ArticleUnpublish, { articleId: article, version: 4, scheduled: true }),
        jobIdOf(JobName.ArticleUnpublish, { articleId: article, version: 4, scheduled: false }),
      ]),
    ).toBe(2);
    expect(
      distinct([
        jobIdOf(JobName.ImageProcess, { imageId: 'i', scope: 'all', presetsHash: 'h1' }),
        jobIdOf(JobName.ImageProcess, { imageId: 'i', scope: 'all', presetsHash: 'h2' }),
        jobIdOf(JobName.ImageProcess, { imageId: 'i', scope: 'crops', changeId: 'c1' }),
        jobIdOf(JobName.ImageProcess, { imageId: 'i', scope: 'crops', changeId: 'c2' }),
      ]),
    ).toBe(4);
    expect(
      distinct([
        jobIdOf(JobName.WebhookDeliver, { deliveryId: 'd1', redelivery: 0 }),
        jobIdOf(JobName.WebhookDeliver, { deliveryId: 'd1', redelivery: 1 }),
        jobIdOf(JobName.WebhookDeliver, { deliveryId: 'd1', redelivery: 2 }),
      ]),
    ).toBe(3);
    const purge = { keys: ['home'] };
    expect(
      distinct([
        jobIdOf(JobName.CdnPurge, { eventId: 'e1', batch: 0, ...purge }),
        jobIdOf(JobName.CdnPurge, { eventId: 'e1', batch: 1, ...purge }),
        jobIdOf(JobName.CdnPurge, { eventId: 'e2', batch: 0, ...purge }),
      ]),
    ).toBe(3);
  });

  it('ignore what the payload carries besides the work (the keys of a purge)', () => {
    expect(jobIdOf(JobName.CdnPurge, { eventId: 'e1', batch: 0, keys: ['a'] })).toBe(
      jobIdOf(JobName.CdnPurge, { eventId: 'e1', batch: 0, keys: ['b'] }),
    );
  });

  it("give a purge's verification one id per purge batch, apart from the purge's own", () => {
    const verify = { eventId: 'e1', batch: 0, keys: ['home'] };
    expect(jobIdOf(JobName.CdnVerify, verify)).toBe('CdnVerify-e1-0');
    expect(jobIdOf(JobName.CdnVerify, { ...verify, keys: ['section:x'] })).toBe(
      jobIdOf(JobName.CdnVerify, verify),
    );
  });

  it('never contain a colon, which BullMQ refuses', () => {
    const id = jobIdOf(JobName.CdnPurge, { eventId: 'a:b', batch: 0, keys: [] });
    expect(id).toBe('CdnPurge-a_b-0');
  });

  it('are fresh when asked again at a later time', () => {
    const payload = { articleId: article, version: 4 };
    const usual = jobIdOf(JobName.ArticlePublish, payload);
    const again = jobIdOf(JobName.ArticlePublish, payload, new Date(1000));
    expect(again).not.toBe(usual);
    expect(again.startsWith(usual)).toBe(true);
    expect(jobIdOf(JobName.ArticlePublish, payload, new Date(2000))).not.toBe(again);
  });
});

describe('job and queue options', () => {
  it('take webhook retries and media concurrency from the config', () => {
    expect(jobOptionsOf(JobName.WebhookDeliver, config)).toMatchObject({
      attempts: 12,
      backoff: { type: 'exponential', delay: 20, jitter: 0.2 },
    });
    expect(queueJobDefaults(JobQueue.Webhooks, config)).toMatchObject({ attempts: 12 });
    expect(workerOptionsOf(JobQueue.Media, config).concurrency).toBe(3);
  });

  it('keep the standard retries and the short locks elsewhere', () => {
    expect(jobOptionsOf(JobName.ArticlePublish, config)).toMatchObject({
      attempts: 8,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 86400, count: 5000 },
    });
    expect(workerOptionsOf(JobQueue.Publication, config)).toEqual({
      concurrency: 8,
      lockDuration: 10_000,
      stalledInterval: 5_000,
      maxStalledCount: 5,
    });
  });

  it('give every job queue to one app', () => {
    expect(jobQueuesOf('workflow')).toEqual([JobQueue.Submission, JobQueue.Publication]);
    expect(jobQueuesOf('media')).toEqual([JobQueue.Media]);
    expect(jobQueuesOf('projector')).toEqual([JobQueue.Webhooks, JobQueue.Cdn]);
    expect(jobsOf('workflow')).toEqual([
      JobName.ArticleSubmission,
      JobName.ArticlePublish,
      JobName.ArticlePublishBatch,
      JobName.ArticleUnpublish,
    ]);
  });
});

describe('registryProblems', () => {
  it('finds none in the registry', () => {
    expect(registryProblems(config)).toEqual([]);
  });

  it('names an event that nobody would receive: no consumer, not streamed to the desk', () => {
    const streamed = STREAMED_EVENTS.filter((name) => name !== EventName.CommentAdded);
    expect(registryProblems(config, JOBS, QUEUES, EVENT_CONSUMERS, streamed)).toEqual([
      'event comment.added has no consumer and is not streamed: nobody would receive it',
    ]);
  });

  it('names a queue whose jobs two apps claim', () => {
    const jobs = {
      ...JOBS,
      [JobName.ArticleUnpublish]: { ...JOBS.ArticleUnpublish, app: 'media' as const },
    };
    expect(registryProblems(config, jobs)).toEqual([
      'queue "publication" must be worked by exactly one app; its jobs name workflow, media',
    ]);
  });

  it('names a queue no job runs on', () => {
    const jobs = {
      ...JOBS,
      [JobName.CdnPurge]: { ...JOBS.CdnPurge, queue: JobQueue.Webhooks },
      [JobName.CdnVerify]: { ...JOBS.CdnVerify, queue: JobQueue.Webhooks },
    };
    expect(registryProblems(config, jobs)).toEqual([
      'queue "cdn" must be worked by exactly one app; its jobs name none',
    ]);
  });

  it('names unsafe worker settings and retries', () => {
    const queues = {
      ...QUEUES,
      [JobQueue.Cdn]: { ...QUEUES.cdn, stalledInterval: 20_000 },
      [JobQueue.Media]: { ...QUEUES.media, maxStalledCount: 0 },
    };
    const problems = registryProblems(
      loadConfig({ ...MINIMAL_ENV, MEDIA_CONCURRENCY: '1' }),
      {
        ...JOBS,
        [JobName.ArticlePublish]: {
          ...JOBS.ArticlePublish,
          retry: { attempts: 0, backoff: { type: 'fixed', delay: 1 } },
        },
      },
      queues,
    );
    expect(problems).toEqual([
      'job ArticlePublish has 0 attempts; at least 1',
      'queue "media" fails a job at its first stall (maxStalledCount 0)',
      'queue "cdn" must check for stalled jobs (every 20000 ms) more often than its lock lasts (10000 ms)',
    ]);
  });
});
