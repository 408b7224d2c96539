import { z } from 'zod';
import { ROLES } from '@newsdesk/identity';
import { responseShape } from '../contract/schema';

export const NewsroomSchema = responseShape(
  'Newsroom',
  z.object({
    timeZone: z.string().meta({
      example: 'Europe/Berlin',
      description: 'IANA time zone in which the newsroom reads and schedules times',
    }),
  }),
  { description: 'What every client of the newsroom shows the same way.' },
);

export const PersonSchema = responseShape(
  'Person',
  z.object({
    id: z.uuid(),
    name: z.string().meta({ example: 'Jana Weber' }),
    roles: z.array(z.enum(ROLES)).meta({ example: ['reviewer'] }),
  }),
  { description: 'Someone who works in the newsroom (an active person).' },
);

export const PersonListSchema = responseShape('PersonList', z.array(PersonSchema), {
  description: 'By name.',
});
