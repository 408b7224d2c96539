/*
 * Full-text search, shared by the editors' search (`articles`) and the public
 * one (`published_articles`). Both tables carry `search_vector`, a stored
 * generated column: headline (weight A), kicker (B), teaser (C) and the body's
 * text, quotes' attributions and captions (D), with the German snowball
 * stemmer. The SQL functions it uses are created by Migration20261128211145:
 *
 * - `newsdesk_body_text(jsonb)`: the searchable text of a story's body blocks.
 * - `newsdesk_search_text(text)`: lower-cases, turns `<` and `>` into spaces (the
 *   text is plain text: `<script>` is the word "script", not an HTML tag to
 *   skip), and writes the spelled-out umlauts
 *   `ae`, `oe`, `ue` as `ä`, `ö`, `ü` (`ue` not after a vowel or `q`, like
 *   Snowball's german2), on both the stories and the query, so that
 *   "Abfallbehaelter" finds "Abfallbehälter". The stemmer itself folds `ß` into
 *   `ss` and drops the umlaut dots, so "Strasse" finds "Straße" and
 *   "Abfallbehälter" finds "Abfallbehältern".
 */

const weighted = (text: string, weight: 'A' | 'B' | 'C' | 'D') =>
  `setweight(to_tsvector('german', newsdesk_search_text(${text})), '${weight}'::"char")`;

/**
 * The `generated` expression of `search_vector`, written as Postgres prints it
 * back (`'A'::"char"`) so that the schema diff stays empty.
 */
export const SEARCH_VECTOR_SQL = `(${[
  weighted('headline', 'A'),
  weighted('kicker', 'B'),
  weighted('teaser', 'C'),
  weighted('newsdesk_body_text(body)', 'D'),
].join(' || ')}) stored`;
