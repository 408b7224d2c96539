import { Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { SECTION_SLUG, SectionsService } from '@newsdesk/editorial';
import { ADMIN_SUBJECT_KINDS, AdminAuditService } from '@newsdesk/identity';
import { UsersService } from '@newsdesk/sessions';
import { Roles, type UserActor } from '../auth/auth.guard';
import { CurrentActor } from '../auth/current-actor.decorator';
import { BodyOf, Fails, Returns } from '../contract/decorators';
import { LogPageQueries } from '../contract/page';
import { IdParam } from '../input/params';
import {
  AdminAuditPageSchema,
  AdminUserListSchema,
  AdminUserSchema,
  CreateSectionBodySchema,
  CreateUserBodySchema,
  InitialPasswordSchema,
  ResetPasswordBodySchema,
  SectionSchema,
  UpdateSectionBodySchema,
  UpdateUserBodySchema,
} from './admin.schema';

/** User accounts (admins). Every change is in the administration audit log. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/admin/users')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({
    summary: 'List the users',
    description: 'People only, by name; the integrations behind API tokens are listed as tokens.',
  })
  @Returns(200, AdminUserListSchema)
  list() {
    return this.users.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'Show one user' })
  @Returns(200, AdminUserSchema)
  get(@IdParam() id: string) {
    return this.users.get(id);
  }

  @Post()
  @ApiOperation({
    summary: 'Invite a user',
    description:
      'Creates the account and answers a one-time password, shown this once: the user must replace it at the first sign-in (`POST /api/auth/password`) before anything else. A taken email is a 400 naming `email`.',
  })
  @Returns(201, InitialPasswordSchema)
  create(
    @CurrentActor() actor: UserActor,
    @BodyOf(CreateUserBodySchema) body: z.output<typeof CreateUserBodySchema>,
  ) {
    return this.users.create(actor, body);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a user’s name, roles or `active`',
    description:
      'A change of roles and a deactivation end every session of the user at once. 409 when it would leave no active admin.',
  })
  @Returns(200, AdminUserSchema)
  @Fails(409)
  update(
    @CurrentActor() actor: UserActor,
    @IdParam() id: string,
    @BodyOf(UpdateUserBodySchema) body: z.output<typeof UpdateUserBodySchema>,
  ) {
    return this.users.update(actor, id, body);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reset a user’s password',
    description:
      'Answers a new one-time password (shown this once) and ends every session of the user; the old password stops working.',
  })
  @Returns(200, InitialPasswordSchema)
  resetPassword(
    @CurrentActor() actor: UserActor,
    @IdParam() id: string,
    @BodyOf(ResetPasswordBodySchema, { optional: true }) _body: unknown,
  ) {
    return this.users.resetPassword(actor, id);
  }
}

const SlugParam = () =>
  ApiParam({
    name: 'slug',
    description: 'the section’s slug',
    schema: {
      type: 'string',
      pattern: SECTION_SLUG.pattern.source,
      maxLength: SECTION_SLUG.maxLength,
      example: 'smart-city',
    },
  });

/** Sections (admins): create, rename, archive, approval steps and content profile. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/admin/sections')
export class AdminSectionsController {
  constructor(private readonly sections: SectionsService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a section',
    description:
      'Without approval steps a story of it needs one review; without a profile the default profile applies. A taken slug is a 400 naming `slug`.',
  })
  @Returns(201, SectionSchema)
  create(
    @CurrentActor() actor: UserActor,
    @BodyOf(CreateSectionBodySchema) body: z.output<typeof CreateSectionBodySchema>,
  ) {
    return this.sections.create(actor, body);
  }

  @Patch(':slug')
  @ApiOperation({
    summary: 'Change a section',
    description:
      'Renames, describes or archives it, or sets its approval steps or content profile (fields left out keep their value). New steps and limits apply from the next approval or check on; a rename reaches the public pages and the CDN. The slug never changes.',
  })
  @SlugParam()
  @Returns(200, SectionSchema)
  update(
    @CurrentActor() actor: UserActor,
    @Param('slug') slug: string,
    @BodyOf(UpdateSectionBodySchema) body: z.output<typeof UpdateSectionBodySchema>,
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

  @Get()
  @ApiOperation({
    summary: 'Search the administration log',
    description: 'Who changed which user or section, and how; newest first, page by page.',
  })
  @ApiQuery({
    name: 'kind',
    required: false,
    schema: { type: 'string', enum: [...ADMIN_SUBJECT_KINDS] },
  })
  @ApiQuery({
    name: 'subject',
    required: false,
    description: 'the id of a user or section',
    schema: { type: 'string', format: 'uuid' },
  })
  @ApiQuery({
    name: 'actor',
    required: false,
    description: 'the id of the admin who acted',
    schema: { type: 'string', format: 'uuid' },
  })
  @LogPageQueries()
  @Returns(200, AdminAuditPageSchema)
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
