import {
  formatDateTime,
  formatOffset,
  formatSchedule,
  formatTimeLeft,
} from '../apps/desk/src/time/format';
import { zonedInstant } from '../apps/desk/src/time/zoned-time';

const berlin = { timeZone: 'Europe/Berlin', locale: 'de-DE' };

describe("the desk's time formatter", () => {
  it('writes times in the newsroom zone, whatever zone the machine is in', () => {
    expect(formatDateTime('2026-11-30T20:14:00Z', berlin)).toBe('30.11.2026, 21:14');
    expect(
      formatDateTime('2026-11-30T20:14:00Z', { ...berlin, timeZone: 'America/New_York' }),
    ).toBe('30.11.2026, 15:14');
  });

  it('gives a schedule its weekday and the offset of that day, in winter and in summer', () => {
    expect(formatSchedule('2031-01-13T08:00:00Z', berlin)).toBe(
      'Mo., 13.01.2031, 09:00 (UTC+01:00)',
    );
    expect(formatSchedule('2031-07-14T07:00:00Z', berlin)).toBe(
      'Mo., 14.07.2031, 09:00 (UTC+02:00)',
    );
    expect(formatSchedule('2031-01-13T08:00:00Z', { ...berlin, locale: 'en-GB' })).toBe(
      'Mon, 13/01/2031, 09:00 (UTC+01:00)',
    );
  });

  it('follows the switch to summer time within the night it happens', () => {
    // 29 March 2026: at 02:00 in Berlin the clocks jump to 03:00.
    expect(formatSchedule('2026-03-29T00:30:00Z', berlin)).toBe(
      'So., 29.03.2026, 01:30 (UTC+01:00)',
    );
    expect(formatSchedule('2026-03-29T01:30:00Z', berlin)).toBe(
      'So., 29.03.2026, 03:30 (UTC+02:00)',
    );
  });

  it('writes offset zero as UTC+00:00', () => {
    expect(formatOffset('2026-11-30T20:14:00Z', { timeZone: 'UTC', locale: 'de-DE' })).toBe(
      'UTC+00:00',
    );
  });

  it('says how long until a scheduled time, in the largest unit that fits, rounded down', () => {
    const now = Date.parse('2026-11-30T20:00:00Z');
    const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
    expect(formatTimeLeft(at(0.5), now, 'de-DE')).toBe('jetzt');
    expect(formatTimeLeft(at(-10), now, 'de-DE')).toBe('jetzt');
    expect(formatTimeLeft(at(5), now, 'de-DE')).toBe('in 5 Minuten');
    expect(formatTimeLeft(at(59), now, 'de-DE')).toBe('in 59 Minuten');
    expect(formatTimeLeft(at(61), now, 'de-DE')).toBe('in 1 Stunde');
    expect(formatTimeLeft(at(47 * 60 + 59), now, 'de-DE')).toBe('in 47 Stunden');
    expect(formatTimeLeft(at(3 * 24 * 60 + 5), now, 'de-DE')).toBe('in 3 Tagen');
    expect(formatTimeLeft(at(5), now, 'en-GB')).toBe('in 5 minutes');
    expect(formatTimeLeft(at(0), now, 'en-GB')).toBe('now');
  });

  it('turns a date and time on the newsroom’s clock into an instant with that day’s offset', () => {
    expect(zonedInstant('2031-01-13', '23:59:59', 'Europe/Berlin')).toEqual({
      utcMs: Date.parse('2031-01-13T22:59:59Z'),
      iso: '2031-01-13T23:59:59+01:00',
    });
    expect(zonedInstant('2031-07-14', '09:00', 'Europe/Berlin')?.iso).toBe(
      '2031-07-14T09:00:00+02:00',
    );
    expect(zonedInstant('2031-07-14', '09:00', 'America/New_York')?.iso).toBe(
      '2031-07-14T09:00:00-04:00',
    );
    expect(zonedInstant('14.07.2031', '09:00', 'Europe/Berlin')).toBeNull();
    expect(zonedInstant('2031-07-14', '9 Uhr', 'Europe/Berlin')).toBeNull();
  });
});
