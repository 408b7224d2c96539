/**
 * Wall-clock times in the newsroom's zone, as a scheduling form picks them,
 * turned into instants with their offset (`2031-01-13T09:00:00+01:00`). Pure:
 * no DOM, no React.
 */

const parts = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string): Intl.DateTimeFormat {
  let format = parts.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    parts.set(timeZone, format);
  }
  return format;
}

/** The zone's offset from UTC at an instant, in minutes (60 for Berlin in winter). */
export function offsetMinutesAt(utcMs: number, timeZone: string): number {
  const found = wallClock(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(found.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `+01:00` for 60 minutes. */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * The instant at `date` (`YYYY-MM-DD`) and `time` (`HH:MM` or `HH:MM:SS`) on
 * the zone's clock, or null when either is not a valid value.
 */
export function zonedInstant(
  date: string,
  time: string,
  timeZone: string,
): { utcMs: number; iso: string } | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!d || !t) return null;
  const [y, mo, da, h, mi, s] = [d[1], d[2], d[3], t[1], t[2], t[3] ?? '0'].map(Number);
  const wall = Date.UTC(y, mo - 1, da, h, mi, s);
  let offset = offsetMinutesAt(wall, timeZone);
  let utcMs = wall - offset * 60_000;
  // Near a change of offset the first guess may sit on the other side of it.
  const again = offsetMinutesAt(utcMs, timeZone);
  if (again !== offset) {
    offset = again;
    utcMs = wall - offset * 60_000;
  }
  const iso = `${date}T${pad(h)}:${pad(mi)}:${pad(s)}${offsetText(offset)}`;
  return { utcMs, iso };
}

/** Today's date on the zone's clock, `YYYY-MM-DD`. */
export function zonedToday(nowMs: number, timeZone: string): string {
  const found = wallClock(timeZone).formatToParts(new Date(nowMs));
  const get = (type: string) => found.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The zone's name at that instant in the language given (`MEZ`, `MESZ`, `CET`). */
export function zoneName(utcMs: number, timeZone: string, locale: string): string {
  return (
    new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(new Date(utcMs))
      .find((p) => p.type === 'timeZoneName')?.value ?? timeZone
  );
}
