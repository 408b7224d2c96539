/**
 * Demo content for development: one user per role, the demo sections, and a
 * dozen published stories with generated hero pictures, their public read
 * model, audit rows and teaser listings. Uses the real services through a Nest
 * application context. Idempotent: what is already there (users by email,
 * sections by slug, images by content hash, stories by slug) is left alone.
 */
import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { NestFactory } from '@nestjs/core';
import sharp from 'sharp';
import { Clock, seededRandom, slugify } from '@newsdesk/common';
import { APP_CONFIG, presetsHash, type AppConfig } from '@newsdesk/config';
import { ListingService } from '@newsdesk/delivery';
import {
  Article,
  AuditEntry,
  Revision,
  Section,
  contentOf,
  publicStoryOf,
  parseBody,
  type ApprovalStep,
  runPublishChecks,
  DEFAULT_CONTENT_PROFILE,
  type ArticleSnapshot,
  type BodyBlock,
} from '@newsdesk/editorial';
import { Passwords, User, type Role } from '@newsdesk/identity';
import { Image, ObjectStorage } from '@newsdesk/media';
import { JobName, Outbox } from '@newsdesk/messaging';
import { PublicationService } from '@newsdesk/publication';
import { DEMO_SECTIONS, DEMO_STORIES, type DemoStory } from './demo-content';
import { SeedModule } from './seed.module';

/** Every demo user's password. */
export const DEMO_PASSWORD = 'newsdesk';

/** One user per role, plus a second editor for trying the four-eyes rule. Names are invented. */
export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; roles: Role[] }> = [
  { email: 'editor@newsdesk.test', name: 'Clara Neumann', roles: ['editor'] },
  { email: 'editor2@newsdesk.test', name: 'Jonas Albrecht', roles: ['editor'] },
  { email: 'reviewer@newsdesk.test', name: 'Miriam Hoffmann', roles: ['reviewer'] },
  { email: 'chief@newsdesk.test', name: 'Karl Oberländer', roles: ['reviewer'] },
  { email: 'photo@newsdesk.test', name: 'Felix Brandt', roles: ['photo_desk'] },
  { email: 'ops@newsdesk.test', name: 'Sven Kowalczyk', roles: ['ops'] },
  { email: 'admin@newsdesk.test', name: 'Petra Lindner', roles: ['admin'] },
];

/** Sections with more than the default single review: Smart City goes through the section lead, then the chief editor. */
const APPROVAL_STEPS: Record<string, ApprovalStep[]> = {
  'smart-city': [
    { key: 'section_lead', label: 'Ressortleitung', roles: ['reviewer'] },
    { key: 'chief_editor', label: 'Chefredaktion', roles: ['reviewer'] },
  ],
};

/** The demo stories are written by this user. */
const AUTHOR_EMAIL = 'editor@newsdesk.test';

const PICTURE = { width: 1600, height: 900 } as const;
const HOUR_MS = 3_600_000;

interface Count {
  created: number;
  existing: number;
}

/** A demo story checked and normalised before anything is written. */
interface PreparedStory {
  story: DemoStory;
  slug: string;
  body: BodyBlock[];
}

/** Seeds the demo content. Refuses to run in production. */
export async function seedDemo(config: AppConfig): Promise<void> {
  refuseProduction(config);
  const stories = prepareStories();

  const app = await NestFactory.createApplicationContext(SeedModule, {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  try {
    refuseProduction(app.get<AppConfig>(APP_CONFIG));
    const em = app.get(EntityManager);
    const storage = app.get(ObjectStorage);
    const publication = app.get(PublicationService);
    const now = app.get(Clock).now();
    // The image jobs render with the configured presets, as an upload's would.
    const presets = presetsHash(config.images.presets);

    await storage.ensureBucket();
    const users = await seedUsers(em);
    const sections = await seedSections(em);

    const images: Count = { created: 0, existing: 0 };
    const articles: Count = { created: 0, existing: 0 };
    for (const prepared of stories) {
      const outcome = await seedStory(em, storage, publication, prepared, now, presets);
      if (outcome === 'exists') {
        articles.existing++;
        continue;
      }
      articles.created++;
      images[outcome.image]++;
    }

    const allSections = await em.fork().find(Section, {}, { orderBy: { slug: 'asc' } });
    await app.get(ListingService).rebuildSections(allSections.map((s) => s.id));

    console.log(
      [
        'demo seed done',
        `  users     ${summary(users)} (password "${DEMO_PASSWORD}")`,
        `  sections  ${summary(sections)}`,
        `  stories   ${summary(articles)}`,
        `  images    ${images.created} created, ${images.existing} reused (for the stories created)`,
        `  listings  rebuilt for ${allSections.length} sections: ${allSections.map((s) => s.slug).join(', ')}`,
      ].join('\n'),
    );
  } finally {
    await app.close();
  }
}

function refuseProduction(config: Pick<AppConfig, 'env'>): void {
  if (config.env === 'production') {
    throw new Error(
      'refusing to seed demo content: NODE_ENV is "production". The demo seed is for development only.',
    );
  }
}

const summary = (c: Count) => `${c.created} created, ${c.existing} already there`;

/**
 * Checks the demo content before anything is written: known sections, bodies
 * that pass `parseBody`, stories that pass the publish checks, distinct slugs.
 */
function prepareStories(): PreparedStory[] {
  const sectionSlugs = new Set(DEMO_SECTIONS.map((s) => s.slug));
  const slugs = new Set<string>();
  const problems: string[] = [];
  const prepared: PreparedStory[] = [];
  for (const story of DEMO_STORIES) {
    const slug = slugify(story.headline);
    const where = `demo story "${story.headline}"`;
    if (slugs.has(slug)) problems.push(`${where}: slug "${slug}" is used twice`);
    slugs.add(slug);
    if (!sectionSlugs.has(story.section))
      problems.push(`${where}: unknown section "${story.section}"`);
    let body: BodyBlock[] = [];
    try {
      body = parseBody(story.body);
    } catch (error) {
      problems.push(`${where}: body invalid: ${describe(error)}`);
    }
    // The demo sections keep the default profile.
    for (const failure of runPublishChecks(
      {
        kicker: story.kicker,
        headline: story.headline,
        teaser: story.teaser,
        body,
        hasSection: true,
        heroImage: { status: 'ready', alt: story.image.alt, credit: story.image.credit },
      },
      DEFAULT_CONTENT_PROFILE,
    ))
      problems.push(`${where}: ${failure.field}: ${failure.message}`);
    prepared.push({ story, slug, body });
  }
  if (problems.length) throw new Error(`demo content is invalid:\n  ${problems.join('\n  ')}`);
  return prepared;
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'problems' in error && Array.isArray(error.problems))
    return JSON.stringify(error.problems);
  return error instanceof Error ? error.message : String(error);
}

async function seedUsers(em: EntityManager): Promise<Count> {
  return em.fork().transactional(async (tx) => {
    const existing = await tx.find(User, { email: { $in: DEMO_USERS.map((u) => u.email) } });
    const known = new Set(existing.map((u) => u.email));
    let created = 0;
    for (const u of DEMO_USERS) {
      if (known.has(u.email)) continue;
      tx.create(User, {
        email: u.email,
        name: u.name,
        roles: [...u.roles],
        passwordHash: await Passwords.hash(DEMO_PASSWORD),
      });
      created++;
    }
    return { created, existing: DEMO_USERS.length - created };
  });
}

async function seedSections(em: EntityManager): Promise<Count> {
  return em.fork().transactional(async (tx) => {
    const existing = await tx.find(Section, { slug: { $in: DEMO_SECTIONS.map((s) => s.slug) } });
    const known = new Set(existing.map((s) => s.slug));
    let created = 0;
    for (const s of DEMO_SECTIONS) {
      if (known.has(s.slug)) continue;
      tx.create(Section, {
        slug: s.slug,
        name: s.name,
        description: s.description,
        ...(APPROVAL_STEPS[s.slug] ? { approvalSteps: APPROVAL_STEPS[s.slug] } : {}),
      });
      created++;
    }
    return { created, existing: DEMO_SECTIONS.length - created };
  });
}

/**
 * Writes one published story with its hero image, public version (and its
 * `article.published` event) and audit row in one transaction. The picture is uploaded first, so a committed image
 * row never names a missing object; a story that already exists is skipped
 * before its picture is even rendered.
 */
async function seedStory(
  em: EntityManager,
  storage: ObjectStorage,
  publication: PublicationService,
  { story, slug, body }: PreparedStory,
  now: Date,
  presets: string,
): Promise<'exists' | { image: keyof Count }> {
  if (await em.fork().count(Article, { slug })) return 'exists';

  const picture = await renderPicture(story.image.hue, slug);
  const contentHash = createHash('sha256').update(picture.bytes).digest('hex');
  const originalKey = `originals/${contentHash}.jpg`;
  const imageExists = (await em.fork().count(Image, { contentHash })) > 0;
  if (!imageExists) await storage.put(originalKey, picture.bytes, 'image/jpeg');

  const publishedAt = new Date(now.getTime() - story.publishedHoursAgo * HOUR_MS);
  await em.fork().transactional(async (tx) => {
    const section = await tx.findOneOrFail(Section, { slug: story.section });
    const author = await tx.findOneOrFail(User, { email: AUTHOR_EMAIL });
    let image = await tx.findOne(Image, { contentHash });
    if (!image) {
      // Processed like any upload: the media app renders it, and the image.processed
      // event puts the renditions into the story and its listing.
      image = tx.create(Image, {
        contentHash,
        originalKey,
        mimeType: 'image/jpeg',
        byteSize: picture.bytes.length,
        alt: story.image.alt,
        caption: story.image.caption,
        credit: story.image.credit,
        status: 'processing',
        createdAt: new Date(publishedAt.getTime() - 4 * HOUR_MS),
        updatedAt: new Date(publishedAt.getTime() - 4 * HOUR_MS),
      });
      Outbox.job(tx, JobName.ImageProcess, {
        imageId: image.id,
        scope: 'all',
        presetsHash: presets,
      });
    }

    // Inserted as version 1 and frozen at that version, as if published in one step.
    const version = 1;
    const snapshot: ArticleSnapshot = {
      version,
      kicker: story.kicker,
      headline: story.headline,
      teaser: story.teaser,
      body: structuredClone(body),
      format: story.format,
      series: story.series ?? null,
      tags: [...story.tags],
      sectionId: section.id,
      heroImageId: image.id,
      authorName: author.name,
    };
    const article = tx.create(Article, {
      slug,
      kicker: story.kicker,
      headline: story.headline,
      teaser: story.teaser,
      body,
      section,
      format: story.format,
      series: story.series ?? null,
      tags: [...story.tags],
      heroImage: image,
      status: 'published',
      version,
      author,
      failedChecks: null,
      publishAt: publishedAt,
      firstPublishedAt: publishedAt,
      publishedAt,
      publishedSnapshot: snapshot,
      revision: 1,
      publishedRevision: 1,
      createdAt: new Date(publishedAt.getTime() - 3 * HOUR_MS),
      updatedAt: publishedAt,
    });
    tx.create(Revision, {
      articleId: article.id,
      number: 1,
      content: contentOf(article),
      authorId: author.id,
      createdAt: new Date(publishedAt.getTime() - 3 * HOUR_MS),
    });
    await tx.flush(); // the public version resolves the hero image from the database
    await publication.release(tx, publicStoryOf(article, snapshot));
    tx.create(AuditEntry, {
      articleId: article.id,
      actorId: null,
      action: 'seed',
      fromStatus: null,
      toStatus: 'published',
      articleVersion: version,
      details: { source: 'demo-seed' },
      createdAt: publishedAt,
    });
  });
  return { image: imageExists ? 'existing' : 'created' };
}

/**
 * A 1600×900 JPEG: a diagonal gradient around the story's hue with a few soft
 * blobs (radial gradients fading out, cheaper to render than a blur filter)
 * and a couple of faint rings. Deterministic for a given hue and slug, so the
 * same story always yields the same bytes (and content hash).
 */
async function renderPicture(
  hue: number,
  slug: string,
): Promise<{ bytes: Buffer; width: number; height: number }> {
  const random = seededRandom(createHash('sha256').update(slug).digest().readUInt32BE(0));
  const { width, height } = PICTURE;
  const angle = random() * Math.PI * 2;
  const dx = Math.cos(angle) / 2;
  const dy = Math.sin(angle) / 2;
  const n = (v: number) => v.toFixed(3);
  const gradients: string[] = [];
  const shapes: string[] = [];
  for (let i = 0; i < 6; i++) {
    const color = hsl(hue + (random() * 70 - 35), 55 + random() * 30, 35 + random() * 45);
    const opacity = (0.35 + random() * 0.4).toFixed(2);
    gradients.push(
      `<radialGradient id="blob${i}"><stop offset="0" stop-color="${color}" stop-opacity="${opacity}"/>` +
        `<stop offset="0.6" stop-color="${color}" stop-opacity="${(Number(opacity) / 3).toFixed(2)}"/>` +
        `<stop offset="1" stop-color="${color}" stop-opacity="0"/></radialGradient>`,
    );
    const cx = Math.round(random() * width);
    const cy = Math.round(random() * height);
    const rx = Math.round(200 + random() * 420);
    const ry = Math.round(rx * (0.5 + random() * 0.5));
    const rotate = Math.round(random() * 180);
    shapes.push(
      `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="url(#blob${i})" transform="rotate(${rotate} ${cx} ${cy})"/>`,
    );
  }
  for (let i = 0; i < 2; i++) {
    const cx = Math.round(width * (0.15 + random() * 0.7));
    const cy = Math.round(height * (0.15 + random() * 0.7));
    const r = Math.round(90 + random() * 220);
    shapes.push(
      `<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="#ffffff" stroke-opacity="0.12" stroke-width="${Math.round(6 + random() * 18)}"/>`,
    );
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs>
    <linearGradient id="bg" x1="${n(0.5 - dx)}" y1="${n(0.5 - dy)}" x2="${n(0.5 + dx)}" y2="${n(0.5 + dy)}">
      <stop offset="0" stop-color="${hsl(hue, 70, 62)}"/>
      <stop offset="0.55" stop-color="${hsl(hue + 20, 60, 42)}"/>
      <stop offset="1" stop-color="${hsl(hue + 40, 65, 20)}"/>
    </linearGradient>
    ${gradients.join('\n    ')}
  </defs>
  <rect width="${width}" height="${height}" fill="url(#bg)"/>
  ${shapes.join('\n  ')}
</svg>`;
  const { data, info } = await sharp(Buffer.from(svg))
    .resize(width, height, { fit: 'fill' })
    .flatten({ background: '#000000' })
    .jpeg({ quality: 84, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height };
}

/** `#rrggbb` for a hue in degrees (any number), saturation and lightness in percent. */
function hsl(hue: number, saturation: number, lightness: number): string {
  const h = (((hue % 360) + 360) % 360) / 360;
  const s = Math.min(100, Math.max(0, saturation)) / 100;
  const l = Math.min(100, Math.max(0, lightness)) / 100;
  const channel = (offset: number) => {
    const k = (offset + h * 12) % 12;
    const a = s * Math.min(l, 1 - l);
    const v = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}
