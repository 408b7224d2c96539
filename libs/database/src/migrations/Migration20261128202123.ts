import { Migration } from '@mikro-orm/migrations';

export class Migration20261128202123 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "image_status" as enum ('processing', 'ready', 'failed');`);
    this.addSql(`create type "article_format" as enum ('news', 'report', 'interview');`);
    this.addSql(
      `create type "article_status" as enum ('draft', 'submitted', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published', 'unpublished');`,
    );
    this.addSql(
      `create table "audit_log" ("id" bigserial primary key, "article_id" uuid not null, "actor_id" uuid null, "action" varchar(40) not null, "from_status" varchar(20) null, "to_status" varchar(20) null, "article_version" int null, "comment" text null, "details" jsonb not null default '{}', "created_at" timestamptz not null);`,
    );
    this.addSql(
      `create index "audit_log_article_id_id_index" on "audit_log" ("article_id", "id");`,
    );

    this.addSql(
      `create table "images" ("id" uuid not null, "content_hash" varchar(64) not null, "original_key" varchar(300) not null, "mime_type" varchar(40) not null, "width" int null, "height" int null, "alt" text not null default '', "caption" text not null default '', "credit" varchar(300) not null default '', "status" "image_status" not null default 'processing', "failure_reason" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "images_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "images" add constraint "images_content_hash_unique" unique ("content_hash");`,
    );

    this.addSql(
      `create table "outbox" ("seq" bigserial primary key, "message_id" uuid not null, "kind" varchar(10) not null, "name" varchar(80) not null, "payload" jsonb not null, "job_id" varchar(200) null, "run_at" timestamptz null, "created_at" timestamptz not null, "sent_at" timestamptz null, "attempts" int not null default 0, "last_error" text null);`,
    );
    this.addSql(
      `alter table "outbox" add constraint "outbox_message_id_unique" unique ("message_id");`,
    );
    this.addSql(`create index "outbox_unsent_idx" on "outbox" ("seq") where "sent_at" is null;`);

    this.addSql(
      `create table "published_articles" ("article_id" uuid not null, "slug" varchar(120) not null, "section_id" uuid not null, "section_slug" varchar(80) not null, "section_name" varchar(120) not null, "kicker" varchar(80) not null, "headline" varchar(200) not null, "teaser" text not null, "body" jsonb not null, "format" varchar(20) not null, "series" varchar(120) null, "tags" text[] not null default '{}', "image" jsonb null, "author_name" varchar(120) not null, "version" int not null, "first_published_at" timestamptz not null, "published_at" timestamptz not null, constraint "published_articles_pkey" primary key ("article_id"));`,
    );
    this.addSql(
      `alter table "published_articles" add constraint "published_articles_slug_unique" unique ("slug");`,
    );
    this.addSql(
      `create index "published_articles_section_id_published_at_index" on "published_articles" ("section_id", "published_at");`,
    );

    this.addSql(
      `create table "sections" ("id" uuid not null, "slug" varchar(80) not null, "name" varchar(120) not null, "description" text not null default '', "created_at" timestamptz not null, constraint "sections_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "sections" add constraint "sections_slug_unique" unique ("slug");`);

    this.addSql(
      `create table "users" ("id" uuid not null, "email" varchar(254) not null, "name" varchar(120) not null, "password_hash" varchar(255) not null, "roles" text[] not null, "created_at" timestamptz not null, constraint "users_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(
      `create table "articles" ("id" uuid not null, "slug" varchar(120) not null, "kicker" varchar(80) not null default '', "headline" varchar(200) not null, "teaser" text not null default '', "body" jsonb not null, "section_id" uuid not null, "format" "article_format" not null default 'news', "series" varchar(120) null, "tags" text[] not null default '{}', "hero_image_id" uuid null, "status" "article_status" not null default 'draft', "version" int not null default 1, "author_id" uuid not null, "failed_checks" jsonb null, "publish_at" timestamptz null, "first_published_at" timestamptz null, "published_at" timestamptz null, "published_snapshot" jsonb null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "articles_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "articles" add constraint "articles_slug_unique" unique ("slug");`);
    this.addSql(`create index "articles_status_index" on "articles" ("status");`);
    this.addSql(
      `create index "articles_status_updated_at_index" on "articles" ("status", "updated_at");`,
    );

    this.addSql(
      `alter table "articles" add constraint "articles_section_id_foreign" foreign key ("section_id") references "sections" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "articles" add constraint "articles_hero_image_id_foreign" foreign key ("hero_image_id") references "images" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "articles" add constraint "articles_author_id_foreign" foreign key ("author_id") references "users" ("id") on update cascade on delete restrict;`,
    );

    // Written by hand: the relay wakes on every outbox insert (LISTEN/NOTIFY)…
    this.addSql(
      `create function outbox_notify() returns trigger language plpgsql as $$ begin perform pg_notify('outbox', ''); return null; end $$;`,
    );
    this.addSql(
      `create trigger outbox_notify after insert on "outbox" for each statement execute function outbox_notify();`,
    );
    // …and the audit log is append-only, whatever the application does.
    this.addSql(
      `create function audit_log_append_only() returns trigger language plpgsql as $$ begin raise exception 'audit_log is append-only'; end $$;`,
    );
    this.addSql(
      `create trigger audit_log_append_only before update or delete or truncate on "audit_log" for each statement execute function audit_log_append_only();`,
    );
  }
}
