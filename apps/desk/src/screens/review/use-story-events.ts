import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { liveStreamUrl } from '../../api/api';
import { reviewKeys } from './review-queries';

/** The stream's events about comments, with the story they belong to. */
const COMMENT_EVENTS = ['comment.added', 'comment.resolved'] as const;

function articleIdOf(data: unknown): string | null {
  try {
    const value: unknown = typeof data === 'string' ? JSON.parse(data) : null;
    return typeof value === 'object' && value !== null && 'articleId' in value
      ? String(value.articleId)
      : null;
  } catch {
    return null;
  }
}

/**
 * Refreshes the comment threads of the story on screen when someone comments
 * or resolves a thread. The desk's `useLiveStream()` does not turn comment
 * events into invalidations yet; until it does, this listens for them itself
 * while a review screen is open (the browser reconnects on its own).
 */
export function useCommentEvents(articleId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const stream = new EventSource(liveStreamUrl());
    const onEvent = (event: MessageEvent<unknown>) => {
      if (articleIdOf(event.data) === articleId)
        void queryClient.invalidateQueries({ queryKey: reviewKeys.comments(articleId) });
    };
    for (const name of COMMENT_EVENTS) stream.addEventListener(name, onEvent);
    return () => stream.close();
  }, [articleId, queryClient]);
}
