import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeliveryReceiptService } from '@newsdesk/delivery';
import { Returns } from '../contract/decorators';
import { IdParam } from '../input/params';
import { DeliveryReceiptSchema } from './delivery-receipt.schema';

/** A story's delivery receipt: whether its newest public version (or retraction) is live everywhere. */
@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class DeliveryReceiptController {
  constructor(private readonly receipts: DeliveryReceiptService) {}

  @Get(':id/delivery')
  @ApiOperation({
    summary: 'Read a story’s delivery receipt',
    description:
      'For the story’s newest article event (publication, update, correction, retraction): when it ' +
      'went out, each listing rebuilt, each CDN purge sent and verified, each webhook subscriber’s ' +
      'state; `complete` once everything is done, otherwise `pending` says what and why. ' +
      'Live: `delivery.progressed` on `GET /api/stream`. 404 for a story never published.',
  })
  @Returns(200, DeliveryReceiptSchema)
  receipt(@IdParam() id: string) {
    return this.receipts.receipt(id);
  }
}
