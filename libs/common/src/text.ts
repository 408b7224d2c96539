import type { FieldProblem } from './errors';

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

/** A NUL, or a UTF-16 surrogate without its other half. */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why a string cannot be stored as text, or null when it can. PostgreSQL
 * refuses NUL in `text` and `jsonb`, and an unpaired surrogate is not a
 * character at all (it cannot be encoded as UTF-8).
 */
export function unstorableTextReason(value: string): string | null {
  const found = UNSTORABLE.exec(value);
  if (!found) return null;
  return found[0] === '\u0000'
    ? 'must not contain NUL characters (U+0000)'
    : 'must be valid Unicode (it has an unpaired UTF-16 surrogate)';
}

/** How deep JSON input may nest; the deepest story body block needs four levels. */
export const MAX_INPUT_DEPTH = 32;

/**
 * Every string and key in `value` (JSON-like input: a body, a query, form
 * fields) that cannot be stored as text, and nesting deeper than
 * {@link MAX_INPUT_DEPTH}, as problems naming the field (`body[2].text`,
 * `tags[0]`). Walks iteratively, so hostile nesting cannot exhaust the stack.
 */
export function unstorableTextProblems(value: unknown, root = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value, path: root, depth: 0 },
  ];
  const field = (path: string) => path || 'body';
  while (stack.length && problems.length < 20) {
    const next = stack.pop()!;
    if (typeof next.value === 'string') {
      const reason = unstorableTextReason(next.value);
      if (reason) problems.push({ field: field(next.path), reason });
      continue;
    }
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= MAX_INPUT_DEPTH) {
      problems.push({
        field: field(next.path),
        reason: `nests deeper than ${MAX_INPUT_DEPTH} levels`,
      });
      continue;
    }
    if (Array.isArray(next.value)) {
      next.value.forEach((item, i) =>
        stack.push({ value: item, path: `${next.path}[${i}]`, depth: next.depth + 1 }),
      );
      continue;
    }
    for (const [key, item] of Object.entries(next.value)) {
      const path = next.path ? `${next.path}.${key}` : key;
      const reason = unstorableTextReason(key);
      if (reason)
        problems.push({ field: field(next.path), reason: `has a field name that ${reason}` });
      else stack.push({ value: item, path, depth: next.depth + 1 });
    }
  }
  return problems;
}

/**
 * Problems for every field of `input` that is not in `known` — a misspelt
 * field is refused rather than silently ignored.
 */
export function unknownFieldProblems(input: object, known: readonly string[]): FieldProblem[] {
  return Object.keys(input)
    .filter((key) => !known.includes(key))
    .map((field) => ({ field, reason: 'is not a known field' }));
}
