/**
 * The query keys and hooks of the review, publish, preview and history
 * screens. A story's revisions, diffs and history are filed below the story
 * (`queryKeys.story`), so whatever makes the story stale (a `story.*` event on
 * the stream, a transition here) refreshes them too; comments have their own
 * key, made stale by `comment.*` events.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/queries';
import * as api from '../../api/review';

export const reviewKeys = {
  sectionList: ['sections', 'full'] as const,
  comments: queryKeys.comments,
  revisions: (id: string) => [...queryKeys.story(id), 'revisions'] as const,
  revision: (id: string, n: number) => [...queryKeys.story(id), 'revision', n] as const,
  diff: (id: string, from: number, to: number) =>
    [...queryKeys.story(id), 'diff', from, to] as const,
  history: (id: string) => [...queryKeys.story(id), 'history'] as const,
};

export function useSectionList() {
  return useQuery({
    queryKey: reviewKeys.sectionList,
    queryFn: api.fetchSectionList,
    staleTime: 300_000,
  });
}

export function useComments(id: string) {
  return useQuery({ queryKey: reviewKeys.comments(id), queryFn: () => api.fetchComments(id) });
}

export function useRevisions(id: string) {
  return useQuery({ queryKey: reviewKeys.revisions(id), queryFn: () => api.fetchRevisions(id) });
}

export function useRevision(id: string, n: number | null) {
  return useQuery({
    queryKey: reviewKeys.revision(id, n ?? 0),
    queryFn: () => api.fetchRevision(id, n ?? 0),
    enabled: n !== null,
    staleTime: Infinity,
  });
}

export function useDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: reviewKeys.diff(id, from ?? 0, to ?? 0),
    queryFn: () => api.fetchDiff(id, from ?? 0, to ?? 0),
    enabled: from !== null && to !== null && from < to,
    staleTime: Infinity,
  });
}

export function useHistory(id: string) {
  return useQuery({ queryKey: reviewKeys.history(id), queryFn: () => api.fetchHistory(id) });
}

/**
 * A change to a story (a transition, a comment, a restore): afterwards every
 * query about stories is stale, lists and this story's panels alike.
 */
export function useStoryAction<Args>(action: (args: Args) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.stories }),
  });
}
