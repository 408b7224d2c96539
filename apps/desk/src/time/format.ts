/**
 * The one place where the desk writes instants for people: in the newsroom's
 * time zone (not the browser's), with the zone's offset where a time is a
 * schedule, so that "09:00" is never read in the wrong zone. Pure: no DOM, no
 * React, so it is tested on its own.
 */

/** Where and for whom a time is written: an IANA zone and a BCP 47 locale. */
export interface Clock {
  timeZone: string;
  locale: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(clock: Clock, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${clock.locale}|${clock.timeZone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(clock.locale, { ...options, timeZone: clock.timeZone });
    formats.set(key, format);
  }
  return format;
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/** `30.11.2026, 21:14` (de-DE), `30/11/2026, 21:14` (en-GB): a date and time in the newsroom's zone. */
export function formatDateTime(iso: string, clock: Clock): string {
  return formatter(clock, DATE_TIME).format(new Date(iso));
}

/** `30.11.2026`: the date in the newsroom's zone. */
export function formatDate(iso: string, clock: Clock): string {
  return formatter(clock, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(iso),
  );
}

/** `UTC+01:00`: the offset of the newsroom's zone at that instant (it changes with daylight saving). */
export function formatOffset(iso: string, clock: Clock): string {
  const zone = formatter({ ...clock, locale: 'en-US' }, { timeZoneName: 'longOffset' })
    .formatToParts(new Date(iso))
    .find((part) => part.type === 'timeZoneName')?.value;
  // `GMT+01:00`, or plain `GMT` at offset zero.
  const offset = zone?.replace(/^GMT/, '') || '+00:00';
  return `UTC${offset}`;
}

/** `Mo., 12.01.2026, 09:00 (UTC+01:00)`: a time something is scheduled for, with weekday and offset. */
export function formatSchedule(iso: string, clock: Clock): string {
  const when = formatter(clock, { ...DATE_TIME, weekday: 'short' }).format(new Date(iso));
  return `${when} (${formatOffset(iso, clock)})`;
}

const RELATIVE = new Map<string, Intl.RelativeTimeFormat>();

/**
 * How long until `iso`, from `now`, in the largest unit that fits: "in 5 Minuten",
 * "in 3 Stunden", "in 2 Tagen" (rounded down, at least a minute); "jetzt" once
 * it is due or past (a scheduled story about to go out).
 */
export function formatTimeLeft(iso: string, now: number, locale: string): string {
  let format = RELATIVE.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    RELATIVE.set(locale, format);
  }
  const minutes = Math.floor((Date.parse(iso) - now) / 60_000);
  if (minutes < 1) return format.format(0, 'second');
  if (minutes < 60) return format.format(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return format.format(hours, 'hour');
  return format.format(Math.floor(hours / 24), 'day');
}
