import { z } from 'zod';
import {
  MAX_WEBHOOK_URL_LENGTH,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENTS,
} from '@newsdesk/delivery';
import { requestShape, responseShape } from '../contract/schema';

const instant = () => z.iso.datetime({ offset: true });
const webhookEvent = () => z.enum(WEBHOOK_EVENTS);
const url = () =>
  z
    .string('must be a URL')
    .max(MAX_WEBHOOK_URL_LENGTH)
    .meta({ example: 'https://partner.example/hooks/newsdesk' });

export const CreateWebhookBodySchema = requestShape(
  'CreateWebhookBody',
  z.strictObject({
    url: url().meta({
      description:
        'http(s) only; in production no host that is or resolves to a private, loopback or otherwise reserved address',
    }),
    events: z
      .array(webhookEvent())
      .min(1, `must be a non-empty list of ${WEBHOOK_EVENTS.join(', ')}`)
      .optional()
      .meta({ description: 'the events to receive; all of them when left out' }),
  }),
);

const deliveryCounts = z
  .object(
    Object.fromEntries(
      WEBHOOK_DELIVERY_STATUSES.map((status) => [status, z.int().min(0)]),
    ) as Record<(typeof WEBHOOK_DELIVERY_STATUSES)[number], z.ZodInt>,
  )
  .meta({ description: 'deliveries by status' });

const subscriptionFields = {
  id: z.uuid(),
  url: url(),
  events: z.array(webhookEvent()),
  status: z.enum(['active', 'paused']),
  pausedAt: instant().nullable(),
  pausedReason: z
    .string()
    .nullable()
    .meta({ example: '20 consecutive failed attempts; last: HTTP 500: boom' }),
  consecutiveFailures: z
    .int()
    .min(0)
    .meta({ description: 'failed attempts since the last success' }),
  pauseAfterFailures: z
    .int()
    .min(1)
    .meta({ description: 'the subscription pauses when `consecutiveFailures` reaches this' }),
  lastSuccessAt: instant().nullable(),
  lastFailureAt: instant().nullable(),
  lastError: z.string().nullable().meta({ example: 'HTTP 500' }),
  createdAt: instant(),
  deliveries: deliveryCounts,
};

export const WebhookSubscriptionSchema = responseShape(
  'WebhookSubscription',
  z.object(subscriptionFields),
  {
    description:
      'A subscription as ops see it: its state, failures and deliveries (never its secret).',
  },
);

export const WebhookSubscriptionListSchema = responseShape(
  'WebhookSubscriptionList',
  z.array(WebhookSubscriptionSchema),
);

export const NewWebhookSubscriptionSchema = responseShape(
  'NewWebhookSubscription',
  z.object({
    ...subscriptionFields,
    secret: z.string().meta({
      description:
        'signs every delivery (HMAC-SHA256, header `Newsdesk-Signature`); shown this once, keep it safe',
      example: 'whsec_3q2+7w…',
    }),
  }),
  { description: 'A subscription just registered, with its signing secret (never shown again).' },
);

export const WebhookAttemptSchema = responseShape(
  'WebhookAttempt',
  z.object({
    at: instant(),
    statusCode: z
      .int()
      .nullable()
      .meta({ description: 'the HTTP status; null when no response came (refused, timeout)' }),
    error: z.string().nullable().meta({ example: 'HTTP 500: boom' }),
    latencyMs: z.number().min(0),
    ok: z.boolean(),
  }),
  { description: 'One POST to the subscriber.' },
);

export const WebhookDeliverySchema = responseShape(
  'WebhookDelivery',
  z.object({
    id: z.uuid().meta({ description: 'sent as `Newsdesk-Delivery`' }),
    subscriptionId: z.uuid(),
    eventId: z.uuid().meta({ description: 'the same for every subscriber and attempt' }),
    event: webhookEvent(),
    occurredAt: instant(),
    articleId: z.uuid().nullable(),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES).meta({
      description:
        '`pending`: queued or retrying; `delivered`: a 2xx came back; `failed`: the retries ran out or the subscription paused; `cancelled`: not sent (subscription deleted, or the story is no longer public)',
    }),
    createdAt: instant(),
    lastAttemptAt: instant().nullable(),
    deliveredAt: instant().nullable(),
    lastError: z.string().nullable(),
    redeliveries: z.int().min(0).meta({ description: 'how often ops asked for it again by hand' }),
    attempts: z.array(WebhookAttemptSchema).meta({ description: 'every attempt, oldest first' }),
  }),
  { description: 'One event for one subscription, with every attempt to send it.' },
);

export const WebhookDeliveryListSchema = responseShape(
  'WebhookDeliveryList',
  z.array(WebhookDeliverySchema),
);
