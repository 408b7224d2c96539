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

export const ReviewerSchema = responseShape(
  'Reviewer',
  z.object({
    id: z.uuid(),
    name: z.string().meta({ example: 'Jana Weber' }),
  }),
  { description: 'Someone a story can be assigned to for review: an active reviewer or admin.' },
);

export const ReviewerListSchema = responseShape('ReviewerList', z.array(ReviewerSchema), {
  description: 'By name.',
});
