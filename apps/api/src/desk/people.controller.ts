import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { UsersService } from '@newsdesk/sessions';
import { Returns } from '../contract/decorators';
import { PersonListSchema } from './newsroom.schema';

/** Who works in the newsroom: the desk's pickers (assign to a reviewer, filter by author). */
@ApiTags('desk')
@ApiBearerAuth()
@Controller('api/people')
export class PeopleController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({
    summary: 'The newsroom’s people',
    description:
      'The active people (not integrations), by name, with their roles: those with `reviewer` ' +
      'or `admin` are whom `POST /api/articles/{id}/assign` takes (except the story’s author). ' +
      'Anyone signed in may ask; emails are not shown.',
  })
  @Returns(200, PersonListSchema)
  list(): Promise<z.output<typeof PersonListSchema>> {
    return this.users.people();
  }
}
