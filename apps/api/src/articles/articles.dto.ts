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
}
