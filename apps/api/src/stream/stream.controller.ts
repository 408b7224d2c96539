import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidationFailed } from '@newsdesk/common';
import { LiveStreamService, parseStreamId, type StreamSink } from '@newsdesk/stream';
import type { UserActor } from '../auth/auth.guard';
import { CurrentActor } from '../auth/current-actor.decorator';

/**
 * The desk's live stream (server-sent events): what changed, as it happens,
 * filtered by what the caller's roles may see. Authenticated like every
 * `/api` route (bearer token or the session cookie). A reconnect resumes
 * after `Last-Event-ID` (the header EventSource sends, or `?lastEventId=`).
 */
@ApiTags('desk')
@ApiBearerAuth()
@Controller('api/stream')
export class StreamController {
  constructor(private readonly streams: LiveStreamService) {}

  @Get()
  @ApiOperation({
    summary: 'The live stream of what changed (server-sent events)',
    description:
      'Events: `story.changed`, `story.saved`, `story.assigned`, `story.checked`, `lock.taken`, ' +
      '`lock.released`, `comment.added`, `comment.resolved`, `image.processed`, `image.updated`, `delivery.progressed`; ' +
      "`data:` is JSON with `eventId`, `occurredAt` and the event's fields; `id:` is the resume point. " +
      'A `reset` event means the stream no longer holds the resume point: refetch everything.',
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'resume after this event (EventSource sends it on reconnect)',
    schema: { type: 'string', pattern: '^\\d{1,20}-\\d{1,20}$', example: '1764530000000-0' },
  })
  @ApiQuery({
    name: 'lastEventId',
    required: false,
    description: 'the same as `Last-Event-ID`, for clients that cannot set headers',
    schema: { type: 'string', pattern: '^\\d{1,20}-\\d{1,20}$', example: '1764530000000-0' },
  })
  @ApiResponse({
    status: 200,
    description: 'a `text/event-stream` that stays open',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  open(
    @CurrentActor() actor: UserActor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('lastEventId') lastEventId?: string,
  ): void {
    const resumeAfter = resumePoint(request.headers['last-event-id'], lastEventId);
    reply.hijack();
    const response = reply.raw;
    // The request id and whatever else the hooks set before the stream took over the reply.
    for (const [name, value] of Object.entries(reply.getHeaders()))
      if (value !== undefined) response.setHeader(name, value);
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // nginx and similar proxies would otherwise buffer the stream.
      'x-accel-buffering': 'no',
    });
    response.flushHeaders();
    const stream = this.streams.open(actor, resumeAfter, sinkOf(response));
    response.once('close', () => stream.close());
  }
}

/** Where a reconnecting client left off: the header (EventSource's own) before the query. */
function resumePoint(
  header: string | string[] | undefined,
  query: string | undefined,
): string | null {
  const [field, given] = header !== undefined ? ['Last-Event-ID', header] : ['lastEventId', query];
  if (given === undefined || given === '') return null;
  const id = typeof given === 'string' ? parseStreamId(given.trim()) : null;
  if (id === null)
    throw new ValidationFailed([
      { field, reason: 'must be the id of an event of this stream, e.g. 1764530000000-0' },
    ]);
  return id;
}

function sinkOf(response: ServerResponse): StreamSink {
  return {
    write: (text) => void response.write(text),
    end: () => response.end(),
    get backlog() {
      return response.writableLength;
    },
    drain: () =>
      new Promise<void>((resolve) => {
        if (!response.writableNeedDrain || response.destroyed) return resolve();
        const done = () => {
          response.off('drain', done);
          response.off('close', done);
          resolve();
        };
        response.once('drain', done);
        response.once('close', done);
      }),
  };
}
