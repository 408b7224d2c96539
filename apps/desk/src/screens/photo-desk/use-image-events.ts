import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { liveStreamUrl } from '../../api/api';
import { imageKeys } from './image-queries';

/** The stream's image events; their data names the image (`{imageId, status}`). */
const IMAGE_EVENTS = ['image.processed', 'image.updated'] as const;

/**
 * Keeps the photo desk live: `image.processed` (ready or failed) and
 * `image.updated` make the image and every image list stale. Until the desk's
 * own `useLiveStream()` knows these events this screen listens to the stream
 * itself, while it is shown; the browser reconnects by itself, and a gap is
 * made good by refetching every image on reconnecting.
 */
export function useImageEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const stream = new EventSource(liveStreamUrl());
    let gap = false;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: imageKeys.all });
    stream.onopen = () => {
      if (gap) refresh();
      gap = false;
    };
    stream.onerror = () => {
      gap = true;
    };
    for (const name of IMAGE_EVENTS) stream.addEventListener(name, refresh);
    return () => stream.close();
  }, [queryClient]);
}
