import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { UsersService } from '@newsdesk/sessions';
import { Returns } from '../contract/decorators';
import { ReviewerListSchema } from './newsroom.schema';

/** Whom a story can be assigned to: the desk's reviewer picker. */
@ApiTags('desk')
@ApiBearerAuth()
@Controller('api/reviewers')
export class ReviewersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({
    summary: 'Who may review a story',
    description:
      'The active reviewers and admins, by name: whom `POST /api/articles/{id}/assign` takes ' +
      '(except the story’s author). Anyone signed in may ask.',
  })
  @Returns(200, ReviewerListSchema)
  list(): Promise<z.output<typeof ReviewerListSchema>> {
    return this.users.reviewers();
  }
}
