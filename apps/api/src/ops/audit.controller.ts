import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AUDIT_ACTION, AuditLogService, type AuditQuery } from '@newsdesk/editorial';
import { Roles } from '../auth/auth.guard';
import { Returns } from '../contract/decorators';
import { LogPageQueries } from '../contract/page';
import { AuditPageSchema } from './ops.schema';

const instant = { type: 'string', format: 'date-time', example: '2026-11-30T08:00:00+01:00' };

@ApiTags('ops')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditLogService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'Search the audit log',
    description:
      'Admins only. Every transition of a story (and every refused one) and every access event (locked logins, ended sessions, API tokens), newest first, page by page.',
  })
  @ApiQuery({
    name: 'actor',
    required: false,
    description: 'the id of the user who acted',
    schema: { type: 'string', format: 'uuid' },
  })
  @ApiQuery({
    name: 'action',
    required: false,
    description: 'e.g. `approve`, `refused:approve`, `login:locked`',
    schema: { type: 'string', pattern: AUDIT_ACTION.source, example: 'approve' },
  })
  @ApiQuery({
    name: 'article',
    required: false,
    description: 'the id of a story',
    schema: { type: 'string', format: 'uuid' },
  })
  @ApiQuery({ name: 'from', required: false, description: 'rows at or after', schema: instant })
  @ApiQuery({ name: 'to', required: false, description: 'rows before', schema: instant })
  @LogPageQueries()
  @Returns(200, AuditPageSchema)
  search(@Query() query: AuditQuery) {
    return this.audit.search(query);
  }
}
