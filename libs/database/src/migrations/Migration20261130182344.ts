import { Migration } from '@mikro-orm/migrations';

export class Migration20261130182344 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "admin_audit" ("id" bigserial primary key, "actor_id" uuid null, "action" varchar(40) not null, "subject_kind" varchar(20) not null, "subject_id" uuid not null, "details" jsonb not null default '{}', "request_id" varchar(80) null, "created_at" timestamptz not null);`,
    );
    this.addSql(
      `create index "admin_audit_subject_kind_subject_id_id_index" on "admin_audit" ("subject_kind", "subject_id", "id");`,
    );
    // Like the story audit log: append-only, whatever the application does.
    this.addSql(
      `create function admin_audit_append_only() returns trigger language plpgsql as $$ begin raise exception 'admin_audit is append-only'; end $$;`,
    );
    this.addSql(
      `create trigger admin_audit_append_only before update or delete or truncate on "admin_audit" for each statement execute function admin_audit_append_only();`,
    );

    this.addSql(
      `alter table "users" add column "must_change_password" boolean not null default false;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "admin_audit" cascade;`);
    this.addSql(`drop function if exists admin_audit_append_only();`);

    this.addSql(`alter table "users" drop column "must_change_password";`);
  }
}
