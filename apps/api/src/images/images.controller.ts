import { Controller, Get, HttpCode, Patch, Post, Query, Req, Res } from '@nestjs/common';
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
import type { z } from 'zod';
import { DomainError, ValidationFailed, unstorableTextProblems } from '@newsdesk/common';
import {
  DIRECT_UPLOAD_SECONDS,
  DirectUploadService,
  IMAGE_LIST_LIMITS,
  IMAGE_STATUSES,
  ImageUploadService,
  ImagesService,
  MAX_IMAGE_SEARCH_LENGTH,
} from '@newsdesk/media';
import { Roles, type AuthedRequest, type UserActor } from '../auth/auth.guard';
import { CurrentActor } from '../auth/current-actor.decorator';
import { BodyOf, Fails, Returns } from '../contract/decorators';
import { refTo } from '../contract/schema';
import { IdParam, WholeNumberPipe, WholeNumberQuery } from '../input/params';
import {
  DirectUploadBodySchema,
  DirectUploadCompleteBodySchema,
  DirectUploadTicketSchema,
  ImagePageSchema,
  ImageRerenderSchema,
  ImageSchema,
  ImageUpdateBodySchema,
  ImageUploadFormSchema,
  UploadedImageSchema,
} from './images.schema';

/** No list is this long; bounded so that no offset reaches PostgreSQL beyond its bigint range. */
const MAX_OFFSET = 1_000_000_000;

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
    private readonly direct: DirectUploadService,
    private readonly images: ImagesService,
  ) {}

  @Post()
  @Roles('photo_desk', 'editor')
  @ApiOperation({
    summary: 'Upload a picture',
    description:
      'Streams the original to storage and queues its processing (renditions, placeholder, and caption, ' +
      'credit, byline and copyright from IPTC/XMP where the form leaves them empty). Idempotent by ' +
      'content: the same bytes again answer 200 with the existing image. The format is read from the ' +
      'bytes (415 for anything but JPEG, PNG, WebP, AVIF, HEIC, TIFF, GIF); 413 beyond the size limit. ' +
      'Photo desk and editors.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: refTo(ImageUploadFormSchema) })
  @Returns(202, UploadedImageSchema, {
    description: 'a new image; its processing is queued (`status: processing`)',
  })
  @Returns(200, UploadedImageSchema, {
    description: 'the same bytes were uploaded before: that image (`created: false`)',
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
      if (received) await this.uploads.discard(received);
      throw asUploadError(error);
    }
  }

  @Post('uploads')
  @Roles('photo_desk', 'editor')
  @ApiOperation({
    summary: 'Start a direct upload',
    description:
      'For a file that goes straight to S3, not through the API: announce its SHA-256, size and ' +
      'format, PUT it to the URL in the answer with the headers given, then complete the upload with ' +
      `the token (\`POST /api/images/uploads/complete\`). Both run out after ${DIRECT_UPLOAD_SECONDS / 60} ` +
      'minutes. Bytes uploaded before answer 200 with their image, and nothing needs uploading. 413 ' +
      'beyond the size limit, 415 for a format not taken. Photo desk and editors.',
  })
  @Returns(201, DirectUploadTicketSchema, { description: 'PUT the file to `url`, then complete' })
  @Returns(200, UploadedImageSchema, {
    description: 'the same bytes were uploaded before: that image (`created: false`)',
  })
  async startDirect(
    @CurrentActor() actor: UserActor,
    @BodyOf(DirectUploadBodySchema) body: z.output<typeof DirectUploadBodySchema>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const started = await this.direct.start(body, actor.id);
    if ('ticket' in started) {
      void reply.status(201);
      return started.ticket;
    }
    const { image } = started.existing;
    void reply.status(200);
    return { id: image.id, status: image.status, created: false };
  }

  @Post('uploads/complete')
  @Roles('photo_desk', 'editor')
  @ApiOperation({
    summary: 'Complete a direct upload',
    description:
      'Registers the file PUT to S3 and queues its processing, as `POST /api/images` does. The file ' +
      'must have the size and format announced (else it is deleted: 400, 415) and, when processed, ' +
      'the SHA-256 (else the image fails). 409 when nothing has arrived yet, 410 when the upload has ' +
      'run out, 403 for an upload someone else started. Completing again answers the same image.',
  })
  @Returns(202, UploadedImageSchema, {
    description: 'a new image; its processing is queued (`status: processing`)',
  })
  @Returns(200, UploadedImageSchema, {
    description: 'the same bytes were registered before: that image (`created: false`)',
  })
  @Fails(409, 410)
  async completeDirect(
    @CurrentActor() actor: UserActor,
    @BodyOf(DirectUploadCompleteBodySchema) body: z.output<typeof DirectUploadCompleteBodySchema>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { token, ...text } = body;
    const result = await this.direct.complete(token, text, actor.id);
    void reply.status(result.created ? 202 : 200);
    return { id: result.image.id, status: result.image.status, created: result.created };
  }

  @Get()
  @ApiOperation({
    summary: 'List images',
    description:
      'Newest upload first, paged by `limit` and `offset`, with the number that match. `q` finds ' +
      'images whose caption, credit or alt text contain every word of it (case-insensitive); ' +
      '`status` keeps those processing, ready or failed. The photo desk and the hero picker.',
  })
  @ApiQuery({
    name: 'q',
    required: false,
    description: 'words in the caption, credit or alt text',
    schema: { type: 'string', maxLength: MAX_IMAGE_SEARCH_LENGTH, example: 'Sensor' },
  })
  @ApiQuery({
    name: 'status',
    required: false,
    schema: { type: 'string', enum: [...IMAGE_STATUSES] },
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
    @Query('status') status?: string,
    @Query(
      'limit',
      new WholeNumberPipe(IMAGE_LIST_LIMITS.max, {
        reason: `must be 1 to ${IMAGE_LIST_LIMITS.max}`,
      }),
    )
    limit?: number,
    @WholeNumberQuery('offset', MAX_OFFSET, 'images to skip') offset?: number,
  ) {
    return this.images.list({ q, status, limit, offset });
  }

  @Get(':id')
  @ApiOperation({
    summary: 'An image',
    description: 'With its processing state (and why it failed), metadata and renditions.',
  })
  @Returns(200, ImageSchema)
  get(@IdParam() id: string) {
    return this.images.get(id);
  }

  @Patch(':id')
  @Roles('photo_desk', 'editor')
  @ApiOperation({
    summary: "Edit an image's alt text, caption, credit or focal point",
    description:
      'Only the fields sent change. A new focal point re-renders the cropped presets (the image stays ' +
      '`ready` meanwhile); a text change refreshes the published stories showing the picture. ' +
      'Photo desk and editors.',
  })
  @Returns(200, ImageSchema)
  update(
    @IdParam() id: string,
    @BodyOf(ImageUpdateBodySchema) body: z.output<typeof ImageUpdateBodySchema>,
  ) {
    return this.images.update(id, body);
  }
}

@ApiTags('ops')
@ApiBearerAuth()
@Controller('api/ops/images')
export class ImagesOpsController {
  constructor(private readonly images: ImagesService) {}

  @Post('rerender')
  @HttpCode(202)
  @Roles('ops')
  @ApiOperation({
    summary: 'Re-render images made with other presets',
    description:
      'Queues a re-render of every image whose renditions were made with presets other than the ' +
      'configured ones (failed images are left alone). Resumable: run it again to queue only what ' +
      'is left. Ops only.',
  })
  @Returns(202, ImageRerenderSchema)
  // It takes no body, but Fastify reads one on a POST: too large or of an unknown type is refused.
  @Fails(413, 415)
  rerender() {
    return this.images.rerenderAll();
  }
}
