import { z } from 'zod';
import {
  ARTICLE_FORMATS,
  ARTICLE_STATUSES,
  BULK_PUBLISH_MAX,
  BodyBlockSchema,
  BodySchema,
  HOME_PRIORITY_MAX,
  INPUT_LIMITS,
  REVIEW_TEXT_LIMITS,
  REVISION_DIFF_FIELDS,
  UPDATE_STATUSES,
  type ArticleInput,
} from '@newsdesk/editorial';
import { requestShape, responseShape } from '../contract/schema';
import { MAX_VERSION } from '../input/params';

const EXAMPLE = {
  headline: 'Digitalministerkonferenz: Länder wollen Verwaltung gemeinsam digitalisieren',
  kicker: 'Berlin',
  slug: 'digitalministerkonferenz-laender-wollen-verwaltung-gemeinsam-digitalisieren',
  at: '2026-12-01T08:00:00+01:00',
  utc: '2026-12-01T07:00:00.000Z',
} as const;

const instantText = z.iso.datetime({ offset: true });

// ── Shared pieces ───────────────────────────────────────────────────────────

/** One body block, as stories and revisions show it (text trimmed, a heading's level filled in). */
export const BodyBlockViewSchema = responseShape('BodyBlock', BodyBlockSchema, {
  description:
    'One piece of a story body, told apart by `type`: paragraph `{text}`, heading `{text, level}`, ' +
    'quote `{text, attribution?}`, image `{imageId, caption?}`, embed `{url, caption?}`.',
});

/** One body block as an editor writes it (text is trimmed; a heading without level gets 2). */
export const BodyBlockInputSchema = requestShape('BodyBlockInput', BodyBlockSchema, {
  description:
    'One piece of a story body, told apart by `type`: paragraph `{text}`, heading `{text, level?}`, ' +
    'quote `{text, attribution?}`, image `{imageId, caption?}`, embed `{url, caption?}`. ' +
    'A section’s content profile may allow fewer types (checked on submission).',
  example: {
    type: 'paragraph',
    text: 'Die Länder wollen ihre Fachverfahren künftig gemeinsam entwickeln.',
  },
});

/** Someone named in a story: its author, its assignee, a comment's author, the holder of its lock. */
const userRefShape = {
  id: z.uuid(),
  name: z.string().meta({ example: 'Jana Schütte' }),
};
export const UserRefSchema = responseShape('UserRef', z.object(userRefShape));

/** An instant in UTC and as the newsroom's clock shows it. */
const instantShape = {
  utc: instantText.meta({ example: EXAMPLE.utc }),
  local: instantText.meta({
    description: 'the same instant in the newsroom’s time zone, with its offset',
    example: EXAMPLE.at,
  }),
};

/**
 * An instant that may be unset. OpenAPI 3.0 cannot mark a `$ref` nullable
 * (`nullable` needs a `type` beside it), so nullable shapes are written out.
 */
const optionalInstant = (description?: string) =>
  z
    .object(instantShape)
    .nullable()
    .meta({ description: `${description ? `${description}; ` : ''}UTC and the newsroom’s time` });

export const ApprovalSchema = responseShape(
  'Approval',
  z.object({
    step: z.string().meta({ description: 'the key of the approval step', example: 'section_lead' }),
    label: z.string().meta({ example: 'Ressortleitung' }),
    userId: z.uuid(),
    userName: z.string().meta({ example: 'Jana Schütte' }),
    at: instantText,
  }),
  { description: 'One approval step done, by whom and when.' },
);

export const PublishCheckFailureSchema = responseShape(
  'PublishCheckFailure',
  z.object({
    check: z.string().meta({
      description: 'which kind of check: `required`, `length`, `block` or `image`',
      example: 'length',
    }),
    field: z.string().meta({ example: 'teaser' }),
    message: z.string().meta({ example: 'the teaser may have at most 400 characters (has 431)' }),
    limit: z
      .object({ min: z.int().min(0).optional(), max: z.int().min(0).optional() })
      .optional()
      .meta({ description: 'for length checks: the limit of the section’s content profile' }),
  }),
  { description: 'A publish check the story failed on its last submission.' },
);

export const CorrectionNoteSchema = responseShape(
  'CorrectionNote',
  z.object({
    at: instantText,
    note: z.string().meta({
      example: 'In einer früheren Fassung stand eine falsche Zahl der beteiligten Länder.',
    }),
  }),
  { description: 'A public note that the published story was corrected.' },
);

// ── The story ───────────────────────────────────────────────────────────────

const storyShape = {
  id: z.uuid(),
  slug: z.string().meta({
    description: 'the public URL’s last part; follows the headline until first published',
    example: EXAMPLE.slug,
  }),
  status: z.enum(ARTICLE_STATUSES),
  version: z.int().min(1).meta({
    description:
      'bumped by every change; send it as `If-Match` to save (the `ETag` header carries it too)',
    example: 7,
  }),
  revision: z.int().min(0).meta({ description: 'the newest revision (every save makes one)' }),
  pendingChanges: z
    .boolean()
    .meta({ description: 'the working copy differs from the public version' }),
  updateStatus: z.enum(UPDATE_STATUSES).nullable().meta({
    description:
      'where a reviewed update of a published story stands (the public version stays live meanwhile)',
  }),
  kicker: z.string().meta({ example: EXAMPLE.kicker }),
  headline: z.string().meta({ example: EXAMPLE.headline }),
  teaser: z.string().meta({
    example:
      'Bund und Länder wollen Verwaltungsleistungen künftig einmal entwickeln und überall nutzen.',
  }),
  body: z.array(BodyBlockSchema),
  section: z.object({
    id: z.uuid(),
    slug: z.string().meta({ example: 'egovernment' }),
    name: z.string().meta({ example: 'eGovernment' }),
  }),
  format: z.enum(ARTICLE_FORMATS),
  series: z.string().nullable(),
  tags: z.array(z.string()).meta({ example: ['OZG', 'Registermodernisierung'] }),
  heroImageId: z.uuid().nullable(),
  author: UserRefSchema,
  assignee: z
    .object(userRefShape)
    .nullable()
    .meta({ description: 'the reviewer whose queue it is in' }),
  homePinned: z.boolean().meta({ description: 'pinned stories lead the home page' }),
  homePriority: z.int().min(0).max(HOME_PRIORITY_MAX),
  failedChecks: z.array(PublishCheckFailureSchema).nullable().meta({
    description: 'the publish checks that failed on the last submission; null once submitted anew',
  }),
  approvals: z.array(ApprovalSchema).meta({ description: 'the approvals of this review round' }),
  nextApprovalStep: z
    .object({
      key: z.string().meta({ example: 'chief_editor' }),
      label: z.string().meta({ example: 'Chefredaktion' }),
    })
    .nullable()
    .meta({ description: 'the approval step still to take, while in review' }),
  publishAt: optionalInstant('when a scheduled story is due'),
  unpublishAt: optionalInstant('when a published story is to be taken down again'),
  embargoUntil: optionalInstant('the story may not go public before this'),
  publishedAt: optionalInstant('when it was last published'),
  corrections: z.array(CorrectionNoteSchema).meta({ description: 'oldest first' }),
  killReason: z.string().nullable().meta({ description: 'why the story was retracted' }),
  createdAt: instantText,
  updatedAt: instantText,
};

export const StorySchema = responseShape('Story', z.object(storyShape), {
  description:
    'A story as editors see it: its working copy, its state in the workflow and what is due.',
});

export const StoryListItemSchema = responseShape(
  'StoryListItem',
  z.object({
    ...storyShape,
    snippet: z.string().optional().meta({
      description:
        'with a search text only: HTML, the text escaped, `<mark>…</mark>` around the words found',
      example: 'Die <mark>Digitalministerkonferenz</mark> hat beschlossen …',
    }),
  }),
  { description: 'A story in the editors’ list; with a search text, its highlighted snippet.' },
);

export const StoryPageSchema = responseShape(
  'StoryPage',
  z.object({
    items: z.array(StoryListItemSchema),
    total: z.int().min(0).meta({
      description: 'how many stories match in all; page on with `offset`',
      example: 128,
    }),
  }),
  {
    description:
      'One page of the editors’ list: newest change first, a review queue oldest first, a search by relevance.',
  },
);

// ── History, revisions, comments, locks, previews ──────────────────────────

export const AuditEntrySchema = responseShape(
  'AuditEntry',
  z.object({
    id: z
      .string()
      .regex(/^\d+$/)
      .meta({ description: 'increasing with every row (a bigint, as text)', example: '4711' }),
    articleId: z.uuid().nullable(),
    actorId: z.uuid().nullable().meta({ description: 'null when the system acted (jobs)' }),
    action: z.string().meta({
      description:
        'the transition (`submit`, `approve`, `release` …), `create`, `edit`, `comment`, `assign` …; ' +
        'a refused transition is `refused:<name>`',
      example: 'approve',
    }),
    fromStatus: z.enum(ARTICLE_STATUSES).nullable(),
    toStatus: z.enum(ARTICLE_STATUSES).nullable(),
    articleVersion: z.int().nullable(),
    comment: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable().meta({ description: 'the `X-Request-Id` of the request' }),
    createdAt: instantText,
  }),
  { description: 'One row of the append-only audit log.' },
);

export const StoryHistorySchema = responseShape('StoryHistory', z.array(AuditEntrySchema), {
  description:
    'A story’s audit rows, oldest first: every transition (refused ones too), save and comment.',
});

const changedField = z.enum([...REVISION_DIFF_FIELDS, 'body', 'created']);

export const RevisionSummarySchema = responseShape(
  'RevisionSummary',
  z.object({
    number: z.int().min(1),
    authorId: z.uuid().nullable(),
    note: z.string().nullable().meta({ example: 'restored from revision 3' }),
    createdAt: instantText,
    changed: z.array(changedField).meta({
      description: 'what differs from the revision before (`created` for the first)',
      example: ['headline', 'body'],
    }),
  }),
);

export const RevisionListSchema = responseShape('RevisionList', z.array(RevisionSummarySchema), {
  description: 'Every revision of a story, oldest first.',
});

const revisionContent = z.object({
  kicker: z.string(),
  headline: z.string().meta({ example: EXAMPLE.headline }),
  teaser: z.string(),
  body: z.array(BodyBlockSchema),
  sectionId: z.uuid(),
  format: z.enum(ARTICLE_FORMATS),
  series: z.string().nullable(),
  tags: z.array(z.string()),
  heroImageId: z.uuid().nullable(),
});

export const RevisionSchema = responseShape(
  'Revision',
  z.object({
    id: z.uuid(),
    articleId: z.uuid(),
    number: z.int().min(1),
    content: revisionContent,
    authorId: z.uuid().nullable(),
    note: z.string().nullable(),
    createdAt: instantText,
  }),
  { description: 'One save of a story, never changed afterwards.' },
);

const BlockChangeSchema = responseShape(
  'BlockChange',
  z.discriminatedUnion('change', [
    z.object({
      change: z.literal('same'),
      fromIndex: z.int().min(0),
      toIndex: z.int().min(0),
      block: BodyBlockSchema,
    }),
    z.object({ change: z.literal('added'), toIndex: z.int().min(0), block: BodyBlockSchema }),
    z.object({ change: z.literal('removed'), fromIndex: z.int().min(0), block: BodyBlockSchema }),
    z.object({
      change: z.literal('changed'),
      fromIndex: z.int().min(0),
      toIndex: z.int().min(0),
      from: BodyBlockSchema,
      to: BodyBlockSchema,
    }),
  ]),
  {
    description:
      'One body block in the diff: the same, added, removed, or changed (a removal and an addition of the same type at one place).',
  },
);

export const RevisionDiffSchema = responseShape(
  'RevisionDiff',
  z.object({
    from: z.int().min(1),
    to: z.int().min(1),
    fields: z.array(
      z.object({
        field: z.enum(REVISION_DIFF_FIELDS),
        from: z.unknown().meta({ description: 'the value in `from` (a string, list or null)' }),
        to: z.unknown().meta({ description: 'the value in `to`' }),
      }),
    ),
    body: z.array(BlockChangeSchema).meta({ description: 'block by block, in order' }),
  }),
  { description: 'What changed between two revisions: the fields, and the body block by block.' },
);

const commentShape = {
  id: z.uuid(),
  author: UserRefSchema,
  text: z.string().meta({ example: 'Quelle für die Zahl der beteiligten Länder?' }),
  blockIndex: z.int().min(0).nullable().meta({
    description: 'the body block (its index in `revision`) the comment is about',
  }),
  revision: z.int().min(0).meta({ description: 'the revision commented on' }),
  createdAt: instantText,
  resolved: z
    .object({ at: instantText, by: z.uuid() })
    .nullable()
    .meta({ description: 'when and by whom the thread was resolved' }),
};

export const CommentReplySchema = responseShape('CommentReply', z.object(commentShape), {
  description: 'An answer within a comment thread.',
});

export const CommentThreadSchema = responseShape(
  'CommentThread',
  z.object({ ...commentShape, replies: z.array(CommentReplySchema) }),
  { description: 'A review comment and its replies, oldest first.' },
);

export const CommentThreadListSchema = responseShape(
  'CommentThreadList',
  z.array(CommentThreadSchema),
  { description: 'Every comment thread of a story, oldest first.' },
);

const editLockShape = {
  articleId: z.uuid(),
  holder: UserRefSchema,
  acquiredAt: instantText,
  expiresAt: instantText.meta({
    description: 'the lease ends by itself then, unless renewed (`POST …/lock`)',
  }),
  mine: z.boolean().meta({ description: 'the caller holds it' }),
};

export const EditLockSchema = responseShape('EditLock', z.object(editLockShape), {
  description: 'Who is editing a story, until when.',
});

// Written out rather than a nullable `$ref`, which OpenAPI 3.0 cannot express.
export const EditLockStateSchema = responseShape(
  'EditLockState',
  z.object(editLockShape).nullable(),
  { description: 'The live edit lock of a story, or null when nobody holds one.' },
);

export const PreviewLinkSchema = responseShape(
  'PreviewLink',
  z.object({
    url: z.string().meta({
      description: 'opens the preview without signing in',
      example: 'https://www.newsdesk.example/site/preview/eyJhIjoi…',
    }),
    token: z.string(),
    revision: z.int().min(1),
    expiresAt: instantText,
  }),
  { description: 'A signed, expiring link to a revision as it would be published.' },
);

// ── Request bodies ──────────────────────────────────────────────────────────

/** At most `max` characters; the reason says how many there are, as the editorial library does. */
const bounded = (max: number) =>
  z.string().max(max, {
    error: (issue) =>
      `must be at most ${max} characters (has ${typeof issue.input === 'string' ? issue.input.length : '?'})`,
  });

/** An ISO-8601 date-time with offset; the editorial library parses it and says what is wrong. */
const offsetDateTime = (description: string, example: string) =>
  z.string().max(40).meta({ format: 'date-time', description, example });

const articleFields = {
  kicker: bounded(INPUT_LIMITS.kicker).meta({ example: EXAMPLE.kicker }),
  headline: bounded(INPUT_LIMITS.headline).meta({ example: EXAMPLE.headline }),
  teaser: bounded(INPUT_LIMITS.teaser),
  body: BodySchema,
  section: z.string().max(80).meta({ description: 'the section’s slug', example: 'egovernment' }),
  format: z.enum(ARTICLE_FORMATS),
  series: bounded(INPUT_LIMITS.series).nullable().meta({ description: 'empty or null: none' }),
  tags: z
    .array(bounded(INPUT_LIMITS.tag))
    .max(INPUT_LIMITS.tags)
    .meta({ description: 'trimmed; duplicates and empty ones are dropped', example: ['OZG'] }),
  heroImageId: z.guid('must be an image id or null').nullable(),
  embargoUntil: offsetDateTime(
    'the story may not be published before this; null lifts the embargo',
    EXAMPLE.at,
  ).nullable(),
} satisfies Record<keyof ArticleInput, z.ZodType>;

export const StoryCreateBodySchema = requestShape(
  'StoryCreateBody',
  z.strictObject(articleFields).partial().required({ headline: true, section: true }),
  { description: 'A new draft: a headline and a section at least; drafts may be incomplete.' },
);

export const StoryUpdateBodySchema = requestShape(
  'StoryUpdateBody',
  z.strictObject(articleFields).partial(),
  {
    description:
      'The fields to change; fields left out keep their value. Every save is a revision.',
  },
);

/** A text that must say something: required, not only whitespace, at most `max` characters. */
const statement = (max: number | undefined, required: string) => {
  const text = z
    .string({ error: (issue) => (issue.input === undefined ? required : undefined) })
    .min(1, required);
  return max === undefined ? text : text.max(max, `must be at most ${max} characters`);
};

export const RequestChangesBodySchema = requestShape(
  'RequestChangesBody',
  z.strictObject({
    comment: statement(REVIEW_TEXT_LIMITS.comment, 'is required: say what to change').meta({
      example: 'Bitte die Zahl der beteiligten Länder belegen.',
    }),
  }),
);

export const PublishBodySchema = requestShape(
  'PublishBody',
  z.strictObject({
    at: offsetDateTime('when to publish; left out or null: now', EXAMPLE.at).nullable().optional(),
    until: offsetDateTime('take the story down again at this time', '2026-12-08T08:00:00+01:00')
      .nullable()
      .optional(),
  }),
  {
    description:
      'When to publish (a time with its UTC offset; an embargo is never broken), and optionally when to take the story down again. The body may be left out.',
  },
);

export const BulkPublishBodySchema = requestShape(
  'BulkPublishBody',
  z.strictObject({
    ids: z
      .array(z.uuid())
      .min(1)
      .max(BULK_PUBLISH_MAX)
      .refine((ids) => new Set(ids).size === ids.length, 'must not name a story twice')
      .meta({ description: `the stories, 1 to ${BULK_PUBLISH_MAX}` }),
    at: PublishBodySchema.shape.at,
    until: PublishBodySchema.shape.until,
  }),
  {
    description:
      'Stories to publish or reschedule together, all at the same time (`at`, `until` as for one story).',
  },
);

export const BulkPublishResultSchema = responseShape(
  'BulkPublishResult',
  z.object({
    stories: z.array(
      z.object({
        id: z.uuid(),
        version: storyShape.version,
        status: z.enum(['scheduled']),
        publishAt: storyShape.publishAt,
        unpublishAt: storyShape.unpublishAt,
      }),
    ),
  }),
  { description: 'Every story scheduled, in the order asked, with its new version.' },
);

export const KillBodySchema = requestShape(
  'KillBody',
  z.strictObject({
    reason: statement(undefined, 'is required: say why the story is retracted').meta({
      example: 'Rechtliche Prüfung: Vorwürfe nicht belegt.',
    }),
  }),
);

export const CorrectionBodySchema = requestShape(
  'CorrectionBody',
  z.strictObject({
    note: statement(
      REVIEW_TEXT_LIMITS.correctionNote,
      'is required: the public correction note',
    ).meta({
      description: 'shown publicly under the story',
      example: 'In einer früheren Fassung stand eine falsche Zahl der beteiligten Länder.',
    }),
  }),
);

export const PlacementBodySchema = requestShape(
  'PlacementBody',
  z.strictObject({
    homePinned: z
      .boolean('must be true or false')
      .optional()
      .meta({ description: 'pinned stories lead the home page' }),
    homePriority: z
      .int(`must be a whole number from 0 to ${HOME_PRIORITY_MAX}`)
      .min(0, `must be a whole number from 0 to ${HOME_PRIORITY_MAX}`)
      .max(HOME_PRIORITY_MAX, `must be a whole number from 0 to ${HOME_PRIORITY_MAX}`)
      .optional()
      .meta({ description: 'order among pinned stories, highest first' }),
  }),
  { description: 'Home page placement: give `homePinned`, `homePriority` or both.' },
);

export const AssignBodySchema = requestShape(
  'AssignBody',
  z.strictObject({
    assigneeId: z.guid('must be a user id or null').nullable().meta({
      description: 'a reviewer (not the author); null takes the story out of every queue',
    }),
  }),
);

export const CommentBodySchema = requestShape(
  'CommentBody',
  z.strictObject({
    text: statement(REVIEW_TEXT_LIMITS.comment, 'is required').meta({
      example: 'Quelle für die Zahl der beteiligten Länder?',
    }),
    parentId: z
      .guid('must be a comment id')
      .nullable()
      .optional()
      .meta({ description: 'answer this thread (a thread, not a reply)' }),
    blockIndex: z
      .int('must be the index of a body block')
      .min(0, 'must be the index of a body block')
      .nullable()
      .optional()
      .meta({ description: 'the body block the comment is about' }),
  }),
);

export const PreviewBodySchema = requestShape(
  'PreviewBody',
  z.strictObject({
    revision: z
      .int('must be a revision number')
      .min(1, 'must be a revision number')
      .max(MAX_VERSION, 'must be a revision number')
      .optional()
      .meta({ description: 'the revision to show; the newest when left out' }),
  }),
  { description: 'Which revision to preview; the body may be left out.' },
);
