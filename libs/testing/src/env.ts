/** The least environment that configures an app, for unit specs (no server is reached). */
export const MINIMAL_ENV: Readonly<Record<string, string>> = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  S3_ACCESS_KEY_ID: 'key',
  S3_SECRET_ACCESS_KEY: 'secret',
  S3_BUCKET: 'newsdesk',
  S3_PUBLIC_URL: 'http://127.0.0.1:4569/newsdesk/',
  JWT_SECRET: 'a-long-enough-secret',
};
