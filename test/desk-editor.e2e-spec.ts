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
  shows,
} from './support/browser';
import { HEADLINE, PARAGRAPH, TEASER } from './support/desk-content';
import {
  driveToPublished,
  driveToReview,
  writeDraft,
  type Desk,
  type Story,
} from './support/drive';
import { makeSection, makeUser } from './support/factories';
import { ApiClient } from './support/http';
import { Newsdesk } from './support/newsdesk';

describe('the story editor in a real browser', () => {
  let newsdesk: Newsdesk;
  let browser: Browser;
  let editor: User;
  let colleague: User;
  let reviewer: User;
  let admin: User;
  let editorApi: ApiClient;
  let section: string;
  let desk: Desk;
  let windows: DeskWindows;

  const textOf = (page: Page) => page.locator('main').innerText();

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    section = (await makeSection(newsdesk.orm, 'Smart City')).slug;
    editor = await makeUser(newsdesk.orm, ['editor'], 'Clara Neumann');
    colleague = await makeUser(newsdesk.orm, ['editor'], 'Jonas Weber');
    reviewer = await makeUser(newsdesk.orm, ['reviewer'], 'Eva Schulz');
    admin = await makeUser(newsdesk.orm, ['admin'], 'Ada Admin');
    editorApi = await new ApiClient(newsdesk.url).login(editor.email);
    const reviewerApi = await new ApiClient(newsdesk.url).login(reviewer.email);
    desk = { newsdesk, editor: editorApi, reviewers: [reviewerApi], section };
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

  it('writes a story like the Kommune21 report, saves it, and sees the checks pass live on submitting', async () => {
    // The section's content profile admits a 370-character lead.
    const sections =
      await editorApi.get<{ slug: string; profile: { teaser: { max: number } } }[]>(
        '/api/sections',
      );
    const profile = sections.body.find((s) => s.slug === section)!.profile;
    expect(TEASER.length).toBe(370);
    expect(profile.teaser.max).toBeGreaterThanOrEqual(370);

    const page = await windows.signedIn(editor, `/stories/new?section=${section}`);
    await page.getByRole('heading', { name: 'Neue Geschichte', level: 1 }).waitFor();

    await page.getByLabel('Dachzeile').fill('Bonn');
    await page.getByLabel('Überschrift').fill(HEADLINE);
    await page.getByLabel('Vorspann').fill(TEASER);
    // The live count against the section's profile.
    await shows(page, `370 von höchstens ${profile.teaser.max} Zeichen`);
    await page.getByRole('textbox', { name: 'Text' }).first().fill(PARAGRAPH);

    // A quote, then a heading that is moved above it by keyboard.
    await page.getByRole('button', { name: '+ Zitat' }).click();
    await page.getByLabel('Zitat', { exact: true }).fill('Wir müssen schneller werden.');
    await page.getByLabel('Quelle des Zitats').fill('Vorsitzende der Digitalministerkonferenz');
    await page.getByRole('button', { name: '+ Zwischenüberschrift' }).click();
    await page
      .getByRole('group', { name: 'Block 3: Zwischenüberschrift' })
      .getByRole('textbox')
      .fill('Einer für alle');
    const up = page.getByRole('button', { name: 'Hoch – Block 3: Zwischenüberschrift' });
    await up.focus();
    await page.keyboard.press('Enter');
    const moved = page.getByRole('button', { name: 'Hoch – Block 2: Zwischenüberschrift' });
    await moved.waitFor();
    expect(await isFocused(moved)).toBe(true);
    await page.getByRole('button', { name: 'Entfernen – Block 3: Zitat' }).waitFor();

    // Format, tags and an embargo on the newsroom's clock (09:00 in Berlin is 08:00 UTC in winter).
    await page.getByLabel('Format').selectOption('report');
    await page.getByLabel('Schlagwörter').fill('OZG, Registermodernisierung');
    await page.getByLabel(/Sperrfrist/).fill('2031-01-13T09:00');
    await shows(page, 'Mo., 13.01.2031, 09:00 (UTC+01:00)');

    // Saved, the story moves to its own address, and the editor takes its edit lock there.
    const locked = page.waitForResponse(
      (r) =>
        /\/api\/articles\/[0-9a-f-]{36}\/lock$/.test(r.url()) && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/\/desk\/stories\/[0-9a-f-]{36}\/edit$/);
    const id = /stories\/([0-9a-f-]{36})\/edit/.exec(page.url())![1];
    await shows(page, 'Gespeichert (Version');
    expect((await locked).url()).toContain(id);
    expect((await locked).status()).toBe(200);
    const saved = (await editorApi.get<Story & Record<string, any>>(`/api/articles/${id}`)).body;
    expect(saved).toMatchObject({
      kicker: 'Bonn',
      headline: HEADLINE,
      teaser: TEASER,
      format: 'report',
      tags: ['OZG', 'Registermodernisierung'],
      embargoUntil: { utc: '2031-01-13T08:00:00.000Z' },
      body: [
        { type: 'paragraph', text: PARAGRAPH },
        { type: 'heading', text: 'Einer für alle', level: 2 },
        { type: 'quote', text: 'Wir müssen schneller werden.' },
      ],
    });
    // The editor holds the story's edit lock.
    const lock = await editorApi.get<{ holder: { name: string } } | null>(
      `/api/articles/${id}/lock`,
    );
    expect(lock.body?.holder.name).toBe('Clara Neumann');

    expect(await seriousViolations(page)).toEqual([]);
    await page
      .getByLabel('Bilder suchen (Bildunterschrift, Alt-Text, Credit)')
      .fill('Digitalministerkonferenz');
    await shows(page, 'Keine Bilder gefunden.');
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, 'editor');

    // Submitted: the checks run queued and their result arrives through the live stream.
    await page.getByRole('button', { name: 'Zur Prüfung einreichen' }).click();
    await shows(page, 'Prüfungen bestanden. Status: In Prüfung.');
    expect(await textOf(page)).toContain('In Prüfung');
    expect((await editorApi.get<Story>(`/api/articles/${id}`)).body.status).toBe('in_review');
  });

  it('shows a colleague who holds the edit lock, live as it is taken and given back', async () => {
    const story = await writeDraft(desk, {
      kicker: 'Ulm',
      headline: 'Ulm misst den Verkehr mit Sensoren',
    });
    expect((await editorApi.post(`/api/articles/${story.id}/lock`)).status).toBe(200);

    const page = await windows.signedIn(colleague, `/stories/${story.id}/edit`);
    await shows(page, 'Clara Neumann bearbeitet diese Geschichte gerade');

    await editorApi.request('DELETE', `/api/articles/${story.id}/lock`);
    await page
      .getByText('Clara Neumann bearbeitet diese Geschichte gerade')
      .waitFor({ state: 'detached', timeout: 20_000 });
    expect((await editorApi.post(`/api/articles/${story.id}/lock`)).status).toBe(200);
    await shows(page, 'Clara Neumann bearbeitet diese Geschichte gerade');
  });

  it('gives the edit lock back when the tab closes, long before its lease would lapse', async () => {
    const story = await writeDraft(desk, {
      kicker: 'Bonn',
      headline: 'Bonn richtet ein Kompetenzzentrum für Registermodernisierung ein',
    });
    const mine = await windows.signedIn(editor, `/stories/${story.id}/edit`);
    await shows(mine, 'Gespeichert (Version');
    const other = await windows.signedIn(colleague, `/stories/${story.id}/edit`);
    const notice = other.getByText('Clara Neumann bearbeitet diese Geschichte gerade');
    await notice.waitFor({ timeout: 20_000 });
    const held = await editorApi.get<{ holder: { name: string }; expiresAt: string } | null>(
      `/api/articles/${story.id}/lock`,
    );
    expect(held.body?.holder.name).toBe('Clara Neumann');

    // Closing the tab unmounts nothing: only the page's own farewell (pagehide) can give it back.
    await mine.close({ runBeforeUnload: true });
    await notice.waitFor({ state: 'detached', timeout: 20_000 });
    const released = await editorApi.get(`/api/articles/${story.id}/lock`);
    expect(released.body).toBeNull();
    expect(Date.now()).toBeLessThan(Date.parse(held.body!.expiresAt));
  });

  it('offers "Bearbeiten" on a story’s page to whoever may save it in its state, and to nobody else', async () => {
    const draft = await writeDraft(desk, {
      kicker: 'Ulm',
      headline: 'Ulm öffnet sein Bürgerbüro digital',
    });
    const inReview = await driveToReview(desk, {
      kicker: 'Kassel',
      headline: 'Kassel prüft digitale Bauanträge',
    });
    const published = await driveToPublished(desk, {
      kicker: 'Fürth',
      headline: 'Fürth misst die Luftqualität an Schulen',
    });
    const edit = (page: Page) => page.getByRole('link', { name: 'Bearbeiten', exact: true });
    /** Opens the story's page and answers whether it offers the editor. */
    const offered = async (page: Page, story: Story): Promise<boolean> => {
      await page.goto(windows.url(`/stories/${story.id}`));
      await page.getByRole('heading', { name: story.headline, level: 1 }).waitFor();
      return (await edit(page).count()) === 1;
    };

    // The author: in a draft and a published story (its working copy), not while it is in review.
    const page = await windows.signedIn(editor, '/stories');
    expect(await offered(page, inReview)).toBe(false);
    expect(await offered(page, published)).toBe(true);
    expect(await offered(page, draft)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await edit(page).click();
    await page.waitForURL((u) => u.pathname === `/desk/stories/${draft.id}/edit`);
    await page.getByRole('heading', { name: 'Geschichte bearbeiten', level: 1 }).waitFor();
    expect(await page.getByLabel('Überschrift').inputValue()).toBe(draft.headline);

    // Another editor and a reviewer may not save it (the API refuses them); an admin may.
    const other = await windows.signedIn(colleague, '/stories');
    expect(await offered(other, draft)).toBe(false);
    const reviewing = await windows.signedIn(reviewer, '/stories');
    expect(await offered(reviewing, draft)).toBe(false);
    const administering = await windows.signedIn(admin, '/stories');
    expect(await offered(administering, draft)).toBe(true);
    expect(await offered(administering, inReview)).toBe(false);
  });

  it('shows a stale save as a conflict, keeps the typed text, and offers the new version beside it', async () => {
    const story = await writeDraft(desk, {
      kicker: 'Kassel',
      headline: 'Kassel öffnet sein Datenportal',
    });
    const page = await windows.signedIn(editor, `/stories/${story.id}/edit`);
    const headline = page.getByLabel('Überschrift');
    await headline.waitFor();
    await shows(page, 'Gespeichert (Version');

    // Someone saves first (the same editor, from another device).
    const current = (await editorApi.get<Story>(`/api/articles/${story.id}`)).body;
    const changed = await editorApi.patch(
      `/api/articles/${story.id}`,
      { headline: 'Kassel öffnet sein Datenportal für alle' },
      { 'if-match': `"${current.version}"` },
    );
    expect(changed.status).toBe(200);

    const mine = 'Kassel öffnet sein Datenportal – mit Schnittstellen für Bürgerinnen und Bürger';
    await headline.fill(mine);
    await page.getByRole('button', { name: 'Speichern' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Jemand hat diese Geschichte inzwischen gespeichert.').waitFor();
    expect(await headline.inputValue()).toBe(mine);
    // Reloading keeps the draft too (sessionStorage).
    await page.reload();
    await shows(page, 'Ihr ungespeicherter Text aus dieser Sitzung wurde wiederhergestellt.');
    expect(await page.getByLabel('Überschrift').inputValue()).toBe(mine);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await alert
      .getByRole('button', { name: 'Neue Fassung laden, meinen Text zum Kopieren behalten' })
      .click();
    expect(
      await settledValue(page.getByLabel('Überschrift'), 'Kassel öffnet sein Datenportal für alle'),
    ).toBe('Kassel öffnet sein Datenportal für alle');
    expect(await page.getByLabel('Ihr Text (zum Kopieren)').inputValue()).toContain(mine);
  });

  it('takes a new story from the form through submission with the keyboard alone', async () => {
    const page = await windows.signedIn(editor, `/stories/new?section=${section}`);
    const kicker = page.getByLabel('Dachzeile');
    await kicker.waitFor();
    const tabTo = async (target: ReturnType<Page['getByLabel']>) => {
      for (let i = 0; i < 60 && !(await isFocused(target)); i++) await page.keyboard.press('Tab');
      expect(await isFocused(target)).toBe(true);
    };
    await tabTo(kicker);
    await page.keyboard.type('Bonn');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Länder einigen sich auf gemeinsame Standards');
    await page.keyboard.press('Tab');
    await page.keyboard.type(TEASER);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PARAGRAPH);
    await tabTo(page.getByRole('button', { name: 'Zur Prüfung einreichen' }));
    await page.keyboard.press('Enter');
    await shows(page, 'Prüfungen bestanden. Status: In Prüfung.');
  });
});
