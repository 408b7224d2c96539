import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiTokensService } from '@newsdesk/sessions';
import { Roles, type UserActor } from './auth.guard';
import { CurrentActor } from './current-actor.decorator';
import { BodyOf, Returns } from '../contract/decorators';
import { IdParam } from '../input/params';
import {
  ApiTokenListSchema,
  CreateApiTokenBodySchema,
  NewApiTokenSchema,
} from './api-tokens.schema';

/**
 * API tokens for integrations (admins): used as `Authorization: Bearer nd_…`.
 * The secret is in the creation's answer only; the list shows each token's
 * last use; DELETE revokes it at once.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/admin/api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @ApiOperation({
    summary: 'Issue an API token',
    description:
      'For an integration: a name, one role and an expiry. The answer’s `token` is the secret, shown this once (only its hash is stored); send it as `Authorization: Bearer`. The integration acts under its own name in authorship and the audit log.',
  })
  @Returns(201, NewApiTokenSchema)
  create(
    @CurrentActor() actor: UserActor,
    @BodyOf(CreateApiTokenBodySchema) body: z.output<typeof CreateApiTokenBodySchema>,
  ) {
    return this.tokens.create(actor.id, body);
  }

  @Get()
  @ApiOperation({
    summary: 'List the API tokens',
    description: 'Newest first, revoked ones included, each with its last use (never the secret).',
  })
  @Returns(200, ApiTokenListSchema)
  list() {
    return this.tokens.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke an API token',
    description: 'Its next request is a 401. Revoking a revoked token changes nothing.',
  })
  @Returns(204, null)
  async revoke(@CurrentActor() actor: UserActor, @IdParam() id: string): Promise<void> {
    await this.tokens.revoke(actor.id, id);
  }
}
