import { useTranslation } from 'react-i18next';
import { useNewsroom } from '../api/queries';
import { FORMAT_LOCALE, languageFor } from '../i18n';
import { formatDate, formatDateTime, formatSchedule, formatTimeLeft, type Clock } from './format';

/** The formatters of {@link ./format} bound to the newsroom's zone (from the API) and the desk's language. */
export function useClock() {
  const { i18n } = useTranslation();
  const { data: newsroom } = useNewsroom();
  // Screens render below the session gate, which waits for the newsroom's settings.
  if (!newsroom) throw new Error('useClock needs the newsroom settings loaded first');
  const clock: Clock = {
    timeZone: newsroom.timeZone,
    locale: FORMAT_LOCALE[languageFor([i18n.language])],
  };
  return {
    dateTime: (iso: string) => formatDateTime(iso, clock),
    date: (iso: string) => formatDate(iso, clock),
    schedule: (iso: string) => formatSchedule(iso, clock),
    /** How long until `iso` from `now` (ms since the epoch): "in 5 Minuten". */
    timeLeft: (iso: string, now: number) => formatTimeLeft(iso, now, clock.locale),
  };
}
