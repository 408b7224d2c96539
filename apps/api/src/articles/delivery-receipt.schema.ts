import { z } from 'zod';
import { RECEIPT_STEPS, RECEIPT_WEBHOOK_STATES, WEBHOOK_EVENTS } from '@newsdesk/delivery';
import { responseShape } from '../contract/schema';

const instant = () => z.iso.datetime({ offset: true });

export const DeliveryReceiptSchema = responseShape(
  'DeliveryReceipt',
  z.object({
    articleId: z.uuid(),
    eventId: z.uuid().meta({ description: 'the article event the receipt is about' }),
    event: z.enum(WEBHOOK_EVENTS).meta({
      description:
        'the story’s newest article event: a publication, an update (a correction), or a retraction',
    }),
    version: z.int().min(1).meta({ description: 'the story’s version the event announced' }),
    releasedAt: instant()
      .nullable()
      .meta({ description: 'when the public version went out; null for a retraction' }),
    retractedAt: instant()
      .nullable()
      .meta({ description: 'when the story was unpublished or killed; null while it is public' }),
    listings: z
      .array(
        z.object({
          ref: z.string().meta({ example: 'section:smart-city' }),
          rebuiltAt: instant().nullable(),
        }),
      )
      .meta({
        description:
          'every teaser listing the event named (for a retraction: those the story leaves)',
      }),
    cdn: z
      .object({
        verification: z.boolean().meta({
          description: 'whether purges are confirmed at the edge (`CDN_VERIFY_URL` is set)',
        }),
        purges: z.array(
          z.object({
            keys: z.array(z.string()).meta({ example: ['section:smart-city', 'story:0b6c…'] }),
            sentAt: instant(),
            verifiedAt: instant().nullable(),
          }),
        ),
      })
      .nullable()
      .meta({ description: 'null when no CDN is configured' }),
    webhooks: z
      .array(
        z.object({
          subscriptionId: z.uuid(),
          subscriber: z
            .string()
            .meta({ description: 'the host it is sent to', example: 'partner.example' }),
          state: z.enum(RECEIPT_WEBHOOK_STATES),
          attempts: z.int().min(0),
          lastError: z.string().nullable(),
          at: instant().nullable().meta({ description: 'when delivered, or last tried' }),
        }),
      )
      .meta({ description: 'every webhook subscriber that wants this event' }),
    complete: z.boolean().meta({ description: 'nothing is pending: the story is live everywhere' }),
    pending: z
      .array(
        z.object({
          step: z.enum(RECEIPT_STEPS),
          reason: z
            .string()
            .meta({ example: 'partner.example failed 2 times, retrying: HTTP 500' }),
        }),
      )
      .meta({ description: 'what is still on its way, and why, in plain words' }),
  }),
  {
    description:
      'What became of a story’s newest article event: listings rebuilt, CDN purges sent and verified, webhook subscribers served.',
  },
);
