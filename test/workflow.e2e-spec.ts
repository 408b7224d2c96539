import { randomUUID } from 'node:crypto';
import { Clock } from '@newsdesk/common';
import { EditLock, type Section } from '@newsdesk/editorial';
import { User } from '@newsdesk/identity';
import { ApiClient } from './support/http';
import { driveToPublished, submitForReview, writeDraft, type Desk } from './support/drive';
import { makeSection, makeUser, PASSWORD } from './support/factories';
import { Newsdesk } from './support/newsdesk';

describe('the editorial workflow (end to end)', () => {
  let newsdesk: Newsdesk;
  let anonymous: ApiClient;
  let editor: ApiClient;
  let otherEditor: ApiClient;
  let reviewerA: ApiClient;
  let reviewerB: ApiClient;
  let editorReviewer: ApiClient;
  let admin: ApiClient;
  let photo: ApiClient;
  let section: Section;
  let twoSteps: Section;
  let editorUser: User;
  let reviewerAUser: User;
  let reviewerBUser: User;
  let editorReviewerUser: User;
  let adminUser: User;
  let photoUser: User;
  let desk: Desk;
  /** The same desk with the editor who is a reviewer too as the author. */
  let deskOfEditorReviewer: Desk;

  const login = (user: User) => anonymous.login(user.email, PASSWORD);

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    anonymous = new ApiClient(newsdesk.url);
    section = await makeSection(newsdesk.orm, 'Smart City');
    twoSteps = await makeSection(newsdesk.orm, 'Politik', [
      { key: 'section_lead', label: 'Section lead', roles: ['reviewer'] },
      { key: 'chief_editor', label: 'Chief editor', roles: ['reviewer'] },
    ]);
    editorUser = await makeUser(newsdesk.orm, ['editor'], 'Erika Editor');
    reviewerAUser = await makeUser(newsdesk.orm, ['reviewer'], 'Rita Ressortleiterin');
    reviewerBUser = await makeUser(newsdesk.orm, ['reviewer'], 'Carl Chefredakteur');
    editorReviewerUser = await makeUser(newsdesk.orm, ['editor', 'reviewer'], 'Emil Doppelrolle');
    adminUser = await makeUser(newsdesk.orm, ['admin'], 'Ada Admin');
    photoUser = await makeUser(newsdesk.orm, ['photo_desk'], 'Paul Foto');
    editor = await login(editorUser);
    otherEditor = await login(await makeUser(newsdesk.orm, ['editor'], 'Otto Kollege'));
    reviewerA = await login(reviewerAUser);
    reviewerB = await login(reviewerBUser);
    editorReviewer = await login(editorReviewerUser);
    admin = await login(adminUser);
    photo = await login(photoUser);
    desk = { newsdesk, editor, reviewers: [reviewerA, reviewerB], section: section.slug };
    deskOfEditorReviewer = { ...desk, editor: editorReviewer };
  });

  afterAll(async () => {
    await newsdesk?.stop();
  });

  async function get(id: string, client = editor) {
    return (await client.get(`/api/articles/${id}`)).body;
  }

  async function listingOf(slug = section.slug) {
    const reply = await anonymous.get(`/public/sections/${slug}/teasers?limit=50`);
    expect(reply.status).toBe(200);
    return reply.body.items as { slug: string; headline: string }[];
  }

  const actions = (history: { action: string }[]) => history.map((e) => e.action);

  describe('approval steps', () => {
    it('takes the steps in order, by different reviewers, never the author', async () => {
      const draft = await writeDraft(deskOfEditorReviewer, { section: twoSteps.slug });
      const review = await submitForReview(deskOfEditorReviewer, draft);
      expect(review).toMatchObject({
        approvals: [],
        nextApprovalStep: { key: 'section_lead', label: 'Section lead' },
      });

      const first = await reviewerA.post(`/api/articles/${draft.id}/approve`);
      expect(first.status).toBe(200);
      expect(first.body.status).toBe('in_review');
      expect(first.body.approvals).toEqual([
        {
          step: 'section_lead',
          label: 'Section lead',
          userId: reviewerAUser.id,
          userName: 'Rita Ressortleiterin',
          at: expect.any(String),
        },
      ]);
      expect(first.body.nextApprovalStep).toEqual({ key: 'chief_editor', label: 'Chief editor' });

      const twice = await reviewerA.post(`/api/articles/${draft.id}/approve`);
      expect(twice.status).toBe(403);
      expect(twice.body).toMatchObject({
        error: 'forbidden_transition',
        details: { reason: 'own_story', step: 'chief_editor' },
      });

      const byAuthor = await editorReviewer.post(`/api/articles/${draft.id}/approve`);
      expect(byAuthor.status).toBe(403);
      expect(byAuthor.body).toMatchObject({
        error: 'forbidden_transition',
        details: { reason: 'own_story' },
      });

      const unchanged = await get(draft.id);
      expect(unchanged.status).toBe('in_review');
      expect(unchanged.version).toBe(first.body.version);
      expect(unchanged.approvals).toHaveLength(1);

      const second = await reviewerB.post(`/api/articles/${draft.id}/approve`);
      expect(second.status).toBe(200);
      expect(second.body.status).toBe('approved');
      expect(second.body.approvals).toEqual([
        expect.objectContaining({ step: 'section_lead', userId: reviewerAUser.id }),
        expect.objectContaining({
          step: 'chief_editor',
          label: 'Chief editor',
          userId: reviewerBUser.id,
          userName: 'Carl Chefredakteur',
        }),
      ]);
      expect(second.body.nextApprovalStep).toBeNull();

      const history = (await editor.get(`/api/articles/${draft.id}/history`)).body;
      expect(actions(history).filter((a) => !a.startsWith('refused:'))).toEqual([
        'create',
        'submit',
        'passChecks',
        'approveStep',
        'approve',
      ]);
      expect(actions(history).filter((a) => a.startsWith('refused:'))).toEqual([
        'refused:approve',
        'refused:approve',
      ]);
    });

    it('sends the story back on a change request at step 2 and starts the approvals over', async () => {
      const draft = await writeDraft(desk, { section: twoSteps.slug });
      await submitForReview(desk, draft);
      expect((await reviewerA.post(`/api/articles/${draft.id}/approve`)).status).toBe(200);

      const back = await reviewerB.post(`/api/articles/${draft.id}/request-changes`, {
        comment: 'Bitte die Zahl der Behälter belegen.',
      });
      expect(back.status).toBe(200);
      expect(back.body.status).toBe('changes_requested');
      expect(back.body.approvals).toEqual([]);
      expect(back.body.nextApprovalStep).toBeNull();

      const again = await submitForReview(desk, draft);
      expect(again).toMatchObject({
        approvals: [],
        nextApprovalStep: { key: 'section_lead', label: 'Section lead' },
      });
      // A new round: reviewer A takes the first step again, and only the first.
      const first = await reviewerA.post(`/api/articles/${draft.id}/approve`);
      expect(first.status).toBe(200);
      expect(first.body.status).toBe('in_review');
      expect(first.body.approvals.map((a: { userId: string }) => a.userId)).toEqual([
        reviewerAUser.id,
      ]);
      expect(first.body.nextApprovalStep.key).toBe('chief_editor');

      const history = actions((await editor.get(`/api/articles/${draft.id}/history`)).body);
      expect(history).toEqual([
        'create',
        'submit',
        'passChecks',
        'approveStep',
        'requestChanges',
        'submit',
        'passChecks',
        'approveStep',
      ]);
    });
    it('publishes a story of a two-step section once both steps are approved by different reviewers', async () => {
      const story = await driveToPublished(desk, { section: twoSteps.slug });
      expect(story.status).toBe('published');
      const history = (await editor.get(`/api/articles/${story.id}/history`)).body as {
        action: string;
        actorId: string;
      }[];
      const approvals = history.filter((e) => e.action.startsWith('approve'));
      expect(approvals.map((e) => [e.action, e.actorId])).toEqual([
        ['approveStep', reviewerAUser.id],
        ['approve', reviewerBUser.id],
      ]);
      expect((await listingOf(twoSteps.slug)).map((i) => i.slug)).toContain(story.slug);
    });
  });

  describe('saving', () => {
    it('lets exactly one of two concurrent saves with the same If-Match win', async () => {
      const draft = await writeDraft(desk);
      let version = draft.version;
      let revisions = (await editor.get(`/api/articles/${draft.id}/revisions`)).body.length;
      expect(revisions).toBe(1);
      // Several rounds, so that the saves really overlap in at least some of them.
      for (let round = 1; round <= 5; round++) {
        const byAuthor = `Fassung der Autorin, Runde ${round}: Sensoren sparen Fahrten.`;
        const byAdmin = `Fassung der Administratorin, Runde ${round}: Sensoren sparen Diesel.`;
        const replies = await Promise.all([
          editor.patch(
            `/api/articles/${draft.id}`,
            { teaser: byAuthor },
            { 'if-match': String(version) },
          ),
          admin.patch(
            `/api/articles/${draft.id}`,
            { teaser: byAdmin },
            { 'if-match': String(version) },
          ),
        ]);
        const statuses = replies.map((r) => r.status);
        expect([...statuses].sort()).toEqual([200, 409]);
        const winner = replies[statuses.indexOf(200)];
        const loser = replies[statuses.indexOf(409)];
        expect(winner.body.version).toBe(version + 1);
        expect(loser.body.error).toBe('conflict');
        expect(loser.body.details.currentVersion).toBe(winner.body.version);

        const stored = await get(draft.id);
        expect(stored.teaser).toBe(statuses[0] === 200 ? byAuthor : byAdmin);
        expect(stored.version).toBe(winner.body.version);
        const now = (await editor.get(`/api/articles/${draft.id}/revisions`)).body.length;
        expect(now).toBe(revisions + 1);
        revisions = now;
        version = stored.version;
      }
    });

    it('honours edit locks: 423 for others, expiry, takeover by a reviewer only', async () => {
      const draft = await writeDraft(desk);
      const mine = await editor.post(`/api/articles/${draft.id}/lock`);
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({
        articleId: draft.id,
        holder: { id: editorUser.id, name: 'Erika Editor' },
        mine: true,
      });
      expect((await admin.get(`/api/articles/${draft.id}/lock`)).body).toMatchObject({
        holder: { id: editorUser.id },
        mine: false,
      });

      const blocked = await admin.patch(
        `/api/articles/${draft.id}`,
        { teaser: 'Die Administratorin will auch schreiben, darf aber nicht.' },
        { 'if-match': String(draft.version) },
      );
      expect(blocked.status).toBe(423);
      expect(blocked.body).toMatchObject({
        error: 'locked',
        details: { reason: 'held', holder: { id: editorUser.id, name: 'Erika Editor' } },
      });
      expect((await admin.post(`/api/articles/${draft.id}/lock`)).status).toBe(423);
      expect((await get(draft.id)).version).toBe(draft.version);

      const own = await editor.patch(
        `/api/articles/${draft.id}`,
        { teaser: 'Die Autorin hält die Sperre und speichert ihre Fassung.' },
        { 'if-match': String(draft.version) },
      );
      expect(own.status).toBe(200);

      // The lease runs out (no heartbeat): others may lock and save.
      await newsdesk.orm.em
        .fork()
        .nativeUpdate(
          EditLock,
          { articleId: draft.id },
          { expiresAt: new Date(Date.now() - 1000) },
        );
      expect((await admin.get(`/api/articles/${draft.id}/lock`)).body).toBeNull();
      const adminLock = await admin.post(`/api/articles/${draft.id}/lock`);
      expect(adminLock.status).toBe(200);
      expect(adminLock.body).toMatchObject({ holder: { id: adminUser.id }, mine: true });
      const adminSave = await admin.patch(
        `/api/articles/${draft.id}`,
        { teaser: 'Nach Ablauf der Sperre speichert die Administratorin.' },
        { 'if-match': String(own.body.version) },
      );
      expect(adminSave.status).toBe(200);
      expect((await admin.request('DELETE', `/api/articles/${draft.id}/lock`)).status).toBe(204);

      // Takeover: A edits again; an editor may not take the lease, a reviewer may.
      expect((await editor.post(`/api/articles/${draft.id}/lock`)).body.mine).toBe(true);
      const byEditor = await otherEditor.post(`/api/articles/${draft.id}/lock/takeover`);
      expect(byEditor.status).toBe(403);
      expect((await photo.post(`/api/articles/${draft.id}/lock/takeover`)).status).toBe(403);
      expect((await editor.get(`/api/articles/${draft.id}/lock`)).body.mine).toBe(true);

      const taken = await reviewerA.post(`/api/articles/${draft.id}/lock/takeover`);
      expect(taken.status).toBe(200);
      expect(taken.body).toMatchObject({ holder: { id: reviewerAUser.id }, mine: true });

      const late = await editor.patch(
        `/api/articles/${draft.id}`,
        { teaser: 'Die Autorin speichert, ohne zu wissen, dass die Sperre weg ist.' },
        { 'if-match': String(adminSave.body.version) },
      );
      expect(late.status).toBe(423);
      expect(late.body.details).toMatchObject({
        reason: 'taken_over',
        holder: { id: reviewerAUser.id, name: 'Rita Ressortleiterin' },
      });
      const stored = await get(draft.id);
      expect(stored.teaser).toBe('Nach Ablauf der Sperre speichert die Administratorin.');
      expect(actions((await editor.get(`/api/articles/${draft.id}/history`)).body)).toContain(
        'takeOverLock',
      );
    });

    it('lets only those who may edit a story take its lock; reviewers keep takeover', async () => {
      const draft = await writeDraft(desk);
      // Another editor, a reviewer and the photo desk may not edit the story, so they may not lock it.
      const foreign = await otherEditor.post(`/api/articles/${draft.id}/lock`);
      expect(foreign.status).toBe(403);
      expect(foreign.body.details.reason).toBe('own_story');
      expect((await reviewerA.post(`/api/articles/${draft.id}/lock`)).status).toBe(403);
      expect((await photo.post(`/api/articles/${draft.id}/lock`)).status).toBe(403);
      expect((await editor.get(`/api/articles/${draft.id}/lock`)).body).toBeNull();

      expect((await editor.post(`/api/articles/${draft.id}/lock`)).body.mine).toBe(true);
      const taken = await reviewerA.post(`/api/articles/${draft.id}/lock/takeover`);
      expect(taken.status).toBe(200);
      expect(taken.body).toMatchObject({ holder: { id: reviewerAUser.id }, mine: true });
      // A refused lock leaves the holder's lease alone.
      expect((await otherEditor.post(`/api/articles/${draft.id}/lock`)).status).toBe(403);
      expect((await editor.get(`/api/articles/${draft.id}/lock`)).body).toMatchObject({
        holder: { id: reviewerAUser.id },
      });
    });
  });

  describe('revisions', () => {
    it('lists every save, diffs two revisions and restores an old one as a new revision', async () => {
      const draft = await writeDraft(desk, {
        headline: `Sensoren im Müll ${suffix()}`,
      });
      const original = draft.headline;
      const saves: Record<string, unknown>[] = [
        { headline: `${original} – jetzt in allen Stadtteilen` },
        {
          body: [
            {
              type: 'paragraph',
              text: 'Die Stadt Arnsberg hat 600 Abfallbehälter mit Füllstandssensoren ausgestattet.',
            },
            {
              type: 'quote',
              text: '„Wir fahren nur noch, wo es nötig ist.“',
              attribution: 'Eva Beispiel, Bauhof',
            },
            { type: 'paragraph', text: 'Im Frühjahr folgen die Glascontainer.' },
          ],
        },
        { teaser: 'Sensoren in 600 Behältern sparen der Stadt jede Woche drei Leerungsfahrten.' },
      ];
      let version = draft.version;
      for (const change of saves) {
        const saved = await editor.patch(`/api/articles/${draft.id}`, change, {
          'if-match': String(version),
        });
        expect(saved.status).toBe(200);
        version = saved.body.version;
      }

      const list = await editor.get(`/api/articles/${draft.id}/revisions`);
      expect(list.status).toBe(200);
      expect(
        list.body.map((r: { number: number; changed: string[] }) => [r.number, r.changed]),
      ).toEqual([
        [1, ['created']],
        [2, ['headline']],
        [3, ['body']],
        [4, ['teaser']],
      ]);
      expect(list.body.every((r: { authorId: string }) => r.authorId === editorUser.id)).toBe(true);

      const diff = await editor.get(`/api/articles/${draft.id}/diff?from=1&to=3`);
      expect(diff.status).toBe(200);
      expect(diff.body.fields).toEqual([
        { field: 'headline', from: original, to: `${original} – jetzt in allen Stadtteilen` },
      ]);
      expect(diff.body.body.map((b: { change: string }) => b.change)).toEqual([
        'changed',
        'same',
        'added',
      ]);
      expect(diff.body.body[0]).toMatchObject({
        change: 'changed',
        fromIndex: 0,
        toIndex: 0,
        from: { text: expect.stringContaining('400') },
        to: { text: expect.stringContaining('600') },
      });
      expect(diff.body.body[2]).toMatchObject({
        change: 'added',
        toIndex: 2,
        block: { type: 'paragraph', text: 'Im Frühjahr folgen die Glascontainer.' },
      });
      expect((await editor.get(`/api/articles/${draft.id}/diff?from=1&to=9`)).status).toBe(404);
      expect((await editor.get(`/api/articles/${draft.id}/diff?from=x&to=2`)).status).toBe(400);

      const stale = await editor.post(`/api/articles/${draft.id}/revisions/1/restore`, undefined, {
        'if-match': String(draft.version),
      });
      expect(stale.status).toBe(409);
      const restored = await editor.post(
        `/api/articles/${draft.id}/revisions/1/restore`,
        undefined,
        {
          'if-match': String(version),
        },
      );
      expect(restored.status).toBe(200);
      expect(restored.body.revision).toBe(5);
      expect(restored.body.headline).toBe(original);

      const [one, five] = await Promise.all([
        editor.get(`/api/articles/${draft.id}/revisions/1`),
        editor.get(`/api/articles/${draft.id}/revisions/5`),
      ]);
      expect(five.status).toBe(200);
      expect(five.body.content).toEqual(one.body.content);
      expect(five.body.note).toBe('restored from revision 1');
      const after = (await editor.get(`/api/articles/${draft.id}/revisions`)).body;
      expect(after.map((r: { number: number }) => r.number)).toEqual([1, 2, 3, 4, 5]);
      const noChange = await editor.get(`/api/articles/${draft.id}/diff?from=1&to=5`);
      expect(noChange.body.fields).toEqual([]);
      expect(noChange.body.body.every((b: { change: string }) => b.change === 'same')).toBe(true);
    });
  });

  describe('published stories', () => {
    it('keeps the public version until a correction publishes the edited working copy', async () => {
      const story = await driveToPublished(desk);
      const publicBefore = (await anonymous.get(`/public/articles/${story.slug}`)).body;
      const headline = `Korrigiert: 400 Behälter melden ihren Füllstand ${suffix()}`;
      const edited = await editor.patch(
        `/api/articles/${story.id}`,
        {
          headline,
          body: [
            {
              type: 'paragraph',
              text: 'Die Stadt Arnsberg hat 400 Behälter ausgestattet, nicht 300.',
            },
          ],
        },
        { 'if-match': String(story.version) },
      );
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        status: 'published',
        pendingChanges: true,
        slug: story.slug,
      });
      await newsdesk.settle();
      const publicMeanwhile = await anonymous.get(`/public/articles/${story.slug}`);
      expect(publicMeanwhile.status).toBe(200);
      expect(publicMeanwhile.body.headline).toBe(publicBefore.headline);
      expect(publicMeanwhile.body.body).toEqual(publicBefore.body);
      expect((await listingOf()).find((i) => i.slug === story.slug)?.headline).toBe(
        publicBefore.headline,
      );

      expect(
        (await editor.post(`/api/articles/${story.id}/corrections`, { note: 'x' })).status,
      ).toBe(403);
      const note = 'In einer früheren Fassung stand eine falsche Zahl der Behälter.';
      const corrected = await reviewerA.post(`/api/articles/${story.id}/corrections`, { note });
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({ status: 'published', pendingChanges: false });
      await newsdesk.settle();

      const publicAfter = await anonymous.get(`/public/articles/${story.slug}`);
      expect(publicAfter.status).toBe(200);
      expect(publicAfter.body.headline).toBe(headline);
      expect(publicAfter.body.body).toEqual([
        { type: 'paragraph', text: 'Die Stadt Arnsberg hat 400 Behälter ausgestattet, nicht 300.' },
      ]);
      expect(publicAfter.body.corrections).toEqual([{ at: expect.any(String), note }]);
      const inListing = (await listingOf()).filter((i) => i.slug === story.slug);
      expect(inListing.map((i) => i.headline)).toEqual([headline]);
    });

    it('kills a story at once, everywhere; only an admin reopens it', async () => {
      const story = await driveToPublished(desk);
      expect((await listingOf()).map((i) => i.slug)).toContain(story.slug);

      const noReason = await reviewerA.post(`/api/articles/${story.id}/kill`, {});
      expect(noReason.status).toBe(400);
      expect(noReason.body.details.problems[0].field).toBe('reason');

      const reason = 'Rechtliche Prüfung: Vorwürfe nicht belegt.';
      const killed = await reviewerA.post(`/api/articles/${story.id}/kill`, { reason });
      expect(killed.status).toBe(200);
      expect(killed.body).toMatchObject({ status: 'killed', killReason: reason });
      // The public read model goes in the kill's own transaction.
      expect((await anonymous.get(`/public/articles/${story.slug}`)).status).toBe(404);
      await newsdesk.settle();
      expect((await listingOf()).map((i) => i.slug)).not.toContain(story.slug);
      expect((await anonymous.get(`/public/articles/${story.slug}`)).status).toBe(404);

      const byAuthor = await editor.post(`/api/articles/${story.id}/reopen`);
      expect(byAuthor.status).toBe(403);
      expect(byAuthor.body.details.reason).toBe('wrong_role');
      expect((await get(story.id)).status).toBe('killed');

      const byAdmin = await admin.post(`/api/articles/${story.id}/reopen`);
      expect(byAdmin.status).toBe(200);
      expect(byAdmin.body).toMatchObject({ status: 'draft', killReason: null });
      await newsdesk.settle();
      expect((await anonymous.get(`/public/articles/${story.slug}`)).status).toBe(404);

      const history = (await editor.get(`/api/articles/${story.id}/history`)).body;
      expect(history.find((e: { action: string }) => e.action === 'kill')).toMatchObject({
        fromStatus: 'published',
        toStatus: 'killed',
        comment: reason,
      });
      expect(actions(history).slice(-1)).toEqual(['reopenKilled']);
    });
  });

  describe('comments and assignment', () => {
    it('threads comments on body blocks, resolves them, and records them in the history', async () => {
      const draft = await writeDraft(desk);
      const thread = await reviewerA.post(`/api/articles/${draft.id}/comments`, {
        text: 'Quelle für die 400 Behälter?',
        blockIndex: 0,
      });
      expect(thread.status).toBe(201);
      expect(thread.body).toMatchObject({
        author: { id: reviewerAUser.id, name: 'Rita Ressortleiterin' },
        blockIndex: 0,
        revision: 1,
        resolved: null,
      });
      const reply = await editor.post(`/api/articles/${draft.id}/comments`, {
        text: 'Pressemitteilung der Stadt vom Montag.',
        parentId: thread.body.id,
      });
      expect(reply.status).toBe(201);

      const outOfRange = await reviewerA.post(`/api/articles/${draft.id}/comments`, {
        text: 'Zu welchem Absatz?',
        blockIndex: 2,
      });
      expect(outOfRange.status).toBe(400);
      expect(outOfRange.body.details.problems[0].field).toBe('blockIndex');
      const replyToReply = await reviewerA.post(`/api/articles/${draft.id}/comments`, {
        text: 'Danke.',
        parentId: reply.body.id,
      });
      expect(replyToReply.status).toBe(400);

      const resolved = await reviewerA.post(
        `/api/articles/${draft.id}/comments/${thread.body.id}/resolve`,
      );
      expect(resolved.status).toBe(200);
      const threads = (await editor.get(`/api/articles/${draft.id}/comments`)).body;
      expect(threads).toEqual([
        expect.objectContaining({
          id: thread.body.id,
          text: 'Quelle für die 400 Behälter?',
          blockIndex: 0,
          resolved: { at: expect.any(String), by: reviewerAUser.id },
          replies: [
            expect.objectContaining({
              id: reply.body.id,
              text: 'Pressemitteilung der Stadt vom Montag.',
              author: { id: editorUser.id, name: 'Erika Editor' },
            }),
          ],
        }),
      ]);

      const history = (await editor.get(`/api/articles/${draft.id}/history`)).body;
      expect(actions(history)).toEqual(['create', 'comment', 'comment', 'resolveComment']);
      expect(history[1]).toMatchObject({ comment: 'Quelle für die 400 Behälter?' });
    });

    it("puts assigned stories into the reviewer's queue, oldest first; only reviewers", async () => {
      const queueOwner = await makeUser(newsdesk.orm, ['reviewer'], 'Quentin Queue');
      const reviewer = await login(queueOwner);
      const older = await writeDraft(desk);
      const newer = await writeDraft(desk);
      // Assign the newer one first: the queue is ordered by the stories' age, not by assignment.
      for (const story of [newer, older]) {
        const assigned = await editor.post(`/api/articles/${story.id}/assign`, {
          assigneeId: queueOwner.id,
        });
        expect(assigned.status).toBe(200);
        expect(assigned.body.assignee).toEqual({ id: queueOwner.id, name: 'Quentin Queue' });
      }
      const queue = await reviewer.get('/api/articles?assignee=me');
      expect(queue.status).toBe(200);
      expect(queue.body.items.map((s: { id: string }) => s.id)).toEqual([older.id, newer.id]);
      expect(queue.body.total).toBe(2);
      expect((await reviewerA.get('/api/articles?assignee=me')).body.items).toEqual([]);

      const toEditor = await editor.post(`/api/articles/${older.id}/assign`, {
        assigneeId: photoUser.id,
      });
      expect(toEditor.status).toBe(400);
      expect(toEditor.body.details.problems[0].field).toBe('assigneeId');
      const toAuthor = await editorReviewer.post(
        `/api/articles/${(await writeDraft(deskOfEditorReviewer)).id}/assign`,
        { assigneeId: editorReviewerUser.id },
      );
      expect(toAuthor.status).toBe(400);
      expect((await get(older.id)).assignee).toEqual({ id: queueOwner.id, name: 'Quentin Queue' });
      const history = actions((await editor.get(`/api/articles/${older.id}/history`)).body);
      expect(history).toEqual(['create', 'assign']);
    });

    it('lists the newsroom’s active people with their roles, by name, for the pickers; a deactivated one cannot be assigned', async () => {
      const active = await makeUser(newsdesk.orm, ['reviewer'], `Aaron Aktiv ${suffix()}`);
      const admin = await makeUser(newsdesk.orm, ['admin'], `Adele Admin ${suffix()}`);
      const gone = await makeUser(newsdesk.orm, ['reviewer'], `Gustav Gegangen ${suffix()}`);
      await newsdesk.orm.em.fork().nativeUpdate(User, { id: gone.id }, { active: false });

      const reply = await editor.get('/api/people');
      expect(reply.status).toBe(200);
      const ids = reply.body.map((p: { id: string }) => p.id);
      expect(ids).toEqual(
        expect.arrayContaining([active.id, admin.id, reviewerAUser.id, editorUser.id]),
      );
      expect(ids).not.toContain(gone.id);
      // By name: Aaron before Adele.
      expect(ids.indexOf(active.id)).toBeLessThan(ids.indexOf(admin.id));
      expect(reply.body.find((p: { id: string }) => p.id === active.id)).toEqual({
        id: active.id,
        name: active.name,
        roles: ['reviewer'],
      });

      const story = await writeDraft(desk);
      const toGone = await editor.post(`/api/articles/${story.id}/assign`, { assigneeId: gone.id });
      expect(toGone.status).toBe(400);
      expect(toGone.body.details.problems).toEqual([
        { field: 'assigneeId', reason: 'the user is deactivated' },
      ]);
      expect((await new ApiClient(newsdesk.url).get('/api/people')).status).toBe(401);
    });
  });

  describe('preview links', () => {
    /** A draft with two revisions (the second with another headline) and a link to each. */
    async function previewed() {
      const draft = await writeDraft(desk);
      const secondHeadline = `Vorschau: Sensoren melden den Füllstand ${suffix()}`;
      const saved = await editor.patch(
        `/api/articles/${draft.id}`,
        { headline: secondHeadline },
        { 'if-match': String(draft.version) },
      );
      expect(saved.status).toBe(200);
      const newest = await editor.post(`/api/articles/${draft.id}/preview`);
      expect(newest.status).toBe(201);
      const first = await editor.post(`/api/articles/${draft.id}/preview`, { revision: 1 });
      expect(first.status).toBe(201);
      return { draft, secondHeadline, newest: newest.body, first: first.body };
    }

    it('signs a link to the newest or a given revision; 404 for an unknown revision', async () => {
      const { draft, newest, first } = await previewed();
      expect(newest).toMatchObject({
        revision: 2,
        token: expect.stringMatching(/^[\w-]+\.[\w-]+$/),
      });
      expect(newest.url.endsWith(`/site/preview/${newest.token}`)).toBe(true);
      expect(Date.parse(newest.expiresAt)).toBeGreaterThan(Date.now());
      expect(first.revision).toBe(1);
      expect(first.token).not.toBe(newest.token);
      const unknown = await editor.post(`/api/articles/${draft.id}/preview`, { revision: 99 });
      expect(unknown.status).toBe(404);
      const notANumber = await editor.post(`/api/articles/${draft.id}/preview`, { revision: 'x' });
      expect(notANumber.status).toBe(400);
    });

    it('shows the revision without a login; refuses an altered, forged or expired link', async () => {
      const { draft, secondHeadline, newest, first } = await previewed();
      const shown = await anonymous.get(`/public/preview/${newest.token}`);
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({ headline: secondHeadline, preview: { revision: 2 } });
      const firstShown = await anonymous.get(`/public/preview/${first.token}`);
      expect(firstShown.status).toBe(200);
      expect(firstShown.body.headline).toBe(draft.headline);

      // One character of the signature changed.
      const [payload, signature] = (newest.token as string).split('.');
      const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
      const altered = await anonymous.get(`/public/preview/${payload}.${flipped}`);
      expect(altered.status).toBe(401);
      // A payload naming another revision under the old signature.
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      const forged = Buffer.from(JSON.stringify({ ...claims, r: 1 })).toString('base64url');
      expect((await anonymous.get(`/public/preview/${forged}.${signature}`)).status).toBe(401);
      expect((await anonymous.get(`/public/preview/${payload}`)).status).toBe(401);

      // Expiry: the API's clock moves past the link's end (a forged exp would break the signature).
      const clock = newsdesk.api.get(Clock);
      const spy = jest
        .spyOn(clock, 'now')
        .mockReturnValue(new Date(Date.parse(newest.expiresAt) + 1000));
      try {
        const expired = await anonymous.get(`/public/preview/${newest.token}`);
        expect(expired.status).toBe(410);
        expect(expired.body.error).toBe('expired');
      } finally {
        spy.mockRestore();
      }
      expect((await anonymous.get(`/public/preview/${newest.token}`)).status).toBe(200);
    });

    it('refuses a link with anything appended', async () => {
      const { newest } = await previewed();
      const token = newest.token as string;
      expect((await anonymous.get(`/public/preview/${token}`)).status).toBe(200);
      for (const appended of ['.x', '.', 'x', '=', '%20', `.${token}`]) {
        const reply = await anonymous.get(`/public/preview/${token}${appended}`);
        expect([appended, reply.status]).toEqual([appended, 401]);
      }
    });

    it('closes the links of a story that is unpublished (410), also after it is reopened', async () => {
      const story = await driveToPublished(desk);
      const link = (await editor.post(`/api/articles/${story.id}/preview`)).body;
      expect((await anonymous.get(`/public/preview/${link.token}`)).status).toBe(200);
      expect((await reviewerA.post(`/api/articles/${story.id}/unpublish`)).status).toBe(202);
      await newsdesk.settle();
      expect((await get(story.id)).status).toBe('unpublished');
      const closed = await anonymous.get(`/public/preview/${link.token}`);
      expect(closed.status).toBe(410);
      expect(closed.body).toMatchObject({ error: 'expired', details: { reason: 'retracted' } });

      expect((await editor.post(`/api/articles/${story.id}/reopen`)).status).toBe(200);
      expect((await get(story.id)).status).toBe('draft');
      expect((await anonymous.get(`/public/preview/${link.token}`)).status).toBe(410);
      const fresh = (await editor.post(`/api/articles/${story.id}/preview`)).body;
      expect((await anonymous.get(`/public/preview/${fresh.token}`)).status).toBe(200);
    });

    it('closes the links of a killed story (410)', async () => {
      const story = await driveToPublished(desk);
      const link = (await editor.post(`/api/articles/${story.id}/preview`)).body;
      expect((await anonymous.get(`/public/preview/${link.token}`)).status).toBe(200);
      const killed = await reviewerA.post(`/api/articles/${story.id}/kill`, {
        reason: 'Rechtliche Prüfung.',
      });
      expect(killed.status).toBe(200);
      const closed = await anonymous.get(`/public/preview/${link.token}`);
      expect(closed.status).toBe(410);
      expect(closed.body.details.reason).toBe('retracted');
    });
  });

  describe('refusals', () => {
    it('audits a refused approval, changes nothing, and shows the audit log to admins only', async () => {
      const draft = await writeDraft(deskOfEditorReviewer);
      const review = await submitForReview(deskOfEditorReviewer, draft);
      const own = await editorReviewer.post(`/api/articles/${draft.id}/approve`);
      expect(own.status).toBe(403);
      expect(own.body.details.reason).toBe('own_story');
      const after = await get(draft.id);
      expect(after).toMatchObject({ status: 'in_review', version: review.version, approvals: [] });

      const audit = await admin.get(`/api/audit?action=refused:approve&article=${draft.id}`);
      expect(audit.status).toBe(200);
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          articleId: draft.id,
          actorId: editorReviewerUser.id,
          action: 'refused:approve',
          fromStatus: 'in_review',
          toStatus: null,
          details: expect.objectContaining({ reason: 'own_story' }),
        }),
      ]);
      expect((await reviewerA.get(`/api/audit?article=${draft.id}`)).status).toBe(403);
      expect((await editorReviewer.get(`/api/audit?article=${draft.id}`)).status).toBe(403);
      expect((await admin.get('/api/audit?action=drop%20table')).status).toBe(400);
    });
  });
});

function suffix(): string {
  return randomUUID().slice(0, 8);
}
