import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import { liveStreamUrl } from '../api/api';
import { queryKeys } from '../api/queries';
import { InvalidationBatch } from './invalidation-batch';

/**
 * The fields of the stream's events the desk reads (`deskEventData` of
 * `@newsdesk/stream`: `eventId`, `occurredAt`, then the event's payload).
 */
interface EventData {
  articleId?: string;
  imageId?: string;
}

/** Every story event makes the lists stale and the story named (with its revisions and history). */
const storyEvent = ({ articleId }: EventData): QueryKey[] =>
  articleId ? [queryKeys.storyLists, queryKeys.story(articleId)] : [queryKeys.stories];

/**
 * Which cached answers each event of `GET /api/stream` makes stale: the
 * queries named here are marked stale and the ones on screen fetched again,
 * so the screen never polls.
 */
export const INVALIDATES: Record<string, (data: EventData) => QueryKey[]> = {
  // A transition (`transition`), a save (`revision`), a new reviewer, the publish checks' result.
  'story.changed': storyEvent,
  'story.saved': storyEvent,
  'story.assigned': storyEvent,
  'story.checked': storyEvent,
  'lock.taken': ({ articleId }) => (articleId ? [queryKeys.storyLock(articleId)] : []),
  'lock.released': ({ articleId }) => (articleId ? [queryKeys.storyLock(articleId)] : []),
  'comment.added': ({ articleId }) => (articleId ? [queryKeys.comments(articleId)] : []),
  'comment.resolved': ({ articleId }) => (articleId ? [queryKeys.comments(articleId)] : []),
  // An image's renditions are ready (or failed), or its caption, credit, alt text changed.
  'image.processed': () => [queryKeys.images],
  'image.updated': () => [queryKeys.images],
  // A step of a story's delivery was done: its receipt, not the story, changed.
  'delivery.progressed': ({ articleId }) => (articleId ? [queryKeys.storyDelivery(articleId)] : []),
};

/** After the stream gave up, wait this long before opening it again; doubling up to the maximum. */
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;
/**
 * While events keep coming, the screen refetches at most this often: each
 * event's change shows within about this long, and a busy newsroom does not
 * make a list refetch dozens of times a second.
 */
const INVALIDATE_EVERY_MS = 200;
/** A refetch that takes longer than this no longer holds back the next one. */
const REFETCH_WAIT_MS = 5_000;
/** The key every query starts with: invalidating it makes everything stale. */
const EVERYTHING: QueryKey = [];

function parse(data: unknown): EventData {
  try {
    const value: unknown = typeof data === 'string' ? JSON.parse(data) : null;
    return typeof value === 'object' && value !== null ? value : {};
  } catch {
    return {};
  }
}

/**
 * Keeps the newsroom's live stream open while a signed-in screen is shown and
 * turns its events into query invalidations, in batches (see
 * {@link InvalidationBatch}): the first event's at once, then, while events
 * keep coming, at most every INVALIDATE_EVERY_MS. The browser's EventSource
 * reconnects by itself, sending `Last-Event-ID`, and the stream replays what
 * was missed. When it gives up (a 401 or 5xx), the hook waits and opens it
 * again with `?lastEventId=`. A `reset` (the stream no longer holds the point
 * to resume from) makes every query stale. None of that is shown: without the
 * stream the desk still works, only not live.
 */
export function useLiveStream(): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = FIRST_RETRY_MS;
    let lastEventId: string | undefined;
    let reopened = false;
    const batch = new InvalidationBatch({
      invalidate: (keys) =>
        Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
      intervalMs: INVALIDATE_EVERY_MS,
      maxWaitMs: REFETCH_WAIT_MS,
    });

    const seen = (event: MessageEvent<unknown>) => {
      if (event.lastEventId) lastEventId = event.lastEventId;
    };
    const refetchEverything = () => batch.add([EVERYTHING]);

    const open = () => {
      const stream = new EventSource(liveStreamUrl(lastEventId));
      source = stream;
      stream.onopen = () => {
        delay = FIRST_RETRY_MS;
        // Opened again with nothing to resume from: whatever happened meanwhile is unknown.
        if (reopened && !lastEventId) refetchEverything();
        reopened = false;
      };
      // `ready` starts the live part; its id is where a reconnect resumes.
      stream.addEventListener('ready', seen);
      stream.addEventListener('reset', (event: MessageEvent<unknown>) => {
        seen(event);
        refetchEverything();
      });
      for (const [name, keysOf] of Object.entries(INVALIDATES)) {
        stream.addEventListener(name, (event: MessageEvent<unknown>) => {
          seen(event);
          batch.add(keysOf(parse(event.data)));
        });
      }
      stream.onerror = () => {
        if (stream.readyState !== EventSource.CLOSED) return; // the browser retries by itself
        stream.close();
        reopened = true;
        timer = setTimeout(open, delay);
        delay = Math.min(delay * 2, MAX_RETRY_MS);
      };
    };

    open();
    return () => {
      clearTimeout(timer);
      source?.close();
      batch.stop();
    };
  }, [queryClient]);
}
