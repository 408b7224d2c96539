import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import { liveStreamUrl } from '../api/api';
import { queryKeys } from '../api/queries';

/**
 * Which cached answers each event of `GET /api/stream` makes stale. An event's
 * data is JSON naming what changed (`{"id": …}`); the queries named here are
 * marked stale and the ones on screen fetched again, so the screen never polls.
 */
const INVALIDATES: Record<string, (data: { id?: string }) => QueryKey[]> = {
  // A story's state, text or assignment changed: every list may show it differently.
  'story.changed': () => [queryKeys.stories],
  'section.changed': () => [queryKeys.sections, queryKeys.stories],
};

/** After the stream gave up (or is not there), wait this long before opening it again; doubling up to the maximum. */
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;

function parse(data: unknown): { id?: string } {
  try {
    const value: unknown = typeof data === 'string' ? JSON.parse(data) : null;
    return typeof value === 'object' && value !== null ? value : {};
  } catch {
    return {};
  }
}

/**
 * Keeps the newsroom's live stream open while a signed-in screen is shown and
 * turns its events into query invalidations. The browser's EventSource
 * reconnects by itself (sending `Last-Event-ID`); when it gives up — the route
 * answers 404 (it is not there yet), 401 or 5xx — the hook waits and opens it
 * again with `?lastEventId=` so the server can replay what was missed. None of
 * that is shown: without the stream the desk still works, only not live.
 */
export function useLiveStream(): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = FIRST_RETRY_MS;
    let lastEventId: string | undefined;
    let gap = false;

    const open = () => {
      const stream = new EventSource(liveStreamUrl(lastEventId));
      source = stream;
      stream.onopen = () => {
        delay = FIRST_RETRY_MS;
        // Events may have been missed while the stream was away and could not all be replayed.
        if (gap) void queryClient.invalidateQueries({ queryKey: queryKeys.stories });
        gap = false;
      };
      for (const [name, keysOf] of Object.entries(INVALIDATES)) {
        stream.addEventListener(name, (event: MessageEvent<unknown>) => {
          if (event.lastEventId) lastEventId = event.lastEventId;
          for (const queryKey of keysOf(parse(event.data)))
            void queryClient.invalidateQueries({ queryKey });
        });
      }
      stream.onerror = () => {
        gap = true;
        if (stream.readyState !== EventSource.CLOSED) return; // the browser retries by itself
        stream.close();
        timer = setTimeout(open, delay);
        delay = Math.min(delay * 2, MAX_RETRY_MS);
      };
    };

    open();
    return () => {
      clearTimeout(timer);
      source?.close();
    };
  }, [queryClient]);
}
