import type { Role } from '@newsdesk/identity';
import { EventName, STREAMED_EVENTS, type EventEnvelope } from '@newsdesk/messaging';

/** The events the desk's stream carries: the registry's `STREAMED_EVENTS`. */
export type DeskEventName =
  | EventName.StoryChanged
  | EventName.StorySaved
  | EventName.StoryAssigned
  | EventName.StoryChecked
  | EventName.LockTaken
  | EventName.LockReleased
  | EventName.CommentAdded
  | EventName.CommentResolved
  | EventName.ImageProcessed
  | EventName.ImageUpdated
  | EventName.DeliveryProgressed;

/** The events the outbox relay appends to the desk's stream, as the registry lists them. */
export const DESK_EVENTS: readonly EventName[] = STREAMED_EVENTS;

/** Everyone who works on stories: they may read every story (`GET /api/articles/:id` asks no role). */
const NEWSROOM: readonly Role[] = ['editor', 'reviewer', 'ops', 'admin'];
/** Those who upload and edit pictures (`POST /api/images` is for the photo desk and editors). */
const PICTURES: readonly Role[] = ['photo_desk', 'editor', 'ops', 'admin'];

/**
 * Who receives each event on the stream. Every signed-in user may read every
 * story, so the stream filters by role, not by story: the newsroom (editors,
 * reviewers, ops, admins) gets the stories' events, the photo desk the
 * images' events (editors too, who upload pictures). A user with several
 * roles gets the union. API tokens act with their one role.
 */
export const DESK_EVENT_AUDIENCE: { readonly [E in DeskEventName]: readonly Role[] } = {
  [EventName.StoryChanged]: NEWSROOM,
  [EventName.StorySaved]: NEWSROOM,
  [EventName.StoryAssigned]: NEWSROOM,
  [EventName.StoryChecked]: NEWSROOM,
  [EventName.LockTaken]: NEWSROOM,
  [EventName.LockReleased]: NEWSROOM,
  [EventName.CommentAdded]: NEWSROOM,
  [EventName.CommentResolved]: NEWSROOM,
  [EventName.ImageProcessed]: PICTURES,
  [EventName.ImageUpdated]: PICTURES,
  // The receipt on the story: whoever reads stories.
  [EventName.DeliveryProgressed]: NEWSROOM,
};

/** The names of the events someone with these roles receives. */
export function deskEventsVisibleTo(roles: readonly Role[]): ReadonlySet<string> {
  return new Set(
    (Object.keys(DESK_EVENT_AUDIENCE) as DeskEventName[]).filter((event) =>
      DESK_EVENT_AUDIENCE[event].some((role) => roles.includes(role)),
    ),
  );
}

/**
 * What a client reads in an event's `data:`: the event id (the same in every
 * process and on every retry) and when it occurred, then the payload's fields.
 */
export function deskEventData(event: EventEnvelope): string {
  return JSON.stringify({ eventId: event.id, occurredAt: event.occurredAt, ...event.payload });
}
