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
import { RESPONSE_SCHEMA, type ResponseSchemas } from './decorators';

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
    const byStatus = this.reflector.get<ResponseSchemas | undefined>(
      RESPONSE_SCHEMA,
      context.getHandler(),
    );
    if (!byStatus) return next.handle();
    const schemas = [...new Set(Object.values(byStatus))];
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    // Routes that send their own reply (cached public documents) shape the body themselves.
    return next.handle().pipe(
      map((body: unknown) => {
        if (reply.sent) return body;
        // A route with one schema may not have set its status yet (Nest sets the default later).
        const schema = schemas.length === 1 ? schemas[0] : byStatus[reply.statusCode];
        if (!schema) throw new Error(`no response schema is documented for ${reply.statusCode}`);
        return shapeResponse(schema, body);
      }),
    );
  }
}

/** `body` as `schema` describes it; throws naming every path that does not match. */
export function shapeResponse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const paths = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  throw new Error(`the response does not match its documented schema: ${paths.join('; ')}`);
}
