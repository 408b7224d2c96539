import sharp, { type Sharp } from 'sharp';
import { DEFAULT_PRESETS, type AppConfig, type RenditionFormat } from '@newsdesk/config';
import { cropAround, widthsWithoutUpscaling } from './crop';
import { ImageRenderer, type DecodedImage } from './image-renderer';

const config = { images: { maxPixels: 100_000_000 } } as AppConfig;

/** A picture with something to find: a bright disc off centre on noise, optionally fading out to the top. */
async function picture(format: 'jpeg' | 'png', alpha: boolean): Promise<Buffer> {
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1600">
       <rect width="2400" height="1600" fill="#405060"/>
       <circle cx="1800" cy="500" r="260" fill="#ffd020"/>
       <rect x="200" y="900" width="700" height="400" fill="#c03030" transform="rotate(20 200 900)"/>
     </svg>`,
  );
  const noise = await sharp({
    create: {
      width: 2400,
      height: 1600,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 20 },
    },
  })
    .png()
    .toBuffer();
  let image = sharp(svg).composite([{ input: noise, blend: 'soft-light' }]);
  if (alpha) {
    // Fades from transparent at the top to opaque, so the edges of every crop carry alpha.
    const mask = Buffer.alloc(2400 * 1600);
    for (let y = 0; y < 1600; y++)
      mask.fill(Math.round((255 * y) / 1599), y * 2400, (y + 1) * 2400);
    image = sharp(await image.removeAlpha().raw().toBuffer(), {
      raw: { width: 2400, height: 1600, channels: 3 },
    }).joinChannel(mask, { raw: { width: 2400, height: 1600, channels: 1 } });
  }
  return format === 'jpeg' ? image.jpeg({ quality: 90 }).toBuffer() : image.png().toBuffer();
}

/** What each rendition was before the renderer shared one scaled copy between the formats. */
async function referenceFiles(decoded: DecodedImage): Promise<Map<string, Buffer>> {
  const { data, width, height, channels } = decoded.base;
  const base = () => sharp(data, { raw: { width, height, channels } });
  const encode = (pipeline: Sharp, format: RenditionFormat) =>
    format === 'avif'
      ? pipeline.avif({ quality: 50, effort: 2 })
      : format === 'webp'
        ? pipeline.webp({ quality: 78, effort: 4 })
        : pipeline
            .flatten({ background: '#ffffff' })
            .jpeg({ quality: 80, mozjpeg: true, progressive: true });
  const files = new Map<string, Buffer>();
  for (const preset of DEFAULT_PRESETS) {
    let box = { left: 0, top: 0, width, height };
    if (preset.aspect !== null) {
      const full = cropAround(width, height, preset.aspect, { x: 0.5, y: 0.5 });
      // The whole crop comes out, as before.
      const { info } = await base()
        .resize(full.width, full.height, { fit: 'cover', position: sharp.strategy.attention })
        .toBuffer({ resolveWithObject: true });
      const offsets = info as { cropOffsetLeft?: number; cropOffsetTop?: number };
      box = {
        left: Math.abs(offsets.cropOffsetLeft ?? 0),
        top: Math.abs(offsets.cropOffsetTop ?? 0),
        width: full.width,
        height: full.height,
      };
    }
    for (const { actual } of widthsWithoutUpscaling(preset.widths, box.width)) {
      const h = Math.round((box.height * actual) / box.width);
      for (const format of ['avif', 'webp', 'jpeg'] as const) {
        const body = await encode(base().extract(box).resize(actual, h), format).toBuffer();
        files.set(`${preset.name}/${format}/${actual}`, body);
      }
    }
  }
  return files;
}

describe('ImageRenderer', () => {
  const renderer = new ImageRenderer(config);
  // Four pipelines per rendition on a 2400×1600 picture: give slow machines time.
  jest.setTimeout(120_000);

  it.each([
    ['an opaque JPEG', 'jpeg', false],
    ['a PNG with transparency', 'png', true],
  ] as const)(
    'renders %s byte for byte as one pipeline per file would, with the same attention crops',
    async (_name, format, alpha) => {
      const decoded = await renderer.decode(await picture(format, alpha), DEFAULT_PRESETS);
      expect(decoded.base.channels).toBe(alpha ? 4 : 3);
      const reference = await referenceFiles(decoded);

      const rendered = new Map<string, Buffer>();
      const keys: string[] = [];
      for await (const file of renderer.render(decoded, 'abc', DEFAULT_PRESETS, null)) {
        rendered.set(`${file.preset}/${file.format}/${file.actualWidth}`, file.body);
        keys.push(file.key);
      }
      expect([...rendered.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [slot, body] of reference) {
        expect({ slot, same: rendered.get(slot)?.equals(body) }).toEqual({ slot, same: true });
      }
      // Byte-equal files mean equal crop offsets too; the cropped presets say the crop was automatic.
      expect(keys).toContain('renditions/abc/hero-auto-v1-1920.avif');
    },
  );
});
