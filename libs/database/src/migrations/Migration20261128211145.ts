import { Migration } from '@mikro-orm/migrations';

export class Migration20261128211145 extends Migration {
  override async up(): Promise<void> {
    // Written by hand: the functions that search_vector (generated below) is computed with;
    // both are immutable, as a generated column requires. Changing either means
    // rewriting every row (e.g. `update articles set headline = headline`).
    this.addSql(`create function newsdesk_search_text(t text) returns text
      language sql immutable parallel safe
      return regexp_replace(replace(replace(translate(lower(coalesce(t, '')), '<>', '  '), 'ae', 'ä'), 'oe', 'ö'), '(^|[^aeiouyäöüq])ue', '\\1ü', 'g');`);
    this.addSql(
      `comment on function newsdesk_search_text(text) is 'Full-text search: lower case, < and > as spaces (text, not HTML tags), spelled-out umlauts (ae, oe, ue) as ä, ö, ü (ue not after a vowel or q), for stories and queries alike.';`,
    );
    this.addSql(`create function newsdesk_body_text(body jsonb) returns text
      language sql immutable parallel safe
      return (
        select coalesce(string_agg(concat_ws(' ', b ->> 'text', b ->> 'attribution', b ->> 'caption'), E'\\n' order by n), '')
        from jsonb_array_elements(case when jsonb_typeof(body) = 'array' then body else '[]'::jsonb end) with ordinality as e(b, n)
      );`);
    this.addSql(
      `comment on function newsdesk_body_text(jsonb) is 'Full-text search: the text, attributions and captions of a story''s body blocks, in order.';`,
    );

    this.addSql(
      `alter table "published_articles" add column "search_vector" tsvector generated always as (setweight(to_tsvector('german', newsdesk_search_text(headline)), 'A'::"char") || setweight(to_tsvector('german', newsdesk_search_text(kicker)), 'B'::"char") || setweight(to_tsvector('german', newsdesk_search_text(teaser)), 'C'::"char") || setweight(to_tsvector('german', newsdesk_search_text(newsdesk_body_text(body))), 'D'::"char")) stored not null;`,
    );
    this.addSql(
      `create index "published_articles_search_vector_gin" on "published_articles" using gin ("search_vector");`,
    );

    this.addSql(
      `alter table "articles" add column "search_vector" tsvector generated always as (setweight(to_tsvector('german', newsdesk_search_text(headline)), 'A'::"char") || setweight(to_tsvector('german', newsdesk_search_text(kicker)), 'B'::"char") || setweight(to_tsvector('german', newsdesk_search_text(teaser)), 'C'::"char") || setweight(to_tsvector('german', newsdesk_search_text(newsdesk_body_text(body))), 'D'::"char")) stored not null;`,
    );
    this.addSql(
      `create index "articles_search_vector_gin" on "articles" using gin ("search_vector");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "articles_search_vector_gin";`);
    this.addSql(`alter table "articles" drop column "search_vector";`);

    this.addSql(`drop index "published_articles_search_vector_gin";`);
    this.addSql(`alter table "published_articles" drop column "search_vector";`);

    this.addSql(`drop function newsdesk_body_text(jsonb);`);
    this.addSql(`drop function newsdesk_search_text(text);`);
  }
}
