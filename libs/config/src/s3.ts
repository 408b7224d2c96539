import type { AppConfig } from './config';

/**
 * How every S3 client of Newsdesk reaches the store: path-style addressing when
 * an endpoint is set (MinIO, s3rver), AWS's virtual-hosted style otherwise.
 */
export function s3ClientSettings(config: AppConfig) {
  return {
    endpoint: config.s3.endpoint,
    region: config.s3.region,
    forcePathStyle: Boolean(config.s3.endpoint),
    credentials: {
      accessKeyId: config.s3.accessKeyId,
      secretAccessKey: config.s3.secretAccessKey,
    },
  };
}
