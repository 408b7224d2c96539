import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { Public } from '../auth/auth.guard';

class NewsroomView {
  @ApiProperty({
    example: 'Europe/Berlin',
    description: 'IANA time zone in which the newsroom reads and schedules times',
  })
  timeZone!: string;
}

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
  @ApiOkResponse({ type: NewsroomView })
  get(): NewsroomView {
    return { timeZone: this.config.timezone };
  }
}
