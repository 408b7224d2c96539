import { Injectable } from '@nestjs/common';
import type { User } from './user.entity';

/**
 * Ends every session of a user: the one place that user administration calls
 * when someone is deactivated, loses or gains roles, or gets a new password.
 *
 * Today a session is a signed token carrying the user's `sessionEpoch`;
 * raising the epoch (in the caller's transaction) makes {@link AuthService.verify}
 * refuse every token signed before. When sessions become revocable records,
 * this method revokes them instead, and its callers stay as they are.
 */
@Injectable()
export class UserSessions {
  /** Marks the change on `user`; the caller's flush writes it with the rest of its change. */
  endAll(user: User): void {
    user.sessionEpoch += 1;
  }
}
