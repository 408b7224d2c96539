import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { EditorialService } from '@newsdesk/editorial';

@ApiTags('sections')
@ApiBearerAuth()
@Controller('api/sections')
export class SectionsController {
  constructor(private readonly editorial: EditorialService) {}

  @Get()
  list() {
    return this.editorial.sections();
  }
}
