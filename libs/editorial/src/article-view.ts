import { formatInZone } from '@newsdesk/common';
import { pendingStep } from './approval-steps';
import type { Approval, Article, CorrectionNote } from './article.entity';
import type { ArticleFormat, ArticleStatus } from './article-status';
import type { BodyBlock } from './body';
import type { PublishCheckFailure } from './publish-checks';

/** An instant in UTC and as the newsroom's clock shows it. */
export interface Instant {
  utc: string;
  local: string;
}

/** A story as editors see it through the API. */
export interface ArticleView {
  id: string;
  slug: string;
  status: ArticleStatus;
  version: number;
  revision: number;
  /** True when the working copy differs from the public version. */
  pendingChanges: boolean;
  /** Review state of the pending update of a published story. */
  updateStatus: 'in_review' | 'changes_requested' | null;
  kicker: string;
  headline: string;
  teaser: string;
  body: BodyBlock[];
  section: { id: string; slug: string; name: string };
  format: ArticleFormat;
  series: string | null;
  tags: string[];
  heroImageId: string | null;
  author: { id: string; name: string };
  assignee: { id: string; name: string } | null;
  homePinned: boolean;
  homePriority: number;
  failedChecks: PublishCheckFailure[] | null;
  approvals: Approval[];
  /** The approval step still to take, while in review. */
  nextApprovalStep: { key: string; label: string } | null;
  publishAt: Instant | null;
  unpublishAt: Instant | null;
  embargoUntil: Instant | null;
  publishedAt: Instant | null;
  corrections: CorrectionNote[];
  killReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toArticleView(a: Article, timeZone: string): ArticleView {
  const instant = (d: Date | null): Instant | null =>
    d ? { utc: d.toISOString(), local: formatInZone(d, timeZone) } : null;
  const steps = a.section.approvalSteps ?? [];
  const reviewing =
    a.status === 'in_review' || (a.status === 'published' && a.updateStatus === 'in_review');
  const next = reviewing ? pendingStep(steps, a.approvals.length) : undefined;
  return {
    id: a.id,
    slug: a.slug,
    status: a.status,
    version: a.version,
    revision: a.revision,
    pendingChanges: a.publishedRevision !== null && a.revision > a.publishedRevision,
    updateStatus: a.updateStatus,
    kicker: a.kicker,
    headline: a.headline,
    teaser: a.teaser,
    body: a.body,
    section: { id: a.section.id, slug: a.section.slug, name: a.section.name },
    format: a.format,
    series: a.series,
    tags: a.tags,
    heroImageId: a.heroImage?.id ?? null,
    author: { id: a.author.id, name: a.author.name },
    assignee: a.assignee ? { id: a.assignee.id, name: a.assignee.name } : null,
    homePinned: a.homePinned,
    homePriority: a.homePriority,
    failedChecks: a.failedChecks,
    approvals: a.approvals,
    nextApprovalStep: next ? { key: next.key, label: next.label } : null,
    publishAt: instant(a.publishAt),
    unpublishAt: instant(a.unpublishAt),
    embargoUntil: instant(a.embargoUntil),
    publishedAt: instant(a.publishedAt),
    corrections: a.corrections,
    killReason: a.killReason,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
