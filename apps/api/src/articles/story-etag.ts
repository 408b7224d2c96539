import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import type { ArticleView } from '@newsdesk/editorial';
import { Returns } from '../contract/decorators';
import { StorySchema } from './articles.schema';

/** Sends the story's version as its `ETag` (`"7"`), the value the next save sends back as `If-Match`. */
@Injectable()
export class StoryETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<ArticleView> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((story: ArticleView) => {
        void reply.header('etag', `"${story.version}"`);
        return story;
      }),
    );
  }
}

/** The route answers with the story view (`Story`) and its version as `ETag`. */
export const ReturnsStory = (status: 200 | 201 | 202 = 200, description?: string) =>
  applyDecorators(
    Returns(status, StorySchema, { headers: ['ETag'], description }),
    UseInterceptors(StoryETagInterceptor),
  );
