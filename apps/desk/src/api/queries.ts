/**
 * The query cache: the one place where the desk keeps server state (never
 * copied into component state), the keys it is filed under (which the live
 * stream invalidates), and the hooks screens read it with.
 */
import {
  MutationCache,
  QueryCache,
  QueryClient,
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import * as api from './api';
import { ApiError, type StoryFilter } from './api';

export const queryKeys = {
  me: ['me'] as const,
  newsroom: ['newsroom'] as const,
  sections: ['sections'] as const,
  people: ['people'] as const,
  /** Every story query (lists and single stories) starts with this. */
  stories: ['stories'] as const,
  storyLists: ['stories', 'list'] as const,
  storyList: (filter: StoryFilter) => ['stories', 'list', filter] as const,
  /** A story; what belongs to its text (revisions, history, diff) is filed below it. */
  story: (id: string) => ['stories', 'one', id] as const,
  /** A story's delivery receipt: below the story (a transition refreshes it), and alone on `delivery.progressed`. */
  storyDelivery: (id: string) => ['stories', 'one', id, 'delivery'] as const,
  /** Who holds a story's edit lock: it changes without the story changing. */
  storyLock: (id: string) => ['locks', id] as const,
  /** A story's comment threads. */
  comments: (id: string) => ['comments', id] as const,
  /** Every image query (lists and single images) starts with this. */
  images: ['images'] as const,
  image: (id: string) => ['images', 'one', id] as const,
};

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: Error;
    /** `signIn: true` on the sign-in and password mutations, whose 401 means a wrong password, not a lost session. */
    mutationMeta: { signIn?: boolean };
  }
}

const isUnauthenticated = (error: unknown) => error instanceof ApiError && error.status === 401;

/**
 * The desk's query client. A 401 from any query or mutation means the session
 * is gone (signed out elsewhere, expired, ended by an admin): the cache then
 * forgets who was signed in, and the session gate sends the user to sign in,
 * and back to where they were afterwards.
 */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isUnauthenticated(error)) queryClient.setQueryData(queryKeys.me, null);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isUnauthenticated(error) && !mutation.meta?.signIn)
          queryClient.setQueryData(queryKeys.me, null);
      },
    }),
    defaultOptions: {
      queries: {
        // A 4xx will not change by asking again; a network error or a 5xx may.
        retry: (failures, error) =>
          failures < 2 && !(error instanceof ApiError && error.status < 500),
        staleTime: 30_000,
      },
    },
  });
  return queryClient;
}

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: api.fetchMe, staleTime: 60_000 });
}

export function useNewsroom() {
  return useQuery({
    queryKey: queryKeys.newsroom,
    queryFn: api.fetchNewsroom,
    staleTime: Infinity,
  });
}

export function useSections() {
  return useQuery({ queryKey: queryKeys.sections, queryFn: api.fetchSections, staleTime: 300_000 });
}

/** Who works in the newsroom (pickers and filters); changes rarely. */
export function usePeople() {
  return useQuery({ queryKey: queryKeys.people, queryFn: api.fetchPeople, staleTime: 300_000 });
}

export function useStories(filter: StoryFilter) {
  return useQuery({
    queryKey: queryKeys.storyList(filter),
    queryFn: () => api.fetchStories(filter),
    // Paging and filtering keep the last page on screen until the next one is there.
    placeholderData: keepPreviousData,
  });
}

export function useStory(id: string) {
  return useQuery({ queryKey: queryKeys.story(id), queryFn: () => api.fetchStory(id) });
}

/** Signs in, then starts from an empty cache with the new user. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ email, password }: { email: string; password: string }) =>
      api.signIn(email, password),
    meta: { signIn: true },
    onSuccess: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery({ queryKey: queryKeys.me, queryFn: api.fetchMe });
    },
  });
}

/** Replaces a one-time password; the answer is a new session for the same user. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ current, next }: { current: string; next: string }) =>
      api.changePassword(current, next),
    meta: { signIn: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });
}

/** Where a sign-out ends sessions: this browser's, or every one of the user. */
export type SignOutScope = 'here' | 'everywhere';

/**
 * Signs out here or everywhere. Whatever the API answers (the session may have
 * ended already), `leave` is called first — to take the user off the screens
 * that need a session — and then the cache forgets everything it held.
 */
export function useSignOut(leave: (scope: SignOutScope) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (scope: SignOutScope) => {
      if (scope === 'everywhere') await api.signOutEverywhere();
      else await api.signOut();
    },
    meta: { signIn: true },
    onSettled: (_data, _error, scope) => {
      leave(scope);
      queryClient.removeQueries();
    },
  });
}
