import { z } from 'zod';
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
