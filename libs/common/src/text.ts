/**
 * Trims surrounding whitespace, non-breaking spaces and zero-width characters
 * included, and leaves everything inside untouched („Anführungszeichen“, umlauts).
 */
export function trimText(value: string): string {
  // String.prototype.trim covers Unicode spaces incl. U+00A0 and U+FEFF; the
  // zero-width space (U+200B) is not whitespace to JS but is to editors.
  return value.replace(/^[\s\u200B]+|[\s\u200B]+$/g, '');
}

const TRANSLITERATION: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  Ä: 'ae',
  Ö: 'oe',
  Ü: 'ue',
  ẞ: 'ss',
};

/**
 * A readable URL slug: German umlauts and ß transliterated (Straßenmanagement →
 * strassenmanagement), other accents folded, anything else turned into dashes.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .replace(/[äöüßÄÖÜẞ]/g, (c) => TRANSLITERATION[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' und ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.slice(0, maxLength).replace(/-+[^-]*$/, '');
  return (slug.length > maxLength ? cut || slug.slice(0, maxLength) : slug) || 'story';
}
