import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { NotFound, ValidationFailed, trimText, type FieldProblem } from '@newsdesk/common';
import { PublicationService } from '@newsdesk/publication';
import { Section } from './section.entity';

/**
 * Sections: list them, and rename one. A rename rewrites the section name in the
 * public read model and announces `section.renamed`, so that its listing is
 * rebuilt and the CDN purges everything that shows the old name.
 */
@Injectable()
export class SectionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly publication: PublicationService,
  ) {}

  list(): Promise<Section[]> {
    return this.em.fork().find(Section, {}, { orderBy: { name: 'asc' } });
  }

  async update(slug: string, input: Record<string, unknown>): Promise<Section> {
    const problems: FieldProblem[] = [];
    const unknown = Object.keys(input).filter((k) => k !== 'name' && k !== 'description');
    unknown.forEach((field) =>
      problems.push({ field, reason: 'cannot be changed here (the slug is part of every URL)' }),
    );
    const name =
      input.name === undefined
        ? undefined
        : typeof input.name === 'string'
          ? trimText(input.name)
          : null;
    if (name === null || name === '')
      problems.push({ field: 'name', reason: 'must be a non-empty string' });
    else if (name && name.length > 120)
      problems.push({ field: 'name', reason: 'must be at most 120 characters' });
    const description =
      input.description === undefined
        ? undefined
        : typeof input.description === 'string'
          ? trimText(input.description)
          : null;
    if (description === null) problems.push({ field: 'description', reason: 'must be a string' });
    if (problems.length) throw new ValidationFailed(problems);

    return this.em.fork().transactional(async (em) => {
      const section = await em.findOne(Section, { slug });
      if (!section) throw new NotFound('section', slug);
      const renamed = Boolean(name) && name !== section.name;
      if (name) section.name = name;
      if (description !== undefined && description !== null) section.description = description;
      if (renamed) await this.publication.renameSection(em, section);
      return section;
    });
  }
}
