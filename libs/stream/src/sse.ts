/**
 * The server-sent events wire format (text/event-stream): each message is a
 * block of `field: value` lines ended by an empty line; lines starting with
 * `:` are comments. Values here never hold a line break (JSON escapes them).
 */

/**
 * One event: the client's listener for `event` gets `data`, and its
 * `lastEventId` becomes `id` (left as it is without one).
 */
export function sseEvent(id: string | null, event: string, data: string): string {
  return `${id === null ? '' : `id: ${id}\n`}event: ${event}\ndata: ${data}\n\n`;
}

/**
 * A heartbeat: a comment that keeps proxies from closing a quiet connection.
 * With `id`, it also moves the client's `lastEventId` on (a block without data
 * dispatches no event), past entries it was not shown, so that a reconnect
 * does not replay them only to filter them out again.
 */
export function sseHeartbeat(id?: string): string {
  return id ? `id: ${id}\n: ping\n\n` : ': ping\n\n';
}
