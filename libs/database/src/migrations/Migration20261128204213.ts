import { Migration } from '@mikro-orm/migrations';

export class Migration20261128204213 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "renditions" ("id" uuid not null, "image_id" uuid not null, "preset" varchar(40) not null, "format" varchar(10) not null, "width" int not null, "actual_width" int not null, "height" int not null, "bytes" int not null, "key" varchar(300) not null, constraint "renditions_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "renditions" add constraint "renditions_image_id_preset_format_width_unique" unique ("image_id", "preset", "format", "width");`,
    );

    this.addSql(
      `alter table "renditions" add constraint "renditions_image_id_foreign" foreign key ("image_id") references "images" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "images" add column "byte_size" bigint null, add column "copyright" varchar(300) not null default '', add column "byline" varchar(300) not null default '', add column "date_taken" timestamptz null, add column "focal_point" jsonb null, add column "blurhash" varchar(100) null, add column "dominant_color" varchar(7) null, add column "presets_hash" varchar(16) null, add column "uploaded_by" uuid null, add column "processed_at" timestamptz null;`,
    );

    this.addSql(
      `alter table "published_articles" add column "teaser_image" jsonb null, add column "image_ids" uuid[] not null default '{}';`,
    );
    // An image change finds the stories showing it with `image_ids @> {id}`.
    this.addSql(
      `create index "published_articles_image_ids_gin" on "published_articles" using gin ("image_ids");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "published_articles_image_ids_gin";`);
    this.addSql(`drop table if exists "renditions" cascade;`);

    this.addSql(
      `alter table "images" drop column "byte_size", drop column "copyright", drop column "byline", drop column "date_taken", drop column "focal_point", drop column "blurhash", drop column "dominant_color", drop column "presets_hash", drop column "uploaded_by", drop column "processed_at";`,
    );

    this.addSql(
      `alter table "published_articles" drop column "teaser_image", drop column "image_ids";`,
    );
  }
}
