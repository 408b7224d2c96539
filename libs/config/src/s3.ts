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
    // No CRC32 of every body the SDK sends or receives (its default since 3.729): a
    // streamed upload would go out aws-chunked with a trailing checksum that the store
    // then decodes. Buffers stay covered by the signature's SHA-256 of the payload.
    requestChecksumCalculation: 'WHEN_REQUIRED' as const,
    responseChecksumValidation: 'WHEN_REQUIRED' as const,
  };
}

/** The HTTP status S3 answered a failed command with, if it answered at all. */
export function s3ErrorStatus(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

/**
 * The origin a client PUTs direct uploads to: the upload endpoint's, or on AWS
 * the bucket's virtual-hosted one. The desk's CSP lets it connect there.
 */
export function s3UploadOrigin(config: AppConfig): string {
  const { uploadEndpoint, bucket, region } = config.s3;
  return uploadEndpoint
    ? new URL(uploadEndpoint).origin
    : `https://${bucket}.s3.${region}.amazonaws.com`;
}
