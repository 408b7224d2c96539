import { Migration } from '@mikro-orm/migrations';

export class Migration20261128210911 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "published_articles" add column "series_slug" varchar(120) null, add column "tag_slugs" text[] not null default '{}', add column "home_pinned" boolean not null default false, add column "home_priority" int not null default 0;`,
    );
    this.addSql(
      `create index "published_articles_series_slug_index" on "published_articles" ("series_slug");`,
    );
    this.addSql(
      `create index "published_articles_tag_slugs_gin" on "published_articles" using gin ("tag_slugs");`,
    );

    this.addSql(
      `alter table "articles" add column "home_pinned" boolean not null default false, add column "home_priority" int not null default 0;`,
    );

    // Written by hand: slugs for stories published before this migration, as slugify() makes them.
    const slug = (column: string) =>
      `trim(both '-' from regexp_replace(translate(replace(replace(replace(replace(lower(${column}), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'áàâéèêíìîóòôúùûç', 'aaaeeeiiiooouuuc'), '[^a-z0-9]+', '-', 'g'))`;
    this.addSql(
      `update "published_articles" set "series_slug" = ${slug('"series"')} where "series" is not null;`,
    );
    this.addSql(
      `update "published_articles" set "tag_slugs" = array(select distinct ${slug('t')} from unnest("tags") as t);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "articles" drop column "home_pinned", drop column "home_priority";`);

    this.addSql(`drop index "published_articles_series_slug_index";`);
    this.addSql(`drop index "published_articles_tag_slugs_gin";`);
    this.addSql(
      `alter table "published_articles" drop column "series_slug", drop column "tag_slugs", drop column "home_pinned", drop column "home_priority";`,
    );
  }
}
