import { Migration } from '@mikro-orm/migrations';

export class Migration20261128205526 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "comments" ("id" uuid not null, "article_id" uuid not null, "parent_id" uuid null, "author_id" uuid not null, "author_name" varchar(120) not null, "text" text not null, "block_index" int null, "revision" int not null, "resolved_at" timestamptz null, "resolved_by" uuid null, "created_at" timestamptz not null, constraint "comments_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "comments_article_id_created_at_index" on "comments" ("article_id", "created_at");`,
    );

    this.addSql(
      `create table "edit_locks" ("article_id" uuid not null, "holder_id" uuid not null, "holder_name" varchar(120) not null, "acquired_at" timestamptz not null, "expires_at" timestamptz not null, "taken_over_from_id" uuid null, "taken_over_from_name" varchar(120) null, "taken_over_at" timestamptz null, constraint "edit_locks_pkey" primary key ("article_id"));`,
    );

    this.addSql(
      `create table "revisions" ("id" uuid not null, "article_id" uuid not null, "number" int not null, "content" jsonb not null, "author_id" uuid null, "note" text null, "created_at" timestamptz not null, constraint "revisions_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "revisions_article_id_created_at_index" on "revisions" ("article_id", "created_at");`,
    );
    this.addSql(
      `alter table "revisions" add constraint "revisions_article_id_number_unique" unique ("article_id", "number");`,
    );

    this.addSql(`alter table "audit_log" add column "request_id" varchar(80) null;`);

    this.addSql(
      `alter table "published_articles" add column "corrections" jsonb not null default '[]';`,
    );

    this.addSql(
      `alter table "sections" add column "approval_steps" jsonb not null default '[{"key":"review","label":"Review","roles":["reviewer"]}]';`,
    );

    this.addSql(
      `alter type "article_status" add value if not exists 'killed' after 'unpublished';`,
    );

    this.addSql(
      `alter table "articles" add column "approvals" jsonb not null default '[]', add column "assignee_id" uuid null, add column "embargo_until" timestamptz null, add column "unpublish_at" timestamptz null, add column "corrections" jsonb not null default '[]', add column "kill_reason" text null, add column "revision" int not null default 0, add column "published_revision" int null;`,
    );
    this.addSql(
      `alter table "articles" add constraint "articles_assignee_id_foreign" foreign key ("assignee_id") references "users" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "comments" cascade;`);

    this.addSql(`drop table if exists "edit_locks" cascade;`);

    this.addSql(`drop table if exists "revisions" cascade;`);

    this.addSql(`alter table "articles" drop constraint "articles_assignee_id_foreign";`);

    this.addSql(
      `alter table "articles" drop column "approvals", drop column "assignee_id", drop column "embargo_until", drop column "unpublish_at", drop column "corrections", drop column "kill_reason", drop column "revision", drop column "published_revision";`,
    );

    this.addSql(`alter table "audit_log" drop column "request_id";`);

    this.addSql(`alter table "published_articles" drop column "corrections";`);

    this.addSql(`alter table "sections" drop column "approval_steps";`);
  }
}
