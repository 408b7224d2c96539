import {
  ValidationFailed,
  parseOffsetDateTime,
  trimText,
  type FieldProblem,
  isUuid,
} from '@newsdesk/common';
import { ARTICLE_FORMATS, type ArticleFormat } from './article-status';
import { parseBody, type BodyBlock } from './body';

/** Fields an editor may set on a draft. Everything optional except on create. */
export interface ArticleInput {
  kicker?: string;
  headline?: string;
  teaser?: string;
  body?: unknown;
  section?: string;
  format?: string;
  series?: string | null;
  tags?: string[];
  heroImageId?: string | null;
  /** ISO-8601 with offset, or null: the story may not be published before. */
  embargoUntil?: string | null;
}

export interface CleanArticleInput {
  kicker?: string;
  headline?: string;
  teaser?: string;
  body?: BodyBlock[];
  section?: string;
  format?: ArticleFormat;
  series?: string | null;
  tags?: string[];
  heroImageId?: string | null;
  embargoUntil?: Date | null;
}

/** Upper bounds for what a draft may hold at all (the publish checks are stricter). */
export const INPUT_LIMITS = {
  kicker: 80,
  headline: 200,
  teaser: 1000,
  series: 120,
  tag: 60,
  tags: 20,
} as const;

/** Upper bounds for the texts around a story: review comments (and change requests) and public correction notes. */
export const REVIEW_TEXT_LIMITS = {
  comment: 5000,
  correctionNote: 1000,
} as const;

/**
 * Trims and bounds editor input. Drafts may be incomplete; they may not be
 * oversized. Throws one {@link ValidationFailed} listing every problem.
 */
export function cleanArticleInput(
  input: ArticleInput,
  { creating }: { creating: boolean },
): CleanArticleInput {
  const problems: FieldProblem[] = [];
  const out: CleanArticleInput = {};
  const text = (field: 'kicker' | 'headline' | 'teaser', max: number) => {
    const value = input[field];
    if (value === undefined) return;
    if (typeof value !== 'string') return problems.push({ field, reason: 'must be a string' });
    const clean = trimText(value);
    if (clean.length > max)
      return problems.push({
        field,
        reason: `must be at most ${max} characters (has ${clean.length})`,
      });
    out[field] = clean;
  };
  text('kicker', INPUT_LIMITS.kicker);
  text('headline', INPUT_LIMITS.headline);
  text('teaser', INPUT_LIMITS.teaser);
  if (creating && !out.headline) problems.push({ field: 'headline', reason: 'is required' });
  if (
    !creating &&
    input.headline !== undefined &&
    !out.headline &&
    !problems.some((p) => p.field === 'headline')
  )
    problems.push({ field: 'headline', reason: 'must not be empty' });

  if (input.section !== undefined) {
    if (typeof input.section !== 'string' || !trimText(input.section))
      problems.push({ field: 'section', reason: 'must be a section slug' });
    else out.section = trimText(input.section);
  } else if (creating) problems.push({ field: 'section', reason: 'is required' });

  if (input.format !== undefined) {
    if (!(ARTICLE_FORMATS as readonly unknown[]).includes(input.format))
      problems.push({ field: 'format', reason: `must be one of ${ARTICLE_FORMATS.join(', ')}` });
    else out.format = input.format as ArticleFormat;
  }
  if (input.series !== undefined) {
    if (input.series === null || (typeof input.series === 'string' && !trimText(input.series)))
      out.series = null;
    else if (typeof input.series !== 'string')
      problems.push({ field: 'series', reason: 'must be a string or null' });
    else if (trimText(input.series).length > INPUT_LIMITS.series)
      problems.push({
        field: 'series',
        reason: `must be at most ${INPUT_LIMITS.series} characters`,
      });
    else out.series = trimText(input.series);
  }
  if (input.tags !== undefined) {
    if (!Array.isArray(input.tags) || input.tags.some((t) => typeof t !== 'string'))
      problems.push({ field: 'tags', reason: 'must be a list of strings' });
    else {
      const tags = [...new Set(input.tags.map(trimText).filter(Boolean))];
      if (tags.length > INPUT_LIMITS.tags)
        problems.push({ field: 'tags', reason: `at most ${INPUT_LIMITS.tags} tags` });
      else if (tags.some((t) => t.length > INPUT_LIMITS.tag))
        problems.push({ field: 'tags', reason: `each tag at most ${INPUT_LIMITS.tag} characters` });
      else out.tags = tags;
    }
  }
  if (input.heroImageId !== undefined) {
    if (
      input.heroImageId !== null &&
      (typeof input.heroImageId !== 'string' || !isUuid(input.heroImageId))
    )
      problems.push({ field: 'heroImageId', reason: 'must be an image id or null' });
    else out.heroImageId = input.heroImageId;
  }
  if (input.embargoUntil !== undefined) {
    if (input.embargoUntil === null) out.embargoUntil = null;
    else {
      const when =
        typeof input.embargoUntil === 'string' ? parseOffsetDateTime(input.embargoUntil) : null;
      if (!when)
        problems.push({
          field: 'embargoUntil',
          reason: 'must be an ISO-8601 date-time with offset, or null',
        });
      else out.embargoUntil = when;
    }
  }
  if (input.body !== undefined) {
    try {
      out.body = parseBody(input.body);
    } catch (error) {
      if (error instanceof ValidationFailed) problems.push(...error.problems);
      else throw error;
    }
  }
  if (problems.length > 0) throw new ValidationFailed(problems);
  return out;
}
