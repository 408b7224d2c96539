import sharp from 'sharp';
import { dominantColor } from './dominant-color';

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function randomBytes(count: number, seed: number, levels: number): Buffer {
  const out = Buffer.alloc(count);
  let state = seed;
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = Math.floor(((state >>> 8) / 2 ** 24) * levels) * Math.floor(256 / levels);
  }
  return out;
}

async function sharpsDominant(pixels: Buffer, width: number, height: number, channels: 3 | 4) {
  const { dominant } = await sharp(pixels, { raw: { width, height, channels } }).stats();
  return dominant;
}

describe('dominantColor', () => {
  it('finds the colour most pixels share, at the centre of its bin', () => {
    const pixels = Buffer.alloc(10 * 4);
    for (let p = 0; p < 10; p++) pixels.set(p < 6 ? [200, 30, 40, 255] : [10, 250, 90, 255], p * 4);
    expect(dominantColor(pixels, 4)).toEqual({ r: 200, g: 24, b: 40 });
  });

  it.each([
    ['many colours, so the fullest bins tie', 1, 256],
    ['few colours', 2, 2],
    ['a handful of colours', 3, 3],
    ['greys of few levels', 4, 4],
  ])('gives what sharp stats().dominant gives on thumbnails: %s', async (_name, seed, levels) => {
    for (let k = 0; k < 25; k++) {
      for (const channels of [3, 4] as const) {
        const [width, height] = [32, 21];
        const pixels = randomBytes(width * height * channels, seed * 1000 + k, levels);
        if (channels === 4) for (let a = 3; a < pixels.length; a += 4) pixels[a] = 255;
        expect(dominantColor(pixels, channels)).toEqual(
          await sharpsDominant(pixels, width, height, channels),
        );
      }
    }
  });

  it('gives what sharp gives on a photograph-like thumbnail', async () => {
    // Sky over sand, as a JPEG would bring it, then the worker's 32-pixel thumbnail of it.
    const picture = await sharp({
      create: { width: 320, height: 200, channels: 3, background: '#3a6ea5' },
    })
      .composite([
        {
          input: { create: { width: 120, height: 200, channels: 3, background: '#e8d5b7' } },
          left: 0,
          top: 0,
        },
      ])
      .jpeg()
      .toBuffer();
    const { data, info } = await sharp(picture)
      .resize(32, 32, { fit: 'inside' })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const expected = await sharpsDominant(data, info.width, info.height, 4);
    expect(dominantColor(data, 4)).toEqual(expected);
    expect(expected).toEqual({ r: 56, g: 104, b: 168 });
  });
});
