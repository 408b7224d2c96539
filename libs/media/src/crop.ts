import type { FocalPoint } from './image.entity';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The largest box of the given aspect ratio inside a `width` × `height`
 * image, centred on the focal point as far as the edges allow.
 */
export function cropAround(width: number, height: number, aspect: number, focal: FocalPoint): Box {
  const wide = width / height > aspect;
  const boxWidth = wide ? Math.round(height * aspect) : width;
  const boxHeight = wide ? height : Math.round(width / aspect);
  const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), max);
  return {
    left: clamp(Math.round(focal.x * width - boxWidth / 2), width - boxWidth),
    top: clamp(Math.round(focal.y * height - boxHeight / 2), height - boxHeight),
    width: boxWidth,
    height: boxHeight,
  };
}

/**
 * The widths to render for a preset: those the source can fill without
 * upscaling, or — when it is smaller than all of them — the source's own width.
 */
export function widthsWithoutUpscaling(
  widths: number[],
  available: number,
): { requested: number; actual: number }[] {
  const fitting = widths.filter((w) => w <= available).map((w) => ({ requested: w, actual: w }));
  return fitting.length ? fitting : [{ requested: Math.min(...widths), actual: available }];
}
