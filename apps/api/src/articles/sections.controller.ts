import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { ValidationFailed } from '@newsdesk/common';
import { SectionsService } from '@newsdesk/editorial';
import { Roles } from '../auth/auth.guard';

@ApiTags('sections')
@ApiBearerAuth()
@Controller('api/sections')
export class SectionsController {
  constructor(private readonly sections: SectionsService) {}

  @Get()
  list() {
    return this.sections.list();
  }

  /** Renames a section (admin); its listing and every cached page showing the name follow. */
  @Patch(':slug')
  @Roles('admin')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { name: { type: 'string' }, description: { type: 'string' } },
    },
  })
  update(@Param('slug') slug: string, @Body() body: unknown) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ValidationFailed([{ field: 'body', reason: 'must be a JSON object' }]);
    }
    return this.sections.update(slug, body as Record<string, unknown>);
  }
}
