/**
 * The story editor's calls and query hooks: writing a draft, saving with
 * `If-Match`, submitting, the edit lock, and the image list of the hero
 * image picker. Typed from the API's document like every call of the desk.
 */
import { useQuery } from '@tanstack/react-query';
import { answer, client } from './api';
import { queryKeys } from './queries';
import type { EditLock, Story, StoryCreateBody, StoryUpdateBody, paths } from './types';

const story = (id: string) => ({ params: { path: { id } } });

export function createStory(body: StoryCreateBody): Promise<Story> {
  return answer(client.POST('/api/articles', { body }));
}

/** Saves the fields given; `version` is the one the text was written against (a newer one on the server is a 409). */
export function saveStory(id: string, version: number, body: StoryUpdateBody): Promise<Story> {
  return answer(
    client.PATCH('/api/articles/{id}', {
      params: { path: { id }, header: { 'If-Match': `"${version}"` } },
      body,
    }),
  );
}

export function submitStory(id: string): Promise<Story> {
  return answer(client.POST('/api/articles/{id}/submit', story(id)));
}

export function fetchLock(id: string): Promise<EditLock | null> {
  return answer(client.GET('/api/articles/{id}/lock', story(id)));
}

/** Takes the edit lock, or renews it (the heartbeat); a 423 names who holds it. */
export function acquireLock(id: string): Promise<EditLock> {
  return answer(client.POST('/api/articles/{id}/lock', story(id)));
}

export async function releaseLock(id: string): Promise<void> {
  await answer(client.DELETE('/api/articles/{id}/lock', story(id)));
}

/**
 * Gives the lock back while the page goes away (`pagehide`: the tab closes, the
 * browser goes elsewhere), where {@link releaseLock}'s answer would never be
 * read. A `keepalive` request outlives the page; it is sent by `fetch` itself so
 * that it leaves at once, within the event, with nothing awaited before it. It
 * goes to the desk's own origin, so the browser names that origin in `Origin`
 * and the API's check accepts it with the session cookie, like every change.
 */
export function releaseLockAsPageGoes(id: string): void {
  const path = '/api/articles/{id}/lock' satisfies keyof paths;
  void fetch(path.replace('{id}', encodeURIComponent(id)), {
    method: 'DELETE',
    keepalive: true,
    credentials: 'same-origin',
  }).catch(() => undefined);
}

/** Reviewers and admins take the lock from whoever holds it. */
export function takeOverLock(id: string): Promise<EditLock> {
  return answer(client.POST('/api/articles/{id}/lock/takeover', story(id)));
}

/** Who holds the story's edit lock; `lock.taken`/`lock.released` on the stream make it stale. */
export function useEditLock(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.storyLock(id ?? ''),
    queryFn: () => fetchLock(id!),
    enabled: Boolean(id),
    staleTime: 10_000,
  });
}
