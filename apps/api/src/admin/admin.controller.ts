import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { SectionsService } from '@newsdesk/editorial';
import { AdminAuditService, UsersService, type AdminAuditQuery } from '@newsdesk/identity';
import { Roles, type UserActor } from '../auth/auth.guard';
import { CurrentActor } from '../auth/current-actor.decorator';
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
  get(@Param('id') id: string) {
    return this.users.get(id);
  }

  /** Invites a user: returns a one-time initial password that must be changed at the first sign-in. */
  @Post()
  create(@CurrentActor() actor: UserActor, @Body() body: CreateUserBody) {
    return this.users.create(actor, body);
  }

  /** Changes name, roles or `active`; role changes and deactivation end the user's sessions. */
  @Patch(':id')
  update(@CurrentActor() actor: UserActor, @Param('id') id: string, @Body() body: UpdateUserBody) {
    return this.users.update(actor, id, body);
  }

  /** Returns a new one-time password for the user (shown once) and ends their sessions. */
  @Post(':id/reset-password')
  @HttpCode(200)
  resetPassword(@CurrentActor() actor: UserActor, @Param('id') id: string) {
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
    return this.sections.create(actor, body);
  }

  @Patch(':slug')
  update(
    @CurrentActor() actor: UserActor,
    @Param('slug') slug: string,
    @Body() body: UpdateSectionBody,
  ) {
    return this.sections.update(actor, slug, body);
  }
}

/** The administration audit log (admins): who changed which user or section, newest first. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/admin/audit')
export class AdminAuditController {
  constructor(private readonly audit: AdminAuditService) {}

  /** `?kind=user|section&subject=<id>&actor=<user id>&before=<cursor>&limit=` */
  @Get()
  search(@Query() query: AdminAuditQuery) {
    return this.audit.search(query);
  }
}
