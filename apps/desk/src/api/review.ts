/**
 * The calls of the review, publish, preview and history screens, typed from
 * the API's OpenAPI document as `@newsdesk/api-client` generates it
 * (`libs/api-client/src/schema.ts`): paths, bodies and answers are checked by
 * the compiler against the contract.
 */
import { ApiError, answer, client } from './api';
import type { ErrorBody, Schemas } from './types';
export type StoryView = Schemas['Story'];
export type SectionView = Schemas['Section'];
export type CommentThread = Schemas['CommentThread'];
export type CommentReply = Schemas['CommentReply'];
export type CommentBody = Schemas['CommentBody'];
export type RevisionSummary = Schemas['RevisionSummary'];
export type Revision = Schemas['Revision'];
export type RevisionDiff = Schemas['RevisionDiff'];
export type BlockChange = Schemas['BlockChange'];
export type BodyBlock = Schemas['BodyBlock'];
export type AuditEntry = Schemas['AuditEntry'];
export type PreviewLink = Schemas['PreviewLink'];
export type PublishBody = Schemas['PublishBody'];
export type DeliveryReceipt = Schemas['DeliveryReceipt'];
export type BulkPublishResult = Schemas['BulkPublishResult'];
/** A story that a bulk action refused, and why (`reason` is a stable code, `message` for people). */
export type Refusal = NonNullable<ErrorBody['details']['refused']>[number];

const onStory = (id: string) => ({ params: { path: { id } } });

export function fetchSectionList(): Promise<SectionView[]> {
  return answer(client.GET('/api/sections'));
}

// --- review ------------------------------------------------------------------

export function fetchRevisions(id: string): Promise<RevisionSummary[]> {
  return answer(client.GET('/api/articles/{id}/revisions', onStory(id)));
}

export function fetchDiff(id: string, from: number, to: number): Promise<RevisionDiff> {
  return answer(
    client.GET('/api/articles/{id}/diff', { params: { path: { id }, query: { from, to } } }),
  );
}

export function fetchRevision(id: string, number: number): Promise<Revision> {
  return answer(
    client.GET('/api/articles/{id}/revisions/{number}', { params: { path: { id, number } } }),
  );
}

export function fetchComments(id: string): Promise<CommentThread[]> {
  return answer(client.GET('/api/articles/{id}/comments', onStory(id)));
}

export function addComment(id: string, body: CommentBody): Promise<unknown> {
  return answer(client.POST('/api/articles/{id}/comments', { ...onStory(id), body }));
}

export function resolveComment(id: string, commentId: string): Promise<unknown> {
  return answer(
    client.POST('/api/articles/{id}/comments/{commentId}/resolve', {
      params: { path: { id, commentId } },
    }),
  );
}

export function approve(id: string): Promise<StoryView> {
  return answer(client.POST('/api/articles/{id}/approve', onStory(id)));
}

export function requestChanges(id: string, comment: string): Promise<StoryView> {
  return answer(
    client.POST('/api/articles/{id}/request-changes', { ...onStory(id), body: { comment } }),
  );
}

export function assign(id: string, assigneeId: string | null): Promise<StoryView> {
  return answer(client.POST('/api/articles/{id}/assign', { ...onStory(id), body: { assigneeId } }));
}

// --- publish -----------------------------------------------------------------

/** Publishes now (no `at`) or schedules (`at` with its offset); publishing a scheduled story reschedules it. */
export function publish(id: string, body: PublishBody): Promise<StoryView> {
  return answer(client.POST('/api/articles/{id}/publish', { ...onStory(id), body }));
}

/**
 * Publishes many stories now, all or none (approved ones are scheduled, scheduled
 * ones rescheduled). When any cannot be, nothing is: the {@link ApiError} of the
 * 409 names each such story ({@link refusalsOf}).
 */
export function publishMany(ids: string[]): Promise<BulkPublishResult> {
  return answer(client.POST('/api/articles/publish', { body: { ids } }));
}

/** The stories a bulk action refused and why, when `error` is its 409; null for any other error. */
export function refusalsOf(error: unknown): Refusal[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  return error.body?.details.refused ?? null;
}

export function cancelSchedule(id: string): Promise<StoryView> {
  return answer(client.POST('/api/articles/{id}/schedule/cancel', onStory(id)));
}

export function correct(id: string, note: string): Promise<StoryView> {
  return answer(client.POST('/api/articles/{id}/corrections', { ...onStory(id), body: { note } }));
}

export function kill(id: string, reason: string): Promise<StoryView> {
  return answer(client.POST('/api/articles/{id}/kill', { ...onStory(id), body: { reason } }));
}

// --- preview -----------------------------------------------------------------

export function createPreview(id: string, revision?: number): Promise<PreviewLink> {
  return answer(
    client.POST('/api/articles/{id}/preview', {
      ...onStory(id),
      body: revision === undefined ? {} : { revision },
    }),
  );
}

// --- delivery receipt --------------------------------------------------------

/** Whether the story's newest public version (or its retraction) has arrived everywhere. */
export function fetchDeliveryReceipt(id: string): Promise<DeliveryReceipt> {
  return answer(client.GET('/api/articles/{id}/delivery', onStory(id)));
}

// --- history -----------------------------------------------------------------

export function fetchHistory(id: string): Promise<AuditEntry[]> {
  return answer(client.GET('/api/articles/{id}/history', onStory(id)));
}

/** Restores revision `number` as a new one; `version` is the story's version as it was read. */
export function restoreRevision(id: string, number: number, version: number): Promise<StoryView> {
  return answer(
    client.POST('/api/articles/{id}/revisions/{number}/restore', {
      params: { path: { id, number }, header: { 'If-Match': String(version) } },
    }),
  );
}
