/** The textual form of a UUID that PostgreSQL's `uuid` type takes; any version, also the nil UUID. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `value` is a UUID (8-4-4-4-12 hex digits). The one check for every
 * id given as input: a string that merely has 36 characters of hex and dashes
 * would reach PostgreSQL and fail there.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
