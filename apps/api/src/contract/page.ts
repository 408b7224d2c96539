import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { LOG_PAGE_CURSOR, LOG_PAGE_LIMIT } from '@newsdesk/common';
import { responseShape } from './schema';

/**
 * A page of a log read newest first (`LogPage<T>` of `@newsdesk/common`),
 * registered as `name`: the items and the cursor of the next page.
 */
export function pageOf<T extends z.ZodType>(
  name: string,
  item: T,
  meta: { description?: string } = {},
) {
  return responseShape(
    name,
    z.object({
      items: z.array(item).meta({ description: 'newest first' }),
      next: z.string().nullable().meta({
        description: 'send it as `before` for the next page; null on the last page',
        example: '4711',
      }),
    }),
    meta,
  );
}

/** Documents `before` and `limit` of a log page (`readLogPage` of `@newsdesk/common` checks them). */
export const LogPageQueries = () =>
  applyDecorators(
    ApiQuery({
      name: 'before',
      required: false,
      description: 'the `next` cursor of the previous page',
      schema: { type: 'string', pattern: LOG_PAGE_CURSOR.source, example: '4711' },
    }),
    ApiQuery({
      name: 'limit',
      required: false,
      description: 'how many rows the page holds',
      schema: {
        type: 'integer',
        minimum: 1,
        maximum: LOG_PAGE_LIMIT.max,
        default: LOG_PAGE_LIMIT.default,
      },
    }),
  );
