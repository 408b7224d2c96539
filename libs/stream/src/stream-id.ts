/**
 * Redis stream entry ids (`<milliseconds>-<sequence>`), as the desk's stream
 * hands them to clients in the SSE `id:` field and takes them back in
 * `Last-Event-ID`.
 */

const ID = /^(\d{1,20})(?:-(\d{1,20}))?$/;
const MAX = (1n << 64n) - 1n;

/** The id before every entry: a client that resumes from it missed nothing it could still get. */
export const STREAM_START = '0-0';

/**
 * The id in its full form (`1700000000000-0`; a bare `1700000000000` means
 * sequence 0), or null when the text is not a stream id.
 */
export function parseStreamId(text: string): string | null {
  const match = ID.exec(text);
  if (!match) return null;
  const ms = BigInt(match[1]);
  const seq = BigInt(match[2] ?? '0');
  if (ms > MAX || seq > MAX) return null;
  return `${ms}-${seq}`;
}

/** Negative, zero or positive as `a` comes before, is, or comes after `b` (both well-formed). */
export function compareStreamIds(a: string, b: string): number {
  const [aMs, aSeq] = parts(a);
  const [bMs, bSeq] = parts(b);
  if (aMs !== bMs) return aMs < bMs ? -1 : 1;
  if (aSeq !== bSeq) return aSeq < bSeq ? -1 : 1;
  return 0;
}

function parts(id: string): [bigint, bigint] {
  const at = id.indexOf('-');
  return at < 0 ? [BigInt(id), 0n] : [BigInt(id.slice(0, at)), BigInt(id.slice(at + 1))];
}
