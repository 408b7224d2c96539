import { DEFAULT_CONTENT_PROFILE, type ContentProfile } from '@newsdesk/editorial';
import { makeDraft, makeSection, makeUser, PASSWORD } from './support/factories';
import { ApiClient } from './support/http';
import { Newsdesk } from './support/newsdesk';

interface SectionView {
  slug: string;
  profile: ContentProfile;
}

interface FailedCheck {
  check: string;
  field: string;
  message: string;
  limit?: { min?: number; max?: number };
}

/**
 * As long as the lead of the Kommune21 report on the second
 * Digitalministerkonferenz (370 characters), which a fixed 300 refused.
 */
const LEAD_370 =
  'Die Digitalministerinnen und -minister von Bund und Ländern haben sich zum zweiten Mal getroffen. '
    .repeat(4)
    .slice(0, 369)
    .concat('.');

describe('content profiles: the publish checks use the limits of the story’s section', () => {
  let newsdesk: Newsdesk;
  let anonymous: ApiClient;
  let admin: ApiClient;
  let editor: ApiClient;
  let reviewer: ApiClient;

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    anonymous = new ApiClient(newsdesk.url);
    admin = await anonymous.login((await makeUser(newsdesk.orm, ['admin'])).email, PASSWORD);
    editor = await anonymous.login((await makeUser(newsdesk.orm, ['editor'])).email, PASSWORD);
    reviewer = await anonymous.login((await makeUser(newsdesk.orm, ['reviewer'])).email, PASSWORD);
  });

  afterAll(async () => {
    await newsdesk?.stop();
  });

  async function profileOf(slug: string): Promise<ContentProfile> {
    const sections = await editor.get<SectionView[]>('/api/sections');
    expect(sections.status).toBe(200);
    const section = sections.body.find((s) => s.slug === slug);
    if (!section) throw new Error(`section ${slug} is not listed`);
    return section.profile;
  }

  async function setProfile(slug: string, profile: Record<string, unknown>) {
    const reply = await admin.patch<SectionView>(`/api/admin/sections/${slug}`, { profile });
    expect(reply.status).toBe(200);
    return reply.body.profile;
  }

  /** Submits a draft and waits for the queued checks; returns the story afterwards. */
  async function submitted(slug: string, overrides: Record<string, unknown> = {}) {
    const draft = await editor.post('/api/articles', makeDraft(slug, overrides));
    expect(draft.status).toBe(201);
    expect((await editor.post(`/api/articles/${draft.body.id}/submit`)).status).toBe(202);
    await newsdesk.settle();
    return (await editor.get(`/api/articles/${draft.body.id}`)).body as {
      id: string;
      slug: string;
      version: number;
      status: string;
      failedChecks: FailedCheck[] | null;
    };
  }

  it('returns every section’s profile, the defaults for one nobody tuned', async () => {
    const section = await makeSection(newsdesk.orm);
    expect(await profileOf(section.slug)).toEqual(DEFAULT_CONTENT_PROFILE);
  });

  it('admits a real 370-character Kommune21 lead under the default profile', async () => {
    expect(LEAD_370).toHaveLength(370);
    const section = await makeSection(newsdesk.orm, 'eGovernment');
    const story = await submitted(section.slug, { teaser: LEAD_370 });
    expect(story.failedChecks).toBeNull();
    expect(story.status).toBe('in_review');
  });

  it('refuses an overlong lead under a stricter profile, naming the field and the limit', async () => {
    const section = await makeSection(newsdesk.orm, 'Kurzmeldungen');
    const profile = await setProfile(section.slug, { teaser: { max: 300 } });
    expect(profile.teaser).toEqual({ min: DEFAULT_CONTENT_PROFILE.teaser.min, max: 300 });
    expect((await profileOf(section.slug)).teaser.max).toBe(300);

    const story = await submitted(section.slug, { teaser: LEAD_370 });
    expect(story.status).toBe('draft');
    expect(story.failedChecks).toEqual([
      {
        check: 'length',
        field: 'teaser',
        message: 'the teaser may have at most 300 characters (has 370)',
        limit: { max: 300 },
      },
    ]);
  });

  it('applies the hero image and body block rules of the profile', async () => {
    const section = await makeSection(newsdesk.orm, 'Bildstrecke');
    await setProfile(section.slug, {
      heroImage: { required: true },
      bodyBlocks: ['paragraph', 'heading'],
    });
    const story = await submitted(section.slug);
    expect(story.failedChecks?.map((f) => f.field)).toEqual(['body[1]', 'heroImageId']);
    expect(story.failedChecks?.[0].message).toMatch(/quote blocks are not allowed/);
  });

  it('refuses a profile that breaks the rules, naming the field', async () => {
    const section = await makeSection(newsdesk.orm);
    const reply = await admin.patch(`/api/admin/sections/${section.slug}`, {
      profile: { headline: { min: 50, max: 20 }, bodyBlocks: ['heading'], teaser: { max: 'long' } },
    });
    expect(reply.status).toBe(400);
    expect((reply.body.details.problems as { field: string }[]).map((p) => p.field).sort()).toEqual(
      ['profile.bodyBlocks', 'profile.teaser.max'],
    );
    const minAboveMax = await admin.patch(`/api/admin/sections/${section.slug}`, {
      profile: { headline: { min: 50, max: 20 } },
    });
    expect(minAboveMax.status).toBe(400);
    expect(minAboveMax.body.details.problems).toEqual([
      { field: 'profile.headline.max', reason: 'must not be below the minimum (50)' },
    ]);
    expect(await profileOf(section.slug)).toEqual(DEFAULT_CONTENT_PROFILE);
    expect(
      (await editor.patch(`/api/admin/sections/${section.slug}`, { profile: {} })).status,
    ).toBe(403);
  });

  it('checks corrections and updates of a published story against the current profile', async () => {
    const section = await makeSection(newsdesk.orm, 'Politik');
    const inReview = await submitted(section.slug);
    expect((await reviewer.post(`/api/articles/${inReview.id}/approve`)).status).toBe(200);
    expect((await reviewer.post(`/api/articles/${inReview.id}/publish`)).status).toBe(202);
    await newsdesk.settle();
    const story = (await editor.get(`/api/articles/${inReview.id}`)).body;
    expect(story.status).toBe('published');

    await setProfile(section.slug, { teaser: { max: 200 } });
    const edited = await editor.patch(
      `/api/articles/${story.id}`,
      { teaser: LEAD_370 },
      { 'if-match': String(story.version) },
    );
    expect(edited.status).toBe(200);
    const correction = await reviewer.post(`/api/articles/${story.id}/corrections`, {
      note: 'Der Vorspann war unvollständig.',
    });
    expect(correction.status).toBe(400);
    expect(correction.body.details.problems).toEqual([
      { field: 'teaser', reason: 'the teaser may have at most 200 characters (has 370)' },
    ]);
    const update = await editor.post(`/api/articles/${story.id}/submit`);
    expect(update.status).toBe(400);
    expect(update.body.details.problems[0].field).toBe('teaser');

    await setProfile(section.slug, { teaser: { max: 400 } });
    expect(
      (
        await reviewer.post(`/api/articles/${story.id}/corrections`, {
          note: 'Der Vorspann war unvollständig.',
        })
      ).status,
    ).toBe(200);
    await newsdesk.settle();
    expect((await anonymous.get(`/public/articles/${story.slug}`)).body.teaser).toBe(LEAD_370);
  });
});
