import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ROLES } from '@newsdesk/identity';
import { ApiTokensService } from '@newsdesk/sessions';
import { Roles, type UserActor } from './auth.guard';
import { CurrentActor } from './current-actor.decorator';
import { objectBody } from '../input/body';
import { IdParam } from '../input/params';

export class ApiTokenBody {
  @ApiProperty({ example: 'Wire importer' }) name!: string;
  @ApiProperty({ enum: ROLES, example: 'editor' }) role!: string;
  @ApiProperty({
    example: '2027-06-30T23:59:59+02:00',
    description: 'ISO-8601 with offset, in the future',
  })
  expiresAt!: string;
}

/**
 * API tokens for integrations (admins): used as `Authorization: Bearer nd_…`.
 * The secret is in the creation's answer only; the list shows each token's
 * last use; DELETE revokes it at once.
 */
@ApiTags('auth')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/admin/api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  create(@CurrentActor() actor: UserActor, @Body() body: ApiTokenBody) {
    return this.tokens.create(actor.id, objectBody(body, ['name', 'role', 'expiresAt']));
  }

  @Get()
  list() {
    return this.tokens.list();
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(@CurrentActor() actor: UserActor, @IdParam() id: string): Promise<void> {
    await this.tokens.revoke(actor.id, id);
  }
}
