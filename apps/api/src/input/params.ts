import {
  type ArgumentMetadata,
  type ExecutionContext,
  Injectable,
  Param,
  type PipeTransform,
  Query,
  createParamDecorator,
} from '@nestjs/common';
import { ApiHeader, ApiParam, ApiQuery } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ValidationFailed, isUuid } from '@newsdesk/common';

/**
 * Path and query ids are UUIDs: anything else is a 400 naming the parameter
 * here, rather than a cast error in PostgreSQL. The one place ids are parsed.
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (!isUuid(value)) {
      throw new ValidationFailed([{ field: metadata.data ?? 'id', reason: 'must be a UUID' }]);
    }
    return value;
  }
}

/** `@Param(name)` parsed as a UUID, and documented as one. */
export const IdParam =
  (name = 'id'): ParameterDecorator =>
  (target, key, index) => {
    Param(name, ParseIdPipe)(target, key, index);
    ApiParam({ name, schema: { type: 'string', format: 'uuid' } })(
      target,
      key!,
      Object.getOwnPropertyDescriptor(target, key!)!,
    );
  };

/**
 * A whole number from a path or query parameter, 0 to `max` (bounded so that
 * no value overflows a PostgreSQL integer or bigint); absent (or empty) gives
 * `undefined` unless it is required.
 */
export class WholeNumberPipe implements PipeTransform<unknown, number | undefined> {
  constructor(
    private readonly max: number,
    private readonly options: { required?: boolean; reason?: string } = {},
  ) {}

  transform(value: unknown, metadata: ArgumentMetadata): number | undefined {
    const field = metadata.data ?? 'value';
    if ((value === undefined || value === '') && !this.options.required) return undefined;
    const reason = this.options.reason ?? `must be a whole number from 0 to ${this.max}`;
    if (typeof value !== 'string' || !/^\d{1,15}$/.test(value) || Number(value) > this.max) {
      throw new ValidationFailed([{ field, reason }]);
    }
    return Number(value);
  }
}

/** `@Query(name)` as a whole number from 0 to `max`, documented with its bounds. */
export const WholeNumberQuery =
  (name: string, max: number, description?: string): ParameterDecorator =>
  (target, key, index) => {
    Query(name, new WholeNumberPipe(max))(target, key, index);
    ApiQuery({
      name,
      required: false,
      description,
      schema: { type: 'integer', minimum: 0, maximum: max },
    })(target, key!, Object.getOwnPropertyDescriptor(target, key!)!);
  };

/** The highest version or revision number a header or path may name (a PostgreSQL integer). */
export const MAX_VERSION = 2_147_483_647;

const ifMatchVersion = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const header = context.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
  const raw = (typeof header === 'string' ? header : '')
    .trim()
    .replace(/^W\//, '')
    .replace(/"/g, '');
  if (!/^\d{1,10}$/.test(raw) || Number(raw) > MAX_VERSION) {
    throw new ValidationFailed([
      {
        field: 'If-Match',
        reason: 'the header must carry the version you edited, e.g. If-Match: 3',
      },
    ]);
  }
  return Number(raw);
});

/**
 * The version the caller edited, from `If-Match: "3"` or `If-Match: 3`
 * (quotes and `W/` are tolerated, so the `ETag` of the story can be sent back
 * as it came), and documented as the required header it is. Missing or garbage
 * is a 400 naming the header; an older version is the service's 409.
 */
export const IfMatchVersion = (): ParameterDecorator => (target, key, index) => {
  ifMatchVersion()(target, key, index);
  ApiHeader({
    name: 'If-Match',
    required: true,
    description:
      'the version you edited: the `ETag` of the story as you read it (or its `version`); ' +
      'missing or malformed is a 400, an older version a 409 with `details.currentVersion`',
    schema: { type: 'string', example: '"7"' },
  })(target, key!, Object.getOwnPropertyDescriptor(target, key!)!);
};
