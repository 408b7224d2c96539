import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import {
  ARTICLE_STATUSES,
  BULK_PUBLISH_MAX,
  CommentsService,
  EditLocksService,
  EditorialService,
  LIST_LIMITS,
  MAX_SEARCH_QUERY_LENGTH,
  PreviewService,
  PublishingService,
  RevisionsService,
} from '@newsdesk/editorial';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles, type UserActor } from '../auth/auth.guard';
import { BodyOf, Fails, Returns } from '../contract/decorators';
import {
  IdParam,
  IfMatchVersion,
  MAX_VERSION,
  WholeNumberPipe,
  WholeNumberQuery,
} from '../input/params';
import {
  AssignBodySchema,
  BulkPublishBodySchema,
  BulkPublishResultSchema,
  CommentBodySchema,
  CommentThreadListSchema,
  CommentThreadSchema,
  CorrectionBodySchema,
  EditLockSchema,
  EditLockStateSchema,
  KillBodySchema,
  PlacementBodySchema,
  PreviewBodySchema,
  PreviewLinkSchema,
  PublishBodySchema,
  RequestChangesBodySchema,
  RevisionDiffSchema,
  RevisionListSchema,
  RevisionSchema,
  StoryCreateBodySchema,
  StoryHistorySchema,
  StoryPageSchema,
  StoryUpdateBodySchema,
} from './articles.schema';
import { ReturnsStory } from './story-etag';

/** No listing is this long; bounded so that no offset reaches PostgreSQL beyond its bigint range. */
const MAX_OFFSET = 1_000_000_000;

const REVISION = new WholeNumberPipe(MAX_VERSION, {
  required: true,
  reason: 'must be a revision number (1, 2, …)',
});
const revisionNumber = { type: 'integer', minimum: 1, maximum: MAX_VERSION } as const;

/**
 * Stories, from the first draft to publication and beyond: every route that
 * answers with a story sends its version as `ETag`; saves send it back as
 * `If-Match`. Who may do what is the state machine's (`@newsdesk/editorial`).
 */
@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class ArticlesController {
  constructor(
    private readonly editorial: EditorialService,
    private readonly publishing: PublishingService,
    private readonly revisions: RevisionsService,
    private readonly comments: CommentsService,
    private readonly locks: EditLocksService,
    private readonly previews: PreviewService,
  ) {}

  @Post()
  @Roles('editor')
  @ApiOperation({
    summary: 'Create a draft',
    description:
      'Editors (and admins) create a draft in an active section; the caller is its author. ' +
      'The draft is revision 1; its slug follows the headline until it is first published.',
  })
  @ReturnsStory(201)
  create(
    @CurrentActor() actor: UserActor,
    @BodyOf(StoryCreateBodySchema) body: z.output<typeof StoryCreateBodySchema>,
  ) {
    return this.editorial.create(actor, body);
  }

  @Get()
  @ApiOperation({
    summary: 'List stories',
    description:
      'Filtered by status, section, assignee and a full-text search; newest change first, ' +
      'a review queue (`assignee=me`) oldest first, a search by relevance with a highlighted snippet.',
  })
  @ApiQuery({
    name: 'status',
    required: false,
    schema: { type: 'string', enum: [...ARTICLE_STATUSES] },
  })
  @ApiQuery({
    name: 'section',
    required: false,
    description: 'a section slug',
    schema: { type: 'string', maxLength: 80, example: 'smart-city' },
  })
  @ApiQuery({
    name: 'assignee',
    required: false,
    description: '`me` for your review queue (oldest first), or a user id',
    schema: { type: 'string', example: 'me' },
  })
  @ApiQuery({
    name: 'author',
    required: false,
    description: '`me` for your own stories (with `status=draft`: your drafts), or a user id',
    schema: { type: 'string', example: 'me' },
  })
  @ApiQuery({
    name: 'q',
    required: false,
    description: 'full-text search over the working copies (German stemming; quotes and `-` work)',
    schema: { type: 'string', minLength: 1, maxLength: MAX_SEARCH_QUERY_LENGTH },
  })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: LIST_LIMITS.max, default: LIST_LIMITS.default },
  })
  @Returns(200, StoryPageSchema)
  list(
    @CurrentActor() actor: UserActor,
    @Query('assignee') assignee?: string,
    @Query('author') author?: string,
    @Query('status') status?: string,
    @Query('section') section?: string,
    @Query('q') q?: string,
    @Query(
      'limit',
      new WholeNumberPipe(LIST_LIMITS.max, { reason: `must be 1 to ${LIST_LIMITS.max}` }),
    )
    limit?: number,
    @WholeNumberQuery('offset', MAX_OFFSET, 'stories to skip') offset?: number,
  ) {
    return this.editorial.list(actor, { assignee, author, status, section, q, limit, offset });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a story', description: 'Its version is also the `ETag`.' })
  @ReturnsStory()
  get(@IdParam() id: string) {
    return this.editorial.get(id);
  }

  @Patch(':id')
  @Roles('editor')
  @ApiOperation({
    summary: 'Save a story',
    description:
      'Saves the fields given as a new revision; only its author (or an admin) in draft, ' +
      '`changes_requested` or `published` (then the working copy changes; the public version stays ' +
      'until a correction or an approved update). `If-Match` must name the current version: an older one ' +
      'is a 409 and nothing is written; someone else’s edit lock is a 423.',
  })
  @ReturnsStory()
  @Fails(409, 423)
  update(
    @CurrentActor() actor: UserActor,
    @IdParam() id: string,
    @IfMatchVersion() version: number,
    @BodyOf(StoryUpdateBodySchema) body: z.output<typeof StoryUpdateBodySchema>,
  ) {
    return this.editorial.update(actor, id, version, body);
  }

  @Post(':id/submit')
  @HttpCode(202)
  @Roles('editor')
  @ApiOperation({
    summary: 'Submit a story for review',
    description:
      'The author sends a draft (or a story with changes requested) to the publish checks, which run ' +
      'queued: it is `submitted`, then `in_review`, or back in `draft` with `failedChecks`. For a ' +
      'published story with pending changes the checks run at once (a 400 lists what fails) and the ' +
      'update goes into review while the public version stays live.',
  })
  @ReturnsStory(202, 'accepted: the publish checks are queued (at once for an update)')
  @Fails(409)
  submit(@CurrentActor() actor: UserActor, @IdParam() id: string) {
    return this.editorial.submit(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('reviewer')
  @ApiOperation({
    summary: 'Approve the next approval step',
    description:
      'A reviewer with the step’s role approves the step the story waits for (its section names the ' +
      'steps); never the author, and nobody two steps of one story (403). The last step makes it ' +
      '`approved`; for a published story’s update, the last step publishes the update.',
  })
  @ReturnsStory()
  @Fails(409)
  approve(@CurrentActor() actor: UserActor, @IdParam() id: string) {
    return this.editorial.approve(actor, id);
  }

  @Post(':id/request-changes')
  @HttpCode(200)
  @Roles('reviewer')
  @ApiOperation({
    summary: 'Send a story back with requested changes',
    description:
      'A reviewer (not the author) sends a story in review back to its author with a comment; ' +
      'the approvals of the round are dropped. The comment is in the history.',
  })
  @ReturnsStory()
  @Fails(409)
  requestChanges(
    @CurrentActor() actor: UserActor,
    @IdParam() id: string,
    @BodyOf(RequestChangesBodySchema) body: z.output<typeof RequestChangesBodySchema>,
  ) {
    return this.editorial.requestChanges(actor, id, body.comment);
  }

  @Post(':id/publish')
  @HttpCode(202)
  @Roles('reviewer')
  @ApiOperation({
    summary: 'Publish or schedule an approved story',
    description:
      'Schedules an approved story for now or for `at`, and optionally its unpublication at `until`; ' +
      'a scheduled story is rescheduled the same way. The publication job publishes it when due. ' +
      'An embargo is never broken (400).',
  })
  @ReturnsStory(202, 'accepted: the story is `scheduled`; the publication job publishes it')
  @Fails(409)
  publish(
    @CurrentActor() actor: UserActor,
    @IdParam() id: string,
    @BodyOf(PublishBodySchema, { optional: true }) body: z.output<typeof PublishBodySchema>,
  ) {
    return this.publishing.publish(actor, id, body);
  }

  @Post('publish')
  @HttpCode(202)
  @Roles('reviewer')
  @ApiOperation({
    summary: 'Publish or schedule many stories at once',
    description:
      `Schedules up to ${BULK_PUBLISH_MAX} approved (or scheduled) stories for now or for \`at\`, ` +
      'all or none: when any of them cannot be, nothing is scheduled and the 409 names each such ' +
      'story and why (`details.refused`). One publication job publishes them together when due.',
  })
  @Returns(202, BulkPublishResultSchema, {
    description: 'accepted: the stories are `scheduled`; one publication job publishes them',
  })
  @Fails(409)
  publishMany(
    @CurrentActor() actor: UserActor,
    @BodyOf(BulkPublishBodySchema) body: z.output<typeof BulkPublishBodySchema>,
  ) {
    return this.publishing.publishMany(actor, body.ids, body).then((stories) => ({ stories }));
  }

  @Post(':id/schedule/cancel')
  @HttpCode(200)
  @Roles('reviewer')
  @ApiOperation({
    summary: 'Cancel a scheduled publication',
    description: 'The story goes back to `approved`; its queued publication does nothing.',
  })
  @ReturnsStory()
  @Fails(409)
  cancelSchedule(@CurrentActor() actor: UserActor, @IdParam() id: string) {
    return this.publishing.cancelSchedule(actor, id);
  }

  @Post(':id/unpublish')
  @HttpCode(202)
  @Roles('reviewer')
  @ApiOperation({
    summary: 'Take a published story down',
    description:
      'Queues the unpublication: the publication job takes the story off the public site (`unpublished`). ' +
      'Preview links issued before are closed.',
  })
  @ReturnsStory(202, 'accepted: the unpublication is queued')
  @Fails(409)
  unpublish(@CurrentActor() actor: UserActor, @IdParam() id: string) {
    return this.publishing.unpublish(actor, id);
  }

  @Post(':id/kill')
  @HttpCode(200)
  @Roles('reviewer')
  @ApiOperation({
    summary: 'Retract a story',
    description:
      'Takes a published or unpublished story down at once, everywhere, with a reason (`killed`); ' +
      'only an admin can bring it back (reopen).',
  })
  @ReturnsStory()
  @Fails(409)
  kill(
    @CurrentActor() actor: UserActor,
    @IdParam() id: string,
    @BodyOf(KillBodySchema) body: z.output<typeof KillBodySchema>,
  ) {
    return this.publishing.kill(actor, id, body.reason);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles('editor')
  @ApiOperation({
    summary: 'Reopen a story as a draft',
    description:
      'Brings an unpublished story back to `draft` (its author); a killed one only an admin.',
  })
  @ReturnsStory()
  @Fails(409)
  reopen(@CurrentActor() actor: UserActor, @IdParam() id: string) {
    return this.publishing.reopen(actor, id);
  }

  @Post(':id/corrections')
  @HttpCode(200)
  @Roles('reviewer')
  @ApiOperation({
    summary: 'Publish a minor correction',
    description:
      'The working copy of a published story goes live at once with a public correction note; ' +
      'the publish checks still apply (400), and not while an update is in review (409).',
  })
  @ReturnsStory()
  @Fails(409)
  correct(
    @CurrentActor() actor: UserActor,
    @IdParam() id: string,
    @BodyOf(CorrectionBodySchema) body: z.output<typeof CorrectionBodySchema>,
  ) {
    return this.publishing.correct(actor, id, body.note);
  }

  @Post(':id/placement')
  @HttpCode(200)
  @Roles('editor', 'reviewer')
  @ApiOperation({
    summary: 'Place a story on the home page',
    description:
      'Pinned stories lead the home page by priority, then the newest; a published story’s listing follows at once.',
  })
  @ReturnsStory()
  place(
    @CurrentActor() actor: UserActor,
    @IdParam() id: string,
    @BodyOf(PlacementBodySchema) body: z.output<typeof PlacementBodySchema>,
  ) {
    return this.publishing.place(actor, id, body);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Put a story into a reviewer’s queue',
    description:
      'The author, a reviewer or an admin assigns the story to a reviewer (not its author), or takes it out with null.',
  })
  @ReturnsStory()
  assign(
    @CurrentActor() actor: UserActor,
    @IdParam() id: string,
    @BodyOf(AssignBodySchema) body: z.output<typeof AssignBodySchema>,
  ) {
    return this.editorial.assign(actor, id, body.assigneeId);
  }

  @Get(':id/history')
  @ApiOperation({
    summary: 'Read a story’s history',
    description: 'Its audit rows, oldest first: transitions (refused ones too), saves, comments.',
  })
  @Returns(200, StoryHistorySchema)
  history(@IdParam() id: string) {
    return this.editorial.history(id);
  }

  @Get(':id/revisions')
  @ApiOperation({
    summary: 'List a story’s revisions',
    description: 'Oldest first, with what each changed.',
  })
  @Returns(200, RevisionListSchema)
  listRevisions(@IdParam() id: string) {
    return this.revisions.list(id);
  }

  @Get(':id/revisions/:number')
  @ApiOperation({ summary: 'Read one revision of a story' })
  @ApiParam({ name: 'number', schema: revisionNumber })
  @Returns(200, RevisionSchema)
  revision(@IdParam() id: string, @Param('number', REVISION) number: number) {
    return this.revisions.get(id, number);
  }

  @Get(':id/diff')
  @ApiOperation({
    summary: 'Compare two revisions',
    description: 'The fields that changed, and the body block by block.',
  })
  @ApiQuery({ name: 'from', required: true, schema: { ...revisionNumber, example: 1 } })
  @ApiQuery({ name: 'to', required: true, schema: { ...revisionNumber, example: 2 } })
  @Returns(200, RevisionDiffSchema)
  diff(
    @IdParam() id: string,
    @Query('from', REVISION) from: number,
    @Query('to', REVISION) to: number,
  ) {
    return this.revisions.diff(id, from, to);
  }

  @Post(':id/revisions/:number/restore')
  @HttpCode(200)
  @Roles('editor')
  @ApiOperation({
    summary: 'Restore a revision',
    description:
      'Makes an older revision’s content the story’s content again, as a new revision; ' +
      'like a save, it needs the current version as `If-Match` and may be refused by an edit lock.',
  })
  @ApiParam({ name: 'number', schema: revisionNumber })
  @ReturnsStory()
  @Fails(409, 423)
  restore(
    @CurrentActor() actor: UserActor,
    @IdParam() id: string,
    @Param('number', REVISION) number: number,
    @IfMatchVersion() version: number,
  ) {
    return this.revisions.restore(actor, id, number, version);
  }

  @Get(':id/comments')
  @ApiOperation({ summary: 'List a story’s comment threads', description: 'Oldest first.' })
  @Returns(200, CommentThreadListSchema)
  listComments(@IdParam() id: string) {
    return this.comments.list(id);
  }

  @Post(':id/comments')
  @ApiOperation({
    summary: 'Comment on a story',
    description:
      'Starts a thread, optionally about one body block, or answers one (`parentId`); recorded in the history.',
  })
  @Returns(201, CommentThreadSchema)
  addComment(
    @CurrentActor() actor: UserActor,
    @IdParam() id: string,
    @BodyOf(CommentBodySchema) body: z.output<typeof CommentBodySchema>,
  ) {
    return this.comments.add(actor, id, body);
  }

  @Post(':id/comments/:commentId/resolve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Resolve a comment thread',
    description: 'Idempotent: resolving a resolved thread changes nothing. Answers every thread.',
  })
  @Returns(200, CommentThreadListSchema)
  resolveComment(
    @CurrentActor() actor: UserActor,
    @IdParam() id: string,
    @IdParam('commentId') commentId: string,
  ) {
    return this.comments.resolve(actor, id, commentId);
  }

  @Get(':id/lock')
  @ApiOperation({
    summary: 'Who is editing a story',
    description: 'The live edit lock, or null when nobody holds one.',
  })
  @Returns(200, EditLockStateSchema)
  lock(@CurrentActor() actor: UserActor, @IdParam() id: string) {
    return this.locks.current(actor, id);
  }

  @Post(':id/lock')
  @HttpCode(200)
  @Roles('editor', 'reviewer')
  @ApiOperation({
    summary: 'Take or renew the edit lock',
    description:
      'Opening a story for editing takes the lease; calling again (the editor’s heartbeat) renews it. ' +
      'It ends by itself when not renewed. Only someone who may edit the story now may take it; ' +
      'while someone else holds it, a 423 names them.',
  })
  @Returns(200, EditLockSchema)
  @Fails(409, 423)
  acquireLock(@CurrentActor() actor: UserActor, @IdParam() id: string) {
    return this.locks.acquire(actor, id);
  }

  @Delete(':id/lock')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Give the edit lock back',
    description: 'Only its holder can; for anyone else (or without a lock) nothing changes.',
  })
  @Returns(204, null)
  async releaseLock(@CurrentActor() actor: UserActor, @IdParam() id: string) {
    await this.locks.release(actor, id);
  }

  @Post(':id/lock/takeover')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take over the edit lock',
    description:
      'A reviewer or an admin takes the lease from whoever holds it; the previous holder’s next save ' +
      'is refused (423, `taken_over`). Recorded in the history.',
  })
  @Returns(200, EditLockSchema)
  takeOverLock(@CurrentActor() actor: UserActor, @IdParam() id: string) {
    return this.locks.takeOver(actor, id);
  }

  @Post(':id/preview')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create a preview link',
    description:
      'A signed, expiring link that shows a revision (default: the newest) as it would be published, ' +
      'to anyone holding it; unpublishing or killing the story closes it.',
  })
  @Returns(201, PreviewLinkSchema)
  preview(
    @IdParam() id: string,
    @BodyOf(PreviewBodySchema, { optional: true }) body: z.output<typeof PreviewBodySchema>,
  ) {
    return this.previews.createLink(id, body.revision);
  }
}
