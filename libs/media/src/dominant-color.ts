/** sharp's bin of each 8-bit level: 0–16 in the first, 17–32 in the second, …, 241–255 in the last. */
const BIN = Uint8Array.from({ length: 256 }, (_, level) => Math.max(0, (level - 1) >> 4));

/**
 * The most frequent colour of an image's pixels, as sharp's `stats().dominant`
 * defines it: each channel cut into 16 bins, the fullest of the 4,096 bins wins
 * (the first in sharp's scan order on a tie), and its centre is the colour.
 * sharp runs a whole statistics pipeline for it (entropy, a Laplacian,
 * per-channel figures) at ~11 ms a call whatever the image's size; on a
 * thumbnail this loop takes microseconds.
 *
 * `pixels` holds 8-bit sRGB, `channels` per pixel (3, or 4 with alpha, which is
 * ignored as sharp ignores it).
 */
export function dominantColor(
  pixels: Uint8Array,
  channels: 3 | 4,
): { r: number; g: number; b: number } {
  const bins = new Uint32Array(16 * 16 * 16);
  for (let i = 0; i + 2 < pixels.length; i += channels) {
    bins[(BIN[pixels[i + 1]] << 8) | (BIN[pixels[i]] << 4) | BIN[pixels[i + 2]]]++;
  }
  // Indexed green, red, blue: sharp's histogram is 16×16 pixels of 16 bands (x red,
  // y green, band blue), read row by row, and the first maximum found is kept.
  let fullest = 0;
  for (let bin = 1; bin < bins.length; bin++) if (bins[bin] > bins[fullest]) fullest = bin;
  const centre = (bin: number) => bin * 16 + 8;
  return {
    r: centre((fullest >> 4) & 15),
    g: centre(fullest >> 8),
    b: centre(fullest & 15),
  };
}
