import { z } from 'zod';
import { parseOffsetDateTime } from '@newsdesk/common';
import { ROLES } from '@newsdesk/identity';
import { API_TOKEN_PREFIX, API_TOKEN_RULES } from '@newsdesk/sessions';
import { requestShape, responseShape } from '../contract/schema';

const instant = () => z.iso.datetime({ offset: true });
const nameReason = `must be a name of 1 to ${API_TOKEN_RULES.nameMax} characters`;

export const CreateApiTokenBodySchema = requestShape(
  'CreateApiTokenBody',
  z.strictObject({
    name: z
      .string(nameReason)
      .trim()
      .min(1, nameReason)
      .max(API_TOKEN_RULES.nameMax, nameReason)
      .meta({ description: 'what the token is for', example: 'Agenturimport dpa' }),
    role: z.enum(ROLES).meta({ description: 'what the token may do', example: 'editor' }),
    expiresAt: z
      .string('must be an ISO-8601 date-time with offset')
      .refine(
        (text) => parseOffsetDateTime(text) !== null,
        'must be an ISO-8601 date-time with offset',
      )
      .meta({
        format: 'date-time',
        description: `with its offset; in the future, within ${API_TOKEN_RULES.lifetimeDays} days`,
        example: '2027-06-30T23:59:59+02:00',
      }),
  }),
);

const tokenFields = {
  id: z.uuid(),
  name: z.string().meta({ example: 'Agenturimport dpa' }),
  role: z.enum(ROLES),
  prefix: z.string().meta({
    description: 'the secret’s first characters, to recognise it',
    example: `${API_TOKEN_PREFIX}Ab12Cd3`,
  }),
  createdAt: instant(),
  createdBy: z.uuid().meta({ description: 'the admin who issued it' }),
  expiresAt: instant(),
  lastUsedAt: instant().nullable().meta({ description: 'to the minute; null when never used' }),
  revokedAt: instant().nullable(),
};

export const ApiTokenSchema = responseShape('ApiToken', z.object(tokenFields), {
  description: 'An API token as admins see it (never its secret).',
});

export const ApiTokenListSchema = responseShape('ApiTokenList', z.array(ApiTokenSchema));

export const NewApiTokenSchema = responseShape(
  'NewApiToken',
  z.object({
    ...tokenFields,
    token: z.string().meta({
      description:
        'the secret: send it as `Authorization: Bearer`; shown this once, only its hash is stored',
      example: `${API_TOKEN_PREFIX}${'x'.repeat(43)}`,
    }),
  }),
  { description: 'A token just issued, with its secret (never shown again).' },
);
