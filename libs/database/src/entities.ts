import { AuditEntry, Article, Comment, EditLock, Revision, Section } from '@newsdesk/editorial';
import { PublicationEvent, PublishedArticle, PublishedTag } from '@newsdesk/publication';
import { DeliveryStep, WebhookDelivery, WebhookSubscription } from '@newsdesk/delivery';
import { AdminAuditEntry, User } from '@newsdesk/identity';
import { Image, PendingUpload, Rendition } from '@newsdesk/media';
import { ApiToken, Session } from '@newsdesk/sessions';
import { OutboxEntry } from '@newsdesk/messaging';

/** Every entity, listed rather than discovered from files, so that source and build behave the same. */
export const ENTITIES = [
  User,
  Session,
  ApiToken,
  Section,
  Article,
  Revision,
  Comment,
  EditLock,
  AuditEntry,
  AdminAuditEntry,
  PublishedArticle,
  PublishedTag,
  PublicationEvent,
  Image,
  Rendition,
  PendingUpload,
  OutboxEntry,
  WebhookSubscription,
  WebhookDelivery,
  DeliveryStep,
];
