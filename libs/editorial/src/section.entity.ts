import { Entity, PrimaryKey, Property, Unique, OptionalProps } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Role } from '@newsdesk/identity';
import {
  DEFAULT_CONTENT_PROFILE,
  defaultContentProfile,
  type ContentProfile,
} from './content-profile';

/** One approval step: who may take it (any of the roles; admins always may). */
export interface ApprovalStep {
  key: string;
  label: string;
  roles: Role[];
}

/** One review by anyone holding the reviewer role. */
export const DEFAULT_APPROVAL_STEPS: ApprovalStep[] = [
  { key: 'review', label: 'Review', roles: ['reviewer'] },
];

/** A part of the site with its own teaser listing, e.g. "Smart City". */
@Entity({ tableName: 'sections' })
export class Section {
  [OptionalProps]?: 'createdAt' | 'description' | 'approvalSteps' | 'contentProfile' | 'archivedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 80 })
  @Unique()
  slug!: string;

  @Property({ type: 'string', length: 120 })
  name!: string;

  @Property({ type: 'text', default: '' })
  description: string = '';

  /** The approval steps a story of this section passes, in order. */
  @Property({ type: 'json', columnType: 'jsonb', default: JSON.stringify(DEFAULT_APPROVAL_STEPS) })
  approvalSteps: ApprovalStep[] = DEFAULT_APPROVAL_STEPS;

  /**
   * The limits of the publish checks for this section's stories. Written only
   * through `parseContentProfile`; read through `resolveContentProfile`.
   */
  @Property({
    type: 'json',
    columnType: 'jsonb',
    default: JSON.stringify(DEFAULT_CONTENT_PROFILE),
  })
  contentProfile: ContentProfile = defaultContentProfile();

  /** Set when the section was archived: it takes no new stories; what it published stays. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  archivedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
