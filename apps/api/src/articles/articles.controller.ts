import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { ValidationFailed } from '@newsdesk/common';
import { EditorialService } from '@newsdesk/editorial';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles, type UserActor } from '../auth/auth.guard';
import { ArticleBody, PublishBody, RequestChangesBody } from './articles.dto';

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
  constructor(private readonly editorial: EditorialService) {}

  @Post()
  @Roles('editor')
  create(@CurrentActor() actor: UserActor, @Body() body: ArticleBody) {
    return this.editorial.create(actor, objectBody(body));
  }

  @Get()
  list(
    @Query('status') status?: string,
    @Query('section') section?: string,
    @Query('q') q?: string,
    @Query('limit') limit?: string,
    @Query('offset') offset?: string,
  ) {
    return this.editorial.list({
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
    return this.editorial.publish(
      actor,
      id,
      body === undefined || body === null ? undefined : objectBody(body).at,
    );
  }

  @Post(':id/unpublish')
  @HttpCode(202)
  @Roles('reviewer')
  unpublish(@CurrentActor() actor: UserActor, @Param('id') id: string) {
    return this.editorial.unpublish(actor, id);
  }

  @Get(':id/history')
  history(@Param('id') id: string) {
    return this.editorial.history(id);
  }
}
