import { slugify, trimText } from './text';

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
