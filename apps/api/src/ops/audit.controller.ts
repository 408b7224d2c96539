import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditLogService, type AuditQuery } from '@newsdesk/editorial';
import { Roles } from '../auth/auth.guard';

@ApiTags('ops')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditLogService) {}

  /** The global audit log (admins): `?actor=&action=&article=&from=&to=&before=&limit=`. */
  @Get()
  @Roles('admin')
  search(@Query() query: AuditQuery) {
    return this.audit.search(query);
  }
}
