const formats = new Map<string, { long: Intl.DateTimeFormat; short: Intl.DateTimeFormat }>();

function formatsFor(timeZone: string) {
  let found = formats.get(timeZone);
  if (!found) {
    found = {
      long: new Intl.DateTimeFormat('de-DE', {
        timeZone,
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }),
      short: new Intl.DateTimeFormat('de-DE', {
        timeZone,
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
      }),
    };
    formats.set(timeZone, found);
  }
  return found;
}

/** "1. Dezember 2026 um 06:23 Uhr" on the newsroom's clock. */
export const germanDateTime = (iso: string, timeZone: string) =>
  `${formatsFor(timeZone).long.format(new Date(iso))} Uhr`;

/** "01.12.2026" on the newsroom's clock. */
export const germanDate = (iso: string, timeZone: string) =>
  formatsFor(timeZone).short.format(new Date(iso));
