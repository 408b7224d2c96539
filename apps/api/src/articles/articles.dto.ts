import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Documentation of the request bodies; the editorial library validates them. */
export class ArticleBody {
  @ApiPropertyOptional({ example: 'Arnsberg', maxLength: 80 }) kicker?: string;
  @ApiProperty({ example: 'Smarte Abfallbehälter melden ihren Füllstand', maxLength: 200 })
  headline?: string;
  @ApiPropertyOptional({ maxLength: 1000 }) teaser?: string;
  @ApiPropertyOptional({
    description:
      'Body blocks: paragraph {text}, heading {text, level}, quote {text, attribution}, image {imageId, caption}, embed {url, caption}',
    example: [{ type: 'paragraph', text: 'Die Stadt Arnsberg …' }],
  })
  body?: unknown[];
  @ApiProperty({ example: 'smart-city', description: 'section slug' }) section?: string;
  @ApiPropertyOptional({ enum: ['news', 'report', 'interview'] }) format?: string;
  @ApiPropertyOptional({ nullable: true }) series?: string | null;
  @ApiPropertyOptional({ type: [String] }) tags?: string[];
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) heroImageId?: string | null;
  @ApiPropertyOptional({ nullable: true, example: '2026-12-01T06:00:00+01:00' }) embargoUntil?:
    string | null;
}

export class RequestChangesBody {
  @ApiProperty({ example: 'Bitte die Zahlen im zweiten Absatz belegen.' }) comment!: string;
}

export class PublishBody {
  @ApiPropertyOptional({
    example: '2026-12-01T08:00:00+01:00',
    description: 'ISO-8601 with offset; omitted = now',
  })
  at?: string;
  @ApiPropertyOptional({
    example: '2026-12-08T08:00:00+01:00',
    description: 'take the story down again at this time',
  })
  until?: string;
}

export class KillBody {
  @ApiProperty({ example: 'Rechtliche Prüfung: Vorwürfe nicht belegt.' }) reason!: string;
}

export class CorrectionBody {
  @ApiProperty({ example: 'In einer früheren Fassung stand eine falsche Einwohnerzahl.' })
  note!: string;
}

export class AssignBody {
  @ApiProperty({ nullable: true, format: 'uuid' }) assigneeId!: string | null;
}

export class CommentBody {
  @ApiProperty({ example: 'Quelle für die Zahl?' }) text!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'answer to this comment' }) parentId?: string;
  @ApiPropertyOptional({ description: 'index of the body block the comment is about' })
  blockIndex?: number;
}

export class PreviewBody {
  @ApiPropertyOptional({ description: 'revision number; default the newest' }) revision?: number;
}

export class PlacementBody {
  @ApiPropertyOptional({ description: 'pinned stories lead the home page' }) homePinned?: boolean;
  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'order among pinned stories' })
  homePriority?: number;
}
