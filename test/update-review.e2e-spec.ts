import { driveToPublished, type Desk } from './support/drive';
import { makeSection, makeUser, PASSWORD } from './support/factories';
import { ApiClient } from './support/http';
import { Newsdesk } from './support/newsdesk';

describe('a substantial update of a published story goes through review while the public version stays live', () => {
  let newsdesk: Newsdesk;
  let editor: ApiClient;
  let reviewer: ApiClient;
  let anonymous: ApiClient;
  let sectionSlug: string;
  let desk: Desk;

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    anonymous = new ApiClient(newsdesk.url);
    sectionSlug = (await makeSection(newsdesk.orm)).slug;
    editor = await anonymous.login((await makeUser(newsdesk.orm, ['editor'])).email, PASSWORD);
    reviewer = await anonymous.login((await makeUser(newsdesk.orm, ['reviewer'])).email, PASSWORD);
    desk = { newsdesk, editor, reviewers: [reviewer], section: sectionSlug };
  });

  afterAll(async () => {
    await newsdesk?.stop();
  });

  it('keeps the live version until the update is approved, then publishes it', async () => {
    const story = await driveToPublished(desk);

    const nothingPending = await editor.post(`/api/articles/${story.id}/submit`);
    expect(nothingPending.status).toBe(409);

    const edited = await editor.patch(
      `/api/articles/${story.id}`,
      { headline: 'Ganz neue Fassung der Meldung über Sensoren' },
      { 'if-match': String(story.version) },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: 'published', pendingChanges: true });
    expect((await anonymous.get(`/public/articles/${story.slug}`)).body.headline).toBe(
      story.headline,
    );

    const submitted = await editor.post(`/api/articles/${story.id}/submit`);
    expect(submitted.status).toBe(202);
    expect(submitted.body).toMatchObject({ status: 'published', updateStatus: 'in_review' });
    const blocked = await editor.patch(
      `/api/articles/${story.id}`,
      { teaser: 'x'.repeat(50) },
      { 'if-match': String(submitted.body.version) },
    );
    expect(blocked.status).toBe(409);

    const own = await editor.post(`/api/articles/${story.id}/approve`);
    expect(own.status).toBe(403);
    const changes = await reviewer.post(`/api/articles/${story.id}/request-changes`, {
      comment: 'Bitte Quelle ergänzen.',
    });
    expect(changes.body).toMatchObject({ status: 'published', updateStatus: 'changes_requested' });
    expect((await anonymous.get(`/public/articles/${story.slug}`)).body.headline).toBe(
      story.headline,
    );

    await editor.post(`/api/articles/${story.id}/submit`);
    const approved = await reviewer.post(`/api/articles/${story.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'published',
      updateStatus: null,
      pendingChanges: false,
    });
    await newsdesk.settle();
    expect((await anonymous.get(`/public/articles/${story.slug}`)).body.headline).toBe(
      'Ganz neue Fassung der Meldung über Sensoren',
    );
    const listing = await anonymous.get(`/public/sections/${sectionSlug}/teasers`);
    expect(
      listing.body.items
        .filter((i: { slug: string }) => i.slug === story.slug)
        .map((i: { headline: string }) => i.headline),
    ).toEqual(['Ganz neue Fassung der Meldung über Sensoren']);
    const actions = (await editor.get(`/api/articles/${story.id}/history`)).body.map(
      (e: { action: string }) => e.action,
    );
    expect(actions.slice(-4)).toEqual([
      'submitUpdate',
      'requestUpdateChanges',
      'submitUpdate',
      'approveUpdate',
    ]);
  });
});
