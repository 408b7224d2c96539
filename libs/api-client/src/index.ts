import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, operations, paths } from './schema';

/** A body shape of the API by its name in the OpenAPI document, e.g. `Schema<'Story'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** The Newsdesk API, typed from its OpenAPI document: `client.GET('/api/articles/{id}', …)`. */
export type NewsdeskClient = Client<paths>;

export interface NewsdeskClientOptions {
  /** Where the API is, e.g. `https://newsdesk.example`; empty for the same origin (the desk). */
  baseUrl?: string;
  /** A session or API token sent as `Authorization: Bearer`; browsers leave it out and use the session cookie. */
  token?: string;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof globalThis.fetch;
}

/**
 * A typed client of the Newsdesk API (openapi-fetch over the generated
 * types): paths, parameters, bodies and responses are checked by the compiler
 * against the API's document. Calls resolve to `{data, error, response}`;
 * `error` is the API's one error body.
 */
export function createNewsdeskClient(options: NewsdeskClientOptions = {}): NewsdeskClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    credentials: 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  if (options.token) client.use(bearer(options.token));
  return client;
}

function bearer(token: string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
}
