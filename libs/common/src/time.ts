/** Formatters by zone: making one costs far more than formatting with it (every story view formats several times). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * An instant as wall-clock time in a zone, with its offset:
 * `2026-12-01T08:00:00+01:00` for Europe/Berlin.
 */
export function formatInZone(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    formatterOf(timeZone)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const offset =
    parts.timeZoneName === 'GMT' ? '+00:00' : String(parts.timeZoneName).replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Parses an ISO-8601 date-time that names its offset (`Z` or `+01:00`); a time
 * without one is ambiguous (whose 8 o'clock?) and gives null, as does an impossible date.
 */
export function parseOffsetDateTime(text: string): Date | null {
  const trimmed = text.trim();
  if (!ISO_WITH_OFFSET.test(trimmed)) return null;
  const date = new Date(trimmed);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Whether a date-time text lacks an offset (to say so in an error). */
export const lacksOffset = (text: string) => !/(Z|[+-]\d{2}:?\d{2})$/i.test(text.trim());
