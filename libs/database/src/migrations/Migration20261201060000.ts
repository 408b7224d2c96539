import { Migration } from '@mikro-orm/migrations';

/**
 * Listings read in index order, whatever the archive's size: every listing
 * and older page has an index in its own order (keyset), and tag listings get
 * `published_tags`, one row per story and tag, kept by a trigger from
 * `published_articles.tag_slugs`.
 */
export class Migration20261201060000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index if exists "published_articles_section_id_published_at_index";`);
    this.addSql(`drop index if exists "published_articles_series_slug_index";`);
    this.addSql(
      `create index "published_articles_section_id_published_at_article_id_index" on "published_articles" ("section_id", "published_at", "article_id");`,
    );
    this.addSql(
      `create index "published_articles_series_slug_published_at_article_id_index" on "published_articles" ("series_slug", "published_at", "article_id");`,
    );
    this.addSql(
      `create index "published_articles_home_pinned_home_priority_published_at_article_id_index" on "published_articles" ("home_pinned", "home_priority", "published_at", "article_id");`,
    );
    this.addSql(
      `create index "published_articles_published_at_article_id_index" on "published_articles" ("published_at", "article_id");`,
    );

    this.addSql(
      `create table "published_tags" ("tag_slug" varchar(120) not null, "published_at" timestamptz not null, "article_id" uuid not null, constraint "published_tags_pkey" primary key ("tag_slug", "published_at", "article_id"));`,
    );
    this.addSql(
      `create index "published_tags_article_id_index" on "published_tags" ("article_id");`,
    );
    this.addSql(`
      create function published_tags_sync() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then
          delete from published_tags where article_id = old.article_id;
        end if;
        if tg_op <> 'DELETE' then
          insert into published_tags (tag_slug, published_at, article_id)
            select distinct slug, new.published_at, new.article_id from unnest(new.tag_slugs) as slug;
        end if;
        return null;
      end $$;`);
    this.addSql(
      `create trigger published_tags_sync after insert or delete or update of tag_slugs, published_at on published_articles for each row execute function published_tags_sync();`,
    );
    this.addSql(
      `insert into published_tags (tag_slug, published_at, article_id) select distinct t.tag_slug, p.published_at, p.article_id from published_articles p, unnest(p.tag_slugs) as t(tag_slug);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists published_tags_sync on published_articles;`);
    this.addSql(`drop function if exists published_tags_sync();`);
    this.addSql(`drop table if exists "published_tags" cascade;`);
    this.addSql(`drop index if exists "published_articles_published_at_article_id_index";`);
    this.addSql(
      `drop index if exists "published_articles_home_pinned_home_priority_published_at_article_id_index";`,
    );
    this.addSql(
      `drop index if exists "published_articles_series_slug_published_at_article_id_index";`,
    );
    this.addSql(
      `drop index if exists "published_articles_section_id_published_at_article_id_index";`,
    );
    this.addSql(
      `create index "published_articles_series_slug_index" on "published_articles" ("series_slug");`,
    );
    this.addSql(
      `create index "published_articles_section_id_published_at_index" on "published_articles" ("section_id", "published_at");`,
    );
  }
}
