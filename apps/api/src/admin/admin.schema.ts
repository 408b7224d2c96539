import { z } from 'zod';
import { sectionCreateSchema } from '@newsdesk/editorial';
import { ADMIN_SUBJECT_KINDS } from '@newsdesk/identity';
import { userChangeSchema, userInvitationSchema } from '@newsdesk/sessions';
import { UserSchema } from '../auth/auth.schema';
import { pageOf } from '../contract/page';
import {
  ApprovalStepSchema,
  ContentProfileSchema,
  SectionSchema,
  SectionUpdateBodySchema,
} from '../articles/sections.schema';
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

// The section view and its parts are the same for admins: see `../articles/sections.schema.ts`.
export { ApprovalStepSchema, ContentProfileSchema, SectionSchema };

export const CreateSectionBodySchema = requestShape('CreateSectionBody', sectionCreateSchema, {
  description:
    'A new section; without `approvalSteps` a story needs one review, without `profile` the default profile applies.',
  example: {
    slug: 'digitale-bildung',
    name: 'Digitale Bildung',
    description: 'Schulen und Hochschulen',
  },
});

/** A change of a section: the same body as `PATCH /api/sections/{slug}`. */
export const UpdateSectionBodySchema = SectionUpdateBodySchema;

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
