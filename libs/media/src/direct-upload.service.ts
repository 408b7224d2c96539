import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  Clock,
  ConflictError,
  Expired,
  Forbidden,
  TokenSigner,
  UnsupportedMediaType,
  ValidationFailed,
} from '@newsdesk/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { ORIGINAL_MIME, SNIFF_BYTES, sniffImageFormat, type OriginalFormat } from './format-sniff';
import { Image } from './image.entity';
import { PendingUpload } from './pending-upload.entity';
import { cleanImageText, type ImageText } from './image-text';
import {
  fileTooLarge,
  ImageUploadService,
  originalExtension,
  unsupportedFormat,
  type UploadResult,
} from './image-upload.service';
import { ObjectStorage } from './object-storage';

/** How long a direct upload's URL and token stay good. */
export const DIRECT_UPLOAD_SECONDS = 15 * 60;

/** What a direct upload announces before its bytes go to S3. */
export interface DirectUploadRequest {
  /** SHA-256 of the file, lowercase hex. */
  sha256: string;
  bytes: number;
  contentType: string;
}

/** Where and how to PUT the file, and the token that completes the upload. */
export interface DirectUploadTicket {
  token: string;
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
  expiresAt: string;
}

/** What the token carries: the key, the announced file, who started it, until when. */
interface UploadClaims {
  key: string;
  sha256: string;
  bytes: number;
  format: OriginalFormat;
  user: string;
  exp: number;
}

const FORMAT_OF_MIME = new Map(
  Object.entries(ORIGINAL_MIME).map(([format, mime]) => [mime, format as OriginalFormat]),
);

/**
 * Uploads that go from the client straight to S3, not through the API: the
 * client announces the file's hash, size and type, PUTs it to a presigned URL,
 * then completes the upload with the token it got. The API checks what
 * arrived (its size from S3, its format from its first bytes); the media
 * worker checks its SHA-256 when it reads it, where a store that does not
 * check the signed checksum (s3rver) let other bytes through. The same
 * bytes already stored answer with their image, and nothing is uploaded.
 */
@Injectable()
export class DirectUploadService {
  private readonly logger = new Logger(DirectUploadService.name);
  private readonly tokens: TokenSigner<UploadClaims>;

  constructor(
    private readonly em: EntityManager,
    private readonly storage: ObjectStorage,
    private readonly uploads: ImageUploadService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.tokens = new TokenSigner(config.jwt.secret, 'newsdesk-direct-upload');
  }

  /** The image with these bytes, if there is one; else a URL to PUT them to, and the token. */
  async start(
    request: DirectUploadRequest,
    uploadedBy: string,
  ): Promise<{ existing: UploadResult } | { ticket: DirectUploadTicket }> {
    const format = FORMAT_OF_MIME.get(request.contentType);
    if (!format) throw unsupportedFormat('contentType');
    if (request.bytes > this.config.images.maxBytes) {
      throw fileTooLarge(this.config.images.maxBytes, 'bytes');
    }
    const existing = await this.em.fork().findOne(Image, { contentHash: request.sha256 });
    if (existing) return { existing: { image: existing, created: false } };

    const key = `originals/${randomUUID()}.${originalExtension(format)}`;
    const exp = Math.floor(this.clock.now().getTime() / 1000) + DIRECT_UPLOAD_SECONDS;
    const put = await this.storage.presignPut(key, request, DIRECT_UPLOAD_SECONDS);
    // Known before the URL is handed out: whatever is PUT under it is swept if never completed.
    await this.em
      .fork()
      .insert(PendingUpload, { key, expiresAt: new Date(exp * 1000), uploadedBy });
    const claims: UploadClaims = {
      key,
      sha256: request.sha256,
      bytes: request.bytes,
      format,
      user: uploadedBy,
      exp,
    };
    return {
      ticket: {
        token: this.tokens.sign(claims),
        url: put.url,
        method: 'PUT',
        headers: put.headers,
        expiresAt: new Date(exp * 1000).toISOString(),
      },
    };
  }

  /**
   * Registers what was PUT under the token's key and queues its processing. A
   * file of another size or format than announced is deleted and refused; the
   * token stays good until it expires, for a second try.
   */
  async complete(token: string, text: ImageText, uploadedBy: string): Promise<UploadResult> {
    const claims = this.verify(token);
    if (claims.user !== uploadedBy) {
      throw new Forbidden('this upload was started by someone else');
    }
    cleanImageText(text); // refused before anything is looked at
    const arrived = await this.storage.peek(claims.key, SNIFF_BYTES);
    if (arrived === null) {
      throw new ConflictError('nothing has arrived for this upload yet: PUT the file first', {
        problems: [{ field: 'token', reason: 'no file under this upload yet' }],
      });
    }
    if (arrived.size !== claims.bytes) {
      await this.remove(claims.key);
      throw new ValidationFailed([
        {
          field: 'file',
          reason: `${arrived.size} bytes arrived where ${claims.bytes} were announced`,
        },
      ]);
    }
    const format = sniffImageFormat(arrived.head);
    if (format !== claims.format) {
      await this.remove(claims.key);
      throw format
        ? new UnsupportedMediaType(
            `the file is ${ORIGINAL_MIME[format]}, not the ${ORIGINAL_MIME[claims.format]} announced`,
            { problems: [{ field: 'file', reason: 'not the announced format' }] },
          )
        : unsupportedFormat();
    }
    const result = await this.uploads.create(
      { hash: claims.sha256, format, bytes: claims.bytes, originalKey: claims.key },
      text,
      uploadedBy,
      claims.key,
    );
    // The same bytes completed by another upload first: this copy is not needed. Its
    // pending row stays for the sweeper, which deletes the key again after the token
    // has run out: a delete that fails here leaves no file behind for good.
    if (result.image.originalKey !== claims.key) await this.remove(claims.key);
    return result;
  }

  private async remove(key: string): Promise<void> {
    await this.storage
      .delete(key)
      .catch((error: unknown) => this.logger.warn(`could not delete ${key}: ${String(error)}`));
  }

  private verify(token: string): UploadClaims {
    const claims = this.tokens.open(token);
    if (!claims) {
      throw new ValidationFailed([
        { field: 'token', reason: 'is not an upload token (altered or incomplete)' },
      ]);
    }
    if (claims.exp * 1000 < this.clock.now().getTime()) {
      throw new Expired('the upload has expired; start it again');
    }
    return claims;
  }
}
