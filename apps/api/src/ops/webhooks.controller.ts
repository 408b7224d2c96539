import { Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import {
  DELIVERY_LIST_LIMIT,
  WEBHOOK_DELIVERY_STATUSES,
  WebhooksService,
} from '@newsdesk/delivery';
import { Roles, type UserActor } from '../auth/auth.guard';
import { CurrentActor } from '../auth/current-actor.decorator';
import { BodyOf, Fails, Returns } from '../contract/decorators';
import { IdParam } from '../input/params';
import {
  CreateWebhookBodySchema,
  NewWebhookSubscriptionSchema,
  WebhookDeliveryListSchema,
  WebhookDeliverySchema,
  WebhookSubscriptionListSchema,
  WebhookSubscriptionSchema,
} from './webhooks.schema';

/**
 * Webhook subscriptions. Admins register and delete them; ops (and admins)
 * watch them, resume a paused one and redeliver a delivery by hand.
 */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: 'Register a webhook subscription',
    description:
      'Admins only. The answer carries the signing secret, shown this once. From now on every chosen event of a story is POSTed to the URL, signed, and retried with backoff; after too many failures in a row the subscription pauses.',
  })
  @Returns(201, NewWebhookSubscriptionSchema)
  create(
    @CurrentActor() actor: UserActor,
    @BodyOf(CreateWebhookBodySchema) body: z.output<typeof CreateWebhookBodySchema>,
  ) {
    return this.webhooks.create(body, actor.id);
  }

  @Get()
  @Roles('ops')
  @ApiOperation({
    summary: 'List the webhook subscriptions',
    description:
      'Every subscription with its state: paused or not (and why), failures in a row, deliveries by status.',
  })
  @Returns(200, WebhookSubscriptionListSchema)
  list() {
    return this.webhooks.list();
  }

  @Get(':id')
  @Roles('ops')
  @ApiOperation({ summary: 'Show one webhook subscription' })
  @Returns(200, WebhookSubscriptionSchema)
  get(@IdParam() id: string) {
    return this.webhooks.get(id);
  }

  @Get(':id/deliveries')
  @Roles('ops')
  @ApiOperation({
    summary: 'List the deliveries of a subscription',
    description: 'Newest first, each with every attempt (status code or error, latency, time).',
  })
  @ApiQuery({
    name: 'status',
    required: false,
    schema: { type: 'string', enum: [...WEBHOOK_DELIVERY_STATUSES] },
  })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: {
      type: 'integer',
      minimum: 1,
      maximum: DELIVERY_LIST_LIMIT.max,
      default: DELIVERY_LIST_LIMIT.default,
    },
  })
  @Returns(200, WebhookDeliveryListSchema)
  deliveries(
    @IdParam() id: string,
    @Query('status') status?: string,
    @Query('limit') limit?: string,
  ) {
    return this.webhooks.deliveries(id, { status, limit });
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles('ops')
  @ApiOperation({
    summary: 'Resume a paused subscription',
    description:
      'Un-pauses the subscription and starts its failure count afresh; new events reach it again. Deliveries that failed meanwhile are not resent: redeliver them one by one.',
  })
  @Returns(200, WebhookSubscriptionSchema)
  resume(@IdParam() id: string) {
    return this.webhooks.resume(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({
    summary: 'Delete a webhook subscription',
    description:
      'Admins only. It receives nothing more (pending deliveries are cancelled); its deliveries stay in the database. A second DELETE is a 404.',
  })
  @Returns(204, null)
  async remove(@IdParam() id: string): Promise<void> {
    await this.webhooks.remove(id);
  }

  @Post('deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @Roles('ops')
  @ApiOperation({
    summary: 'Redeliver one delivery',
    description:
      'Queues a fresh attempt (with the usual retries) of a delivered, failed or cancelled delivery, with the same body and event id. 409 while it is still pending, or while its subscription is paused (resume it first).',
  })
  @Returns(202, WebhookDeliverySchema)
  @Fails(409)
  redeliver(@IdParam('deliveryId') deliveryId: string) {
    return this.webhooks.redeliver(deliveryId);
  }
}
