import {
  AuditEntry,
  Article,
  Comment,
  EditLock,
  PublishedArticle,
  Revision,
  Section,
} from '@newsdesk/editorial';
import { WebhookDelivery, WebhookSubscription } from '@newsdesk/delivery';
import { User } from '@newsdesk/identity';
import { Image, Rendition } from '@newsdesk/media';
import { OutboxEntry } from '@newsdesk/messaging';

/** Every entity, listed rather than discovered from files, so that source and build behave the same. */
export const ENTITIES = [
  User,
  Section,
  Article,
  Revision,
  Comment,
  EditLock,
  AuditEntry,
  PublishedArticle,
  Image,
  Rendition,
  OutboxEntry,
  WebhookSubscription,
  WebhookDelivery,
];
