import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { Clock, PermanentJobError } from '@newsdesk/common';
import { APP_CONFIG, presetsHash, type AppConfig, type Preset } from '@newsdesk/config';
import { EventName, Outbox, type JobName, type JobOf } from '@newsdesk/messaging';
import { isCropped } from '@newsdesk/config';
import { Image } from './image.entity';
import { readEmbeddedMetadata, type EmbeddedMetadata } from './image-metadata';
import {
  ImageRejected,
  ImageRenderer,
  type DecodedImage,
  type RenderedFile,
} from './image-renderer';
import { ObjectStorage } from './object-storage';
import { Rendition } from './rendition.entity';
import { releaseBuffer } from './release-buffer';

type RenditionRow = Omit<RenderedFile, 'body' | 'contentType'> & { bytes: number };

/** A refused original's hash: no SHA-256 (64 hex digits) matches it, and it stays unique. */
const refusedHash = (imageId: string) => `refused:${imageId}`;

/**
 * The `ImageProcess` job: decode the original, prefill metadata, write every
 * rendition to S3 and its row, mark the image ready and announce it. Running it
 * twice writes the same keys and leaves the same rows. A file that cannot be
 * processed marks the image `failed` with the reason instead of retrying.
 */
@Injectable()
export class ImageProcessingService {
  private readonly logger = new Logger(ImageProcessingService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly storage: ObjectStorage,
    private readonly renderer: ImageRenderer,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handleImageProcess({ imageId, scope }: JobOf<JobName.ImageProcess>): Promise<void> {
    const image = await this.em.fork().findOne(Image, { id: imageId });
    if (!image) throw new PermanentJobError(`image ${imageId} does not exist`);
    const all = this.config.images.presets;
    const presets = scope === 'crops' ? all.filter(isCropped) : all;
    const read = await this.readOriginal(image, all);
    if ('rejected' in read) {
      await this.fail(imageId, read.rejected, read.notAnnounced === true);
      return;
    }
    const { decoded, metadata } = read;
    let placeholder: { blurhash: string; dominantColor: string };
    let rows: RenditionRow[];
    try {
      placeholder = await this.renderer.placeholder(decoded);
      rows = await this.writeRenditions(image, decoded, presets);
    } finally {
      releaseBuffer(decoded.base.data);
    }

    const replaced = await this.em.fork().transactional(async (em) => {
      const current = await em.findOneOrFail(Image, { id: imageId }, { populate: ['renditions'] });
      const names = new Set(presets.map((p) => p.name));
      // Rows of the re-rendered presets: those at a (preset, format, width) rendered again
      // are updated in place by the upsert below; the others (a width no longer made) go.
      const slot = (r: { preset: string; format: string; width: number }) =>
        `${r.preset}/${r.format}/${r.width}`;
      const rendered = new Set(rows.map(slot));
      const previous = current.renditions.getItems().filter((r) => names.has(r.preset));
      previous.filter((r) => !rendered.has(slot(r))).forEach((r) => em.remove(r));
      // Keys taken now: the upsert updates these very entities.
      const staleKeys = previous
        .filter((r) => !rows.some((n) => n.key === r.key))
        .map((r) => r.key);
      // One statement for every rendition of the job.
      if (rows.length > 0)
        await em.upsertMany(
          Rendition,
          rows.map((row) => ({ id: randomUUID(), image: current, ...row })),
          {
            onConflictFields: ['image', 'preset', 'format', 'width'],
            // The row keeps its id; only what the new file says changes.
            onConflictMergeFields: ['actualWidth', 'height', 'bytes', 'key'],
          },
        );
      current.width = decoded.width;
      current.height = decoded.height;
      current.blurhash = placeholder.blurhash;
      current.dominantColor = placeholder.dominantColor;
      if (metadata) {
        // The file prefills what the photo desk left empty; what they typed wins.
        current.caption ||= metadata.caption;
        current.credit ||= metadata.credit;
        current.byline ||= metadata.byline;
        current.copyright ||= metadata.copyright;
        current.dateTaken ??= metadata.dateTaken;
      }
      current.status = 'ready';
      current.failureReason = null;
      current.processedAt = this.clock.now();
      if (scope === 'all') current.presetsHash = presetsHash(all);
      Outbox.event(em, EventName.ImageProcessed, { imageId, status: 'ready' });
      return staleKeys;
    });
    // Files of an earlier crop are no longer referenced; removing them is tidying, not correctness.
    for (const key of replaced) await this.storage.delete(key).catch(() => undefined);
    this.logger.log(`image ${imageId}: ${rows.length} renditions`);
  }

  /** Renders every rendition of the presets and writes each to S3; returns their rows. */
  private async writeRenditions(
    image: Image,
    decoded: DecodedImage,
    presets: Preset[],
  ): Promise<RenditionRow[]> {
    const files: RenderedFile[] = [];
    for await (const file of this.renderer.render(
      decoded,
      image.contentHash,
      presets,
      image.focalPoint,
    )) {
      files.push(file);
    }
    // Read before the uploads: a file's bytes are released once it is written.
    const rows = files.map(
      ({ preset, format, width, actualWidth, height, key, body }): RenditionRow => ({
        preset,
        format,
        width,
        actualWidth,
        height,
        key,
        bytes: body.length,
      }),
    );
    // Every file of the image goes out at once, after the last one is encoded (a few MB
    // held): S3 serves one burst instead of a request between every two encodes, each
    // of which found its caches cold. Replaying one image's requests beside two cores
    // of AVIF encoding, s3rver took 0.12 CPU s per image so, against 0.16 with each
    // file sent while the next one encoded.
    const sent = await Promise.allSettled(
      files.map((file) =>
        this.storage
          .put(file.key, file.body, file.contentType)
          // Written means sent whole: its bytes can go. A failed upload leaves them to the
          // collector, as a socket being torn down may still hold them.
          .then(() => releaseBuffer(file.body)),
      ),
    );
    // Every upload has ended before the job fails: a retry never races one of them.
    const failed = sent.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    return rows;
  }

  /**
   * Downloads and decodes the original, and reads its embedded metadata on first
   * processing. The original's bytes are let go when this returns: only the decode
   * stays for the renditions, which matters with several jobs at once.
   */
  private async readOriginal(
    image: Image,
    presets: Preset[],
  ): Promise<
    | { decoded: DecodedImage; metadata: EmbeddedMetadata | null }
    | { rejected: string; notAnnounced?: true }
  > {
    const original = await this.storage.getBuffer(image.originalKey); // S3 trouble: thrown, retried
    try {
      // First processing: the bytes must be those announced (a direct upload to a store
      // that does not check the signed checksum could have put others there).
      if (!image.processedAt) {
        const hash = createHash('sha256').update(original).digest('hex');
        if (hash !== image.contentHash) {
          return {
            rejected: `the stored file is not the one announced (SHA-256 ${hash}, announced ${image.contentHash}); upload it again`,
            notAnnounced: true,
          };
        }
      }
      let decoded: DecodedImage;
      try {
        decoded = await this.renderer.decode(original, presets);
      } catch (error) {
        if (!(error instanceof ImageRejected)) throw error;
        // sharp's bundled libvips reads HEIF only with AV1 inside (AVIF); HEVC needs a licensed decoder.
        const hint =
          image.mimeType === 'image/heic'
            ? ' (HEIC pictures with HEVC compression cannot be decoded here; export the picture as JPEG or AVIF)'
            : '';
        return { rejected: `${error.message}${hint}` };
      }
      const metadata = image.processedAt ? null : await readEmbeddedMetadata(original);
      return { decoded, metadata };
    } finally {
      releaseBuffer(original);
    }
  }

  /**
   * Marks the image failed. One whose stored file is not the one announced gives up
   * the announced hash: the real file can still be uploaded, as a new image, instead
   * of every later upload of it answering with this failed one.
   */
  private async fail(imageId: string, reason: string, notAnnounced = false): Promise<void> {
    this.logger.warn(`image ${imageId} failed: ${reason}`);
    await this.em.fork().transactional(async (em) => {
      const image = await em.findOneOrFail(Image, { id: imageId });
      image.status = 'failed';
      image.failureReason = reason.slice(0, 1000);
      if (notAnnounced) image.contentHash = refusedHash(imageId);
      Outbox.event(em, EventName.ImageProcessed, { imageId, status: 'failed' });
    });
  }
}
