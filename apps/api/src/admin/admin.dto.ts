import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BODY_BLOCK_TYPES, DEFAULT_CONTENT_PROFILE } from '@newsdesk/editorial';
import { ROLES } from '@newsdesk/identity';

/** Documentation of the administration bodies; the sessions and editorial libraries validate them. */
export class CreateUserBody {
  @ApiProperty({ example: 'lena.berger@newsdesk.test', maxLength: 254 }) email!: string;
  @ApiProperty({ example: 'Lena Berger', maxLength: 120 }) name!: string;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['editor'] }) roles!: string[];
}

export class UpdateUserBody {
  @ApiPropertyOptional({ maxLength: 120 }) name?: string;
  @ApiPropertyOptional({
    enum: ROLES,
    isArray: true,
    description: 'replaces the roles; ends the user’s sessions',
  })
  roles?: string[];
  @ApiPropertyOptional({
    description: 'false deactivates: no sign-in, every session ends at once',
  })
  active?: boolean;
}

class ApprovalStepDoc {
  @ApiProperty({ example: 'section_lead', pattern: '^[a-z][a-z0-9_]{0,39}$' }) key!: string;
  @ApiProperty({ example: 'Ressortleitung', maxLength: 80 }) label!: string;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['reviewer'] }) roles!: string[];
}

class LengthLimitDoc {
  @ApiPropertyOptional() min?: number;
  @ApiPropertyOptional() max?: number;
}

class HeroImageRulesDoc {
  @ApiPropertyOptional() required?: boolean;
  @ApiPropertyOptional() altRequired?: boolean;
  @ApiPropertyOptional() creditRequired?: boolean;
}

/** A content profile; on a change, fields left out keep their value. */
export class ContentProfileDoc {
  @ApiPropertyOptional({ type: LengthLimitDoc, example: DEFAULT_CONTENT_PROFILE.kicker })
  kicker?: LengthLimitDoc;
  @ApiPropertyOptional({ type: LengthLimitDoc, example: DEFAULT_CONTENT_PROFILE.headline })
  headline?: LengthLimitDoc;
  @ApiPropertyOptional({ type: LengthLimitDoc, example: DEFAULT_CONTENT_PROFILE.teaser })
  teaser?: LengthLimitDoc;
  @ApiPropertyOptional({ type: HeroImageRulesDoc, example: DEFAULT_CONTENT_PROFILE.heroImage })
  heroImage?: HeroImageRulesDoc;
  @ApiPropertyOptional({
    enum: BODY_BLOCK_TYPES,
    isArray: true,
    description: 'must include paragraph',
  })
  bodyBlocks?: string[];
}

export class CreateSectionBody {
  @ApiProperty({ example: 'digitale-bildung', maxLength: 80, description: 'never changes' })
  slug!: string;
  @ApiProperty({ example: 'Digitale Bildung', maxLength: 120 }) name!: string;
  @ApiPropertyOptional({ maxLength: 2000 }) description?: string;
  @ApiPropertyOptional({ type: [ApprovalStepDoc], description: 'default: one review' })
  approvalSteps?: ApprovalStepDoc[];
  @ApiPropertyOptional({ type: ContentProfileDoc, description: 'default: the default profile' })
  profile?: ContentProfileDoc;
}

export class UpdateSectionBody {
  @ApiPropertyOptional({ maxLength: 120, description: 'the public pages follow' }) name?: string;
  @ApiPropertyOptional({ maxLength: 2000 }) description?: string;
  @ApiPropertyOptional({ type: [ApprovalStepDoc] }) approvalSteps?: ApprovalStepDoc[];
  @ApiPropertyOptional({ type: ContentProfileDoc }) profile?: ContentProfileDoc;
  @ApiPropertyOptional({ description: 'an archived section takes no new stories' })
  archived?: boolean;
}
