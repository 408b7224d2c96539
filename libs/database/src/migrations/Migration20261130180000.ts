import { Migration } from '@mikro-orm/migrations';

export class Migration20261130180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "published_articles" add column "content" jsonb null;`);
    // The public versions already written keep the snapshot they were made from.
    this.addSql(
      `update "published_articles" p set "content" = a."published_snapshot" from "articles" a where a."id" = p."article_id" and a."published_snapshot" is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "published_articles" drop column "content";`);
  }
}
