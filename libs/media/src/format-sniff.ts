/** Image formats accepted for upload, recognised from their first bytes. */
export type OriginalFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'heic' | 'tiff' | 'gif';

export const ORIGINAL_MIME: Record<OriginalFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  heic: 'image/heic',
  tiff: 'image/tiff',
  gif: 'image/gif',
};

/** How many leading bytes {@link sniffImageFormat} needs. */
export const SNIFF_BYTES = 32;

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

/**
 * Recognises the real format from the file's signature, whatever its name or
 * Content-Type claim. Anything else — SVG, HTML, text, PDF — is `null`.
 */
export function sniffImageFormat(head: Uint8Array): OriginalFormat | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (
    head.length >= 8 &&
    ascii(head, 1, 4) === 'PNG' &&
    head[0] === 0x89 &&
    head[4] === 0x0d &&
    head[5] === 0x0a
  )
    return 'png';
  if (head.length >= 6 && (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a'))
    return 'gif';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP')
    return 'webp';
  if (
    head.length >= 4 &&
    ((ascii(head, 0, 2) === 'II' && head[2] === 42 && head[3] === 0) ||
      (ascii(head, 0, 2) === 'MM' && head[2] === 0 && head[3] === 42))
  )
    return 'tiff';
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp') {
    // ISO-BMFF: the major brand, then the compatible brands, name the codec.
    const boxSize = Math.min(
      (head[0] << 24) | (head[1] << 16) | (head[2] << 8) | head[3],
      head.length,
    );
    const brands: string[] = [];
    for (let i = 8; i + 4 <= boxSize; i += 4) if (i !== 12) brands.push(ascii(head, i, i + 4));
    if (brands.some((b) => b === 'avif' || b === 'avis')) return 'avif';
    if (
      brands.some((b) =>
        ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'].includes(b),
      )
    )
      return 'heic';
  }
  return null;
}
