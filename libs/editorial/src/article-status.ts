/** The states of a story, in the order a story usually passes them. */
export const ARTICLE_STATUSES = [
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
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/**
 * Where a substantial update of a published story stands: reviewed while the
 * public version stays live. Null when no update is under way; only a
 * published story has one.
 */
export const UPDATE_STATUSES = ['in_review', 'changes_requested'] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number] | null;

export const ARTICLE_FORMATS = ['news', 'report', 'interview'] as const;
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];
