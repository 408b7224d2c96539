import { Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  JOB_LIST_LIMIT,
  JOB_STATES,
  QueueAdminService,
  registryQueueNames,
} from '@newsdesk/messaging';
import { Roles } from '../auth/auth.guard';
import { Fails, Returns } from '../contract/decorators';
import {
  JobListSchema,
  JobSchema,
  OutboxStatusSchema,
  QueueListSchema,
  QueueSchema,
  RetriedJobsSchema,
} from './ops.schema';

const QueueParam = () =>
  ApiParam({
    name: 'name',
    description: 'a registry queue: a job queue or `events.<consumer>`',
    schema: { type: 'string', enum: registryQueueNames(), example: 'media' },
  });

const JobParam = () =>
  ApiParam({
    name: 'id',
    description: 'the BullMQ job id',
    schema: { type: 'string', example: 'ArticlePublish-0b6c2f9e-5d1e-4a57-9a3f-1c2d3e4f5a6b-7' },
  });

const LimitQuery = () =>
  ApiQuery({
    name: 'limit',
    required: false,
    description: 'how many jobs to list',
    schema: {
      type: 'integer',
      minimum: 1,
      maximum: JOB_LIST_LIMIT.max,
      default: JOB_LIST_LIMIT.default,
    },
  });

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

  @Get()
  @ApiOperation({
    summary: 'List the queues with their job counts',
    description:
      'Every registry queue (job queues and the event queue of each consumer) with its job counts per state and whether it is paused.',
  })
  @Returns(200, QueueListSchema)
  overview() {
    return this.queues.overview();
  }

  @Get(':name')
  @ApiOperation({ summary: 'Show one queue with its job counts' })
  @QueueParam()
  @Returns(200, QueueSchema)
  queue(@Param('name') name: string) {
    return this.queues.queue(name);
  }

  @Get(':name/jobs')
  @ApiOperation({ summary: 'List the jobs of a queue in one state', description: 'Newest first.' })
  @QueueParam()
  @ApiQuery({
    name: 'state',
    required: false,
    schema: { type: 'string', enum: [...JOB_STATES], default: 'failed' },
  })
  @LimitQuery()
  @Returns(200, JobListSchema)
  jobs(
    @Param('name') name: string,
    @Query('state') state?: string,
    @Query('limit') limit?: string,
  ) {
    return this.queues.jobs(name, { state, limit });
  }

  @Get(':name/failed')
  @ApiOperation({
    summary: 'List the failed jobs of a queue',
    description:
      'Newest first, each with the reason and stack of its last failure, its attempts and times (the same as `jobs?state=failed`).',
  })
  @QueueParam()
  @LimitQuery()
  @Returns(200, JobListSchema)
  failed(@Param('name') name: string, @Query('limit') limit?: string) {
    return this.queues.jobs(name, { state: 'failed', limit });
  }

  @Get(':name/jobs/:id')
  @ApiOperation({ summary: 'Show one job with its current state' })
  @QueueParam()
  @JobParam()
  @Returns(200, JobSchema)
  job(@Param('name') name: string, @Param('id') id: string) {
    return this.queues.job(name, id);
  }

  @Post(':name/jobs/:id/retry')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Retry a failed job',
    description:
      'Moves a failed job back to waiting with a fresh set of attempts; 409 unless it failed.',
  })
  @QueueParam()
  @JobParam()
  @Returns(200, JobSchema)
  @Fails(409)
  retry(@Param('name') name: string, @Param('id') id: string) {
    return this.queues.retry(name, id);
  }

  @Post(':name/retry-failed')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Retry every failed job of a queue',
    description: 'Moves every failed job back to waiting; answers how many there were.',
  })
  @QueueParam()
  @Returns(200, RetriedJobsSchema)
  retryFailed(@Param('name') name: string) {
    return this.queues.retryFailed(name);
  }

  @Delete(':name/jobs/:id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Discard a job',
    description: 'Removes a job for good, whatever its state; 409 while a worker holds it.',
  })
  @QueueParam()
  @JobParam()
  @Returns(204, null)
  @Fails(409)
  async discard(@Param('name') name: string, @Param('id') id: string): Promise<void> {
    await this.queues.discard(name, id);
  }

  @Post(':name/pause')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Pause a queue',
    description:
      'Workers take no new job off the queue until it is resumed; jobs in progress finish. Pausing a paused queue changes nothing.',
  })
  @QueueParam()
  @Returns(200, QueueSchema)
  pause(@Param('name') name: string) {
    return this.queues.pause(name);
  }

  @Post(':name/resume')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Resume a paused queue',
    description: 'Workers take jobs off the queue again. Resuming a running queue changes nothing.',
  })
  @QueueParam()
  @Returns(200, QueueSchema)
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

  @Get()
  @ApiOperation({
    summary: 'Show the outbox backlog',
    description:
      'Unsent rows, the age of the oldest in seconds, and the unsent rows that failed to send with their attempts and last error.',
  })
  @Returns(200, OutboxStatusSchema)
  status() {
    return this.queues.outbox();
  }
}
