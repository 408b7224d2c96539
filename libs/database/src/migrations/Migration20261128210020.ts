import { Migration } from '@mikro-orm/migrations';

export class Migration20261128210020 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "articles" add column "update_status" varchar(20) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "articles" drop column "update_status";`);
  }
}
