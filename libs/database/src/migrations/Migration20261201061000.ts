import { Migration } from '@mikro-orm/migrations';

export class Migration20261201061000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "publication_events" ("seq" bigserial primary key, "event_id" uuid not null, "article_id" uuid not null, "event" varchar(40) not null, "version" int not null, "listings" text[] not null, "occurred_at" timestamptz not null);`,
    );
    this.addSql(
      `alter table "publication_events" add constraint "publication_events_event_id_unique" unique ("event_id");`,
    );
    this.addSql(
      `create index "publication_events_article_id_seq_index" on "publication_events" ("article_id", "seq");`,
    );

    this.addSql(
      `create table "delivery_steps" ("id" bigserial primary key, "event_id" uuid not null, "article_id" uuid not null, "kind" varchar(10) not null, "target" varchar(200) not null, "done_at" timestamptz not null, "detail" jsonb not null default '{}');`,
    );
    this.addSql(
      `alter table "delivery_steps" add constraint "delivery_steps_event_id_kind_target_unique" unique ("event_id", "kind", "target");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "delivery_steps" cascade;`);
    this.addSql(`drop table if exists "publication_events" cascade;`);
  }
}
