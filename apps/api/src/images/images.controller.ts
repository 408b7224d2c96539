import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import { ValidationFailed } from '@newsdesk/common';
import { ImageUploadService, ImagesService } from '@newsdesk/media';
import { Roles, type AuthedRequest, type UserActor } from '../auth/auth.guard';
import { CurrentActor } from '../auth/current-actor.decorator';

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
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file' || received) {
            part.file.resume();
            throw new ValidationFailed([
              { field: part.fieldname, reason: 'send exactly one file, in the part "file"' },
            ]);
          }
          const file: MultipartFile = part;
          received = await this.uploads.receive(file.file, () => file.file.truncated);
        } else {
          fields[part.fieldname] = part.value;
        }
      }
      if (!received) throw new ValidationFailed([{ field: 'file', reason: 'is required' }]);
      const result = await this.uploads.register(received, fields, actor.id);
      void reply.status(result.created ? 202 : 200);
      return { id: result.image.id, status: result.image.status, created: result.created };
    } catch (error) {
      if (received) await this.uploads.discard(received.tempKey);
      throw error;
    }
  }

  @Get(':id')
  get(@Param('id') id: string) {
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
  update(@Param('id') id: string, @Body() body: unknown) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ValidationFailed([{ field: 'body', reason: 'must be a JSON object' }]);
    }
    return this.images.update(id, body as Record<string, unknown>);
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
