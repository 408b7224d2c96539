import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { Public } from '../auth/auth.guard';
import { Returns } from '../contract/decorators';
import { NewsroomSchema } from './newsroom.schema';

/**
 * What every client of the newsroom shows the same way, whoever's browser it
 * runs in: today its time zone (`NEWSROOM_TIMEZONE`). Open, like the sign-in.
 */
@ApiTags('desk')
@Public()
@Controller('api/newsroom')
export class NewsroomController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @ApiOperation({
    summary: 'The newsroom’s settings every client shows the same way (its time zone)',
  })
  @Returns(200, NewsroomSchema)
  get(): z.output<typeof NewsroomSchema> {
    return { timeZone: this.config.timezone };
  }
}
