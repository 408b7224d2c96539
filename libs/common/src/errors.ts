/**
 * Domain errors. Libraries throw these; the API's exception filter maps them to
 * HTTP status codes, so no library needs to know about HTTP.
 */

/** One reason an input was refused: which field, and why. */
export interface FieldProblem {
  field: string;
  reason: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;

  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that breaks a rule; lists every field that is wrong. */
export class ValidationFailed extends DomainError {
  readonly code = 'validation_failed';

  constructor(
    readonly problems: FieldProblem[],
    message = problems.map((p) => `${p.field}: ${p.reason}`).join('; '),
  ) {
    super(message, { problems });
  }
}

export class NotFound extends DomainError {
  readonly code = 'not_found';

  constructor(entity: string, key: string | number) {
    super(`${entity} ${String(key)} not found`, { entity, key });
  }
}

/** The caller worked on an outdated version. */
export class ConflictError extends DomainError {
  readonly code = 'conflict';
}

/** The caller lacks the role or relation to the object that the action needs. */
export class Forbidden extends DomainError {
  readonly code = 'forbidden';
}

/** A state transition that the state machine does not allow from here, or not to this role. */
export class ForbiddenTransition extends DomainError {
  readonly code = 'forbidden_transition';

  constructor(
    message: string,
    readonly reason: 'unknown_transition' | 'wrong_state' | 'wrong_role' | 'own_story',
    details: Record<string, unknown> = {},
  ) {
    super(message, { reason, ...details });
  }
}

/** The caller is not who they say, or did not say. */
export class Unauthenticated extends DomainError {
  readonly code = 'unauthenticated';
}

/**
 * A job failed for a reason that retrying cannot fix (bad input, missing row).
 * Workers turn it into BullMQ's UnrecoverableError so the job fails at once.
 */
export class PermanentJobError extends DomainError {
  readonly code = 'permanent_job_error';
}

/** The file is not of a kind that is accepted (checked from its bytes). */
export class UnsupportedMediaType extends DomainError {
  readonly code = 'unsupported_media_type';
}

/** The upload is larger than allowed. */
export class PayloadTooLarge extends DomainError {
  readonly code = 'payload_too_large';
}

/** Someone else holds the edit lock (or took it from the caller). */
export class Locked extends DomainError {
  readonly code = 'locked';
}

/** A link that worked once but has run out. */
export class Expired extends DomainError {
  readonly code = 'expired';
}

/** Too many attempts (failed logins): refused without looking until `retryAfterSeconds` have passed. */
export class Throttled extends DomainError {
  readonly code = 'throttled';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, { retryAfterSeconds });
  }
}
