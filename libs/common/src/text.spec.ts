import { slugify, trimText } from './text';
import { formatInZone } from './time';

describe('slugify', () => {
  it.each([
    ['Straßenmanagement', 'strassenmanagement'],
    [
      'Arnsberg: Smarte Abfallbehälter melden Füllstand',
      'arnsberg-smarte-abfallbehaelter-melden-fuellstand',
    ],
    ['ÖPNV & Übergänge', 'oepnv-und-uebergaenge'],
    ['„Digitale Verwaltung“ – jetzt!', 'digitale-verwaltung-jetzt'],
    ['Café São Paulo', 'cafe-sao-paulo'],
    ['!!!', 'story'],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('Wort '.repeat(40), 22);
    expect(slug).toBe('wort-wort-wort-wort');
  });
});

describe('trimText', () => {
  it('trims spaces, non-breaking and zero-width spaces but keeps inner text', () => {
    expect(trimText('\u00A0 „Hallo“  Welt\u200B\n')).toBe('„Hallo“  Welt');
  });
});

describe('formatInZone', () => {
  it('shows an instant as Berlin wall-clock time with its offset, winter and summer', () => {
    expect(formatInZone(new Date('2026-12-01T07:00:00Z'), 'Europe/Berlin')).toBe(
      '2026-12-01T08:00:00+01:00',
    );
    expect(formatInZone(new Date('2026-07-01T06:30:05Z'), 'Europe/Berlin')).toBe(
      '2026-07-01T08:30:05+02:00',
    );
    expect(formatInZone(new Date('2026-07-01T06:30:05Z'), 'UTC')).toBe('2026-07-01T06:30:05+00:00');
  });
});
