/**
 * Every HTTP call of the desk, as typed functions. Paths, parameters, bodies
 * and answers are checked against the API's OpenAPI document (the types
 * generated from it in `libs/api-client/src/schema.ts`, aliased in `types.ts`)
 * through openapi-fetch. Screens never call `fetch` themselves: they use these
 * functions (and those of `api/<screen>.ts`) through query hooks.
 *
 * The session is the API's HttpOnly cookie (`newsdesk_session`): the desk keeps
 * no token, the browser sends the cookie to its own origin, and the API's
 * Origin check accepts the desk's changes because they come from that origin.
 */
import createClient from 'openapi-fetch';
import type {
  ErrorBody,
  Me,
  Newsroom,
  Person,
  Section,
  Story,
  StoryPage,
  User,
  paths,
} from './types';

/** The desk's typed client; `api/<screen>.ts` files call the API through it and {@link answer}. */
export const client = createClient<paths>({
  baseUrl: window.location.origin,
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
});

/** An answer other than 2xx, with the API's error body when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
    /** From `Retry-After`, on a 429. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** The reasons the API gave for a field (`details.problems`). */
  problemsWith(field: string): string[] {
    return (this.body?.details.problems ?? [])
      .filter((p) => p.field === field)
      .map((p) => p.reason);
  }
}

/** An openapi-fetch answer: `data` on success, the error body otherwise. */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a 2xx answer, as the document types it; anything else throws {@link ApiError}. */
export async function answer<T>(request: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await request;
  // A 204 has no body; its documented type is `never`, so nothing reads it.
  if (response.ok) return data as T;
  const retryAfter = Number(response.headers.get('retry-after'));
  throw new ApiError(
    response.status,
    isErrorBody(error) ? error : null,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'statusCode' in value && 'message' in value;
}

// --- session ---------------------------------------------------------------

/** Signs in; the API sets the session cookie. The token in the answer is left alone. */
export async function signIn(email: string, password: string): Promise<User> {
  const { user } = await answer(client.POST('/api/auth/login', { body: { email, password } }));
  return user;
}

/** Who is signed in, or null when nobody is (401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await answer(client.GET('/api/auth/me'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Ends this browser's session. */
export async function signOut(): Promise<void> {
  await answer(client.POST('/api/auth/logout'));
}

/** Ends every session of the signed-in user, on every device. */
export async function signOutEverywhere(): Promise<{ ended: number }> {
  return answer(client.POST('/api/auth/logout-everywhere'));
}

/** Replaces the password (a one-time password first of all); the API opens a new session. */
export async function changePassword(current: string, next: string): Promise<User> {
  const { user } = await answer(
    client.POST('/api/auth/password', { body: { current, new: next } }),
  );
  return user;
}

// --- the newsroom ----------------------------------------------------------

/** The newsroom's settings: the time zone every time is shown in. */
export async function fetchNewsroom(): Promise<Newsroom> {
  return answer(client.GET('/api/newsroom'));
}

export async function fetchSections(): Promise<Section[]> {
  return answer(client.GET('/api/sections'));
}

/** The newsroom's active people with their roles, by name: the desk's pickers. */
export async function fetchPeople(): Promise<Person[]> {
  return answer(client.GET('/api/people'));
}

// --- stories ---------------------------------------------------------------

/** The filters of `GET /api/articles`; `me` stands for the signed-in user, otherwise a user id. */
export interface StoryFilter {
  status?: Story['status'];
  section?: string;
  assignee?: string;
  author?: string;
  q?: string;
  limit: number;
  offset: number;
}

export async function fetchStories(filter: StoryFilter): Promise<StoryPage> {
  return answer(client.GET('/api/articles', { params: { query: filter } }));
}

export async function fetchStory(id: string): Promise<Story> {
  return answer(client.GET('/api/articles/{id}', { params: { path: { id } } }));
}

// --- live ------------------------------------------------------------------

/** The live stream of the newsroom's events (server-sent events), resumed after `lastEventId`. */
export function liveStreamUrl(lastEventId?: string): string {
  const url = new URL('/api/stream', window.location.origin);
  if (lastEventId) url.searchParams.set('lastEventId', lastEventId);
  return url.toString();
}
