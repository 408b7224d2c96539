import { Module } from '@nestjs/common';
import { PublicationService } from './publication.service';

/**
 * A story's public version: the `published_articles` read model and the
 * `article.*` events. Needs the database and messaging modules.
 */
@Module({ providers: [PublicationService], exports: [PublicationService] })
export class PublicationModule {}
