/**
 * The shapes of the API's answers that the OpenAPI document does not describe
 * yet (it names the routes and their parameters; the response schemas follow).
 * Each mirrors the API's own type, named in its comment; once `schema.d.ts`
 * carries them, these become aliases of its `components['schemas']`.
 */

export const ROLES = ['editor', 'reviewer', 'photo_desk', 'ops', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const STORY_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'unpublished',
  'killed',
] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

export type StoryFormat = 'news' | 'report' | 'interview';

/** `UserView` (libs/identity). */
export interface User {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  mustChangePassword: boolean;
}

/** `GET /api/auth/me`. */
export interface Me {
  user: User;
  credential: { type: 'session' | 'api_token'; id: string; expiresAt: string };
}

/** `Instant` (libs/editorial): UTC, and the newsroom's wall clock with its offset. */
export interface Instant {
  utc: string;
  local: string;
}

/** `BodyBlock` (libs/editorial). */
export type BodyBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string; level: 2 | 3 }
  | { type: 'quote'; text: string; attribution?: string }
  | { type: 'image'; imageId: string; caption?: string }
  | { type: 'embed'; url: string; caption?: string };

/** `ArticleView` (libs/editorial): a story as editors see it. */
export interface Story {
  id: string;
  slug: string;
  status: StoryStatus;
  version: number;
  revision: number;
  pendingChanges: boolean;
  updateStatus: 'in_review' | 'changes_requested' | null;
  kicker: string;
  headline: string;
  teaser: string;
  body: BodyBlock[];
  section: { id: string; slug: string; name: string };
  format: StoryFormat;
  series: string | null;
  tags: string[];
  heroImageId: string | null;
  author: { id: string; name: string };
  assignee: { id: string; name: string } | null;
  homePinned: boolean;
  homePriority: number;
  failedChecks: { check: string; field: string; message: string }[] | null;
  approvals: { step: string; label: string; userId: string; userName: string; at: string }[];
  nextApprovalStep: { key: string; label: string } | null;
  publishAt: Instant | null;
  unpublishAt: Instant | null;
  embargoUntil: Instant | null;
  publishedAt: Instant | null;
  corrections: { at: string; note: string }[];
  killReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One story of a list; with a search text, a snippet: escaped HTML whose only tags are `<mark>`. */
export type StoryListItem = Story & { snippet?: string };

/** `GET /api/articles`. */
export interface StoryPage {
  items: StoryListItem[];
  total: number;
}

/** `SectionView` (libs/editorial), as far as the desk reads it. */
export interface Section {
  id: string;
  slug: string;
  name: string;
  archived: boolean;
}

/** The API's one error body. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details: Record<string, unknown> & { problems?: { field: string; reason: string }[] };
}
