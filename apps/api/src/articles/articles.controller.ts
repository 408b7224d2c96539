import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ValidationFailed } from '@newsdesk/common';
import {
  ARTICLE_INPUT_FIELDS,
  CommentsService,
  EditLocksService,
  EditorialService,
  PreviewService,
  PublishingService,
  RevisionsService,
} from '@newsdesk/editorial';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles, type UserActor } from '../auth/auth.guard';
import { objectBody, optionalObjectBody } from '../input/body';
import {
  IdParam,
  IfMatchVersion,
  MAX_VERSION,
  WholeNumberPipe,
  WholeNumberQuery,
} from '../input/params';
import {
  ArticleBody,
  AssignBody,
  CommentBody,
  CorrectionBody,
  KillBody,
  PlacementBody,
  PreviewBody,
  PublishBody,
  RequestChangesBody,
} from './articles.dto';

/** No listing is this long; bounded so that no offset reaches PostgreSQL beyond its bigint range. */
const MAX_OFFSET = 1_000_000_000;

const REVISION = new WholeNumberPipe(MAX_VERSION, {
  required: true,
  reason: 'must be a revision number (1, 2, …)',
});

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
  create(@CurrentActor() actor: UserActor, @Body() body: ArticleBody) {
    return this.editorial.create(actor, objectBody(body, ARTICLE_INPUT_FIELDS));
  }

  @Get()
  @ApiQuery({
    name: 'assignee',
    required: false,
    description: '"me" for your review queue (oldest first), or a user id',
  })
  @ApiQuery({
    name: 'author',
    required: false,
    description: '"me" for your own stories (with `status=draft`: your drafts), or a user id',
  })
  list(
    @CurrentActor() actor: UserActor,
    @Query('assignee') assignee?: string,
    @Query('author') author?: string,
    @Query('status') status?: string,
    @Query('section') section?: string,
    @Query('q') q?: string,
    @WholeNumberQuery('limit', 1000) limit?: number,
    @WholeNumberQuery('offset', MAX_OFFSET) offset?: number,
  ) {
    return this.editorial.list(actor, {
      assignee,
      author,
      status,
      section,
      q,
      limit,
      offset,
    });
  }

  @Get(':id')
  get(@IdParam() id: string) {
    return this.editorial.get(id);
  }

  @Patch(':id')
  @Roles('editor')
  @ApiHeader({ name: 'If-Match', description: 'the version being edited', required: true })
  update(
    @CurrentActor() actor: UserActor,
    @IdParam() id: string,
    @IfMatchVersion() version: number,
    @Body() body: ArticleBody,
  ) {
    return this.editorial.update(actor, id, version, objectBody(body, ARTICLE_INPUT_FIELDS));
  }

  @Post(':id/submit')
  @HttpCode(202)
  @Roles('editor')
  submit(@CurrentActor() actor: UserActor, @IdParam() id: string) {
    return this.editorial.submit(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('reviewer')
  approve(@CurrentActor() actor: UserActor, @IdParam() id: string) {
    return this.editorial.approve(actor, id);
  }

  @Post(':id/request-changes')
  @HttpCode(200)
  @Roles('reviewer')
  requestChanges(
    @CurrentActor() actor: UserActor,
    @IdParam() id: string,
    @Body() body: RequestChangesBody,
  ) {
    return this.editorial.requestChanges(actor, id, objectBody(body, ['comment']).comment);
  }

  @Post(':id/publish')
  @HttpCode(202)
  @Roles('reviewer')
  publish(
    @CurrentActor() actor: UserActor,
    @IdParam() id: string,
    @Body() body: PublishBody | undefined,
  ) {
    return this.publishing.publish(actor, id, optionalObjectBody(body, ['at', 'until']));
  }

  @Post(':id/schedule/cancel')
  @HttpCode(200)
  @Roles('reviewer')
  cancelSchedule(@CurrentActor() actor: UserActor, @IdParam() id: string) {
    return this.publishing.cancelSchedule(actor, id);
  }

  @Post(':id/unpublish')
  @HttpCode(202)
  @Roles('reviewer')
  unpublish(@CurrentActor() actor: UserActor, @IdParam() id: string) {
    return this.publishing.unpublish(actor, id);
  }

  /** Retraction: down at once, everywhere, with a reason; only an admin can bring it back. */
  @Post(':id/kill')
  @HttpCode(200)
  @Roles('reviewer')
  kill(@CurrentActor() actor: UserActor, @IdParam() id: string, @Body() body: KillBody) {
    return this.publishing.kill(actor, id, objectBody(body, ['reason']).reason);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles('editor')
  reopen(@CurrentActor() actor: UserActor, @IdParam() id: string) {
    return this.publishing.reopen(actor, id);
  }

  /** A minor correction: the working copy of a published story goes live at once with a public note. */
  @Post(':id/corrections')
  @HttpCode(200)
  @Roles('reviewer')
  correct(@CurrentActor() actor: UserActor, @IdParam() id: string, @Body() body: CorrectionBody) {
    return this.publishing.correct(actor, id, objectBody(body, ['note']).note);
  }

  /** Home page placement: `{homePinned?, homePriority? (0–100)}`. */
  @Post(':id/placement')
  @HttpCode(200)
  @Roles('editor', 'reviewer')
  place(@CurrentActor() actor: UserActor, @IdParam() id: string, @Body() body: PlacementBody) {
    return this.publishing.place(actor, id, objectBody(body, ['homePinned', 'homePriority']));
  }

  @Post(':id/assign')
  @HttpCode(200)
  assign(@CurrentActor() actor: UserActor, @IdParam() id: string, @Body() body: AssignBody) {
    return this.editorial.assign(actor, id, objectBody(body, ['assigneeId']).assigneeId);
  }

  @Get(':id/history')
  history(@IdParam() id: string) {
    return this.editorial.history(id);
  }

  @Get(':id/revisions')
  listRevisions(@IdParam() id: string) {
    return this.revisions.list(id);
  }

  @Get(':id/revisions/:number')
  revision(@IdParam() id: string, @Param('number', REVISION) number: number) {
    return this.revisions.get(id, number);
  }

  @Get(':id/diff')
  @ApiQuery({ name: 'from', example: 1 })
  @ApiQuery({ name: 'to', example: 2 })
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
  @ApiHeader({ name: 'If-Match', description: 'the version being edited', required: true })
  restore(
    @CurrentActor() actor: UserActor,
    @IdParam() id: string,
    @Param('number', REVISION) number: number,
    @IfMatchVersion() version: number,
  ) {
    return this.revisions.restore(actor, id, number, version);
  }

  @Get(':id/comments')
  listComments(@IdParam() id: string) {
    return this.comments.list(id);
  }

  @Post(':id/comments')
  addComment(@CurrentActor() actor: UserActor, @IdParam() id: string, @Body() body: CommentBody) {
    return this.comments.add(actor, id, objectBody(body, ['text', 'parentId', 'blockIndex']));
  }

  @Post(':id/comments/:commentId/resolve')
  @HttpCode(200)
  resolveComment(
    @CurrentActor() actor: UserActor,
    @IdParam() id: string,
    @IdParam('commentId') commentId: string,
  ) {
    return this.comments.resolve(actor, id, commentId);
  }

  @Get(':id/lock')
  lock(@CurrentActor() actor: UserActor, @IdParam() id: string) {
    return this.locks.current(actor, id);
  }

  /** Takes the edit lease, or renews it (the editor's heartbeat). */
  @Post(':id/lock')
  @HttpCode(200)
  @Roles('editor', 'reviewer')
  acquireLock(@CurrentActor() actor: UserActor, @IdParam() id: string) {
    return this.locks.acquire(actor, id);
  }

  @Delete(':id/lock')
  @HttpCode(204)
  async releaseLock(@CurrentActor() actor: UserActor, @IdParam() id: string) {
    await this.locks.release(actor, id);
  }

  @Post(':id/lock/takeover')
  @HttpCode(200)
  takeOverLock(@CurrentActor() actor: UserActor, @IdParam() id: string) {
    return this.locks.takeOver(actor, id);
  }

  /** A signed, expiring link that shows a revision (default: the newest) as it would be published. */
  @Post(':id/preview')
  @HttpCode(201)
  preview(@IdParam() id: string, @Body() body: PreviewBody | undefined) {
    const raw = optionalObjectBody(body, ['revision']).revision;
    if (raw !== undefined && (typeof raw !== 'number' || !Number.isInteger(raw))) {
      throw new ValidationFailed([{ field: 'revision', reason: 'must be a revision number' }]);
    }
    return this.previews.createLink(id, raw);
  }
}
