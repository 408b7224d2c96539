import { ConfigError, loadConfig } from './config';

const valid = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  S3_ACCESS_KEY_ID: 'key',
  S3_SECRET_ACCESS_KEY: 'secret',
  S3_BUCKET: 'newsdesk',
  S3_PUBLIC_URL: 'http://127.0.0.1:4569/newsdesk/',
  JWT_SECRET: 'a-long-enough-secret',
};

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

  it('refuses an unknown time zone', () => {
    expect(() => loadConfig({ ...valid, NEWSROOM_TIMEZONE: 'Mars/Olympus' })).toThrow(
      /NEWSROOM_TIMEZONE/,
    );
  });
});
