/** Where the desk's stream lives in Redis, and what one entry holds. */

/** The Redis stream every API process reads and the outbox relay appends to. */
export const DESK_STREAM_KEY = 'newsdesk:desk-stream';

/** Marks an event as appended (its value: the entry id), so that a redelivered event is not appended again. */
export const deskStreamSeenKey = (eventId: string) => `newsdesk:desk-stream:seen:${eventId}`;

/**
 * How long an event's mark stays. An event comes again when the relay sends a
 * row twice: it crashed, or lost its database connection, after appending and
 * before stamping the row sent; the next relay sends it again within seconds
 * or minutes. A day covers that with room to spare.
 */
export const DESK_STREAM_SEEN_SECONDS = 24 * 3600;

/** One entry: its stream id, the event name and the `data:` JSON as clients receive it. */
export interface DeskStreamEntry {
  id: string;
  event: string;
  data: string;
}

/**
 * Appends an entry unless its event was appended before, in one step: KEYS
 * the stream and the event's mark; ARGV the approximate maximum length, the
 * event name, the data and the mark's lifetime. Returns `{1, id}` when it
 * appended, `{0, id}` with the earlier entry's id when the event was there.
 */
export const APPEND_ONCE = `
local seen = redis.call('GET', KEYS[2])
if seen then return {0, seen} end
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'event', ARGV[2], 'data', ARGV[3])
redis.call('SET', KEYS[2], id, 'EX', ARGV[4])
return {1, id}
`;

/** An entry as XRANGE and XREAD return it (`[id, [field, value, …]]`). */
export function entryOf([id, fields]: [string, string[]]): DeskStreamEntry {
  let event = '';
  let data = '{}';
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (fields[i] === 'event') event = fields[i + 1];
    else if (fields[i] === 'data') data = fields[i + 1];
  }
  return { id, event, data };
}
