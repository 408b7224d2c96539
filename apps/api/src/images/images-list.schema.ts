import { z } from 'zod';
import { IMAGE_STATUSES } from '@newsdesk/media';
import { responseShape } from '../contract/schema';

/** `ImageListItem` of `@newsdesk/media`: an image as a picker lists it. */
export const ImageListItemSchema = responseShape(
  'ImageListItem',
  z.object({
    id: z.uuid(),
    status: z.enum(IMAGE_STATUSES).meta({
      description: '`processing` until its renditions are made; `failed` when they could not be',
    }),
    width: z.int().nullable().meta({ description: 'pixels; null until processed' }),
    height: z.int().nullable(),
    alt: z.string().meta({ example: 'Sensoren an einer Straßenlaterne in Ulm' }),
    caption: z.string().meta({ example: 'Die Stadt misst Verkehr und Luftqualität an 40 Masten.' }),
    credit: z.string().meta({ example: 'Foto: Stadt Ulm' }),
    createdAt: z.iso.datetime(),
  }),
);

export const ImagePageSchema = responseShape(
  'ImagePage',
  z.object({
    items: z.array(ImageListItemSchema).meta({ description: 'newest first' }),
    total: z.int().min(0).meta({ description: 'how many images match, on every page' }),
  }),
  { description: 'A page of the images the photo desk uploaded.' },
);
