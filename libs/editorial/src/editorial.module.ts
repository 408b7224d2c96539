import { Module } from '@nestjs/common';
import { PublicationModule } from '@newsdesk/publication';
import { AuditLogService } from './audit-log.service';
import { CommentsService } from './comments.service';
import { EditLocksService } from './edit-locks.service';
import { EditorialService } from './editorial.service';
import { PreviewService } from './preview.service';
import { PublishingService } from './publishing.service';
import { ReleaseService } from './release.service';
import { RevisionsService } from './revisions.service';
import { SectionsService } from './sections.service';
import { StoryStore } from './story-store';
import { SubmissionService } from './submission.service';

const SERVICES = [
  StoryStore,
  EditorialService,
  EditLocksService,
  PublishingService,
  RevisionsService,
  CommentsService,
  PreviewService,
  AuditLogService,
  SectionsService,
  SubmissionService,
  ReleaseService,
];

/**
 * Stories: editing, revisions, locks, comments, submission checks, review,
 * scheduling, publication, corrections. Needs the database and messaging modules.
 * The workflow app adds the {@link ScheduleReconciler}.
 */
@Module({ imports: [PublicationModule], providers: SERVICES, exports: SERVICES })
export class EditorialModule {}
