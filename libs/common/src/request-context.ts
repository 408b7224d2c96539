import { AsyncLocalStorage } from 'node:async_hooks';

/** What is known about the request a piece of work serves, wherever it runs. */
export interface RequestInfo {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestInfo>();

/** The request being served, so that audit rows can name it without passing it through every call. */
export const RequestContext = {
  /** Starts a context for the rest of this asynchronous flow (the API's request hook). */
  enter(info: RequestInfo): void {
    storage.enterWith(info);
  },
  run<T>(info: RequestInfo, work: () => T): T {
    return storage.run(info, work);
  },
  requestId(): string | null {
    return storage.getStore()?.requestId ?? null;
  },
};
