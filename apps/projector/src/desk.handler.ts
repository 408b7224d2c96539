import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@newsdesk/messaging';
import { DESK_EVENTS, DeskStreamWriter } from '@newsdesk/stream';

/**
 * The `desk` consumer (queue `events.desk`): appends every event the desk
 * needs to the Redis stream behind `GET /api/stream`, once per event.
 */
@Controller()
export class DeskHandler {
  constructor(private readonly stream: DeskStreamWriter) {}

  @EventPattern(DESK_EVENTS)
  async onDeskEvent(@Payload() event: EventEnvelope): Promise<void> {
    await this.stream.append(event);
  }
}
