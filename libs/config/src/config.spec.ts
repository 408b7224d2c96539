import { availableParallelism } from 'node:os';
import { MINIMAL_ENV } from '@newsdesk/testing';
import { ConfigError, loadConfig } from './config';

const valid = MINIMAL_ENV;

describe('loadConfig', () => {
  it('builds a typed config with defaults', () => {
    const config = loadConfig(valid);
    expect(config.port).toBe(3000);
    expect(config.timezone).toBe('Europe/Berlin');
    expect(config.s3.publicUrl).toBe('http://127.0.0.1:4569/newsdesk');
  });

  it('names each missing or bad value', () => {
    const run = () =>
      loadConfig({ ...valid, DATABASE_URL: undefined, PORT: 'eighty', REDIS_URL: 'http://x' });
    expect(run).toThrow(ConfigError);
    try {
      run();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/DATABASE_URL: is required/);
      expect(problems).toMatch(/PORT:/);
      expect(problems).toMatch(/REDIS_URL: must start with redis:/);
    }
  });

  it('gives each worker app its own ops port', () => {
    expect(loadConfig(valid).opsPorts).toEqual({ workflow: 3001, media: 3002, projector: 3003 });
    expect(loadConfig({ ...valid, MEDIA_PORT: '0' }).opsPorts.media).toBe(0);
    expect(() => loadConfig({ ...valid, PROJECTOR_PORT: '70000' })).toThrow(/PROJECTOR_PORT/);
  });

  it('shares the cores among the image jobs as libvips threads, unless told otherwise', () => {
    const cores = availableParallelism();
    expect(loadConfig(valid).images).toMatchObject({ concurrency: cores, threadsPerJob: 1 });
    expect(loadConfig({ ...valid, MEDIA_CONCURRENCY: '1' }).images.threadsPerJob).toBe(cores);
    expect(
      loadConfig({ ...valid, MEDIA_CONCURRENCY: '1', MEDIA_THREADS_PER_JOB: '3' }).images
        .threadsPerJob,
    ).toBe(3);
    expect(() => loadConfig({ ...valid, MEDIA_THREADS_PER_JOB: '0' })).toThrow(
      /MEDIA_THREADS_PER_JOB/,
    );
  });

  it('has the media worker hand freed memory back above 448 MB, or as told', () => {
    expect(loadConfig(valid).images.purgeAboveBytes).toBe(448 * 1024 * 1024);
    expect(loadConfig({ ...valid, MEDIA_PURGE_ABOVE_MB: '300' }).images.purgeAboveBytes).toBe(
      300 * 1024 * 1024,
    );
    expect(() => loadConfig({ ...valid, MEDIA_PURGE_ABOVE_MB: '10' })).toThrow(
      /MEDIA_PURGE_ABOVE_MB/,
    );
  });

  it('refuses an unknown time zone', () => {
    expect(() => loadConfig({ ...valid, NEWSROOM_TIMEZONE: 'Mars/Olympus' })).toThrow(
      /NEWSROOM_TIMEZONE/,
    );
  });
});

describe('loadConfig: security settings', () => {
  it('trusts no proxy by default and reads the lists', () => {
    expect(loadConfig(valid)).toMatchObject({ trustedProxies: [], allowedOrigins: [] });
    const config = loadConfig({
      ...valid,
      TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16',
      ALLOWED_ORIGINS: 'https://desk.example/',
    });
    expect(config.trustedProxies).toEqual(['10.0.0.1', '192.168.0.0/16']);
    expect(config.allowedOrigins).toEqual(['https://desk.example']);
  });

  it('refuses a proxy that is no address and a lock cap below the first lock', () => {
    expect(() => loadConfig({ ...valid, TRUSTED_PROXIES: 'proxy.local' })).toThrow(
      /TRUSTED_PROXIES/,
    );
    expect(() =>
      loadConfig({ ...valid, LOGIN_LOCK_MS: '5000', LOGIN_LOCK_MAX_MS: '1000' }),
    ).toThrow(/LOGIN_LOCK_MAX_MS/);
  });
});
