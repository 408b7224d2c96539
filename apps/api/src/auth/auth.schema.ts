import { z } from 'zod';
import { PASSWORD_RULES, ROLES } from '@newsdesk/identity';
import { requestShape, responseShape } from '../contract/schema';

/** A user as the API shows them to themselves and to admins. */
export const UserSchema = responseShape(
  'User',
  z.object({
    id: z.uuid(),
    email: z.string().meta({ example: 'redaktion@newsdesk.test' }),
    name: z.string().meta({ example: 'Jana Schütte' }),
    roles: z.array(z.enum(ROLES)),
    mustChangePassword: z
      .boolean()
      .meta({ description: 'a one-time password must be replaced before anything else' }),
  }),
);

export const LoginBodySchema = requestShape(
  'LoginBody',
  z.strictObject({
    email: z
      .string()
      .max(320)
      .refine((v) => v.includes('@'), 'must be an email address')
      .meta({ example: 'editor@newsdesk.test' }),
    password: z.string().min(1, 'is required').max(1000).meta({ example: 'newsdesk' }),
  }),
);

export const ChangePasswordBodySchema = requestShape(
  'ChangePasswordBody',
  z.strictObject({
    current: z.string().max(1000),
    new: z.string().min(PASSWORD_RULES.min).max(PASSWORD_RULES.max),
  }),
);

export const SessionGrantSchema = responseShape(
  'SessionGrant',
  z.object({
    accessToken: z
      .string()
      .meta({ description: 'send as `Authorization: Bearer`; browsers use the cookie instead' }),
    user: UserSchema,
  }),
  {
    description: 'A new session: its token (the same session is also set as the HttpOnly cookie).',
  },
);

export const EndedSessionsSchema = responseShape(
  'EndedSessions',
  z.object({ ended: z.int().min(0).meta({ description: 'how many sessions were ended' }) }),
);

export const WhoAmISchema = responseShape(
  'WhoAmI',
  z.object({
    user: UserSchema,
    credential: z.object({
      type: z.enum(['session', 'api_token']),
      id: z.uuid(),
      expiresAt: z.iso.datetime({ offset: true }),
    }),
  }),
);
