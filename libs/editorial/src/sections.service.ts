import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import {
  Clock,
  NotFound,
  ValidationFailed,
  fieldProblemsOf,
  trimText,
  type FieldProblem,
} from '@newsdesk/common';
import { ROLES, changesOf, recordAdminAudit, type Actor } from '@newsdesk/identity';
import { PublicationService } from '@newsdesk/publication';
import {
  ContentProfilePatchSchema,
  defaultContentProfile,
  parseContentProfile,
  resolveContentProfile,
  type ContentProfile,
} from './content-profile';
import { DEFAULT_APPROVAL_STEPS, Section, type ApprovalStep } from './section.entity';

/** A section as the API shows it, with its effective content profile. */
export interface SectionView {
  id: string;
  slug: string;
  name: string;
  description: string;
  approvalSteps: ApprovalStep[];
  /** The limits of the publish checks for this section's stories. */
  profile: ContentProfile;
  /** An archived section takes no new stories. */
  archived: boolean;
  archivedAt: string | null;
  createdAt: string;
}

export const toSectionView = (s: Section): SectionView => ({
  id: s.id,
  slug: s.slug,
  name: s.name,
  description: s.description,
  approvalSteps: s.approvalSteps,
  profile: resolveContentProfile(s.contentProfile),
  archived: s.archivedAt !== null,
  archivedAt: s.archivedAt?.toISOString() ?? null,
  createdAt: s.createdAt.toISOString(),
});

const text = (max: number, allowEmpty: boolean) =>
  z
    .string('must be a string')
    .max(max, `must be at most ${max} characters`)
    .transform(trimText)
    .pipe(
      z
        .string()
        .min(allowEmpty ? 0 : 1, 'must not be empty')
        .max(max, `must be at most ${max} characters`),
    );

const approvalSteps = z
  .array(
    z
      .object({
        key: z
          .string('must be a string')
          .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lower-case letters, digits and _ (at most 40)'),
        label: text(80, false),
        roles: z
          .array(
            z.enum(ROLES, `each must be one of ${ROLES.join(', ')}`),
            'must be a list of roles',
          )
          .min(1, 'needs at least one role')
          .transform((list) => ROLES.filter((r) => list.includes(r))),
      })
      .strict(),
    'must be a list of steps',
  )
  .min(1, 'needs at least one step')
  .max(10, 'at most 10 steps')
  .refine(
    (steps) => new Set(steps.map((s) => s.key)).size === steps.length,
    'each step needs its own key',
  );

const fields = {
  name: text(120, false),
  description: text(2000, true),
  approvalSteps,
  // parseContentProfile lays it over the section's current profile and checks min against max.
  profile: ContentProfilePatchSchema,
};

const createSchema = z
  .object({
    slug: z
      .string('must be a string')
      .regex(
        /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
        'must be lower-case letters and digits in words joined by -',
      )
      .max(80, 'must be at most 80 characters'),
    ...fields,
  })
  .partial({ description: true, approvalSteps: true, profile: true })
  .strict();

/**
 * A change of a section as an admin sends it: fields left out keep their
 * value; the slug never changes. Also the API's request body.
 */
export const SectionUpdateSchema = z
  .object({ ...fields, archived: z.boolean('must be true or false') })
  .partial()
  .strict();

/** The fields a new section may have: the API refuses any other. */
export const SECTION_CREATE_FIELDS = [
  'slug',
  'name',
  'description',
  'approvalSteps',
  'profile',
] as const satisfies readonly (keyof z.input<typeof createSchema>)[];

/** The fields a section change may name (never the slug): the API refuses any other. */
export const SECTION_UPDATE_FIELDS = [
  'name',
  'description',
  'approvalSteps',
  'profile',
  'archived',
] as const satisfies readonly (keyof z.input<typeof SectionUpdateSchema>)[];

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new ValidationFailed([{ field: 'body', reason: 'must be a JSON object' }]);
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems: FieldProblem[] = fieldProblemsOf(parsed.error.issues);
    // The slug is part of every URL of the section's stories: say why it stays.
    for (const p of problems)
      if (p.field === 'slug' && p.reason === 'is not a known field')
        p.reason = 'cannot be changed (the slug is part of every URL)';
    throw new ValidationFailed(problems);
  }
  return parsed.data;
}

/**
 * Sections: list them; for admins create, rename, describe, archive, and set
 * their approval steps and content profile. Every change is written with its
 * admin audit row in one transaction. A rename also rewrites the section name
 * in the public read model through {@link PublicationService.renameSection},
 * which announces `section.renamed`, so that its listing is rebuilt and the
 * CDN purges everything that shows the old name.
 */
@Injectable()
export class SectionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly publication: PublicationService,
  ) {}

  async list(): Promise<SectionView[]> {
    const sections = await this.em.fork().find(Section, {}, { orderBy: { name: 'asc' } });
    return sections.map(toSectionView);
  }

  async create(actor: Actor, input: unknown): Promise<SectionView> {
    const clean = parse(createSchema, input);
    const profile =
      clean.profile === undefined
        ? defaultContentProfile()
        : parseContentProfile(clean.profile, defaultContentProfile());
    try {
      return await this.em.fork().transactional(async (em) => {
        const section = em.create(Section, {
          slug: clean.slug,
          name: clean.name,
          description: clean.description ?? '',
          approvalSteps: clean.approvalSteps ?? DEFAULT_APPROVAL_STEPS,
          contentProfile: profile,
          createdAt: this.clock.now(),
        });
        recordAdminAudit(em, {
          actor,
          action: 'section.create',
          subject: { kind: 'section', id: section.id },
          at: this.clock.now(),
          details: {
            slug: section.slug,
            name: section.name,
            approvalSteps: section.approvalSteps,
            profile,
          },
        });
        await em.flush();
        return toSectionView(section);
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException)
        throw new ValidationFailed([
          { field: 'slug', reason: 'is used by another section already' },
        ]);
      throw error;
    }
  }

  /**
   * Changes name, description, approval steps, content profile (fields left
   * out keep their value) or `archived`. New steps and limits apply from the
   * next approval or check on; a section's slug never changes.
   */
  async update(actor: Actor, slug: string, input: unknown): Promise<SectionView> {
    const clean = parse(SectionUpdateSchema, input);
    return this.em.fork().transactional(async (em) => {
      const section = await em.findOne(Section, { slug });
      if (!section) throw new NotFound('section', slug);
      const current = resolveContentProfile(section.contentProfile);
      const profile =
        clean.profile === undefined ? undefined : parseContentProfile(clean.profile, current);
      const changes = changesOf(
        {
          name: section.name,
          description: section.description,
          approvalSteps: section.approvalSteps,
          profile: current,
          archived: section.archivedAt !== null,
        },
        { ...clean, profile },
      );
      if (Object.keys(changes).length === 0) return toSectionView(section);
      if (clean.name !== undefined) section.name = clean.name;
      if (clean.description !== undefined) section.description = clean.description;
      if (clean.approvalSteps !== undefined) section.approvalSteps = clean.approvalSteps;
      if (profile !== undefined) section.contentProfile = profile;
      if (changes.archived) section.archivedAt = clean.archived ? this.clock.now() : null;
      await em.flush();
      if (changes.name) await this.publication.renameSection(em, section);
      recordAdminAudit(em, {
        actor,
        action: 'section.update',
        subject: { kind: 'section', id: section.id },
        at: this.clock.now(),
        details: { slug: section.slug, changes },
      });
      await em.flush();
      return toSectionView(section);
    });
  }
}
