import { FORMAT_MIME, RENDITION_FORMATS, type RenditionFormat } from '@newsdesk/config';
import type { Image } from './image.entity';
import type { Rendition } from './rendition.entity';

/** An image as the public site gets it: enough to write a `<picture>` without another call. */
export interface PublicImage {
  id: string;
  alt: string;
  caption: string;
  credit: string;
  /** Of the largest rendition, so that `<img width height>` reserves the right box. */
  width: number | null;
  height: number | null;
  blurhash: string | null;
  dominantColor: string | null;
  /** A JPEG for `<img src>`. */
  src: string;
  /** Per format, a ready `srcset` ("url 320w, url 640w"); `<source type>` from {@link FORMAT_MIME}. */
  srcset: Partial<Record<RenditionFormat, string>>;
}

export const renditionUrl = (publicUrl: string, key: string) => `${publicUrl}/${key}`;

/**
 * The public form of a ready image in one preset (teaser, hero …); null while
 * it is processing or failed. `image.renditions` must be loaded.
 */
export function toPublicImage(
  image: Image | null | undefined,
  preset: string,
  publicUrl: string,
): PublicImage | null {
  if (!image || image.status !== 'ready') return null;
  const own = (image.renditions.isInitialized() ? image.renditions.getItems() : []).filter(
    (r) => r.preset === preset,
  );
  const srcset: Partial<Record<RenditionFormat, string>> = {};
  for (const format of RENDITION_FORMATS) {
    const list = own
      .filter((r) => r.format === format)
      .sort((a, b) => a.actualWidth - b.actualWidth);
    if (list.length)
      srcset[format] = list
        .map((r) => `${renditionUrl(publicUrl, r.key)} ${r.actualWidth}w`)
        .join(', ');
  }
  const jpegs = own
    .filter((r) => r.format === 'jpeg')
    .sort((a, b) => a.actualWidth - b.actualWidth);
  const largest: Rendition | undefined = jpegs[jpegs.length - 1];
  const fallback = jpegs[Math.floor((jpegs.length - 1) / 2)];
  return {
    id: image.id,
    alt: image.alt,
    caption: image.caption,
    credit: image.credit,
    width: largest?.actualWidth ?? image.width,
    height: largest?.height ?? image.height,
    blurhash: image.blurhash,
    dominantColor: image.dominantColor,
    src: renditionUrl(publicUrl, fallback?.key ?? image.originalKey),
    srcset,
  };
}

export { FORMAT_MIME };
