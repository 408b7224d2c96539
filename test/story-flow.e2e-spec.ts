import type { Section } from '@newsdesk/editorial';
import type { User } from '@newsdesk/identity';
import { ApiClient } from './support/http';
import {
  approveEveryStep,
  driveToApproved,
  driveToPublished,
  driveToReview,
  publishNow,
  submitForReview,
  writeDraft,
  type Desk,
} from './support/drive';
import { makeDraft, makeSection, makeUser, PASSWORD } from './support/factories';
import { Newsdesk } from './support/newsdesk';

describe('a story from draft to teaser listing (end to end)', () => {
  let newsdesk: Newsdesk;
  let anonymous: ApiClient;
  let editor: ApiClient;
  let otherEditor: ApiClient;
  let reviewer: ApiClient;
  let editorReviewer: ApiClient;
  let photo: ApiClient;
  let section: Section;
  let editorUser: User;
  let desk: Desk;

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    anonymous = new ApiClient(newsdesk.url);
    section = await makeSection(newsdesk.orm, 'Smart City');
    editorUser = await makeUser(newsdesk.orm, ['editor'], 'Erika Editor');
    editor = await anonymous.login(editorUser.email, PASSWORD);
    otherEditor = await anonymous.login((await makeUser(newsdesk.orm, ['editor'])).email, PASSWORD);
    reviewer = await anonymous.login((await makeUser(newsdesk.orm, ['reviewer'])).email, PASSWORD);
    editorReviewer = await anonymous.login(
      (await makeUser(newsdesk.orm, ['editor', 'reviewer'])).email,
      PASSWORD,
    );
    photo = await anonymous.login((await makeUser(newsdesk.orm, ['photo_desk'])).email, PASSWORD);
    desk = { newsdesk, editor, reviewers: [reviewer], section: section.slug };
  });

  afterAll(async () => {
    await newsdesk?.stop();
  });

  it('carries a story through checks, review and publication to the top of its section listing', async () => {
    const draft = await writeDraft(desk, {
      headline: '  Straßenmanagement in Arnsberg: „Sensoren“ statt Streifenfahrten\u00A0',
    });
    expect(draft.slug).toMatch(/^strassenmanagement-in-arnsberg-sensoren-statt-streifenfahrten/);

    // Each step asserts the state it leads to: submitted, then in review once the checks ran.
    const inReview = await submitForReview(desk, draft);
    expect(inReview.headline).toBe(
      'Straßenmanagement in Arnsberg: „Sensoren“ statt Streifenfahrten',
    );

    const approved = await approveEveryStep(desk, draft);
    expect(approved.approvals).toHaveLength(1);

    // Scheduled for now until the publication job runs, then published.
    await publishNow(desk, draft);
    const listing = await anonymous.get(`/public/sections/${section.slug}/teasers?limit=5`);
    expect(listing.status).toBe(200);
    expect(listing.body.section).toEqual({ slug: section.slug, name: 'Smart City' });
    expect(listing.body.items[0]).toMatchObject({
      slug: draft.slug,
      url: `/${section.slug}/${draft.slug}`,
      kicker: 'Arnsberg',
      headline: 'Straßenmanagement in Arnsberg: „Sensoren“ statt Streifenfahrten',
      format: 'news',
      image: null,
    });

    const story = await anonymous.get(`/public/articles/${draft.slug}`);
    expect(story.status).toBe(200);
    expect(story.body.author).toBe('Erika Editor');
    expect(story.body.body[0]).toEqual({
      type: 'paragraph',
      text: expect.stringContaining('Arnsberg'),
    });

    const history = await editor.get(`/api/articles/${draft.id}/history`);
    expect(history.body.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'submit',
      'passChecks',
      'approve',
      'schedule',
      'release',
    ]);

    const excluded = await anonymous.get(
      `/public/sections/${section.slug}/teasers?exclude=${draft.slug}`,
    );
    expect(excluded.body.items.map((i: { slug: string }) => i.slug)).not.toContain(draft.slug);
  });

  it('lists newer stories first and takes an unpublished story out at once', async () => {
    const first = await driveToPublished(desk);
    const second = await driveToPublished(desk);

    let slugs = (await anonymous.get(`/public/sections/${section.slug}/teasers`)).body.items.map(
      (i: { slug: string }) => i.slug,
    );
    expect(slugs.indexOf(second.slug)).toBeLessThan(slugs.indexOf(first.slug));

    expect((await reviewer.post(`/api/articles/${second.id}/unpublish`)).status).toBe(202);
    await newsdesk.settle();
    slugs = (await anonymous.get(`/public/sections/${section.slug}/teasers`)).body.items.map(
      (i: { slug: string }) => i.slug,
    );
    expect(slugs).not.toContain(second.slug);
    expect(slugs).toContain(first.slug);
    expect((await anonymous.get(`/public/articles/${second.slug}`)).status).toBe(404);
    expect((await editor.get(`/api/articles/${second.id}`)).body.status).toBe('unpublished');
  });

  it('sends a story that fails its checks back to draft with the reasons', async () => {
    const draft = await writeDraft(desk, { teaser: 'Zu kurz.', body: [] });
    expect((await editor.post(`/api/articles/${draft.id}/submit`)).status).toBe(202);
    await newsdesk.settle();
    const back = await editor.get(`/api/articles/${draft.id}`);
    expect(back.body.status).toBe('draft');
    expect(back.body.failedChecks.map((f: { field: string }) => f.field).sort()).toEqual([
      'body',
      'teaser',
    ]);
  });

  it('refuses the author approving their own story (four-eyes), and changes nothing', async () => {
    const draft = await driveToReview({ ...desk, editor: editorReviewer });
    const own = await editorReviewer.post(`/api/articles/${draft.id}/approve`);
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({
      error: 'forbidden_transition',
      details: { reason: 'own_story' },
    });
    expect((await editor.get(`/api/articles/${draft.id}`)).body.status).toBe('in_review');
    const byOther = await reviewer.post(`/api/articles/${draft.id}/approve`);
    expect(byOther.status).toBe(200);
  });

  it('answers a stale If-Match with 409 and the current version, and overwrites nothing', async () => {
    const draft = await writeDraft(desk);
    const first = await editor.patch(
      `/api/articles/${draft.id}`,
      { teaser: 'Erste Fassung des Teasers, lang genug für die Prüfung.' },
      { 'if-match': String(draft.version) },
    );
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(draft.version + 1);

    const stale = await editor.patch(
      `/api/articles/${draft.id}`,
      { teaser: 'Veraltete Fassung' },
      { 'if-match': String(draft.version) },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.details.currentVersion).toBe(draft.version + 1);
    expect((await editor.get(`/api/articles/${draft.id}`)).body.teaser).toBe(
      'Erste Fassung des Teasers, lang genug für die Prüfung.',
    );

    const missing = await editor.patch(`/api/articles/${draft.id}`, { teaser: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body.details.problems[0].field).toBe('If-Match');
  });

  it('sends the version as ETag, which a save takes back as If-Match', async () => {
    const draft = await writeDraft(desk);
    const read = await editor.get(`/api/articles/${draft.id}`);
    expect(read.headers.get('etag')).toBe(`"${draft.version}"`);

    const saved = await editor.patch(
      `/api/articles/${draft.id}`,
      { kicker: 'Berlin' },
      { 'if-match': read.headers.get('etag')! },
    );
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe(`"${draft.version + 1}"`);
    expect(saved.body.version).toBe(draft.version + 1);
  });

  describe('bad input gets a 4xx naming the field or rule, and writes nothing', () => {
    it('401 without a token, 403 for the wrong role', async () => {
      expect((await anonymous.get('/api/articles')).status).toBe(401);
      expect((await anonymous.as('not-a-token').get('/api/articles')).status).toBe(401);
      const byPhoto = await photo.post('/api/articles', makeDraft(section.slug));
      expect(byPhoto.status).toBe(403);
      const wrongLogin = await anonymous.post('/api/auth/login', {
        email: editorUser.email,
        password: 'wrong',
      });
      expect(wrongLogin.status).toBe(401);
    });

    it('malformed JSON, missing and oversized fields, unknown section', async () => {
      const before = (await editor.get(`/api/articles?section=${section.slug}&limit=200`)).body
        .total;
      const malformed = await editor.request('POST', '/api/articles', '{"headline": "x",', {});
      expect(malformed.status).toBe(400);
      expect(malformed.body.error).toBe('malformed_json');

      const missing = await editor.post('/api/articles', { section: section.slug });
      expect(missing.status).toBe(400);
      expect(missing.body.details.problems).toContainEqual({
        field: 'headline',
        reason: 'is required',
      });

      const oversized = await editor.post(
        '/api/articles',
        makeDraft(section.slug, { kicker: 'k'.repeat(81) }),
      );
      expect(oversized.status).toBe(400);
      expect(oversized.body.details.problems[0]).toMatchObject({ field: 'kicker' });

      const badBlock = await editor.post(
        '/api/articles',
        makeDraft(section.slug, { body: [{ type: 'paragraph', text: 'ok' }, { type: 'video' }] }),
      );
      expect(badBlock.status).toBe(400);
      expect(badBlock.body.details.problems[0].field).toBe('body[1].type');

      const unknown = await editor.post('/api/articles', makeDraft('no-such-section'));
      expect(unknown.status).toBe(400);
      expect(unknown.body.details.problems).toEqual([
        { field: 'section', reason: 'unknown section "no-such-section"' },
      ]);

      expect((await editor.get(`/api/articles?section=${section.slug}&limit=200`)).body.total).toBe(
        before,
      );
    });

    it('wrong state, foreign story, unknown story, a time without offset', async () => {
      const draft = await writeDraft(desk);
      const early = await reviewer.post(`/api/articles/${draft.id}/approve`);
      expect(early.status).toBe(409);
      expect(early.body.details.reason).toBe('wrong_state');

      const foreign = await otherEditor.patch(
        `/api/articles/${draft.id}`,
        { teaser: 'fremd' },
        { 'if-match': String(draft.version) },
      );
      expect(foreign.status).toBe(403);
      expect((await editor.get(`/api/articles/${draft.id}`)).body.version).toBe(draft.version);

      expect((await editor.get('/api/articles/00000000-0000-0000-0000-000000000000')).status).toBe(
        404,
      );
      expect((await anonymous.get('/public/sections/no-such-section/teasers')).status).toBe(404);
      expect((await anonymous.get('/public/articles/no-such-story')).status).toBe(404);
      expect(
        (await anonymous.get(`/public/sections/${section.slug}/teasers?limit=1000`)).status,
      ).toBe(400);

      const approved = await driveToApproved(desk);
      const noOffset = await reviewer.post(`/api/articles/${approved.id}/publish`, {
        at: '2030-01-01T08:00:00',
      });
      expect(noOffset.status).toBe(400);
      expect(noOffset.body.details.problems[0]).toMatchObject({
        field: 'at',
        reason: expect.stringMatching(/offset/),
      });
      expect((await editor.get(`/api/articles/${approved.id}`)).body.status).toBe('approved');
    });
  });
});
