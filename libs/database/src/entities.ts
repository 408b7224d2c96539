import { AuditEntry, Article, Comment, EditLock, Revision, Section } from '@newsdesk/editorial';
import { PublishedArticle } from '@newsdesk/publication';
import { WebhookDelivery, WebhookSubscription } from '@newsdesk/delivery';
import { AdminAuditEntry, User } from '@newsdesk/identity';
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
  AdminAuditEntry,
  PublishedArticle,
  Image,
  Rendition,
  OutboxEntry,
  WebhookSubscription,
  WebhookDelivery,
];
