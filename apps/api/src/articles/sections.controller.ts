import { Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { SectionsService } from '@newsdesk/editorial';
import { Roles, type UserActor } from '../auth/auth.guard';
import { CurrentActor } from '../auth/current-actor.decorator';
import { BodyOf, Returns } from '../contract/decorators';
import { SectionListSchema, SectionSchema, SectionUpdateBodySchema } from './sections.schema';

@ApiTags('sections')
@ApiBearerAuth()
@Controller('api/sections')
export class SectionsController {
  constructor(private readonly sections: SectionsService) {}

  @Get()
  @ApiOperation({
    summary: 'List the sections',
    description:
      'Every section with its approval steps and content profile (the limits a client counts against), by name.',
  })
  @Returns(200, SectionListSchema)
  list() {
    return this.sections.list();
  }

  @Patch(':slug')
  @Roles('admin')
  @ApiOperation({
    summary: 'Change a section (admins)',
    description:
      'The same as `PATCH /api/admin/sections/{slug}`, kept for existing clients: name, description, ' +
      'approval steps, content profile, archived. Written with its admin audit row.',
  })
  @ApiParam({
    name: 'slug',
    schema: {
      type: 'string',
      pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
      maxLength: 80,
      example: 'smart-city',
    },
  })
  @Returns(200, SectionSchema)
  update(
    @CurrentActor() actor: UserActor,
    @Param('slug') slug: string,
    @BodyOf(SectionUpdateBodySchema) body: z.output<typeof SectionUpdateBodySchema>,
  ) {
    return this.sections.update(actor, slug, body);
  }
}
