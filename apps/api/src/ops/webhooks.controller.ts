import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiProperty,
  ApiPropertyOptional,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { WEBHOOK_EVENTS, WebhooksService } from '@newsdesk/delivery';
import { Roles, type UserActor } from '../auth/auth.guard';
import { CurrentActor } from '../auth/current-actor.decorator';
import { IdParam } from '../input/params';

export class WebhookBody {
  @ApiProperty({ example: 'https://partner.example/hooks/newsdesk', description: 'http(s) only' })
  url!: string;
  @ApiPropertyOptional({
    enum: WEBHOOK_EVENTS,
    isArray: true,
    description: 'the events to receive; default all',
  })
  events?: string[];
}

/**
 * Webhook subscriptions. Admins register and delete them; ops (and admins)
 * watch them, resume a paused one and redeliver a delivery by hand.
 */
@ApiTags('ops')
@ApiBearerAuth()
@Controller('api/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  /** Registers a subscriber; the answer carries its signing secret, shown this once. */
  @Post()
  @Roles('admin')
  create(@CurrentActor() actor: UserActor, @Body() body: WebhookBody) {
    return this.webhooks.create(body, actor.id);
  }

  /** Every subscription with its state: paused or not (and why), failures, deliveries by status. */
  @Get()
  @Roles('ops')
  list() {
    return this.webhooks.list();
  }

  @Get(':id')
  @Roles('ops')
  get(@IdParam() id: string) {
    return this.webhooks.get(id);
  }

  /** Deliveries, newest first, each with every attempt (status code or error, latency, time). */
  @Get(':id/deliveries')
  @Roles('ops')
  @ApiQuery({
    name: 'status',
    required: false,
    enum: ['pending', 'delivered', 'failed', 'cancelled'],
  })
  @ApiQuery({ name: 'limit', required: false, description: '1–200, default 50' })
  deliveries(
    @IdParam() id: string,
    @Query('status') status?: string,
    @Query('limit') limit?: string,
  ) {
    return this.webhooks.deliveries(id, { status, limit });
  }

  /** Un-pauses a subscription and resets its failure count. */
  @Post(':id/resume')
  @HttpCode(200)
  @Roles('ops')
  resume(@IdParam() id: string) {
    return this.webhooks.resume(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  async remove(@IdParam() id: string): Promise<void> {
    await this.webhooks.remove(id);
  }

  /** Queues a fresh attempt of one delivery, with the same body (409 while it is pending or its subscription paused). */
  @Post('deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @Roles('ops')
  redeliver(@IdParam('deliveryId') deliveryId: string) {
    return this.webhooks.redeliver(deliveryId);
  }
}
