import { Module } from '@nestjs/common';
import { EditorialModule } from '@newsdesk/editorial';
import { DeliveryModule } from '../delivery.module';
import { StoryPageService } from './story-page.service';

/** The public site's HTML pages. Needs the database and messaging modules. */
@Module({
  imports: [DeliveryModule, EditorialModule],
  providers: [StoryPageService],
  exports: [StoryPageService],
})
export class SiteModule {}
