import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, type Observable } from 'rxjs';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { RESPONSE_SCHEMA } from './decorators';

/**
 * Shapes every answer with the schema its route documents (`@Returns`):
 * fields the schema does not name are dropped, so nothing leaks that the
 * contract does not promise, and a body that breaks the contract fails loudly
 * (a 500, logged with the paths that differ) instead of reaching a client.
 */
@Injectable()
export class ShapeResponseInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const schema = this.reflector.get<z.ZodType | undefined>(RESPONSE_SCHEMA, context.getHandler());
    if (!schema) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    // Routes that send their own reply (cached public documents) shape the body themselves.
    return next
      .handle()
      .pipe(map((body: unknown) => (reply.sent ? body : shapeResponse(schema, body))));
  }
}

/** `body` as `schema` describes it; throws naming every path that does not match. */
export function shapeResponse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const paths = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  throw new Error(`the response does not match its documented schema: ${paths.join('; ')}`);
}
