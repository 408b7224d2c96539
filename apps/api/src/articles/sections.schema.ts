import { z } from 'zod';
import {
  BODY_BLOCK_TYPES,
  DEFAULT_CONTENT_PROFILE,
  sectionUpdateSchema,
} from '@newsdesk/editorial';
import { ROLES } from '@newsdesk/identity';
import { requestShape, responseShape } from '../contract/schema';

export const ApprovalStepSchema = responseShape(
  'ApprovalStep',
  z.object({
    key: z.string().meta({ example: 'section_lead' }),
    label: z.string().meta({ example: 'Ressortleitung' }),
    roles: z.array(z.enum(ROLES)).meta({
      description: 'who may take the step (any of them; admins always may)',
      example: ['reviewer'],
    }),
  }),
  { description: 'One approval step a story of the section passes, in order.' },
);

const lengthLimit = z.object({ min: z.int().min(0), max: z.int().min(0) });

export const ContentProfileSchema = responseShape(
  'ContentProfile',
  z.object({
    kicker: lengthLimit,
    headline: lengthLimit,
    teaser: lengthLimit,
    heroImage: z.object({
      required: z.boolean().meta({ description: 'no review without a hero image' }),
      altRequired: z.boolean().meta({ description: 'the hero image needs alt text' }),
      creditRequired: z.boolean().meta({ description: 'the hero image needs a credit line' }),
    }),
    bodyBlocks: z
      .array(z.enum(BODY_BLOCK_TYPES))
      .meta({ description: 'the body block types a story may use' }),
  }),
  {
    description:
      'What a story of the section must look like to pass the publish checks (lengths in characters), for live counts in a client.',
    example: DEFAULT_CONTENT_PROFILE,
  },
);

export const SectionSchema = responseShape(
  'Section',
  z.object({
    id: z.uuid(),
    slug: z.string().meta({ description: 'never changes', example: 'smart-city' }),
    name: z.string().meta({ example: 'Smart City' }),
    description: z.string().meta({
      example:
        'Vernetzte Stadtentwicklung, Sensorik, Mobilität und urbane Daten im kommunalen Alltag.',
    }),
    approvalSteps: z.array(ApprovalStepSchema),
    profile: ContentProfileSchema,
    archived: z.boolean().meta({ description: 'an archived section takes no new stories' }),
    archivedAt: z.iso.datetime({ offset: true }).nullable(),
    createdAt: z.iso.datetime({ offset: true }),
  }),
  {
    description:
      'A part of the site with its own teaser listing, approval steps and content profile.',
  },
);

export const SectionListSchema = responseShape('SectionList', z.array(SectionSchema), {
  description: 'Every section, by name.',
});

/** A change of a section (the editorial library's own schema). */
export const SectionUpdateBodySchema = requestShape('SectionUpdateBody', sectionUpdateSchema, {
  description:
    'The fields to change; fields left out keep their value, the slug never changes. New steps and limits apply from the next approval or check on; a new name reaches the public pages.',
  example: {
    name: 'Smart City & Mobilität',
    approvalSteps: [
      { key: 'section_lead', label: 'Ressortleitung', roles: ['reviewer'] },
      { key: 'chief_editor', label: 'Chefredaktion', roles: ['reviewer'] },
    ],
  },
});
