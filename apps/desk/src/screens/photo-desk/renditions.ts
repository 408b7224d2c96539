import type { Image } from '../../api/photo-desk';

/**
 * The URL of the narrowest JPEG of a preset at least `minWidth` wide (or the
 * widest there is); null before processing made any.
 */
export function renditionUrl(image: Image, preset: string, minWidth = 0): string | null {
  const jpegs = image.renditions
    .filter((r) => r.preset === preset && r.format === 'jpeg')
    .sort((a, b) => a.width - b.width);
  return (jpegs.find((r) => r.width >= minWidth) ?? jpegs.at(-1))?.url ?? null;
}

/** Where the crops centre, as CSS `object-position`: the focal point, or the middle. */
export function objectPosition(image: Pick<Image, 'focalPoint'>): string {
  const { x, y } = image.focalPoint ?? { x: 0.5, y: 0.5 };
  return `${percent(x)}% ${percent(y)}%`;
}

export const percent = (fraction: number) => Math.round(fraction * 100);

/** An image can go into a story once it is processed and has alt text. */
export const isUsable = (image: Image) => image.status === 'ready' && image.alt.trim() !== '';
