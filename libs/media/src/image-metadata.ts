import exifr from 'exifr';

/** What the file itself says about the picture, to prefill the photo desk's form. Never GPS. */
export interface EmbeddedMetadata {
  caption: string;
  credit: string;
  byline: string;
  copyright: string;
  dateTaken: Date | null;
}

type Block = Record<string, unknown> | undefined;

/**
 * IPTC-IIM is often UTF-8 although exifr decodes it as Latin-1 ("Ã¤" for "ä").
 * Re-decode when the Latin-1 reading is valid UTF-8 bytes and turns into fewer,
 * real characters.
 */
export function fixMojibake(text: string): string {
  // Only strings made of Latin-1 characters, some of them above ASCII, can be misread UTF-8.
  if (!/[\u0080-\u00ff]/.test(text) || [...text].some((c) => c.charCodeAt(0) > 0xff)) return text;
  const decoded = Buffer.from(text, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? text : decoded;
}

function pick(...candidates: unknown[]): string {
  for (const value of candidates) {
    const text = Array.isArray(value)
      ? value.filter((v) => typeof v === 'string').join(', ')
      : value;
    if (typeof text === 'string' && text.trim()) return fixMojibake(text.trim()).slice(0, 2000);
    // XMP language alternatives come as { value, lang } objects.
    if (
      text &&
      typeof text === 'object' &&
      'value' in text &&
      typeof text.value === 'string' &&
      text.value.trim()
    )
      return text.value.trim().slice(0, 2000);
  }
  return '';
}

function date(...candidates: unknown[]): Date | null {
  for (const value of candidates) {
    const d = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
    if (d && !Number.isNaN(d.getTime())) return d;
  }
  return null;
}

/**
 * Reads caption, credit, byline, copyright and date taken from IPTC, XMP and
 * EXIF. GPS is not even parsed. A file whose metadata cannot be read simply
 * prefills nothing.
 */
export async function readEmbeddedMetadata(file: Buffer): Promise<EmbeddedMetadata> {
  let parsed: Record<string, Block> = {};
  try {
    parsed = ((await exifr.parse(file, {
      iptc: true,
      xmp: true,
      tiff: true,
      exif: true,
      gps: false,
      interop: false,
      icc: false,
      mergeOutput: false,
      reviveValues: true,
    })) ?? {}) as Record<string, Block>;
  } catch {
    return { caption: '', credit: '', byline: '', copyright: '', dateTaken: null };
  }
  const { iptc, xmp, ifd0, exif } = parsed;
  // exifr groups XMP by namespace when mergeOutput is off.
  const dc = parsed.dc;
  const photoshop = parsed.photoshop;
  return {
    caption: pick(iptc?.Caption, dc?.description, xmp?.description, ifd0?.ImageDescription),
    credit: pick(iptc?.Credit, photoshop?.Credit, xmp?.Credit),
    byline: pick(iptc?.Byline, dc?.creator, xmp?.creator, ifd0?.Artist),
    copyright: pick(iptc?.CopyrightNotice, dc?.rights, xmp?.rights, ifd0?.Copyright),
    dateTaken: date(
      exif?.DateTimeOriginal,
      photoshop?.DateCreated,
      iptc?.DateCreated,
      exif?.CreateDate,
    ),
  };
}
