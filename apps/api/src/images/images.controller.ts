import { Body, Controller, Get, HttpCode, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import { DomainError, ValidationFailed, unstorableTextProblems } from '@newsdesk/common';
import {
  IMAGE_LIST_LIMITS,
  ImageUploadService,
  ImagesService,
  MAX_IMAGE_QUERY_LENGTH,
} from '@newsdesk/media';
import { Roles, type AuthedRequest, type UserActor } from '../auth/auth.guard';
import { CurrentActor } from '../auth/current-actor.decorator';
import { objectBody } from '../input/body';
import { IdParam, WholeNumberPipe, WholeNumberQuery } from '../input/params';
import { Returns } from '../contract/decorators';
import { ImagePageSchema } from './images-list.schema';

/** No listing is this long; bounded so that no offset reaches PostgreSQL beyond its bigint range. */
const MAX_IMAGE_OFFSET = 1_000_000_000;

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * A multipart body that breaks off before its closing boundary, has none, or
 * has malformed part headers fails inside the parser (busboy) with a plain
 * error; that is the client's fault, so it is a 400 naming the upload. The
 * parser's limits (413) and domain errors keep their own status.
 */
function asUploadError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500 && status !== 406) return error;
  if (error instanceof Error) {
    return new ValidationFailed([
      { field: 'file', reason: `the multipart body is malformed: ${error.message}` },
    ]);
  }
  return error;
}

@ApiTags('images')
@ApiBearerAuth()
@Controller('api/images')
export class ImagesController {
  constructor(
    private readonly uploads: ImageUploadService,
    private readonly images: ImagesService,
  ) {}

  /**
   * Streams an original to S3 and queues its processing: 202 with the new
   * image, or 200 with the existing one when the same bytes were uploaded before.
   */
  @Post()
  @Roles('photo_desk', 'editor')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        alt: { type: 'string' },
        caption: { type: 'string' },
        credit: { type: 'string' },
      },
    },
  })
  async upload(
    @CurrentActor() actor: UserActor,
    @Req() request: AuthedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!request.isMultipart()) {
      throw new ValidationFailed([
        { field: 'file', reason: 'send the image as multipart/form-data with a "file" part' },
      ]);
    }
    const fields: Record<string, unknown> = {};
    let received: Awaited<ReturnType<ImageUploadService['receive']>> | null = null;
    try {
      const parts = request.parts()[Symbol.asyncIterator]();
      // Asked for ahead of time (see the file part); awaited in turn, so nothing goes unseen.
      const ahead = () => {
        const step = parts.next();
        step.catch(() => undefined);
        return step;
      };
      let next = ahead();
      for (let step = await next; !step.done; step = await next) {
        const part = step.value;
        next = ahead();
        if (part.type === 'file') {
          if (part.fieldname !== 'file' || received) {
            part.file.resume();
            throw new ValidationFailed([
              { field: part.fieldname, reason: 'send exactly one file, in the part "file"' },
            ]);
          }
          const file: MultipartFile = part;
          // A body cut off inside the file may have failed in the parser before this part
          // reached us (the whole body had arrived): the parser reports it to the next
          // step, so end the file with it rather than wait for bytes that never come.
          next.catch((error: unknown) => file.file.destroy(asError(error)));
          received = await this.uploads.receive(file.file, () => file.file.truncated);
        } else {
          fields[part.fieldname] = part.value;
        }
      }
      const unstorable = unstorableTextProblems(fields);
      if (unstorable.length) throw new ValidationFailed(unstorable);
      if (!received) throw new ValidationFailed([{ field: 'file', reason: 'is required' }]);
      const result = await this.uploads.register(received, fields, actor.id);
      void reply.status(result.created ? 202 : 200);
      return { id: result.image.id, status: result.image.status, created: result.created };
    } catch (error) {
      if (received) await this.uploads.discard(received.tempKey);
      throw asUploadError(error);
    }
  }

  @Get()
  @ApiOperation({
    summary: 'List images',
    description:
      'The images the photo desk uploaded, newest first, for a picker: with `q`, those whose ' +
      'caption, alt text or credit contain it (any case).',
  })
  @ApiQuery({
    name: 'q',
    required: false,
    description: 'a piece of the caption, alt text or credit',
    schema: { type: 'string', maxLength: MAX_IMAGE_QUERY_LENGTH, example: 'Ulm' },
  })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: {
      type: 'integer',
      minimum: 1,
      maximum: IMAGE_LIST_LIMITS.max,
      default: IMAGE_LIST_LIMITS.default,
    },
  })
  @Returns(200, ImagePageSchema)
  list(
    @Query('q') q?: string,
    @Query(
      'limit',
      new WholeNumberPipe(IMAGE_LIST_LIMITS.max, {
        reason: `must be 1 to ${IMAGE_LIST_LIMITS.max}`,
      }),
    )
    limit?: number,
    @WholeNumberQuery('offset', MAX_IMAGE_OFFSET, 'images to skip') offset?: number,
  ) {
    return this.images.list({ q: typeof q === 'string' ? q : undefined, limit, offset });
  }

  @Get(':id')
  get(@IdParam() id: string) {
    return this.images.get(id);
  }

  @Patch(':id')
  @Roles('photo_desk', 'editor')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        alt: { type: 'string' },
        caption: { type: 'string' },
        credit: { type: 'string' },
        focalPoint: {
          type: 'object',
          nullable: true,
          properties: { x: { type: 'number' }, y: { type: 'number' } },
        },
      },
    },
  })
  update(@IdParam() id: string, @Body() body: unknown) {
    return this.images.update(id, objectBody(body, ['alt', 'caption', 'credit', 'focalPoint']));
  }
}

@ApiTags('ops')
@ApiBearerAuth()
@Controller('api/ops/images')
export class ImagesOpsController {
  constructor(private readonly images: ImagesService) {}

  /** Re-renders every image made with other presets, as queued jobs; run it again to resume. */
  @Post('rerender')
  @HttpCode(202)
  @Roles('ops')
  rerender() {
    return this.images.rerenderAll();
  }
}
