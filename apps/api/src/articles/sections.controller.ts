import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { SECTION_UPDATE_FIELDS, SectionsService } from '@newsdesk/editorial';
import { Roles, type UserActor } from '../auth/auth.guard';
import { CurrentActor } from '../auth/current-actor.decorator';
import { objectBody } from '../input/body';

@ApiTags('sections')
@ApiBearerAuth()
@Controller('api/sections')
export class SectionsController {
  constructor(private readonly sections: SectionsService) {}

  /** Every section with its approval steps and content profile (the limits a client counts against). */
  @Get()
  list() {
    return this.sections.list();
  }

  /** The same as `PATCH /api/admin/sections/:slug` (admin), kept for existing clients. */
  @Patch(':slug')
  @Roles('admin')
  update(@CurrentActor() actor: UserActor, @Param('slug') slug: string, @Body() body: unknown) {
    return this.sections.update(actor, slug, objectBody(body, SECTION_UPDATE_FIELDS));
  }
}
