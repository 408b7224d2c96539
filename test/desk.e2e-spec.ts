import type { Browser, Page } from 'playwright-core';
import { User } from '@newsdesk/identity';
import {
  closeChromium,
  DeskWindows,
  isFocused,
  launchChromium,
  saveScreenshot,
  seriousViolations,
  settledValue,
  signInThroughForm,
  SIGN_IN,
} from './support/browser';
import {
  driveToApproved,
  driveToPublished,
  driveToReview,
  requestPublication,
  writeDraft,
  type Desk,
  type Story,
} from './support/drive';
import { makeSection, makeUser, PASSWORD } from './support/factories';
import { ApiClient } from './support/http';
import { Newsdesk } from './support/newsdesk';

/** A Monday in winter: 09:00 in Berlin, one hour ahead of UTC. */
const SCHEDULED_AT = '2031-01-13T08:00:00Z';

describe('the desk in a real browser', () => {
  let newsdesk: Newsdesk;
  let browser: Browser;
  let editor: User;
  let other: User;
  let section: string;
  let draft: Story;
  let inReview: Story;
  let scheduled: Story;
  let published: Story;
  let othersDraft: Story;
  let windows: DeskWindows;

  /** A new browser profile; closed, and checked for CSP violations and page errors, after the test. */
  const open = (options: Parameters<DeskWindows['open']>[0] = {}) => windows.open(options);
  const url = (path: string) => windows.url(path);
  const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 1 });

  /** Signs the editor in through the form, starting at `path`; waits for that screen. */
  const signedIn = (page: Page, path = '/stories') => windows.signIn(page, editor, path);

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    const orm = newsdesk.orm;
    section = (await makeSection(orm, 'Smart City')).slug;
    editor = await makeUser(orm, ['editor'], 'Clara Neumann');
    other = await makeUser(orm, ['editor'], 'Jonas Weber');
    const reviewer = await makeUser(orm, ['reviewer'], 'Eva Schulz');
    const anonymous = new ApiClient(newsdesk.url);
    const desk: Desk = {
      newsdesk,
      editor: await anonymous.login(editor.email),
      reviewers: [await anonymous.login(reviewer.email)],
      section,
    };
    draft = await writeDraft(desk, {
      kicker: 'Arnsberg',
      headline: 'Smarte Abfallbehälter melden ihren Füllstand',
    });
    inReview = await driveToReview(desk, {
      kicker: 'Fürth',
      headline: 'Rechenzentrum wärmt Hallenbad mit seiner Abwärme',
    });
    scheduled = await requestPublication(
      desk,
      await driveToApproved(desk, {
        kicker: 'Ulm',
        headline: 'Offene Daten: Ulm startet sein neues Portal',
      }),
      { at: SCHEDULED_AT },
    );
    published = await driveToPublished(desk, {
      kicker: 'Heilbronn',
      headline: 'Digitaler Zwilling soll das Straßenmanagement vereinfachen',
    });
    othersDraft = await writeDraft(
      { ...desk, editor: await anonymous.login(other.email) },
      { kicker: 'Kassel', headline: 'Verwaltungsleistungen vom Menschen her denken' },
    );
    browser = await launchChromium();
    windows = new DeskWindows(browser, newsdesk.url);
  });

  afterEach(async () => {
    expect((await windows?.closeAll()) ?? []).toEqual([]);
  });

  afterAll(async () => {
    await closeChromium(browser);
    await newsdesk?.stop();
  });

  it('is served at /desk/ with a strict CSP, index.html uncached, hashed assets cached for a year, and client routes falling back to index.html', async () => {
    const index = await fetch(url('/'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await index.text();
    const script = /src="(\/desk\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();

    const asset = await fetch(`${newsdesk.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const route = await fetch(url(`/stories/${draft.id}`));
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(html);

    const missing = await fetch(url('/assets/no-such-file.js'));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ statusCode: 404, error: 'not_found' });
    // The build's own notes are not served.
    expect((await fetch(url('/.vite/manifest.json'))).status).toBe(404);
    expect(
      (await fetch(`${newsdesk.url}/desk`, { redirect: 'manual' })).headers.get('location'),
    ).toBe('/desk/');
  });

  it('speaks German by default and signs in with the keyboard alone (Tab, Enter)', async () => {
    const { page } = await open({ locale: 'de-DE' });
    await page.goto(url('/'));
    await page.waitForURL(/\/desk\/sign-in$/);
    await heading(page, 'Bei Newsdesk anmelden').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'sign-in');

    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByLabel('E-Mail'))).toBe(true);
    await page.keyboard.type(editor.email);
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByLabel('Passwort'))).toBe(true);
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await heading(page, 'Geschichten').waitFor();
    expect(new URL(page.url()).pathname).toBe('/desk/stories');
  });

  it('speaks German to a browser in neither language', async () => {
    const { page } = await open({ locale: 'fr-FR' });
    await page.goto(url('/sign-in'));
    await heading(page, 'Bei Newsdesk anmelden').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('de');
  });

  it('lets an editor sign in through the form, find the stories by view, and open one; times in the newsroom zone with their offset', async () => {
    // A browser in New York still sees Berlin times: the newsroom's zone comes from the API.
    const { page, requests } = await open({ timezoneId: 'America/New_York' });
    const list = `/stories?section=${section}`;
    await page.goto(url(list));
    await page.waitForURL(/\/desk\/sign-in\?next=/);
    await page.getByText('Bitte melden Sie sich an, um weiterzuarbeiten.').waitFor();
    await signInThroughForm(page, editor.email, PASSWORD);
    // Back where the sign-in was asked for, with the section filter.
    await page.waitForURL((u) => u.pathname + u.search === `/desk${list}`);
    await heading(page, 'Geschichten').waitFor();

    const table = page.getByRole('table');
    for (const story of [draft, inReview, scheduled, published, othersDraft])
      await table.getByRole('link', { name: story.headline }).waitFor();
    await page.getByText('5 Geschichten', { exact: true }).waitFor();
    // The filter form shows the section the address names.
    expect(await settledValue(page.getByRole('combobox', { name: /^Ressort/ }), section)).toBe(
      section,
    );
    const scheduledRow = page.getByRole('row').filter({ hasText: scheduled.headline });
    expect(await scheduledRow.textContent()).toContain(
      'geplant für Mo., 13.01.2031, 09:00 (UTC+01:00)',
    );
    // …and how long until then, counting down.
    expect(await scheduledRow.textContent()).toMatch(/in [\d.]+ Tagen/);
    expect(await page.getByRole('banner').textContent()).toContain('Clara Neumann');
    // Reviewers have a review queue; editors do not.
    expect(await page.getByRole('link', { name: 'Meine Prüfliste' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'stories');

    // "My drafts": the editor's own draft, not a colleague's.
    await page.getByRole('link', { name: 'Meine Entwürfe', exact: true }).click();
    await page.waitForURL(/view=my-drafts/);
    await page.getByText('1 Geschichte', { exact: true }).waitFor();
    await table.getByRole('link', { name: draft.headline }).waitFor();
    expect(await table.getByRole('link', { name: othersDraft.headline }).count()).toBe(0);

    // Every story by a colleague: the author filter names the newsroom's people.
    await page.getByRole('link', { name: 'Alle', exact: true }).click();
    await page.getByText('5 Geschichten', { exact: true }).waitFor();
    // By id: other tests' people may share his name.
    await page.getByLabel('Autor/in').selectOption(other.id);
    await page.getByRole('button', { name: 'Anwenden' }).click();
    await page.getByText('1 Geschichte', { exact: true }).waitFor();
    await table.getByRole('link', { name: othersDraft.headline }).waitFor();
    expect(new URL(page.url()).searchParams.get('author')).toBe(other.id);

    await page.getByRole('link', { name: 'Geplant', exact: true }).click();
    await page.getByText('1 Geschichte', { exact: true }).waitFor();
    await table.getByRole('link', { name: scheduled.headline }).waitFor();

    await page.getByRole('link', { name: 'Veröffentlicht', exact: true }).click();
    await page.getByText('1 Geschichte', { exact: true }).waitFor();
    await table.getByRole('link', { name: published.headline }).click();

    await heading(page, published.headline).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/desk/stories/${published.id}`);
    const details = page.getByRole('complementary', { name: 'Angaben' });
    expect(await details.textContent()).toContain('Smart City');
    expect(await details.textContent()).toContain('Veröffentlicht');
    await page.getByText(published.teaser).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'story');

    // Back to the list as it was (section and view).
    await page.getByRole('link', { name: /Zurück zu den Geschichten/ }).click();
    await page.waitForURL(
      (u) => u.pathname === '/desk/stories' && u.searchParams.get('view') === 'published',
    );
    expect(new URL(page.url()).searchParams.get('section')).toBe(section);

    // A scheduled story shows when it goes out, with the offset of that day.
    await page.goto(url(`/stories/${scheduled.id}`));
    await heading(page, scheduled.headline).waitFor();
    const schedule = await page.getByRole('complementary', { name: 'Angaben' }).textContent();
    expect(schedule).toContain('Geplant für');
    expect(schedule).toContain('Mo., 13.01.2031, 09:00 (UTC+01:00)');
    // The live stream was asked for; while the route is not there the desk works without it.
    expect(requests.some((r) => new URL(r).pathname === '/api/stream')).toBe(true);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('says so when a story does not exist', async () => {
    const { page } = await open();
    await signedIn(page, '/stories/00000000-0000-4000-8000-000000000000');
    await page.getByText('Diese Geschichte gibt es nicht.').waitFor();
  });

  it('sends the user to sign in when the session ends (401), and back to where they were afterwards', async () => {
    const { page } = await open();
    await signedIn(page, `/stories/${draft.id}`);
    await heading(page, draft.headline).waitFor();

    // Another device ends every session of the editor, this browser's included.
    const elsewhere = await new ApiClient(newsdesk.url).login(editor.email);
    expect((await elsewhere.post('/api/auth/logout-everywhere')).status).toBe(200);

    await page.getByRole('link', { name: 'Geschichten', exact: true }).click();
    await page.waitForURL(/\/desk\/sign-in\?next=%2Fstories/);
    await page.getByText('Bitte melden Sie sich an, um weiterzuarbeiten.').waitFor();
    await signInThroughForm(page, editor.email, PASSWORD);
    await page.waitForURL((u) => u.pathname === '/desk/stories');
    await heading(page, 'Geschichten').waitFor();
  });

  it('signs out: the session ends at the API and its cookie is gone', async () => {
    const { page, context } = await open();
    await signedIn(page);
    expect((await page.request.get(`${newsdesk.url}/api/auth/me`)).status()).toBe(200);

    await page.getByRole('button', { name: 'Abmelden', exact: true }).click();
    await page.waitForURL(/\/desk\/sign-in\?signedOut=here/);
    await page.getByText('Sie sind abgemeldet.').waitFor();
    expect((await context.cookies()).map((c) => c.name)).not.toContain('newsdesk_session');
    expect((await page.request.get(`${newsdesk.url}/api/auth/me`)).status()).toBe(401);
    await page.goto(url('/stories'));
    await page.waitForURL(/\/desk\/sign-in\?next=%2Fstories/);
  });

  it('signs out everywhere: a second browser of the same user is sent to sign in', async () => {
    const here = await open();
    const there = await open();
    await signedIn(here.page);
    await signedIn(there.page);

    await here.page.getByRole('button', { name: 'Überall abmelden' }).click();
    await here.page.getByText('Sie sind auf allen Geräten abgemeldet.').waitFor();

    // The second browser finds out on its next request — or before, by itself: any query
    // it refetches meanwhile answers 401, the desk sends it to sign in, and the link is
    // gone. Either way it must end up there; the click only makes sure it asks.
    const sentToSignIn = there.page.waitForURL(/\/desk\/sign-in\?next=/);
    void there.page
      .getByRole('link', { name: 'Veröffentlicht', exact: true })
      .click()
      .catch(() => undefined);
    await sentToSignIn;
  });

  it('speaks English to an English browser', async () => {
    const { page } = await open({ locale: 'en-US' });
    await page.goto(url(`/stories?section=${section}`));
    await heading(page, 'Sign in to Newsdesk').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await signInThroughForm(page, editor.email, PASSWORD, SIGN_IN.en);
    await heading(page, 'Stories').waitFor();
    await page.getByRole('link', { name: 'My drafts' }).waitFor();
    await page.getByText('5 stories', { exact: true }).waitFor();
    const scheduledRow = page.getByRole('row').filter({ hasText: scheduled.headline });
    expect(await scheduledRow.textContent()).toContain('scheduled for');
    expect(await scheduledRow.textContent()).toContain('Mon, 13/01/2031, 09:00 (UTC+01:00)');
    expect(await page.getByRole('button', { name: 'Sign out', exact: true }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('asks a user with a one-time password to choose their own first', async () => {
    const invited = await makeUser(newsdesk.orm, ['editor'], 'Nina Neu');
    await newsdesk.orm.em
      .fork()
      .nativeUpdate(User, { id: invited.id }, { mustChangePassword: true });
    const { page } = await open();
    await page.goto(url('/stories'));
    await signInThroughForm(page, invited.email, PASSWORD);
    await heading(page, 'Passwort ändern').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Einmalpasswort').fill(PASSWORD);
    await page.getByLabel('Neues Passwort', { exact: true }).fill('ein-eigenes-passwort');
    await page.getByLabel('Neues Passwort wiederholen').fill('ein-eigenes-passwort');
    await page.getByRole('button', { name: 'Passwort ändern' }).click();
    await heading(page, 'Geschichten').waitFor();
    const signIn = await new ApiClient(newsdesk.url).post('/api/auth/login', {
      email: invited.email,
      password: 'ein-eigenes-passwort',
    });
    expect(signIn.status).toBe(200);
    expect(signIn.body.user.mustChangePassword).toBe(false);
  });
});
