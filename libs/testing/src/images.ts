import sharp from 'sharp';
import { deflateSync } from 'node:zlib';

/** IPTC-IIM fields as agencies write them (record 2). */
export interface IptcFields {
  caption?: string; // 2:120 Caption-Abstract
  credit?: string; // 2:110 Credit
  byline?: string; // 2:80 By-line
  copyright?: string; // 2:116 Copyright Notice
}

const IPTC_TAGS: Record<keyof IptcFields, number> = {
  caption: 120,
  credit: 110,
  byline: 80,
  copyright: 116,
};

/** An APP13 "Photoshop 3.0" segment carrying IPTC-IIM, UTF-8 declared (1:90). */
function app13(fields: IptcFields): Buffer {
  const datasets: Buffer[] = [Buffer.from([0x1c, 1, 90, 0, 3, 0x1b, 0x25, 0x47])];
  for (const [name, value] of Object.entries(fields) as [keyof IptcFields, string][]) {
    const bytes = Buffer.from(value, 'utf8');
    datasets.push(
      Buffer.from([0x1c, 2, IPTC_TAGS[name], bytes.length >> 8, bytes.length & 0xff]),
      bytes,
    );
  }
  let iptc = Buffer.concat(datasets);
  if (iptc.length % 2) iptc = Buffer.concat([iptc, Buffer.from([0])]);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iptc.length);
  const resource = Buffer.concat([
    Buffer.from('8BIM'),
    Buffer.from([0x04, 0x04, 0, 0]),
    size,
    iptc,
  ]);
  const payload = Buffer.concat([Buffer.from('Photoshop 3.0\0'), resource]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(payload.length + 2);
  return Buffer.concat([Buffer.from([0xff, 0xed]), length, payload]);
}

/** Inserts IPTC right after the JPEG's SOI marker. */
export function withIptc(jpeg: Buffer, fields: IptcFields): Buffer {
  return Buffer.concat([jpeg.subarray(0, 2), app13(fields), jpeg.subarray(2)]);
}

/**
 * A landscape scene stored sideways, as cameras do: the pixels are portrait
 * and EXIF says "rotate 90° clockwise" (orientation 6). Upright it is
 * `width` × `height`, red on the left half, blue on the right. Carries GPS
 * and a camera serial number, which must never reach a rendition.
 */
export async function sidewaysJpeg(
  width = 1600,
  height = 1200,
  iptc: IptcFields = {},
): Promise<Buffer> {
  const upright = await sharp({ create: { width, height, channels: 3, background: '#1f4fd1' } })
    .composite([
      {
        input: { create: { width: width / 2, height, channels: 3, background: '#d11f1f' } },
        left: 0,
        top: 0,
      },
    ])
    .png()
    .toBuffer();
  // Store it rotated 90° counter-clockwise, so that orientation 6 turns it back.
  const stored = await sharp(upright)
    .rotate(-90)
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'TestCam', Model: 'TC-1' },
      IFD2: { BodySerialNumber: 'SN-123456' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '51/1 23/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '8/1 4/1 0/1',
      },
    })
    .toBuffer();
  return Object.keys(iptc).length ? withIptc(stored, iptc) : stored;
}

/** A plain JPEG of the given size, noisy enough to compress like a photo. */
export async function photoJpeg(width: number, height: number, seed = 1): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: { r: (seed * 53) % 255, g: 120, b: 90 },
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 85 })
    .toBuffer();
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid, all-black PNG of `width` × `height` pixels (1-bit greyscale) that
 * deflates to a few dozen kilobytes however many pixels it declares: a
 * "decompression bomb" for the pixel limit, built by hand so that the test
 * never holds the decoded pixels.
 */
export function hugeBlankPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter, no interlace
  // Every row: filter byte 0, then width/8 bytes of zeros (black).
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * `size` bytes that start like a JPEG (SOI, APP0/JFIF) and go on as filler:
 * passes format sniffing, for testing the upload size limit.
 */
export function oversizedJpeg(size: number): Buffer {
  const file = Buffer.alloc(size, 0x55);
  const head = Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
    0x00, 0x01, 0x00, 0x00,
  ]);
  head.copy(file);
  return file;
}
