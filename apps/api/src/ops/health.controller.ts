import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { OpsController } from '@newsdesk/observability';
import { Public } from '../auth/auth.guard';

/**
 * The API's `/health/live`, `/health/ready` (also `/health`) and `/metrics`: the
 * same endpoints every worker app serves, open without a token like a probe needs.
 */
@ApiTags('ops')
@Public()
@Controller()
export class HealthController extends OpsController {}
