import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { Unauthenticated } from '@newsdesk/common';
import type { AuthedRequest, UserActor } from './auth.guard';

/** The signed-in user of the request, as the {@link AuthGuard} verified them. */
export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): UserActor => {
    const actor = context.switchToHttp().getRequest<AuthedRequest>().actor;
    if (!actor) throw new Unauthenticated('not signed in');
    return actor;
  },
);
