import { z } from 'zod';
import { RENDITION_FORMATS } from '@newsdesk/config';
import { IMAGE_STATUSES, IMAGE_TEXT_LIMITS, ORIGINAL_MIME } from '@newsdesk/media';
import { requestShape, responseShape } from '../contract/schema';

const instant = () => z.iso.datetime({ offset: true });
const fraction = z.number().min(0).max(1);

/** Where crops centre: fractions of the upright picture, (0,0) top left, (1,1) bottom right. */
export const FocalPointSchema = responseShape(
  'FocalPoint',
  z.object({ x: fraction.meta({ example: 0.62 }), y: fraction.meta({ example: 0.35 }) }),
  { description: 'Where crops centre: fractions of the upright picture, (0,0) top left.' },
);

/** One file made from an image: a preset at one width in one format. */
export const ImageRenditionSchema = responseShape(
  'ImageRendition',
  z.object({
    preset: z.string().meta({ example: 'teaser' }),
    format: z.enum(RENDITION_FORMATS),
    width: z.int().meta({
      description: 'of the file (narrower than the preset when the original is)',
      example: 640,
    }),
    height: z.int().meta({ example: 360 }),
    bytes: z.int().meta({ example: 48213 }),
    url: z.string().meta({ example: 'https://cdn.newsdesk.test/renditions/9f2c…/teaser-640.webp' }),
  }),
);

/** An image as the photo desk and editors see it. */
export const ImageSchema = responseShape(
  'Image',
  z.object({
    id: z.uuid(),
    status: z.enum(IMAGE_STATUSES).meta({
      description:
        '`processing` until its renditions are made; `failed` names why in `failureReason`',
    }),
    failureReason: z.string().nullable().meta({
      description: 'why processing failed (e.g. a truncated or unreadable file); null otherwise',
      example: null,
    }),
    mimeType: z.enum(Object.values(ORIGINAL_MIME) as [string, ...string[]]).meta({
      description: 'the real format, read from the bytes',
    }),
    bytes: z.int().nullable().meta({ description: 'of the original', example: 2483112 }),
    width: z.int().nullable().meta({
      description: 'of the upright original (EXIF orientation applied); null until processed',
      example: 4000,
    }),
    height: z.int().nullable().meta({ example: 2667 }),
    alt: z.string().meta({ example: 'Ein Sensor am Deckel eines Abfallbehälters' }),
    caption: z.string().meta({
      description: 'typed by the photo desk, or else taken from the IPTC/XMP description',
      example: 'Die Sensoren melden den Füllstand alle zehn Minuten.',
    }),
    credit: z.string().meta({
      description: 'typed by the photo desk, or else taken from the IPTC/XMP credit line',
      example: 'Foto: Stadtwerke Ulm',
    }),
    byline: z
      .string()
      .meta({ description: 'the photographer, from IPTC/XMP', example: 'Lena Brandt' }),
    copyright: z.string().meta({ description: 'from IPTC/XMP/EXIF', example: '© Stadtwerke Ulm' }),
    dateTaken: instant().nullable().meta({ description: 'from EXIF, when known' }),
    focalPoint: FocalPointSchema.nullable().meta({
      description: 'where crops centre; null for the centre',
    }),
    blurhash: z.string().nullable(),
    dominantColor: z
      .string()
      .regex(/^#[0-9a-f]{6}$/)
      .nullable()
      .meta({ example: '#4a6b8c' }),
    original: z.string().meta({ description: 'the URL of the original file' }),
    renditions: z.array(ImageRenditionSchema).meta({
      description: 'by preset, format and width; empty until processed',
    }),
    createdAt: instant(),
    updatedAt: instant(),
  }),
  { description: 'A picture of the photo desk: what is known about it, and its renditions.' },
);

/** A page of the image list, newest upload first, with how many match in all. */
export const ImagePageSchema = responseShape(
  'ImagePage',
  z.object({
    items: z.array(ImageSchema).meta({ description: 'newest upload first' }),
    total: z.int().min(0).meta({ description: 'how many images match the filter', example: 132 }),
  }),
  { description: 'A page of images, newest upload first.' },
);

export const UploadedImageSchema = responseShape(
  'UploadedImage',
  z.object({
    id: z.uuid(),
    status: z.enum(IMAGE_STATUSES).meta({ description: '`processing` for a new upload' }),
    created: z.boolean().meta({
      description: 'false when the same bytes were uploaded before: this is that image',
    }),
  }),
);

const text = (field: keyof typeof IMAGE_TEXT_LIMITS) => z.string().max(IMAGE_TEXT_LIMITS[field]);

/** What the photo desk may type with an upload; caption and credit come from the file when left out. */
const uploadText = {
  alt: text('alt').optional(),
  caption: text('caption').optional().meta({ description: 'else taken from IPTC/XMP' }),
  credit: text('credit').optional().meta({ description: 'else taken from IPTC/XMP' }),
};

/** The multipart form of an upload (documented; the parts are read as they stream in). */
export const ImageUploadFormSchema = requestShape(
  'ImageUploadForm',
  z.object({
    file: z.string().meta({
      format: 'binary',
      description: 'the picture: JPEG, PNG, WebP, AVIF, HEIC, TIFF or GIF (read from its bytes)',
    }),
    ...uploadText,
  }),
);

/** What a direct upload announces before its bytes go to S3. */
export const DirectUploadBodySchema = requestShape(
  'DirectUploadBody',
  z.strictObject({
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, {
        error: 'must be the SHA-256 of the file, 64 lowercase hex digits',
      })
      .meta({ example: '9f2c6a0e4b1d8c7f3a5e2b9d0c4f6a8e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f0a' }),
    bytes: z.int().min(1).meta({ description: 'the size of the file', example: 5893120 }),
    contentType: z.enum(Object.values(ORIGINAL_MIME) as [string, ...string[]]).meta({
      description: 'the format of the file; checked against its bytes once it has arrived',
    }),
  }),
);

/** Where to PUT the file of a direct upload, and the token that completes it. */
export const DirectUploadTicketSchema = responseShape(
  'DirectUploadTicket',
  z.object({
    token: z
      .string()
      .meta({ description: 'completes the upload (`POST /api/images/uploads/complete`)' }),
    url: z.string().meta({ description: 'a presigned S3 URL' }),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()).meta({
      description: 'to send with the PUT exactly as given: they are signed',
      example: {
        'content-type': 'image/jpeg',
        'cache-control': 'public, max-age=31536000, immutable',
      },
    }),
    expiresAt: instant().meta({ description: 'when the URL and the token run out' }),
  }),
  { description: 'A presigned PUT for the file, and the token that completes the upload.' },
);

/** What completes a direct upload: its token, and the text typed for the picture. */
export const DirectUploadCompleteBodySchema = requestShape(
  'DirectUploadCompleteBody',
  z.strictObject({
    token: z.string().max(2000),
    ...uploadText,
  }),
);

/** What the photo desk may change about an image. */
export const ImageUpdateBodySchema = requestShape(
  'ImageUpdateBody',
  z.strictObject({
    alt: text('alt').optional(),
    caption: text('caption').optional(),
    credit: text('credit').optional(),
    focalPoint: z
      .union([z.object({ x: fraction, y: fraction }), z.null()], {
        error: 'must be {x, y} with both from 0 to 1, or null',
      })
      .optional()
      .meta({
        description:
          'where crops centre (fractions, (0,0) top left), or null for the centre; a change re-renders the cropped presets',
      }),
  }),
);

export const ImageRerenderSchema = responseShape(
  'ImageRerender',
  z.object({
    queued: z.int().min(0).meta({ description: 'how many images were queued', example: 12 }),
  }),
);
