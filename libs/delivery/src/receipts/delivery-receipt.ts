import type { PublicationEventName } from '@newsdesk/publication';

/**
 * Where one subscriber stands with the event: `pending` (not tried yet),
 * `retrying` (tried, failed, will try again), `delivered`, `failed` (gave up,
 * or the subscription is paused), `cancelled` (not sent: the story went down
 * before its turn came).
 */
export const RECEIPT_WEBHOOK_STATES = [
  'pending',
  'retrying',
  'delivered',
  'failed',
  'cancelled',
] as const;
export type ReceiptWebhookState = (typeof RECEIPT_WEBHOOK_STATES)[number];

/** The parts of the way out to readers a receipt names as still pending. */
export const RECEIPT_STEPS = ['listing', 'cdn', 'webhook'] as const;
export type ReceiptStep = (typeof RECEIPT_STEPS)[number];

export interface ReceiptListing {
  ref: string;
  rebuiltAt: string | null;
}

export interface ReceiptPurge {
  keys: string[];
  sentAt: string;
  /** When the CDN confirmed it; null while unconfirmed or when no verification is configured. */
  verifiedAt: string | null;
}

export interface ReceiptWebhook {
  subscriptionId: string;
  /** The subscriber's host (subscriptions have no name of their own). */
  subscriber: string;
  state: ReceiptWebhookState;
  /** Attempts made so far. */
  attempts: number;
  lastError: string | null;
  /** When it was delivered, or last tried; null before the first attempt. */
  at: string | null;
}

export interface ReceiptPending {
  step: ReceiptStep;
  reason: string;
}

/** What became of a story's newest article event: where it has arrived, and what is still on its way. */
export interface DeliveryReceipt {
  articleId: string;
  eventId: string;
  event: PublicationEventName;
  version: number;
  /** When the public version went out (published or updated); null for a retraction. */
  releasedAt: string | null;
  /** When the story was taken down (unpublished or killed); null while it is public. */
  retractedAt: string | null;
  /** Every listing the event named (for a retraction: those it is removed from). */
  listings: ReceiptListing[];
  /** Null when no CDN is configured: nothing is pending on it then. */
  cdn: { verification: boolean; purges: ReceiptPurge[] } | null;
  /** Every subscriber that wants this event. */
  webhooks: ReceiptWebhook[];
  complete: boolean;
  pending: ReceiptPending[];
}
