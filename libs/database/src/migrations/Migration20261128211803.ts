import { Migration } from '@mikro-orm/migrations';

export class Migration20261128211803 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "webhook_subscriptions" ("id" uuid not null, "url" varchar(2000) not null, "events" text[] not null, "secret" varchar(100) not null, "created_by" uuid null, "created_at" timestamptz not null, "paused_at" timestamptz null, "paused_reason" text null, "consecutive_failures" int not null default 0, "last_success_at" timestamptz null, "last_failure_at" timestamptz null, "last_error" text null, "deleted_at" timestamptz null, constraint "webhook_subscriptions_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "webhook_subscriptions_deleted_at_created_at_index" on "webhook_subscriptions" ("deleted_at", "created_at");`,
    );

    this.addSql(
      `create table "webhook_deliveries" ("id" uuid not null, "subscription_id" uuid not null, "event_id" uuid not null, "event" varchar(40) not null, "payload" jsonb not null, "status" varchar(20) not null default 'pending', "attempts" jsonb not null default '[]', "redeliveries" int not null default 0, "created_at" timestamptz not null, "last_attempt_at" timestamptz null, "delivered_at" timestamptz null, "last_error" text null, constraint "webhook_deliveries_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "webhook_deliveries_subscription_id_created_at_index" on "webhook_deliveries" ("subscription_id", "created_at");`,
    );
    this.addSql(
      `alter table "webhook_deliveries" add constraint "webhook_deliveries_subscription_id_event_id_unique" unique ("subscription_id", "event_id");`,
    );

    this.addSql(
      `alter table "webhook_deliveries" add constraint "webhook_deliveries_subscription_id_foreign" foreign key ("subscription_id") references "webhook_subscriptions" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "webhook_deliveries" drop constraint "webhook_deliveries_subscription_id_foreign";`,
    );

    this.addSql(`drop table if exists "webhook_subscriptions" cascade;`);

    this.addSql(`drop table if exists "webhook_deliveries" cascade;`);
  }
}
