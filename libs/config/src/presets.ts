import { createHash } from 'node:crypto';

export const RENDITION_FORMATS = ['avif', 'webp', 'jpeg'] as const;
export type RenditionFormat = (typeof RENDITION_FORMATS)[number];

export const FORMAT_MIME: Record<RenditionFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
};

/** A family of renditions: one aspect ratio (or the original's) at several widths. */
export interface Preset {
  name: string;
  /** width / height, e.g. 4/3; null keeps the original ratio (no crop). */
  aspect: number | null;
  widths: number[];
}

/** The defaults: teaser thumbnails, hero images and original-ratio images. */
export const DEFAULT_PRESETS: Preset[] = [
  { name: 'teaser', aspect: 4 / 3, widths: [320, 640] },
  { name: 'hero', aspect: 16 / 9, widths: [768, 1280, 1920] },
  { name: 'original', aspect: null, widths: [800, 1600] },
];

/** Whether a preset crops, and so depends on the focal point. */
export const isCropped = (preset: Preset) => preset.aspect !== null;

/**
 * Parses `IMAGE_PRESETS`, e.g. `teaser:4x3:320,640;hero:16x9:768,1280,1920;original:orig:800,1600`.
 * Throws a message naming what is wrong.
 */
export function parsePresets(spec: string): Preset[] {
  const presets = spec
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [name, ratio, widths] = part.split(':');
      if (!name || !/^[a-z][a-z0-9_-]*$/.test(name) || !ratio || !widths) {
        throw new Error(`"${part}" is not name:WxH|orig:width,width`);
      }
      let aspect: number | null = null;
      if (ratio !== 'orig') {
        const m = /^(\d+)x(\d+)$/.exec(ratio);
        if (!m) throw new Error(`"${ratio}" in "${part}" is not WxH or orig`);
        aspect = Number(m[1]) / Number(m[2]);
      }
      const list = widths.split(',').map(Number);
      if (list.some((w) => !Number.isInteger(w) || w < 16 || w > 8192)) {
        throw new Error(`widths in "${part}" must be whole numbers from 16 to 8192`);
      }
      return { name, aspect, widths: [...new Set(list)].sort((a, b) => a - b) };
    });
  if (presets.length === 0) throw new Error('no presets given');
  if (new Set(presets.map((p) => p.name)).size !== presets.length)
    throw new Error('preset names must be unique');
  return presets;
}

/** A fingerprint of the presets: images rendered with other presets are re-rendered by the ops command. */
export function presetsHash(presets: Preset[]): string {
  return createHash('sha256').update(JSON.stringify(presets)).digest('hex').slice(0, 16);
}
