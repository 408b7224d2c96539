import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ValidationFailed } from '@newsdesk/common';
import {
  CommentsService,
  EditLocksService,
  EditorialService,
  PreviewService,
  PublishingService,
  RevisionsService,
} from '@newsdesk/editorial';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles, type UserActor } from '../auth/auth.guard';
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

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationFailed([{ field: 'body', reason: 'must be a JSON object' }]);
  }
  return body as Record<string, unknown>;
}

function version(ifMatch: string | undefined): number {
  const raw = (ifMatch ?? '').trim().replace(/^W\//, '').replace(/"/g, '');
  if (!/^\d+$/.test(raw)) {
    throw new ValidationFailed([
      {
        field: 'If-Match',
        reason: 'the header must carry the version you edited, e.g. If-Match: 3',
      },
    ]);
  }
  return Number(raw);
}

function revisionNumber(raw: string | undefined, field = 'revision'): number {
  if (raw === undefined || !/^\d{1,9}$/.test(raw))
    throw new ValidationFailed([{ field, reason: 'must be a revision number (1, 2, …)' }]);
  return Number(raw);
}

function intParam(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw))
    throw new ValidationFailed([{ field: name, reason: 'must be a whole number' }]);
  return Number(raw);
}

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
    return this.editorial.create(actor, objectBody(body));
  }

  @Get()
  @ApiQuery({
    name: 'assignee',
    required: false,
    description: '"me" for your review queue (oldest first), or a user id',
  })
  list(
    @CurrentActor() actor: UserActor,
    @Query('assignee') assignee?: string,
    @Query('status') status?: string,
    @Query('section') section?: string,
    @Query('q') q?: string,
    @Query('limit') limit?: string,
    @Query('offset') offset?: string,
  ) {
    return this.editorial.list(actor, {
      assignee,
      status,
      section,
      q,
      limit: intParam('limit', limit),
      offset: intParam('offset', offset),
    });
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.editorial.get(id);
  }

  @Patch(':id')
  @Roles('editor')
  @ApiHeader({ name: 'If-Match', description: 'the version being edited', required: true })
  update(
    @CurrentActor() actor: UserActor,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: ArticleBody,
  ) {
    return this.editorial.update(actor, id, version(ifMatch), objectBody(body));
  }

  @Post(':id/submit')
  @HttpCode(202)
  @Roles('editor')
  submit(@CurrentActor() actor: UserActor, @Param('id') id: string) {
    return this.editorial.submit(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('reviewer')
  approve(@CurrentActor() actor: UserActor, @Param('id') id: string) {
    return this.editorial.approve(actor, id);
  }

  @Post(':id/request-changes')
  @HttpCode(200)
  @Roles('reviewer')
  requestChanges(
    @CurrentActor() actor: UserActor,
    @Param('id') id: string,
    @Body() body: RequestChangesBody,
  ) {
    return this.editorial.requestChanges(actor, id, objectBody(body).comment);
  }

  @Post(':id/publish')
  @HttpCode(202)
  @Roles('reviewer')
  publish(
    @CurrentActor() actor: UserActor,
    @Param('id') id: string,
    @Body() body: PublishBody | undefined,
  ) {
    return this.publishing.publish(
      actor,
      id,
      body === undefined || body === null ? {} : objectBody(body),
    );
  }

  @Post(':id/schedule/cancel')
  @HttpCode(200)
  @Roles('reviewer')
  cancelSchedule(@CurrentActor() actor: UserActor, @Param('id') id: string) {
    return this.publishing.cancelSchedule(actor, id);
  }

  @Post(':id/unpublish')
  @HttpCode(202)
  @Roles('reviewer')
  unpublish(@CurrentActor() actor: UserActor, @Param('id') id: string) {
    return this.publishing.unpublish(actor, id);
  }

  /** Retraction: down at once, everywhere, with a reason; only an admin can bring it back. */
  @Post(':id/kill')
  @HttpCode(200)
  @Roles('reviewer')
  kill(@CurrentActor() actor: UserActor, @Param('id') id: string, @Body() body: KillBody) {
    return this.publishing.kill(actor, id, objectBody(body).reason);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles('editor')
  reopen(@CurrentActor() actor: UserActor, @Param('id') id: string) {
    return this.publishing.reopen(actor, id);
  }

  /** A minor correction: the working copy of a published story goes live at once with a public note. */
  @Post(':id/corrections')
  @HttpCode(200)
  @Roles('reviewer')
  correct(@CurrentActor() actor: UserActor, @Param('id') id: string, @Body() body: CorrectionBody) {
    return this.publishing.correct(actor, id, objectBody(body).note);
  }

  /** Home page placement: `{homePinned?, homePriority? (0–100)}`. */
  @Post(':id/placement')
  @HttpCode(200)
  @Roles('editor', 'reviewer')
  place(@CurrentActor() actor: UserActor, @Param('id') id: string, @Body() body: PlacementBody) {
    return this.publishing.place(actor, id, objectBody(body));
  }

  @Post(':id/assign')
  @HttpCode(200)
  assign(@CurrentActor() actor: UserActor, @Param('id') id: string, @Body() body: AssignBody) {
    return this.editorial.assign(actor, id, objectBody(body).assigneeId);
  }

  @Get(':id/history')
  history(@Param('id') id: string) {
    return this.editorial.history(id);
  }

  @Get(':id/revisions')
  listRevisions(@Param('id') id: string) {
    return this.revisions.list(id);
  }

  @Get(':id/revisions/:number')
  revision(@Param('id') id: string, @Param('number') number: string) {
    return this.revisions.get(id, revisionNumber(number));
  }

  @Get(':id/diff')
  @ApiQuery({ name: 'from', example: 1 })
  @ApiQuery({ name: 'to', example: 2 })
  diff(@Param('id') id: string, @Query('from') from?: string, @Query('to') to?: string) {
    return this.revisions.diff(id, revisionNumber(from, 'from'), revisionNumber(to, 'to'));
  }

  @Post(':id/revisions/:number/restore')
  @HttpCode(200)
  @Roles('editor')
  @ApiHeader({ name: 'If-Match', description: 'the version being edited', required: true })
  restore(
    @CurrentActor() actor: UserActor,
    @Param('id') id: string,
    @Param('number') number: string,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    return this.revisions.restore(actor, id, revisionNumber(number), version(ifMatch));
  }

  @Get(':id/comments')
  listComments(@Param('id') id: string) {
    return this.comments.list(id);
  }

  @Post(':id/comments')
  addComment(@CurrentActor() actor: UserActor, @Param('id') id: string, @Body() body: CommentBody) {
    return this.comments.add(actor, id, objectBody(body));
  }

  @Post(':id/comments/:commentId/resolve')
  @HttpCode(200)
  resolveComment(
    @CurrentActor() actor: UserActor,
    @Param('id') id: string,
    @Param('commentId') commentId: string,
  ) {
    return this.comments.resolve(actor, id, commentId);
  }

  @Get(':id/lock')
  lock(@CurrentActor() actor: UserActor, @Param('id') id: string) {
    return this.locks.current(actor, id);
  }

  /** Takes the edit lease, or renews it (the editor's heartbeat). */
  @Post(':id/lock')
  @HttpCode(200)
  @Roles('editor', 'reviewer')
  acquireLock(@CurrentActor() actor: UserActor, @Param('id') id: string) {
    return this.locks.acquire(actor, id);
  }

  @Delete(':id/lock')
  @HttpCode(204)
  async releaseLock(@CurrentActor() actor: UserActor, @Param('id') id: string) {
    await this.locks.release(actor, id);
  }

  @Post(':id/lock/takeover')
  @HttpCode(200)
  takeOverLock(@CurrentActor() actor: UserActor, @Param('id') id: string) {
    return this.locks.takeOver(actor, id);
  }

  /** A signed, expiring link that shows a revision (default: the newest) as it would be published. */
  @Post(':id/preview')
  @HttpCode(201)
  preview(@Param('id') id: string, @Body() body: PreviewBody | undefined) {
    const raw = body === undefined || body === null ? undefined : objectBody(body).revision;
    if (raw !== undefined && (typeof raw !== 'number' || !Number.isInteger(raw))) {
      throw new ValidationFailed([{ field: 'revision', reason: 'must be a revision number' }]);
    }
    return this.previews.createLink(id, raw);
  }
}
