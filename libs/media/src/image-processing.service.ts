import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import sharp from 'sharp';
import { PermanentJobError } from '@newsdesk/common';
import { Image } from './image.entity';
import { ObjectStorage } from './object-storage';

/** Pixel limit for originals: larger images fail instead of exhausting a worker's memory. */
export const MAX_INPUT_PIXELS = 100_000_000;

/**
 * Processes an uploaded original: reads its real format and dimensions
 * (orientation applied) and marks the image ready, or failed with the reason.
 */
@Injectable()
export class ImageProcessingService {
  constructor(
    private readonly em: EntityManager,
    private readonly storage: ObjectStorage,
  ) {}

  async process(imageId: string): Promise<Image> {
    const em = this.em.fork();
    const image = await em.findOne(Image, { id: imageId });
    if (!image) throw new PermanentJobError(`image ${imageId} does not exist`);
    const original = await this.storage.getBuffer(image.originalKey);
    try {
      const meta = await sharp(original, {
        limitInputPixels: MAX_INPUT_PIXELS,
        failOn: 'error',
      }).metadata();
      const rotated = (meta.orientation ?? 1) >= 5;
      image.width = (rotated ? meta.height : meta.width) ?? null;
      image.height = (rotated ? meta.width : meta.height) ?? null;
      image.status = 'ready';
      image.failureReason = null;
    } catch (error) {
      image.status = 'failed';
      image.failureReason = error instanceof Error ? error.message : String(error);
    }
    await em.flush();
    return image;
  }
}
