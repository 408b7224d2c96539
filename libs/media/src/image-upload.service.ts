import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { PayloadTooLarge, UnsupportedMediaType } from '@newsdesk/common';
import { APP_CONFIG, presetsHash, type AppConfig } from '@newsdesk/config';
import { JobName, Outbox } from '@newsdesk/messaging';
import { ORIGINAL_MIME, SNIFF_BYTES, sniffImageFormat, type OriginalFormat } from './format-sniff';
import { Image } from './image.entity';
import { cleanImageText, type ImageText } from './image-text';
import { ObjectStorage } from './object-storage';

export interface UploadResult {
  image: Image;
  /** False when the same bytes were uploaded before: the existing image is returned. */
  created: boolean;
}

const EXTENSIONS: Record<OriginalFormat, string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
  heic: 'heic',
  tiff: 'tif',
  gif: 'gif',
};

/** Reads from a stream until `count` bytes (or its end) are there; returns those chunks. */
async function readHead(stream: Readable, count: number): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  let length = 0;
  while (length < count) {
    const chunk = stream.read() as Buffer | null;
    if (chunk) {
      chunks.push(chunk);
      length += chunk.length;
      continue;
    }
    if (stream.readableEnded || stream.destroyed) break;
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        stream.off('readable', done).off('end', done).off('error', fail);
        resolve();
      };
      const fail = (error: Error) => {
        stream.off('readable', done).off('end', done);
        reject(error);
      };
      stream.once('readable', done).once('end', done).once('error', fail);
    });
  }
  return chunks;
}

/**
 * Takes an original from the photo desk: checks its real format from the
 * first bytes, streams it to S3 while hashing it (never holding it whole),
 * and either returns the image that already has these bytes or creates one
 * and queues its processing — row and job in one transaction.
 */
@Injectable()
export class ImageUploadService {
  private readonly logger = new Logger(ImageUploadService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Streams `file` to S3. `isTooLarge` tells whether the transport cut the
   * stream at the size limit. Returns the stored bytes' hash and format; the
   * caller then calls {@link register}, or {@link discard} if its own checks fail.
   */
  async receive(
    file: Readable,
    isTooLarge: () => boolean,
  ): Promise<{ tempKey: string; hash: string; format: OriginalFormat; bytes: number }> {
    const head = await readHead(file, SNIFF_BYTES);
    const format = sniffImageFormat(Buffer.concat(head));
    if (!format) {
      file.resume(); // drain, so that the request can finish
      throw new UnsupportedMediaType(
        'the file is not an image of an accepted format (JPEG, PNG, WebP, AVIF, HEIC, TIFF, GIF)',
        {
          problems: [{ field: 'file', reason: 'unsupported format' }],
        },
      );
    }
    const hash = createHash('sha256');
    let bytes = 0;
    const body = new PassThrough();
    const count = (chunk: Buffer) => {
      hash.update(chunk);
      bytes += chunk.length;
    };
    head.forEach(count);
    for (const chunk of head) body.write(chunk);
    file.on('data', count);
    file.on('error', (error) => body.destroy(error));
    // It may have failed while its head was being read, before the listener above.
    if (file.errored) body.destroy(file.errored);
    file.pipe(body);

    const tempKey = `uploads/${randomUUID()}`;
    try {
      await this.storage.put(tempKey, body, ORIGINAL_MIME[format]);
    } catch (error) {
      await this.storage.delete(tempKey).catch(() => undefined);
      if (isTooLarge()) throw this.tooLarge();
      throw error;
    }
    if (isTooLarge() || bytes > this.config.images.maxBytes) {
      await this.storage.delete(tempKey).catch(() => undefined);
      throw this.tooLarge();
    }
    return { tempKey, hash: hash.digest('hex'), format, bytes };
  }

  /** Turns a received file into an image (or finds the one with the same bytes) and queues its processing. */
  async register(
    received: { tempKey: string; hash: string; format: OriginalFormat; bytes: number },
    text: ImageText,
    uploadedBy: string,
  ): Promise<UploadResult> {
    const clean = cleanImageText(text);
    const existing = await this.em.fork().findOne(Image, { contentHash: received.hash });
    if (existing) {
      await this.discard(received.tempKey);
      return { image: existing, created: false };
    }
    const originalKey = `originals/${received.hash}.${EXTENSIONS[received.format]}`;
    await this.storage.copy(received.tempKey, originalKey, ORIGINAL_MIME[received.format]);
    await this.discard(received.tempKey);
    try {
      const image = await this.em.fork().transactional((em) => {
        const image = em.create(Image, {
          contentHash: received.hash,
          originalKey,
          mimeType: ORIGINAL_MIME[received.format],
          byteSize: received.bytes,
          alt: clean.alt ?? '',
          caption: clean.caption ?? '',
          credit: clean.credit ?? '',
          uploadedBy,
        });
        Outbox.job(em, JobName.ImageProcess, {
          imageId: image.id,
          scope: 'all',
          presetsHash: presetsHash(this.config.images.presets),
        });
        return Promise.resolve(image);
      });
      return { image, created: true };
    } catch (error) {
      // The same bytes uploaded twice at once: the other upload won; both get its image.
      if (error instanceof UniqueConstraintViolationException) {
        return {
          image: await this.em.fork().findOneOrFail(Image, { contentHash: received.hash }),
          created: false,
        };
      }
      throw error;
    }
  }

  async discard(tempKey: string): Promise<void> {
    await this.storage
      .delete(tempKey)
      .catch((error: unknown) => this.logger.warn(`could not delete ${tempKey}: ${String(error)}`));
  }

  private tooLarge(): PayloadTooLarge {
    return new PayloadTooLarge(`the file is larger than ${this.config.images.maxBytes} bytes`, {
      limit: this.config.images.maxBytes,
      problems: [{ field: 'file', reason: `larger than ${this.config.images.maxBytes} bytes` }],
    });
  }
}
