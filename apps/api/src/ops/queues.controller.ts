import { Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { JOB_STATES, QueueAdminService, registryQueueNames } from '@newsdesk/messaging';
import { Roles } from '../auth/auth.guard';

const QUEUE_PARAM = {
  name: 'name',
  enum: registryQueueNames(),
  description: 'a registry queue: a job queue or `events.<consumer>`',
};

/**
 * The queues for ops (and admins), beside the Bull Board dashboard at
 * `/ops/queues`: counts, failed jobs with their reasons, retry, discard, pause
 * and resume. Unknown queues and jobs are 404s.
 */
@ApiTags('ops')
@ApiBearerAuth()
@Roles('ops')
@Controller('api/ops/queues')
export class QueuesOpsController {
  constructor(private readonly queues: QueueAdminService) {}

  /** Every registry queue with its job counts per state and whether it is paused. */
  @Get()
  overview() {
    return this.queues.overview();
  }

  @Get(':name')
  @ApiParam(QUEUE_PARAM)
  queue(@Param('name') name: string) {
    return this.queues.queue(name);
  }

  /** Jobs of one state, newest first (`state` default `failed`). */
  @Get(':name/jobs')
  @ApiParam(QUEUE_PARAM)
  @ApiQuery({ name: 'state', required: false, enum: JOB_STATES })
  @ApiQuery({ name: 'limit', required: false, description: '1–200, default 50' })
  jobs(
    @Param('name') name: string,
    @Query('state') state?: string,
    @Query('limit') limit?: string,
  ) {
    return this.queues.jobs(name, { state, limit });
  }

  /** Failed jobs with their reason, attempts and times, newest first. */
  @Get(':name/failed')
  @ApiParam(QUEUE_PARAM)
  @ApiQuery({ name: 'limit', required: false, description: '1–200, default 50' })
  failed(@Param('name') name: string, @Query('limit') limit?: string) {
    return this.queues.jobs(name, { state: 'failed', limit });
  }

  @Get(':name/jobs/:id')
  @ApiParam(QUEUE_PARAM)
  job(@Param('name') name: string, @Param('id') id: string) {
    return this.queues.job(name, id);
  }

  /** Moves a failed job back to waiting with a fresh set of attempts (409 unless it failed). */
  @Post(':name/jobs/:id/retry')
  @HttpCode(200)
  @ApiParam(QUEUE_PARAM)
  retry(@Param('name') name: string, @Param('id') id: string) {
    return this.queues.retry(name, id);
  }

  /** Moves every failed job of the queue back to waiting. */
  @Post(':name/retry-failed')
  @HttpCode(200)
  @ApiParam(QUEUE_PARAM)
  retryFailed(@Param('name') name: string) {
    return this.queues.retryFailed(name);
  }

  /** Removes a job for good (409 while a worker holds it). */
  @Delete(':name/jobs/:id')
  @HttpCode(204)
  @ApiParam(QUEUE_PARAM)
  async discard(@Param('name') name: string, @Param('id') id: string): Promise<void> {
    await this.queues.discard(name, id);
  }

  /** Workers take no new job off the queue until it is resumed; jobs in progress finish. */
  @Post(':name/pause')
  @HttpCode(200)
  @ApiParam(QUEUE_PARAM)
  pause(@Param('name') name: string) {
    return this.queues.pause(name);
  }

  @Post(':name/resume')
  @HttpCode(200)
  @ApiParam(QUEUE_PARAM)
  resume(@Param('name') name: string) {
    return this.queues.resume(name);
  }
}

/** The outbox backlog for ops: what the relay has not sent yet, and why some rows keep failing. */
@ApiTags('ops')
@ApiBearerAuth()
@Roles('ops')
@Controller('api/ops/outbox')
export class OutboxOpsController {
  constructor(private readonly queues: QueueAdminService) {}

  /** Unsent rows, the age of the oldest in seconds, and unsent rows that failed to send (attempts, last error). */
  @Get()
  status() {
    return this.queues.outbox();
  }
}
