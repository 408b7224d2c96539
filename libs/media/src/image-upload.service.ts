import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { PayloadTooLarge, UnsupportedMediaType } from '@newsdesk/common';
import { APP_CONFIG, presetsHash, type AppConfig } from '@newsdesk/config';
import { JobName, Outbox } from '@newsdesk/messaging';
import { ORIGINAL_MIME, SNIFF_BYTES, sniffImageFormat, type OriginalFormat } from './format-sniff';
import { Image } from './image.entity';
import { PendingUpload } from './pending-upload.entity';
import { cleanImageText, type ImageText } from './image-text';
import { ObjectStorage } from './object-storage';
import { releaseBuffer } from './release-buffer';

export interface UploadResult {
  image: Image;
  /** False when the same bytes were uploaded before: the existing image is returned. */
  created: boolean;
}

/**
 * Files up to this size are held in memory until they are registered, then
 * stored once under their final key; larger ones stream to a temporary key and
 * are copied. 16 MiB holds a 24-megapixel JPEG (6–15 MB) and is less than what
 * a streamed upload buffers anyway (four 5 MiB parts in flight).
 */
export const WHOLE_UPLOAD_BYTES = 16 * 1024 * 1024;

/** A file taken in: in memory (`body`), or streamed to a temporary key (`tempKey`). */
export type ReceivedFile = {
  hash: string;
  format: OriginalFormat;
  bytes: number;
} & ({ body: Buffer; tempKey: null } | { body: null; tempKey: string });

/** An original in its place in the bucket, hashed and sniffed. */
export interface StoredOriginal {
  hash: string;
  format: OriginalFormat;
  bytes: number;
  originalKey: string;
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

/** The file name extension an original of `format` is stored with. */
export const originalExtension = (format: OriginalFormat): string => EXTENSIONS[format];

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
 * first bytes, hashes it (holding no more than {@link WHOLE_UPLOAD_BYTES} of it),
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
   * Takes `file` in. `isTooLarge` tells whether the transport cut the stream
   * at the size limit. A file of up to {@link WHOLE_UPLOAD_BYTES} is kept in
   * memory and not stored yet: {@link register} writes it once, straight to its
   * final key, or not at all when the same bytes are there already. A larger
   * file streams to a temporary key while it is hashed. The caller then calls
   * {@link register}, or {@link discard} if its own checks fail.
   */
  async receive(file: Readable, isTooLarge: () => boolean): Promise<ReceivedFile> {
    const head = await readHead(file, SNIFF_BYTES);
    const format = sniffImageFormat(Buffer.concat(head));
    if (!format) {
      file.resume(); // drain, so that the request can finish
      throw unsupportedFormat();
    }
    const read = head.reduce((sum, chunk) => sum + chunk.length, 0);
    head.push(...(await readHead(file, WHOLE_UPLOAD_BYTES + 1 - read)));
    if (file.errored) throw file.errored;
    if (file.readableEnded) {
      const body = Buffer.concat(head);
      // Copied: the parser's chunks can go now, not at V8's next full collection.
      head.forEach(releaseBuffer);
      if (isTooLarge() || body.length > this.config.images.maxBytes) throw this.tooLarge();
      const hash = createHash('sha256').update(body).digest('hex');
      return { body, tempKey: null, hash, format, bytes: body.length };
    }
    return this.stream(file, head, format, isTooLarge);
  }

  /** Streams a file whose first chunks were read already to a temporary key, hashing it. */
  private async stream(
    file: Readable,
    head: Buffer[],
    format: OriginalFormat,
    isTooLarge: () => boolean,
  ): Promise<ReceivedFile> {
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
    return { body: null, tempKey, hash: hash.digest('hex'), format, bytes };
  }

  /** Turns a received file into an image (or finds the one with the same bytes) and queues its processing. */
  async register(
    received: ReceivedFile,
    text: ImageText,
    uploadedBy: string,
  ): Promise<UploadResult> {
    const clean = cleanImageText(text);
    const existing = await this.em.fork().findOne(Image, { contentHash: received.hash });
    if (existing) {
      await this.discard(received);
      if (received.body) releaseBuffer(received.body); // sent nowhere
      return { image: existing, created: false };
    }
    const originalKey = `originals/${received.hash}.${originalExtension(received.format)}`;
    if (received.body) {
      // Hashed on the way in already: the request is signed with that hash.
      await this.storage.put(
        originalKey,
        received.body,
        ORIGINAL_MIME[received.format],
        received.hash,
      );
      // Stored means sent whole. A failed PUT leaves the bytes to the collector, as a
      // socket being torn down may still hold them.
      releaseBuffer(received.body);
    } else {
      await this.storage.copy(received.tempKey, originalKey, ORIGINAL_MIME[received.format]);
      await this.discard(received);
    }
    return this.create({ ...received, originalKey }, clean, uploadedBy);
  }

  /**
   * Creates the image of an original stored under `originalKey` and queues its
   * processing, row and job in one transaction. When an image with the same
   * hash came first (two uploads of the same bytes at once), returns that one.
   * `pendingUpload` names a direct upload's key, no longer pending once the image
   * names it: its row goes in the same transaction.
   */
  async create(
    original: StoredOriginal,
    text: ImageText,
    uploadedBy: string,
    pendingUpload?: string,
  ): Promise<UploadResult> {
    const clean = cleanImageText(text);
    try {
      const image = await this.em.fork().transactional(async (em) => {
        if (pendingUpload) await em.nativeDelete(PendingUpload, { key: pendingUpload });
        const image = em.create(Image, {
          contentHash: original.hash,
          originalKey: original.originalKey,
          mimeType: ORIGINAL_MIME[original.format],
          byteSize: original.bytes,
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
        return image;
      });
      return { image, created: true };
    } catch (error) {
      // The same bytes uploaded twice at once: the other upload won; both get its image.
      if (error instanceof UniqueConstraintViolationException) {
        return {
          image: await this.em.fork().findOneOrFail(Image, { contentHash: original.hash }),
          created: false,
        };
      }
      throw error;
    }
  }

  /** Lets go of a received file: deletes its temporary key, if it has one. */
  async discard(received: ReceivedFile): Promise<void> {
    const { tempKey } = received;
    if (tempKey === null) return;
    await this.storage
      .delete(tempKey)
      .catch((error: unknown) => this.logger.warn(`could not delete ${tempKey}: ${String(error)}`));
  }

  private tooLarge(): PayloadTooLarge {
    return fileTooLarge(this.config.images.maxBytes);
  }
}

/** 415 for a file (or an announced type) that is no image of an accepted format. */
export function unsupportedFormat(field = 'file'): UnsupportedMediaType {
  return new UnsupportedMediaType(
    'the file is not an image of an accepted format (JPEG, PNG, WebP, AVIF, HEIC, TIFF, GIF)',
    { problems: [{ field, reason: 'unsupported format' }] },
  );
}

/** 413 for a file over the size limit. */
export function fileTooLarge(maxBytes: number, field = 'file'): PayloadTooLarge {
  return new PayloadTooLarge(`the file is larger than ${maxBytes} bytes`, {
    limit: maxBytes,
    problems: [{ field, reason: `larger than ${maxBytes} bytes` }],
  });
}
