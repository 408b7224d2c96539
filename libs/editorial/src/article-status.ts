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

export const ARTICLE_FORMATS = ['news', 'report', 'interview'] as const;
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];
