import { AppMetrics, appMetrics, secondsSince } from './app-metrics';

describe('secondsSince', () => {
  const now = Date.parse('2026-03-01T12:00:10.000Z');

  it('measures from an ISO time, a Date or epoch milliseconds', () => {
    expect(secondsSince('2026-03-01T12:00:00.000Z', now)).toBe(10);
    expect(secondsSince(new Date('2026-03-01T12:00:09.500Z'), now)).toBe(0.5);
    expect(secondsSince(now - 2000, now)).toBe(2);
  });

  it('never goes negative when the other host’s clock is ahead, and refuses what is not a time', () => {
    expect(secondsSince('2026-03-01T12:00:11.000Z', now)).toBe(0);
    expect(secondsSince('yesterday', now)).toBeNull();
    expect(secondsSince(undefined, now)).toBeNull();
  });
});

describe('AppMetrics', () => {
  it('is one registry per app name, labelled with it', async () => {
    expect(appMetrics('unit-a')).toBe(appMetrics('unit-a'));
    expect(appMetrics('unit-a')).not.toBe(appMetrics('unit-b'));
    const metrics = appMetrics('unit-a');
    metrics.observePublishToListing(
      '2026-03-01T12:00:00.000Z',
      Date.parse('2026-03-01T12:00:00.250Z'),
    );
    const text = await metrics.metrics();
    expect(text).toMatch(/^newsdesk_publish_to_listing_seconds_count\{app="unit-a"\} 1$/m);
    expect(text).toMatch(
      /^newsdesk_publish_to_listing_seconds_bucket\{le="0.25",app="unit-a"\} 1$/m,
    );
    expect(text).toMatch(
      /^newsdesk_publish_to_listing_seconds_bucket\{le="0.1",app="unit-a"\} 0$/m,
    );
  });

  it('reads the scrape-time gauges once per scrape, and shows a failed outbox read as NaN (printed Nan)', async () => {
    const metrics = new AppMetrics('unit-gauges');
    let reads = 0;
    const remove = metrics.addSource({
      queueCounts: () => {
        reads++;
        return Promise.resolve([{ queue: 'media', state: 'waiting', count: 7 }]);
      },
      outbox: () => Promise.reject(new Error('database down')),
    });
    const text = await metrics.metrics();
    expect(reads).toBe(1);
    expect(text).toContain(
      'newsdesk_queue_jobs{queue="media",state="waiting",app="unit-gauges"} 7',
    );
    expect(text).toMatch(/^newsdesk_outbox_backlog\{app="unit-gauges"\} nan$/im);
    await metrics.metrics();
    expect(reads).toBe(2);
    remove();
    await metrics.metrics();
    expect(reads).toBe(2);
  });
});
