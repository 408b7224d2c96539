import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { NotFound, ValidationFailed, isUuid } from '@newsdesk/common';
import { APP_CONFIG, presetsHash, type AppConfig } from '@newsdesk/config';
import { EventName, JobName, Outbox } from '@newsdesk/messaging';
import { IMAGE_STATUSES, Image, type FocalPoint, type ImageStatus } from './image.entity';
import { cleanImageText, parseFocalPoint } from './image-text';
import { renditionUrl } from './public-image';

/** An image as the photo desk and editors see it. */
export interface ImageView {
  id: string;
  status: ImageStatus;
  failureReason: string | null;
  mimeType: string;
  bytes: number | null;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  credit: string;
  byline: string;
  copyright: string;
  dateTaken: string | null;
  focalPoint: FocalPoint | null;
  blurhash: string | null;
  dominantColor: string | null;
  original: string;
  renditions: {
    preset: string;
    format: string;
    width: number;
    height: number;
    bytes: number;
    url: string;
  }[];
  createdAt: string;
  updatedAt: string;
}

/** How many images a page of `list` holds. */
export const IMAGE_LIST_LIMITS = { default: 30, max: 100 } as const;
/** The longest search text `list` takes. */
export const MAX_IMAGE_SEARCH_LENGTH = 200;

/** The filters of {@link ImagesService.list}; validated there. */
export interface ImageListQuery {
  /** Words found in caption, credit or alt text (case-insensitive, each word somewhere). */
  q?: string;
  status?: string;
  limit?: number;
  offset?: number;
}

/** Reading and editing images, and re-rendering them all after the presets changed. */
@Injectable()
export class ImagesService {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The images, newest upload first, paged by offset, with the number that
   * match: the photo desk's list and the editor's hero picker.
   */
  async list(query: ImageListQuery): Promise<{ items: ImageView[]; total: number }> {
    const limit = query.limit ?? IMAGE_LIST_LIMITS.default;
    const offset = query.offset ?? 0;
    const problems: { field: string; reason: string }[] = [];
    if (query.status !== undefined && !(IMAGE_STATUSES as readonly string[]).includes(query.status))
      problems.push({ field: 'status', reason: `must be one of ${IMAGE_STATUSES.join(', ')}` });
    if (!Number.isInteger(limit) || limit < 1 || limit > IMAGE_LIST_LIMITS.max)
      problems.push({ field: 'limit', reason: `must be 1 to ${IMAGE_LIST_LIMITS.max}` });
    if (!Number.isInteger(offset) || offset < 0)
      problems.push({ field: 'offset', reason: 'must be 0 or more' });
    const q = query.q?.trim() ?? '';
    if (q.length > MAX_IMAGE_SEARCH_LENGTH)
      problems.push({
        field: 'q',
        reason: `may have at most ${MAX_IMAGE_SEARCH_LENGTH} characters`,
      });
    if (problems.length) throw new ValidationFailed(problems);

    // Each word must appear in one of the texts; LIKE's own wildcards are taken literally.
    const words = q.split(/\s+/).filter(Boolean).slice(0, 10);
    const where = {
      ...(query.status ? { status: query.status as ImageStatus } : {}),
      ...(words.length
        ? {
            $and: words.map((word) => {
              const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
              return {
                $or: [
                  { caption: { $ilike: like } },
                  { credit: { $ilike: like } },
                  { alt: { $ilike: like } },
                ],
              };
            }),
          }
        : {}),
    };
    const [images, total] = await this.em.fork().findAndCount(Image, where, {
      populate: ['renditions'],
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit,
      offset,
    });
    return { items: images.map((image) => this.view(image)), total };
  }

  async get(id: string): Promise<ImageView> {
    return this.view(await this.load(this.em.fork(), id));
  }

  /**
   * Edits alt, caption, credit and focal point. A new focal point re-renders
   * the cropped presets only; a text change refreshes the stories showing it.
   */
  async update(id: string, input: Record<string, unknown>): Promise<ImageView> {
    const unknown = Object.keys(input).filter(
      (k) => !['alt', 'caption', 'credit', 'focalPoint'].includes(k),
    );
    if (unknown.length)
      throw new ValidationFailed(
        unknown.map((field) => ({ field, reason: 'cannot be changed here' })),
      );
    const text = cleanImageText(input);
    const focal = 'focalPoint' in input ? parseFocalPoint(input.focalPoint) : undefined;
    return this.em.fork().transactional(async (em) => {
      const image = await this.load(em, id);
      const textChanged = (['alt', 'caption', 'credit'] as const).some(
        (f) => text[f] !== undefined && text[f] !== image[f],
      );
      Object.assign(image, text);
      const focalChanged =
        focal !== undefined && JSON.stringify(focal) !== JSON.stringify(image.focalPoint);
      if (focal !== undefined) image.focalPoint = focal;
      if (focalChanged && image.status !== 'failed') {
        // Each change of the focal point is its own request (A → B → A must re-crop twice),
        // so it gets its own id; the change itself happens once per PATCH that makes it.
        Outbox.job(em, JobName.ImageProcess, {
          imageId: id,
          scope: 'crops',
          changeId: randomUUID(),
        });
      }
      if (textChanged) Outbox.event(em, EventName.ImageUpdated, { imageId: id });
      await em.flush();
      return this.view(image);
    });
  }

  /**
   * Queues a re-render of every image whose renditions were made with other
   * presets. Resumable: an image is done once its presets hash matches, so
   * running it again after an interruption queues only what is left.
   */
  async rerenderAll(): Promise<{ queued: number }> {
    const hash = presetsHash(this.config.images.presets);
    let queued = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await this.em.fork().transactional(async (em) => {
        const images = await em.find(
          Image,
          {
            id: { $gt: after },
            status: { $ne: 'failed' },
            $or: [{ presetsHash: null }, { presetsHash: { $ne: hash } }],
          },
          { orderBy: { id: 'asc' }, limit: 500, fields: ['id'] },
        );
        for (const image of images) {
          Outbox.job(em, JobName.ImageProcess, {
            imageId: image.id,
            scope: 'all',
            presetsHash: hash,
          });
        }
        return images.map((i) => i.id);
      });
      queued += batch.length;
      if (batch.length < 500) return { queued };
      after = batch[batch.length - 1];
    }
  }

  private async load(em: EntityManager, id: string): Promise<Image> {
    if (!isUuid(id)) throw new NotFound('image', id);
    const image = await em.findOne(Image, { id }, { populate: ['renditions'] });
    if (!image) throw new NotFound('image', id);
    return image;
  }

  private view(image: Image): ImageView {
    const url = (key: string) => renditionUrl(this.config.s3.publicUrl, key);
    return {
      id: image.id,
      status: image.status,
      failureReason: image.failureReason,
      mimeType: image.mimeType,
      bytes: image.byteSize === null ? null : Number(image.byteSize),
      width: image.width,
      height: image.height,
      alt: image.alt,
      caption: image.caption,
      credit: image.credit,
      byline: image.byline,
      copyright: image.copyright,
      dateTaken: image.dateTaken?.toISOString() ?? null,
      focalPoint: image.focalPoint,
      blurhash: image.blurhash,
      dominantColor: image.dominantColor,
      original: url(image.originalKey),
      renditions: image.renditions.getItems().map((r) => ({
        preset: r.preset,
        format: r.format,
        width: r.actualWidth,
        height: r.height,
        bytes: r.bytes,
        url: url(r.key),
      })),
      createdAt: image.createdAt.toISOString(),
      updatedAt: image.updatedAt.toISOString(),
    };
  }
}
