import type { Article } from './article.entity';
import type { ArticleStatus, ArticleFormat } from './article-status';
import type { BodyBlock } from './body';
import type { PublishCheckFailure } from './publish-checks';

/** A story as editors see it through the API. */
export interface ArticleView {
  id: string;
  slug: string;
  status: ArticleStatus;
  version: number;
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
  failedChecks: PublishCheckFailure[] | null;
  publishAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toArticleView(a: Article): ArticleView {
  return {
    id: a.id,
    slug: a.slug,
    status: a.status,
    version: a.version,
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
    failedChecks: a.failedChecks,
    publishAt: a.publishAt?.toISOString() ?? null,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
