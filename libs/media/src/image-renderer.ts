import { Inject, Injectable } from '@nestjs/common';
import { encode as encodeBlurhash } from 'blurhash';
import sharp, { type Sharp } from 'sharp';
import {
  APP_CONFIG,
  FORMAT_MIME,
  RENDITION_FORMATS,
  type AppConfig,
  type Preset,
  type RenditionFormat,
} from '@newsdesk/config';
import { cropAround, widthsWithoutUpscaling, type Box } from './crop';
import { dominantColor } from './dominant-color';
import type { FocalPoint } from './image.entity';
import { releaseBuffer } from './release-buffer';

/** Why an original cannot be processed at all; retrying would not help. */
export class ImageRejected extends Error {}

/** The upright, sRGB, downscaled decode of an original that every rendition is cut from. */
export interface DecodedImage {
  /** Dimensions of the upright original. */
  width: number;
  height: number;
  base: { data: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4 };
}

export interface RenderedFile {
  preset: string;
  format: RenditionFormat;
  width: number;
  actualWidth: number;
  height: number;
  key: string;
  body: Buffer;
  contentType: string;
}

const hasAlpha = (decoded: DecodedImage) => decoded.base.channels % 2 === 0;

/** Encoder settings; part of every key, so changing them writes new files. */
const ENCODERS = {
  avif: { quality: 50, effort: 2 },
  webp: { quality: 78, effort: 4 },
  jpeg: { quality: 80, mozjpeg: true, progressive: true },
} as const;
const SETTINGS_VERSION = 'v1';

/**
 * The sharp adapter: decodes an original once (auto-oriented, sRGB, no larger
 * than the largest rendition) and cuts every rendition from that decode.
 * Renditions carry no metadata: sharp writes none unless asked, so EXIF, GPS,
 * IPTC and XMP of the original stay behind.
 */
@Injectable()
export class ImageRenderer {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // Every pipeline here starts from a new buffer, so libvips' operation cache never
    // serves one again; it would only keep up to 50 MB of finished work alive per process.
    sharp.cache(false);
    // Jobs run side by side, each on its own threads; more threads than cores only make them
    // take turns (and AVIF's bytes depend on the thread count, so it is set, not left to libvips).
    sharp.concurrency(config.images.threadsPerJob);
  }

  /** Decodes the original; throws {@link ImageRejected} for files that are corrupt, truncated or too large. */
  async decode(original: Buffer, presets: Preset[]): Promise<DecodedImage> {
    const options = {
      limitInputPixels: this.config.images.maxPixels,
      failOn: 'truncated' as const,
      sequentialRead: true,
    };
    try {
      const meta = await sharp(original, options).metadata();
      if (!meta.width || !meta.height) throw new ImageRejected('the file has no image dimensions');
      if (meta.width * meta.height > this.config.images.maxPixels) {
        throw new ImageRejected(
          `the image has ${meta.width}×${meta.height} = ${((meta.width * meta.height) / 1e6).toFixed(1)} megapixels; the limit is ${this.config.images.maxPixels / 1e6}`,
        );
      }
      const rotated = (meta.orientation ?? 1) >= 5;
      const width = rotated ? meta.height : meta.width;
      const height = rotated ? meta.width : meta.height;
      const largest = Math.max(...presets.flatMap((p) => p.widths));
      // A portrait original cropped to 16:9 needs the full base width for the widest rendition.
      const baseWidth = Math.min(width, largest);
      const { data, info } = await sharp(original, options)
        .rotate()
        .resize({ width: baseWidth, withoutEnlargement: true })
        .toColourspace('srgb')
        .raw()
        .toBuffer({ resolveWithObject: true });
      return {
        width,
        height,
        base: { data, width: info.width, height: info.height, channels: info.channels },
      };
    } catch (error) {
      if (error instanceof ImageRejected) throw error;
      throw new ImageRejected(
        `the file cannot be decoded: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** A compact placeholder (blurhash) and the dominant colour. */
  async placeholder(decoded: DecodedImage): Promise<{ blurhash: string; dominantColor: string }> {
    const small = await this.base(decoded)
      .resize(32, 32, { fit: 'inside' })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const blurhash = encodeBlurhash(
      new Uint8ClampedArray(small.data),
      small.info.width,
      small.info.height,
      4,
      3,
    );
    // The thumbnail's dominant colour is the picture's, counted in microseconds (sharp's
    // stats() runs a whole statistics pipeline for it, ~11 ms a call).
    const dominant = dominantColor(small.data, 4);
    const hex = (n: number) => n.toString(16).padStart(2, '0');
    return { blurhash, dominantColor: `#${hex(dominant.r)}${hex(dominant.g)}${hex(dominant.b)}` };
  }

  /**
   * Every rendition of the given presets, one at a time, each size's pixels
   * let go once its formats are encoded. Keys depend only on the original's hash,
   * the preset, the crop and the settings: rendering twice writes the same keys.
   */
  async *render(
    decoded: DecodedImage,
    contentHash: string,
    presets: Preset[],
    focal: FocalPoint | null,
  ): AsyncGenerator<RenderedFile> {
    for (const preset of presets) {
      const { box, cropTag } = await this.cropFor(decoded, preset, focal);
      for (const { requested, actual } of widthsWithoutUpscaling(preset.widths, box.width)) {
        const height = Math.round((box.height * actual) / box.width);
        // Cut and scaled once for all formats: the encoders get the very pixels a pipeline
        // per format would give them (the same bytes out), at a third of the resampling.
        const sized = await this.base(decoded)
          .extract(box)
          .resize(actual, height)
          .raw()
          .toBuffer({ resolveWithObject: true });
        const { width: w, height: h, channels } = sized.info;
        for (const format of RENDITION_FORMATS) {
          // sharp flattens before it scales; scaling first would blend transparent edges
          // differently, so a JPEG of a picture with alpha keeps its own pipeline.
          const source =
            format === 'jpeg' && hasAlpha(decoded)
              ? this.base(decoded).extract(box).resize(actual, height)
              : sharp(sized.data, { raw: { width: w, height: h, channels } });
          const body = await this.encode(source, format);
          yield {
            preset: preset.name,
            format,
            width: requested,
            actualWidth: actual,
            height,
            key: `renditions/${contentHash}/${preset.name}-${cropTag}-${SETTINGS_VERSION}-${actual}.${format === 'jpeg' ? 'jpg' : format}`,
            body,
            contentType: FORMAT_MIME[format],
          };
        }
        releaseBuffer(sized.data);
      }
    }
  }

  private base(decoded: DecodedImage): Sharp {
    const { data, width, height, channels } = decoded.base;
    return sharp(data, { raw: { width, height, channels } });
  }

  private async cropFor(
    decoded: DecodedImage,
    preset: Preset,
    focal: FocalPoint | null,
  ): Promise<{ box: Box; cropTag: string }> {
    const { width, height } = decoded.base;
    if (preset.aspect === null) return { box: { left: 0, top: 0, width, height }, cropTag: 'full' };
    if (focal) {
      return {
        box: cropAround(width, height, preset.aspect, focal),
        cropTag: `f${focal.x.toFixed(3)}x${focal.y.toFixed(3)}`,
      };
    }
    // No focal point: let sharp's attention strategy find the interesting part, once per preset.
    const full = cropAround(width, height, preset.aspect, { x: 0.5, y: 0.5 });
    // Only the offsets are wanted: one pixel of the crop comes out, not a copy of all of it.
    const { info } = await this.base(decoded)
      .resize(full.width, full.height, { fit: 'cover', position: sharp.strategy.attention })
      .extract({ left: 0, top: 0, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const left = Math.abs((info as { cropOffsetLeft?: number }).cropOffsetLeft ?? 0);
    const top = Math.abs((info as { cropOffsetTop?: number }).cropOffsetTop ?? 0);
    return { box: { left, top, width: full.width, height: full.height }, cropTag: 'auto' };
  }

  private encode(pipeline: Sharp, format: RenditionFormat): Promise<Buffer> {
    switch (format) {
      case 'avif':
        return pipeline.avif(ENCODERS.avif).toBuffer();
      case 'webp':
        return pipeline.webp(ENCODERS.webp).toBuffer();
      case 'jpeg':
        // JPEG has no alpha: transparent originals (PNG, WebP) go onto white.
        return pipeline.flatten({ background: '#ffffff' }).jpeg(ENCODERS.jpeg).toBuffer();
    }
  }
}
