import { consumerOfQueue, jobSeconds } from './job-metrics';
import { routeLabel } from './http-metrics';
import { workerState } from './workers';

describe('job metrics', () => {
  it('knows an event queue by its consumer and a job queue by having none', () => {
    expect(consumerOfQueue('events.projector')).toBe('projector');
    expect(consumerOfQueue('events.webhooks')).toBe('webhooks');
    expect(consumerOfQueue('publication')).toBeNull();
  });

  it('times a job from being picked up to finishing', () => {
    expect(jobSeconds({ processedOn: 1_000, finishedOn: 3_500 })).toBe(2.5);
    expect(jobSeconds({ processedOn: 1_000, finishedOn: undefined }, 1_250)).toBe(0.25);
    expect(jobSeconds({ processedOn: undefined, finishedOn: undefined })).toBeNull();
  });
});

describe('routeLabel', () => {
  it('is the route pattern, or one label for whatever matched no route', () => {
    expect(routeLabel({ routeOptions: { url: '/api/articles/:id' } } as never)).toBe(
      '/api/articles/:id',
    );
    expect(routeLabel({ routeOptions: { url: undefined } } as never)).toBe('unmatched');
  });
});

describe('workerState', () => {
  it('tells running, closing and stopped workers apart', () => {
    const worker = (running: boolean, closing?: Promise<void>) => ({
      isRunning: () => running,
      closing,
    });
    expect(workerState(worker(true))).toBe('running');
    expect(workerState(worker(true, Promise.resolve()))).toBe('closing');
    expect(workerState(worker(false, Promise.resolve()))).toBe('stopped');
    expect(workerState(worker(false))).toBe('stopped');
  });
});
