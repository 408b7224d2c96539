import { Migration } from '@mikro-orm/migrations';

export class Migration20261128232744 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "outbox" add column "request_id" varchar(100) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "outbox" drop column "request_id";`);
  }
}
