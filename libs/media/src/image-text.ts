import { ValidationFailed, trimText, type FieldProblem } from '@newsdesk/common';
import type { FocalPoint } from './image.entity';

/** What the photo desk may type about an image. */
export interface ImageText {
  alt?: unknown;
  caption?: unknown;
  credit?: unknown;
}

export const IMAGE_TEXT_LIMITS = { alt: 1000, caption: 2000, credit: 300 } as const;

/** Trims and bounds alt, caption and credit; throws one {@link ValidationFailed} listing every problem. */
export function cleanImageText(input: ImageText): {
  alt?: string;
  caption?: string;
  credit?: string;
} {
  const problems: FieldProblem[] = [];
  const out: { alt?: string; caption?: string; credit?: string } = {};
  for (const field of ['alt', 'caption', 'credit'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    if (typeof value !== 'string') {
      problems.push({ field, reason: 'must be a string' });
      continue;
    }
    const clean = trimText(value);
    if (clean.length > IMAGE_TEXT_LIMITS[field]) {
      problems.push({
        field,
        reason: `must be at most ${IMAGE_TEXT_LIMITS[field]} characters (has ${clean.length})`,
      });
      continue;
    }
    out[field] = clean;
  }
  if (problems.length) throw new ValidationFailed(problems);
  return out;
}

/** A focal point from untrusted input: both coordinates from 0 to 1, or null to clear it. */
export function parseFocalPoint(input: unknown): FocalPoint | null {
  if (input === null) return null;
  const point = input as { x?: unknown; y?: unknown };
  const ok = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;
  if (typeof input !== 'object' || !ok(point.x) || !ok(point.y)) {
    throw new ValidationFailed([
      { field: 'focalPoint', reason: 'must be {x, y} with both from 0 to 1, or null' },
    ]);
  }
  return {
    x: Math.round((point.x as number) * 1000) / 1000,
    y: Math.round((point.y as number) * 1000) / 1000,
  };
}
