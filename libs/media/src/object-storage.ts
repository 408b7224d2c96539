import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  CreateBucketCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { APP_CONFIG, s3ClientSettings, s3ErrorStatus, type AppConfig } from '@newsdesk/config';
import { releaseBuffer } from './release-buffer';

/** Every stored key names its content (a hash, or a rendition of one): it never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The header SigV4 signs the payload's SHA-256 in; the signer hashes the body only when it is missing. */
export const PAYLOAD_HASH_HEADER = 'x-amz-content-sha256';

/** Lets `command` be signed with a payload hash computed before, instead of hashing its body again. */
function signWithPayloadHash(command: PutObjectCommand, sha256: string): void {
  command.middlewareStack.add(
    (next) => (args) => {
      const request = args.request as { headers?: Record<string, string> };
      if (request.headers) request.headers[PAYLOAD_HASH_HEADER] = sha256;
      return next(args);
    },
    { step: 'build', name: 'knownPayloadHash' },
  );
}

/** A PUT a client makes straight to S3: the URL, and the headers it must send (they are signed). */
export interface PresignedPut {
  url: string;
  headers: Record<string, string>;
}

/** Headers a presigned PUT signs, so that S3 refuses a request that changes them. */
const SIGNED_PUT_HEADERS = new Set(['content-type', 'content-length', 'cache-control']);

/** The S3 adapter: everything Newsdesk keeps in object storage goes through here. */
@Injectable()
export class ObjectStorage implements OnModuleDestroy {
  private readonly s3: S3Client;
  /** Signs URLs for clients: the same store, reached at the endpoint they see. */
  private readonly signer: S3Client;
  private readonly bucket: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.bucket = config.s3.bucket;
    this.s3 = new S3Client(s3ClientSettings(config));
    this.signer = new S3Client({
      ...s3ClientSettings(config),
      endpoint: config.s3.uploadEndpoint,
    });
  }

  /**
   * A URL through which a client PUTs exactly `bytes` bytes of `contentType`
   * under `key` within `expiresInSeconds`, and the headers it must send. The
   * length, the type, the caching and the SHA-256 (base64, as S3 checks it)
   * are signed: S3 refuses a PUT that differs.
   */
  async presignPut(
    key: string,
    file: { contentType: string; bytes: number; sha256: string },
    expiresInSeconds: number,
  ): Promise<PresignedPut> {
    const checksum = Buffer.from(file.sha256, 'hex').toString('base64');
    const url = await getSignedUrl(
      this.signer,
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ContentType: file.contentType,
        ContentLength: file.bytes,
        CacheControl: IMMUTABLE,
        ChecksumSHA256: checksum,
      }),
      {
        expiresIn: expiresInSeconds,
        signableHeaders: SIGNED_PUT_HEADERS,
        unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
      },
    );
    return {
      url,
      headers: {
        'content-type': file.contentType,
        'cache-control': IMMUTABLE,
        'x-amz-checksum-sha256': checksum,
      },
    };
  }

  /**
   * Stores a body under `key`. A buffer goes in one request; a stream is
   * uploaded in parts, never buffered whole. `sha256` (hex), when the caller
   * has hashed the buffer already, is the payload hash the request is signed
   * with: the client does not hash the bytes a second time, and S3 still
   * refuses a body that does not match it.
   */
  async put(
    key: string,
    body: Buffer | Readable,
    contentType: string,
    sha256?: string,
  ): Promise<void> {
    if (Buffer.isBuffer(body)) {
      const command = new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentLength: body.length,
        ContentType: contentType,
        CacheControl: IMMUTABLE,
      });
      if (sha256) signWithPayloadHash(command, sha256);
      await this.s3.send(command);
      return;
    }
    await new Upload({
      client: this.s3,
      params: {
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        CacheControl: IMMUTABLE,
      },
    }).done();
  }

  /** Copies within the bucket (server side: the bytes do not pass through us). */
  async copy(fromKey: string, toKey: string, contentType: string): Promise<void> {
    await this.s3.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        Key: toKey,
        CopySource: `${this.bucket}/${encodeURIComponent(fromKey).replace(/%2F/g, '/')}`,
        ContentType: contentType,
        MetadataDirective: 'REPLACE',
        CacheControl: IMMUTABLE,
      }),
    );
  }

  async delete(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /**
   * An object's size and its first `count` bytes (fewer when it is shorter), in one
   * ranged GET: the size comes from `Content-Range`. Null when there is no such object.
   */
  async peek(key: string, count: number): Promise<{ size: number; head: Buffer } | null> {
    try {
      const out = await this.s3.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${count - 1}` }),
      );
      // "bytes 0-31/5860000"; a server that ignored the range sends the whole object
      const total = /\/(\d+)$/.exec(out.ContentRange ?? '')?.[1];
      if (total === '0') {
        // Some servers (s3rver) answer an empty object's range with a body they never send.
        (out.Body as Readable | undefined)?.destroy();
        return { size: 0, head: Buffer.alloc(0) };
      }
      const bytes = (await out.Body?.transformToByteArray()) ?? new Uint8Array();
      const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, count));
      return { size: total === undefined ? bytes.byteLength : Number(total), head };
    } catch (error) {
      const status = s3ErrorStatus(error);
      if (status === 404) return null;
      // Not satisfiable from byte 0: the object is empty.
      if (status === 416) return { size: 0, head: Buffer.alloc(0) };
      throw error;
    }
  }

  /**
   * The whole object in one buffer of its announced length: the chunks are copied
   * into it as they arrive, instead of being kept and joined into a second copy.
   */
  async getBuffer(key: string): Promise<Buffer> {
    const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!out.Body) throw new Error(`object ${key} has no body`);
    const size = out.ContentLength;
    if (size === undefined) {
      const bytes = await out.Body.transformToByteArray();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength); // a view, not a copy
    }
    const buffer = Buffer.allocUnsafeSlow(size);
    let filled = 0;
    for await (const chunk of out.Body as Readable) {
      const bytes = chunk as Buffer;
      if (filled + bytes.length > size) {
        (out.Body as Readable).destroy();
        throw new Error(`object ${key} is longer than its ${size} bytes`);
      }
      filled += bytes.copy(buffer, filled);
      releaseBuffer(bytes); // copied: its memory goes now, not at V8's next full collection
    }
    if (filled !== size) throw new Error(`object ${key}: ${filled} of ${size} bytes arrived`);
    return buffer;
  }

  /** Creates the bucket when it is missing (development and tests). */
  async ensureBucket(): Promise<void> {
    try {
      await this.s3.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch {
      await this.s3.send(new CreateBucketCommand({ Bucket: this.bucket }));
    }
  }

  onModuleDestroy(): void {
    this.s3.destroy();
    this.signer.destroy();
  }
}
