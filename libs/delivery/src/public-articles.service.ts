import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { NotFound } from '@newsdesk/common';
import { PublishedArticle, toPublicArticle, type PublicArticle } from '@newsdesk/publication';

/** Published stories for the public site, from the public read model only. */
@Injectable()
export class PublicArticlesService {
  constructor(private readonly em: EntityManager) {}

  async bySlug(slug: string): Promise<PublicArticle> {
    const row = await this.em.fork().findOne(PublishedArticle, { slug });
    if (!row) throw new NotFound('story', slug);
    return toPublicArticle(row);
  }
}
