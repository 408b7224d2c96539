import { Migration } from '@mikro-orm/migrations';

export class Migration20261130190000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "sessions" ("id" uuid not null, "user_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "ended_at" timestamptz null, "end_reason" varchar(20) null, "address" varchar(64) not null, "user_agent" varchar(200) null, constraint "sessions_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "sessions_user_id_ended_at_index" on "sessions" ("user_id", "ended_at");`,
    );

    this.addSql(
      `create table "api_tokens" ("id" uuid not null, "name" varchar(120) not null, "role" varchar(20) not null, "secret_hash" varchar(64) not null, "prefix" varchar(16) not null, "user_id" uuid not null, "created_by_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, constraint "api_tokens_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "api_tokens" add constraint "api_tokens_secret_hash_unique" unique ("secret_hash");`,
    );

    this.addSql(
      `alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "api_tokens" add constraint "api_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "audit_log" alter column "article_id" drop not null;`);

    this.addSql(
      `alter table "users" add column "active" boolean not null default true, add column "kind" varchar(20) not null default 'person';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sessions" cascade;`);

    this.addSql(`drop table if exists "api_tokens" cascade;`);

    this.addSql(`alter table "audit_log" alter column "article_id" set not null;`);

    this.addSql(`alter table "users" drop column "active", drop column "kind";`);
  }
}
