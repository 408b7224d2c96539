import type { Image } from './image.entity';

/** The public form of a ready image; null while it is processing or failed. */
export function toPublicImage(image: Image | null | undefined, publicUrl: string) {
  if (!image || image.status !== 'ready') return null;
  return {
    id: image.id,
    src: `${publicUrl}/${image.originalKey}`,
    alt: image.alt,
    caption: image.caption,
    credit: image.credit,
    width: image.width,
    height: image.height,
  };
}
