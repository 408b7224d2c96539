import { Migration } from '@mikro-orm/migrations';

export class Migration20261205080000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "pending_uploads" ("key" varchar(300) not null, "expires_at" timestamptz not null, "uploaded_by" uuid not null, constraint "pending_uploads_pkey" primary key ("key"));`,
    );
    this.addSql(
      `create index "pending_uploads_expires_at_index" on "pending_uploads" ("expires_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pending_uploads" cascade;`);
  }
}
