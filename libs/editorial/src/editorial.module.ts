import { Module } from '@nestjs/common';
import { EditorialService } from './editorial.service';
import { PublicationService } from './publication.service';
import { SubmissionService } from './submission.service';

/** Stories: editing, submission checks, review, publication. Needs the database and messaging modules. */
@Module({
  providers: [EditorialService, SubmissionService, PublicationService],
  exports: [EditorialService, SubmissionService, PublicationService],
})
export class EditorialModule {}
