import { Migration } from '@mikro-orm/migrations';

export class Migration20261130181739 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "sections" add column "content_profile" jsonb not null default '{"kicker":{"min":0,"max":60},"headline":{"min":10,"max":120},"teaser":{"min":40,"max":400},"heroImage":{"required":false,"altRequired":true,"creditRequired":false},"bodyBlocks":["paragraph","heading","quote","image","embed"]}', add column "archived_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sections" drop column "content_profile", drop column "archived_at";`);
  }
}
