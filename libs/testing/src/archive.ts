import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * A newsroom's archive, made up in bulk inside Postgres: published stories
 * over ten years, in every given section, with German headlines, two tags
 * each from a pool of 300, one in ten in one of 40 series. Written by
 * `INSERT … SELECT generate_series` in batches, so no row crosses the wire;
 * the trigger that keeps `published_tags` and the search vector run as for
 * any publication. Every slug starts with `prefix`, so the archive can be
 * removed again.
 */
export interface ArchiveSection {
  id: string;
  slug: string;
  name: string;
}

export interface ArchiveOptions {
  stories: number;
  sections: ArchiveSection[];
  /** Slug prefix of the made-up stories (default `archiv-`). */
  prefix?: string;
  /** Stories per INSERT (default 50,000). */
  batch?: number;
  /** Called after each batch with the number written so far. */
  progress?: (written: number) => void;
}

/** Runs one SQL statement with `?` parameters and returns its rows. */
export type Sql = <T = Record<string, string>>(text: string, params?: unknown[]) => Promise<T[]>;

/** {@link Sql} on a MikroORM connection. */
export const sqlOf =
  (orm: MikroORM): Sql =>
  <T>(text: string, params: unknown[] = []) =>
    orm.em.getConnection().execute<T[]>(text, params);

const WORDS = [
  'Digitalisierung',
  'Verwaltung',
  'Breitbandausbau',
  'Bürgerservice',
  'Onlinezugangsgesetz',
  'Rechenzentrum',
  'Förderprogramm',
  'Stadtwerke',
  'Nahverkehr',
  'Klimaschutz',
  'Haushaltsplan',
  'Gemeinderat',
];

const YEAR_SECONDS = 365 * 24 * 3600;

/** Loads `stories` published stories; the newest is a day old, the oldest ten years. */
export async function loadArchive(sql: Sql, options: ArchiveOptions): Promise<void> {
  const { stories, sections } = options;
  const prefix = options.prefix ?? 'archiv-';
  const batch = options.batch ?? 50_000;
  const words = `array[${WORDS.map((w) => `'${w}'`).join(',')}]`;
  const word = (expr: string) => `(${words})[1 + ((${expr}) % ${WORDS.length})]`;
  for (let from = 0; from < stories; from += batch) {
    const to = Math.min(stories, from + batch) - 1;
    await sql(
      `insert into published_articles (
         article_id, slug, section_id, section_slug, section_name, kicker, headline, teaser, body,
         format, series, series_slug, tags, tag_slugs, author_name, version, first_published_at,
         published_at)
       select gen_random_uuid(), ? || i, s.id::uuid, s.slug, s.name,
         ${word('i')},
         ${word('i / 7')} || ': ' || ${word('i / 3')} || ' in der Gemeinde Nr. ' || i,
         'Was die ' || ${word('i / 11')} || ' für Kommunen bedeutet, und wie es weitergeht.',
         jsonb_build_array(
           jsonb_build_object('type', 'paragraph', 'text',
             'Die ' || ${word('i / 5')} || ' beschäftigt Städte und Gemeinden seit Jahren.'),
           jsonb_build_object('type', 'heading', 'level', 2, 'text', ${word('i / 13')}),
           jsonb_build_object('type', 'paragraph', 'text',
             'Der Gemeinderat hat über die ' || ${word('i / 17')} || ' beraten.')),
         'news',
         case when i % 10 = 0 then 'Reihe ' || ((i / 10) % 40) end,
         case when i % 10 = 0 then 'reihe-' || ((i / 10) % 40) end,
         array['Thema ' || (i % 300), 'Thema ' || ((i * 7 + 1) % 300)],
         array['thema-' || (i % 300), 'thema-' || ((i * 7 + 1) % 300)],
         'Archiv-Redaktion', 1, at, at
       from generate_series(?::int, ?::int) as i,
         lateral (select ((?::jsonb) -> (i % ?::int)) as j) picked,
         lateral (select (picked.j ->> 'id') as id, (picked.j ->> 'slug') as slug,
                         (picked.j ->> 'name') as name) s,
         lateral (select now() - interval '1 day'
                    - make_interval(secs => (i::float8 / ?::int) * ${10 * YEAR_SECONDS}) as at) t`,
      [prefix, from, to, JSON.stringify(sections), sections.length, stories],
    );
    options.progress?.(to + 1);
  }
  await sql('vacuum analyze published_articles');
  await sql('vacuum analyze published_tags');
}

/** Removes the stories {@link loadArchive} made (their `published_tags` go with them). */
export async function removeArchive(sql: Sql, prefix = 'archiv-'): Promise<void> {
  await sql(`delete from published_articles where slug like ? || '%'`, [prefix]);
  await sql('vacuum analyze published_articles');
  await sql('vacuum analyze published_tags');
}
