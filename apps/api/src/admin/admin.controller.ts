import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SECTION_CREATE_FIELDS, SECTION_UPDATE_FIELDS, SectionsService } from '@newsdesk/editorial';
import { AdminAuditService } from '@newsdesk/identity';
import { USER_CREATE_FIELDS, USER_UPDATE_FIELDS, UsersService } from '@newsdesk/sessions';
import { Roles, type UserActor } from '../auth/auth.guard';
import { CurrentActor } from '../auth/current-actor.decorator';
import { objectBody, optionalObjectBody } from '../input/body';
import { IdParam } from '../input/params';
import { CreateSectionBody, CreateUserBody, UpdateSectionBody, UpdateUserBody } from './admin.dto';

/** User accounts (admins). Every change is in the administration audit log. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/admin/users')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list() {
    return this.users.list();
  }

  @Get(':id')
  get(@IdParam() id: string) {
    return this.users.get(id);
  }

  /** Invites a user: returns a one-time initial password that must be changed at the first sign-in. */
  @Post()
  create(@CurrentActor() actor: UserActor, @Body() body: CreateUserBody) {
    return this.users.create(actor, objectBody(body, USER_CREATE_FIELDS));
  }

  /** Changes name, roles or `active`; role changes and deactivation end the user's sessions. */
  @Patch(':id')
  update(@CurrentActor() actor: UserActor, @IdParam() id: string, @Body() body: UpdateUserBody) {
    return this.users.update(actor, id, objectBody(body, USER_UPDATE_FIELDS));
  }

  /** Returns a new one-time password for the user (shown once) and ends their sessions. */
  @Post(':id/reset-password')
  @HttpCode(200)
  resetPassword(@CurrentActor() actor: UserActor, @IdParam() id: string, @Body() body: unknown) {
    optionalObjectBody(body, []);
    return this.users.resetPassword(actor, id);
  }
}

/** Sections (admins): create, rename, archive, approval steps and content profile. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/admin/sections')
export class AdminSectionsController {
  constructor(private readonly sections: SectionsService) {}

  @Post()
  create(@CurrentActor() actor: UserActor, @Body() body: CreateSectionBody) {
    return this.sections.create(actor, objectBody(body, SECTION_CREATE_FIELDS));
  }

  @Patch(':slug')
  update(
    @CurrentActor() actor: UserActor,
    @Param('slug') slug: string,
    @Body() body: UpdateSectionBody,
  ) {
    return this.sections.update(actor, slug, objectBody(body, SECTION_UPDATE_FIELDS));
  }
}

/** The administration audit log (admins): who changed which user or section, newest first. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/admin/audit')
export class AdminAuditController {
  constructor(private readonly audit: AdminAuditService) {}

  @Get()
  @ApiQuery({ name: 'kind', required: false, enum: ['user', 'section'] })
  @ApiQuery({ name: 'subject', required: false, description: 'the id of a user or section' })
  @ApiQuery({ name: 'actor', required: false, description: 'the id of the admin who acted' })
  @ApiQuery({ name: 'before', required: false, description: 'the `next` cursor of a page' })
  @ApiQuery({ name: 'limit', required: false, description: '1 to 500, default 100' })
  search(
    @Query('kind') kind?: string,
    @Query('subject') subject?: string,
    @Query('actor') actor?: string,
    @Query('before') before?: string,
    @Query('limit') limit?: string,
  ) {
    return this.audit.search({ kind, subject, actor, before, limit });
  }
}
