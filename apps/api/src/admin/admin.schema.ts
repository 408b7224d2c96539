import { z } from 'zod';
import {
  BODY_BLOCK_TYPES,
  DEFAULT_APPROVAL_STEPS,
  DEFAULT_CONTENT_PROFILE,
  sectionCreateSchema,
  sectionUpdateSchema,
} from '@newsdesk/editorial';
import { ADMIN_SUBJECT_KINDS, ROLES } from '@newsdesk/identity';
import { userChangeSchema, userInvitationSchema } from '@newsdesk/sessions';
import { UserSchema } from '../auth/auth.schema';
import { pageOf } from '../contract/page';
import { requestShape, responseShape } from '../contract/schema';

const instant = () => z.iso.datetime({ offset: true });

// ---- users ---------------------------------------------------------------

/** A user as admins see them: the user, whether they may sign in, and since when they exist. */
export const AdminUserSchema = responseShape(
  'AdminUser',
  UserSchema.extend({
    active: z
      .boolean()
      .meta({ description: 'false: deactivated, no sign-in, every session ended' }),
    createdAt: instant(),
  }),
);

export const AdminUserListSchema = responseShape('AdminUserList', z.array(AdminUserSchema));

export const InitialPasswordSchema = responseShape(
  'InitialPassword',
  z.object({
    user: AdminUserSchema,
    initialPassword: z.string().meta({
      description:
        'a one-time password to hand over, shown this once; it must be changed at the first sign-in',
      example: 'q7Xn2bVd9LmP4sRt',
    }),
  }),
  { description: 'A new or reset account with its one-time password.' },
);

export const CreateUserBodySchema = requestShape('CreateUserBody', userInvitationSchema, {
  description: 'An invitation: the user signs in with the one-time password of the answer.',
  example: { email: 'lena.berger@newsdesk.test', name: 'Lena Berger', roles: ['editor'] },
});

export const UpdateUserBodySchema = requestShape('UpdateUserBody', userChangeSchema, {
  description:
    'Fields left out keep their value. A change of roles and a deactivation end the user’s sessions at once.',
  example: { roles: ['editor', 'reviewer'] },
});

export const ResetPasswordBodySchema = requestShape('ResetPasswordBody', z.strictObject({}), {
  description: 'Nothing to send; an empty object is accepted.',
});

// ---- sections --------------------------------------------------------------

export const ApprovalStepSchema = responseShape(
  'ApprovalStep',
  z.object({
    key: z.string().meta({ example: 'section_lead' }),
    label: z.string().meta({ example: 'Ressortleitung' }),
    roles: z
      .array(z.enum(ROLES))
      .meta({ description: 'who may take the step (any of the roles; admins always may)' }),
  }),
);

const lengthLimit = () =>
  z.object({ min: z.int().min(0), max: z.int().min(1) }).meta({
    description: 'inclusive bounds on the length in characters',
  });

export const ContentProfileSchema = responseShape(
  'ContentProfile',
  z.object({
    kicker: lengthLimit(),
    headline: lengthLimit(),
    teaser: lengthLimit(),
    heroImage: z.object({
      required: z.boolean().meta({ description: 'a story cannot go to review without one' }),
      altRequired: z.boolean(),
      creditRequired: z.boolean(),
    }),
    bodyBlocks: z
      .array(z.enum(BODY_BLOCK_TYPES))
      .meta({ description: 'the body block types a story may use; always `paragraph`' }),
  }),
  {
    description:
      'What a story of the section must look like to pass the publish checks (a client counts against it).',
    example: DEFAULT_CONTENT_PROFILE,
  },
);

/** A section with its approval steps and effective content profile (also `GET /api/sections`). */
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
    approvalSteps: z
      .array(ApprovalStepSchema)
      .meta({ description: 'the steps a story passes, in order', example: DEFAULT_APPROVAL_STEPS }),
    profile: ContentProfileSchema,
    archived: z.boolean().meta({ description: 'an archived section takes no new stories' }),
    archivedAt: instant().nullable(),
    createdAt: instant(),
  }),
);

export const CreateSectionBodySchema = requestShape('CreateSectionBody', sectionCreateSchema, {
  description:
    'A new section; without `approvalSteps` a story needs one review, without `profile` the default profile applies.',
  example: {
    slug: 'digitale-bildung',
    name: 'Digitale Bildung',
    description: 'Schulen und Hochschulen',
  },
});

export const UpdateSectionBodySchema = requestShape('UpdateSectionBody', sectionUpdateSchema, {
  description:
    'Fields left out keep their value; the slug never changes (it is part of every URL). A rename reaches the public pages.',
  example: { name: 'Bildung digital' },
});

// ---- the administration audit ----------------------------------------------

export const AdminAuditEntrySchema = responseShape(
  'AdminAuditEntry',
  z.object({
    id: z.string().meta({ description: 'increases with every row', example: '815' }),
    actorId: z.uuid().nullable().meta({ description: 'null for the system (the demo seed)' }),
    action: z.string().meta({ example: 'user.update' }),
    subjectKind: z.enum(ADMIN_SUBJECT_KINDS),
    subjectId: z.uuid(),
    details: z.record(z.string(), z.unknown()).meta({
      description: 'what changed, field by field (never a password)',
      example: { changes: { roles: { from: ['editor'], to: ['reviewer'] } }, sessionsEnded: true },
    }),
    requestId: z
      .string()
      .nullable()
      .meta({ description: 'the request that caused it (`X-Request-Id`)' }),
    createdAt: instant(),
  }),
  { description: 'One row of the append-only administration log.' },
);

export const AdminAuditPageSchema = pageOf('AdminAuditPage', AdminAuditEntrySchema, {
  description: 'A page of the administration log, newest first.',
});
