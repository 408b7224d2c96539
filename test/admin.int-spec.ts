import { AdminAuditEntry, type User } from '@newsdesk/identity';
import { Section } from '@newsdesk/editorial';
import { Session } from '@newsdesk/sessions';
import { ApiClient } from './support/http';
import { makeDraft, makeSection, makeUser, PASSWORD } from './support/factories';
import { Newsdesk } from './support/newsdesk';

interface AdminUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
  active: boolean;
  mustChangePassword: boolean;
}

const fieldsOf = (body: { details?: { problems?: { field: string }[] } }) =>
  (body.details?.problems ?? []).map((p) => p.field);

describe('the administration API', () => {
  let newsdesk: Newsdesk;
  let anonymous: ApiClient;
  let admin: ApiClient;
  let adminUser: User;
  let editor: ApiClient;

  const unique = () => Math.random().toString(36).slice(2, 10);

  /** Invites a user through the API and returns them with their one-time password. */
  async function invite(roles: string[] = ['editor']) {
    const reply = await admin.post<{ user: AdminUser; initialPassword: string }>(
      '/api/admin/users',
      { email: `  New.${unique()}@Newsdesk.test `, name: '  Lena Berger ', roles },
    );
    expect(reply.status).toBe(201);
    return reply.body;
  }

  /** Signs in with a one-time password and replaces it; returns the client with the new token. */
  async function firstSignIn(email: string, initialPassword: string): Promise<ApiClient> {
    const once = await anonymous.login(email, initialPassword);
    const changed = await once.post<{ accessToken: string }>('/api/auth/password', {
      current: initialPassword,
      new: 'a-new-password-42',
    });
    expect(changed.status).toBe(200);
    return anonymous.as(changed.body.accessToken);
  }

  /** Why each of the user's sessions ended (null: still running), oldest first. */
  async function endReasonsOf(userId: string): Promise<(string | null)[]> {
    const sessions = await newsdesk.orm.em
      .fork()
      .find(Session, { user: userId }, { orderBy: { createdAt: 'asc' } });
    return sessions.map((s) => s.endReason);
  }

  async function auditOf(subjectId: string): Promise<AdminAuditEntry[]> {
    return newsdesk.orm.em.fork().find(AdminAuditEntry, { subjectId }, { orderBy: { id: 'asc' } });
  }

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    anonymous = new ApiClient(newsdesk.url);
    adminUser = await makeUser(newsdesk.orm, ['admin'], 'Ada Admin');
    admin = await anonymous.login(adminUser.email, PASSWORD);
    editor = await anonymous.login((await makeUser(newsdesk.orm, ['editor'])).email, PASSWORD);
  });

  afterAll(async () => {
    await newsdesk?.stop();
  });

  describe('users', () => {
    it('invites a user whose one-time password must be changed before anything else', async () => {
      const { user, initialPassword } = await invite(['editor']);
      expect(user).toEqual(
        expect.objectContaining({
          name: 'Lena Berger',
          roles: ['editor'],
          active: true,
          mustChangePassword: true,
        }),
      );
      expect(user.email).toMatch(/^new\.[a-z0-9]+@newsdesk\.test$/);
      expect(initialPassword.length).toBeGreaterThanOrEqual(16);

      const once = await anonymous.login(user.email, initialPassword);
      const refused = await once.get('/api/sections');
      expect(refused.status).toBe(403);
      expect(refused.body.details.reason).toBe('password_change_required');

      const wrong = await once.post('/api/auth/password', { current: 'nope', new: 'x' });
      expect(wrong.status).toBe(400);
      expect(fieldsOf(wrong.body)).toEqual(expect.arrayContaining(['new']));

      const changed = await once.post('/api/auth/password', {
        current: initialPassword,
        new: 'a-new-password-42',
      });
      expect(changed.status).toBe(200);
      expect(changed.body.user.mustChangePassword).toBe(false);
      // Answered like a login: a new session, with its cookie for browsers.
      expect(changed.headers.get('set-cookie')).toMatch(/newsdesk_session=[^;]+;/);
      expect(await endReasonsOf(user.id)).toEqual(['password_changed', null]);
      // The one-time password's session ends; the new token works.
      expect((await once.get('/api/sections')).status).toBe(401);
      expect((await anonymous.as(changed.body.accessToken).get('/api/sections')).status).toBe(200);
      await expect(anonymous.login(user.email, initialPassword)).rejects.toThrow(/401/);
      await anonymous.login(user.email, 'a-new-password-42');

      expect((await auditOf(user.id)).map((e) => [e.action, e.actorId])).toEqual([
        ['user.create', adminUser.id],
        ['user.change_password', user.id],
      ]);
    });

    it('lists users for admins and refuses everyone else', async () => {
      const list = await admin.get<AdminUser[]>('/api/admin/users');
      expect(list.status).toBe(200);
      expect(list.body.map((u) => u.id)).toContain(adminUser.id);
      expect(JSON.stringify(list.body)).not.toMatch(/passwordHash|\$argon2/);
      expect((await editor.get('/api/admin/users')).status).toBe(403);
      expect((await editor.post('/api/admin/users', { email: 'x@y.de' })).status).toBe(403);
      expect((await editor.get('/api/admin/audit')).status).toBe(403);
      expect((await anonymous.get('/api/admin/users')).status).toBe(401);
    });

    it('refuses bad input with 400 naming the field, and a taken email', async () => {
      // An unknown field is refused at the edge, named with every other problem of the body.
      const unknown = await admin.post('/api/admin/users', {
        email: 'not-an-email',
        name: '',
        roles: ['editor', 'king'],
        colour: 'red',
      });
      expect(unknown.status).toBe(400);
      expect(fieldsOf(unknown.body).sort()).toEqual(['colour', 'email', 'name', 'roles[1]']);
      const bad = await admin.post('/api/admin/users', {
        email: 'not-an-email',
        name: '',
        roles: ['editor', 'king'],
      });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['email', 'name', 'roles[1]']));
      const taken = await admin.post('/api/admin/users', {
        email: adminUser.email,
        name: 'Twin',
        roles: ['editor'],
      });
      expect(taken.status).toBe(400);
      expect(fieldsOf(taken.body)).toEqual(['email']);
      const { user } = await invite();
      const badPatch = await admin.patch(`/api/admin/users/${user.id}`, {
        active: 'no',
        roles: [],
      });
      expect(badPatch.status).toBe(400);
      expect(fieldsOf(badPatch.body).sort()).toEqual(['active', 'roles']);
      expect((await admin.patch(`/api/admin/users/${crypto.randomUUID()}`, {})).status).toBe(404);
    });

    it('changes roles: the old token ends, a new sign-in has the new roles', async () => {
      const { user, initialPassword } = await invite(['editor']);
      const before = await firstSignIn(user.email, initialPassword);
      const section = await makeSection(newsdesk.orm);
      expect((await before.post('/api/articles', makeDraft(section.slug))).status).toBe(201);

      const changed = await admin.patch<AdminUser>(`/api/admin/users/${user.id}`, {
        roles: ['reviewer'],
        name: 'Lena Berger-Stein',
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toEqual(
        expect.objectContaining({ roles: ['reviewer'], name: 'Lena Berger-Stein' }),
      );
      expect((await before.get('/api/sections')).status).toBe(401);
      expect((await endReasonsOf(user.id)).at(-1)).toBe('roles_changed');
      const after = await anonymous.login(user.email, 'a-new-password-42');
      expect((await after.post('/api/articles', makeDraft(section.slug))).status).toBe(403);

      const [, , update] = await auditOf(user.id);
      expect(update.action).toBe('user.update');
      expect(update.details).toEqual({
        changes: {
          roles: { from: ['editor'], to: ['reviewer'] },
          name: { from: 'Lena Berger', to: 'Lena Berger-Stein' },
        },
        sessionsEnded: true,
      });
    });

    it('deactivates a user: no sign-in, and their token stops working at once', async () => {
      const { user, initialPassword } = await invite(['editor']);
      const session = await firstSignIn(user.email, initialPassword);
      expect((await session.get('/api/sections')).status).toBe(200);

      const off = await admin.patch<AdminUser>(`/api/admin/users/${user.id}`, { active: false });
      expect(off.status).toBe(200);
      expect(off.body.active).toBe(false);
      expect((await session.get('/api/sections')).status).toBe(401);
      // Ended through the sessions, not merely refused for the inactive user.
      expect((await endReasonsOf(user.id)).at(-1)).toBe('deactivated');
      const login = await anonymous.post('/api/auth/login', {
        email: user.email,
        password: 'a-new-password-42',
      });
      expect(login.status).toBe(401);
      expect(login.body.message).toMatch(/deactivated/);

      expect((await admin.patch(`/api/admin/users/${user.id}`, { active: true })).status).toBe(200);
      await anonymous.login(user.email, 'a-new-password-42');
    });

    it('resets a password: a new one-time password, the old one and its sessions end', async () => {
      const { user, initialPassword } = await invite(['reviewer']);
      const session = await firstSignIn(user.email, initialPassword);
      const reset = await admin.post<{ user: AdminUser; initialPassword: string }>(
        `/api/admin/users/${user.id}/reset-password`,
      );
      expect(reset.status).toBe(200);
      expect(reset.body.user.mustChangePassword).toBe(true);
      expect(reset.body.initialPassword).not.toBe(initialPassword);
      expect((await session.get('/api/sections')).status).toBe(401);
      expect((await endReasonsOf(user.id)).at(-1)).toBe('password_reset');
      await expect(anonymous.login(user.email, 'a-new-password-42')).rejects.toThrow(/401/);
      const once = await anonymous.login(user.email, reset.body.initialPassword);
      expect((await once.get('/api/articles')).status).toBe(403);
      await firstSignIn(user.email, reset.body.initialPassword);

      const actions = (await auditOf(user.id)).map((e) => e.action);
      expect(actions).toContain('user.reset_password');
      expect(JSON.stringify(await auditOf(user.id))).not.toContain(reset.body.initialPassword);
    });
  });

  it('keeps the administration log append-only', async () => {
    const { user } = await invite();
    const em = newsdesk.orm.em.fork();
    await expect(
      em.nativeUpdate(AdminAuditEntry, { subjectId: user.id }, { action: 'forged' }),
    ).rejects.toThrow(/append-only/);
    await expect(em.nativeDelete(AdminAuditEntry, { subjectId: user.id })).rejects.toThrow(
      /append-only/,
    );
    const page = await admin.get<{ items: { action: string }[] }>(
      `/api/admin/audit?kind=user&subject=${user.id}`,
    );
    expect(page.body.items.map((e) => e.action)).toEqual(['user.create']);
    const bad = await admin.get('/api/admin/audit?kind=story&limit=0');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body).sort()).toEqual(['kind', 'limit']);
  });

  describe('sections', () => {
    interface SectionView {
      id: string;
      slug: string;
      name: string;
      approvalSteps: { key: string; label: string; roles: string[] }[];
      profile: { teaser: { min: number; max: number } };
      archived: boolean;
    }

    async function createSection(body: Record<string, unknown> = {}): Promise<SectionView> {
      const reply = await admin.post<SectionView>('/api/admin/sections', {
        slug: `digitale-bildung-${unique()}`,
        name: 'Digitale Bildung',
        ...body,
      });
      expect(reply.status).toBe(201);
      return reply.body;
    }

    it('creates a section with one review and the default profile, listed for everyone', async () => {
      const section = await createSection({ description: 'Schulen und Hochschulen' });
      expect(section).toEqual(
        expect.objectContaining({
          name: 'Digitale Bildung',
          archived: false,
          approvalSteps: [{ key: 'review', label: 'Review', roles: ['reviewer'] }],
        }),
      );
      expect(section.profile.teaser.max).toBe(400);
      const list = await editor.get<SectionView[]>('/api/sections');
      expect(list.body.find((s) => s.slug === section.slug)).toEqual(section);
      const audit = await admin.get<{ items: { action: string; subjectId: string }[] }>(
        `/api/admin/audit?kind=section&subject=${section.id}`,
      );
      expect(audit.status).toBe(200);
      expect(audit.body.items.map((e) => e.action)).toEqual(['section.create']);
    });

    it('refuses non-admins, bad input naming the field, and a taken slug', async () => {
      expect((await editor.post('/api/admin/sections', { slug: 'x', name: 'X' })).status).toBe(403);
      const section = await createSection();
      expect(
        (await editor.patch(`/api/admin/sections/${section.slug}`, { name: 'Neu' })).status,
      ).toBe(403);
      const bad = await admin.post('/api/admin/sections', {
        slug: 'Digitale Bildung',
        name: '',
        approvalSteps: [{ key: 'Lead!', label: 'Lead', roles: [] }],
        profile: { teaser: { max: 5000 } },
      });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(
        expect.arrayContaining(['slug', 'name', 'approvalSteps[0].key', 'approvalSteps[0].roles']),
      );
      const badProfile = await admin.post('/api/admin/sections', {
        slug: `ok-${unique()}`,
        name: 'OK',
        profile: { teaser: { max: 5000 } },
      });
      expect(badProfile.status).toBe(400);
      expect(fieldsOf(badProfile.body)).toEqual(['profile.teaser.max']);
      const taken = await admin.post('/api/admin/sections', { slug: section.slug, name: 'Twin' });
      expect(taken.status).toBe(400);
      expect(fieldsOf(taken.body)).toEqual(['slug']);
      const slug = await admin.patch(`/api/admin/sections/${section.slug}`, { slug: 'neu' });
      expect(slug.status).toBe(400);
      expect(fieldsOf(slug.body)).toEqual(['slug']);
      expect((await admin.patch('/api/admin/sections/no-such-section', { name: 'X' })).status).toBe(
        404,
      );
    });

    it('renames a section: the API and the audit show it', async () => {
      const section = await createSection();
      const renamed = await admin.patch<SectionView>(`/api/admin/sections/${section.slug}`, {
        name: 'Bildung digital',
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body.name).toBe('Bildung digital');
      const row = await newsdesk.orm.em.fork().findOneOrFail(Section, { id: section.id });
      expect(row.name).toBe('Bildung digital');
      const [, update] = await auditOf(section.id);
      expect(update.action).toBe('section.update');
      expect(update.details.changes).toEqual({
        name: { from: 'Digitale Bildung', to: 'Bildung digital' },
      });
      await newsdesk.settle();
    });

    it('archives a section: it takes no new stories until it is taken out of the archive', async () => {
      const section = await createSection();
      const open = await editor.post('/api/articles', makeDraft(section.slug));
      expect(open.status).toBe(201);
      const archived = await admin.patch<SectionView>(`/api/admin/sections/${section.slug}`, {
        archived: true,
      });
      expect(archived.body.archived).toBe(true);
      const refused = await editor.post('/api/articles', makeDraft(section.slug));
      expect(refused.status).toBe(400);
      expect(fieldsOf(refused.body)).toEqual(['section']);
      expect(refused.body.message).toMatch(/archived/);
      // Moving a story into it is a new story for the section too.
      const other = await makeSection(newsdesk.orm);
      const elsewhere = await editor.post('/api/articles', makeDraft(other.slug));
      const moved = await editor.patch(
        `/api/articles/${elsewhere.body.id}`,
        { section: section.slug },
        { 'if-match': String(elsewhere.body.version) },
      );
      expect(moved.status).toBe(400);
      // A story already in it can still be saved.
      const saved = await editor.patch(
        `/api/articles/${open.body.id}`,
        { section: section.slug, kicker: 'Schule' },
        { 'if-match': String(open.body.version) },
      );
      expect(saved.status).toBe(200);
      await admin.patch(`/api/admin/sections/${section.slug}`, { archived: false });
      expect((await editor.post('/api/articles', makeDraft(section.slug))).status).toBe(201);
    });

    it('changes the approval steps: the next story needs both', async () => {
      const section = await createSection();
      const steps = await admin.patch<SectionView>(`/api/admin/sections/${section.slug}`, {
        approvalSteps: [
          { key: 'section_lead', label: 'Ressortleitung', roles: ['reviewer'] },
          { key: 'chief_editor', label: 'Chefredaktion', roles: ['reviewer', 'reviewer'] },
        ],
      });
      expect(steps.status).toBe(200);
      expect(steps.body.approvalSteps.map((s) => s.key)).toEqual(['section_lead', 'chief_editor']);
      expect(steps.body.approvalSteps[1].roles).toEqual(['reviewer']);

      const lead = await anonymous.login(
        (await makeUser(newsdesk.orm, ['reviewer'])).email,
        PASSWORD,
      );
      const chief = await anonymous.login(
        (await makeUser(newsdesk.orm, ['reviewer'])).email,
        PASSWORD,
      );
      const draft = await editor.post('/api/articles', makeDraft(section.slug));
      expect((await editor.post(`/api/articles/${draft.body.id}/submit`)).status).toBe(202);
      await newsdesk.settle();
      const first = await lead.post(`/api/articles/${draft.body.id}/approve`);
      expect(first.status).toBe(200);
      expect(first.body.status).toBe('in_review');
      expect(first.body.nextApprovalStep).toEqual({ key: 'chief_editor', label: 'Chefredaktion' });
      const second = await chief.post(`/api/articles/${draft.body.id}/approve`);
      expect(second.body.status).toBe('approved');

      const [, update] = await auditOf(section.id);
      expect(Object.keys(update.details.changes as object)).toEqual(['approvalSteps']);
    });
  });
});
