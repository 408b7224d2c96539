import type { Browser, Page } from 'playwright-core';
import type { User } from '@newsdesk/identity';
import { formatSchedule } from '../apps/desk/src/time/format';
import {
  closeChromium,
  DeskWindows,
  dropFiles,
  isSameDocument,
  launchChromium,
  loadedWidth,
  markDocument,
  seriousViolations,
  shows,
  wallClock,
} from './support/browser';
import { HEADLINE, makePicture, PARAGRAPH, TEASER } from './support/desk-content';
import type { Story } from './support/drive';
import { makeSection, makeUser } from './support/factories';
import { ApiClient } from './support/http';
import { Newsdesk } from './support/newsdesk';

/**
 * The picture of the story, as the agency sends it: caption and credit in IPTC.
 * Its texts name neither "Digitalministerkonferenz" nor "Marktplatz", which
 * other browser tests search the shared image list for.
 */
const PICTURE = {
  caption: 'Bund und Länder beraten in Bonn über gemeinsame Standards für die Verwaltung.',
  credit: 'Foto: Pressestelle der Konferenz',
};
const ALT = 'Ministerinnen und Minister an einem langen Tisch im Bonner Konferenzsaal';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** What arrives through the stream after a queued job (checks, image processing, a publication) may take a while on a busy machine. */
const LIVE = 60_000;

describe('the desk from the picture to the published story, all in the browser', () => {
  let newsdesk: Newsdesk;
  let browser: Browser;
  let windows: DeskWindows;
  let section: { slug: string; name: string };
  let photoDesk: User;
  let editor: User;
  let lead: User;
  let chief: User;

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    const orm = newsdesk.orm;
    section = await makeSection(orm, 'Smart City', [
      { key: 'section_lead', label: 'Ressortleitung', roles: ['reviewer'] },
      { key: 'chief_editor', label: 'Chefredaktion', roles: ['reviewer'] },
    ]);
    photoDesk = await makeUser(orm, ['photo_desk'], 'Paula Krämer');
    editor = await makeUser(orm, ['editor'], 'Clara Neumann');
    lead = await makeUser(orm, ['reviewer'], 'Eva Schulz');
    chief = await makeUser(orm, ['reviewer'], 'Jonas Richter');
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

  it('a picture goes in on the photo desk, a story is written around it, approved in two steps, scheduled, and the editor’s list shows it published without a reload', async () => {
    // The editor's list of the section, open in its own window from start to end.
    const list = await windows.signedIn(editor, `/stories?section=${section.slug}`);
    await shows(list, 'Keine Geschichten in dieser Ansicht.');
    await markDocument(list);
    const row = list.getByRole('row').filter({ hasText: HEADLINE });
    const listShows = (status: string) =>
      row.getByText(status, { exact: true }).waitFor({ timeout: LIVE });

    // --- The photo desk drops the picture, sees it processed live, gives it alt text and a focal point.
    const photos = await windows.signedIn(photoDesk, '/photos');
    await photos.getByRole('heading', { name: 'Bildredaktion', level: 1 }).waitFor();
    // The picture goes straight to S3; completing the upload answers with the image.
    const uploaded = photos.waitForResponse(
      (r) => r.url().endsWith('/api/images/uploads/complete') && r.request().method() === 'POST',
      { timeout: LIVE },
    );
    await dropFiles(photos.getByRole('group', { name: 'Bilder hochladen' }), [
      {
        name: 'digitalministerkonferenz.jpg',
        mimeType: 'image/jpeg',
        buffer: await makePicture(PICTURE),
      },
    ]);
    const image = (await (await uploaded).json()) as { id: string };
    const upload = photos.getByRole('listitem', { name: 'digitalministerkonferenz.jpg' });
    await upload.getByText('Fertig').waitFor({ timeout: LIVE });
    await upload.getByText('Alt-Text fehlt').waitFor();
    await upload.getByRole('button', { name: 'Bearbeiten' }).click();
    const detail = photos.getByRole('region', { name: 'Bild bearbeiten' });
    expect(await detail.getByLabel('Bildunterschrift').inputValue()).toBe(PICTURE.caption);
    expect(await detail.getByLabel('Credit').inputValue()).toBe(PICTURE.credit);
    await detail.getByLabel('Alt-Text').fill(ALT);
    await detail.getByRole('button', { name: 'Speichern' }).click();
    await detail.getByText('Gespeichert.').waitFor();
    await upload.getByText('Alt-Text fehlt').waitFor({ state: 'detached' });
    const focal = detail.getByRole('button', { name: 'Fokuspunkt setzen' });
    expect(await loadedWidth(focal.locator('img'))).toBeGreaterThan(0);
    const box = (await focal.boundingBox())!;
    await photos.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.75);
    await detail.getByText('Fokuspunkt: 25 % von links, 75 % von oben').waitFor();
    expect(await seriousViolations(photos)).toEqual([]);

    // --- The editor writes the story and picks the picture as its hero image.
    const page = await windows.signedIn(editor, `/stories/new?section=${section.slug}`);
    await page.getByRole('heading', { name: 'Neue Geschichte', level: 1 }).waitFor();
    await page.getByLabel('Dachzeile').fill('Bonn');
    await page.getByLabel('Überschrift').fill(HEADLINE);
    await page.getByLabel('Vorspann').fill(TEASER);
    await shows(page, /^370 von höchstens \d+ Zeichen$/);
    await page.getByRole('textbox', { name: 'Text' }).first().fill(PARAGRAPH);
    await page.getByRole('button', { name: '+ Zitat' }).click();
    await page.getByLabel('Zitat', { exact: true }).fill('„Wir müssen schneller werden.“');
    await page.getByLabel('Quelle des Zitats').fill('Vorsitzende der Digitalministerkonferenz');
    await page.getByLabel('Format').selectOption('report');
    const search = page.getByLabel('Bilder suchen (Bildunterschrift, Alt-Text, Credit)');
    // Newest first: an earlier run's copy of the picture comes after this one.
    const picture = page
      .getByRole('radio', { name: new RegExp(`^${escapeRegExp(PICTURE.caption)}.*bereit$`) })
      .first();
    await search.fill('Bonn');
    await picture.check();
    await shows(page, `Gewählt: ${PICTURE.caption}`);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/\/desk\/stories\/[0-9a-f-]{36}\/edit$/);
    const id = /stories\/([0-9a-f-]{36})\/edit/.exec(page.url())![1];
    await shows(page, 'Gespeichert (Version');
    await listShows('Entwurf');

    // A look at the story, and back into the editor through its "Bearbeiten" link.
    await page.getByRole('link', { name: '← Zurück zur Geschichte' }).click();
    await page.getByRole('heading', { name: HEADLINE, level: 1 }).waitFor();
    await page.getByText('Vorsitzende der Digitalministerkonferenz').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Bearbeiten', exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/desk/stories/${id}/edit`);
    await page.getByRole('heading', { name: 'Geschichte bearbeiten', level: 1 }).waitFor();
    expect(await page.getByLabel('Überschrift').inputValue()).toBe(HEADLINE);
    await search.fill('Bonn');
    await shows(page, `Gewählt: ${PICTURE.caption}`);
    expect(await picture.isChecked()).toBe(true);

    // Submitted: the checks run queued; their result arrives live, and the list follows.
    await markDocument(page);
    await page.getByRole('button', { name: 'Zur Prüfung einreichen' }).click();
    await shows(page, 'Prüfungen bestanden. Status: In Prüfung.', LIVE);
    expect(await isSameDocument(page)).toBe(true);
    await listShows('In Prüfung');
    // In review, the text is the reviewers' to judge: the story no longer offers the editor.
    await page.getByRole('link', { name: '← Zurück zur Geschichte' }).click();
    await page.getByRole('heading', { name: HEADLINE, level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Bearbeiten', exact: true }).count()).toBe(0);

    // --- Two reviewers, each in their own browser, find the story and open its review panel.
    const reviewPanel = async (reviewer: User): Promise<Page> => {
      const window = await windows.signedIn(reviewer, `/stories?section=${section.slug}`);
      await window.getByRole('link', { name: HEADLINE }).click();
      await window.getByRole('link', { name: 'Prüfung', exact: true }).click();
      await window.waitForURL((u) => u.pathname === `/desk/stories/${id}/review`);
      return window;
    };
    const first = await reviewPanel(lead);
    const second = await reviewPanel(chief);
    const step = (window: Page, label: string) =>
      window.getByRole('complementary').getByRole('listitem').filter({ hasText: label });
    for (const window of [first, second]) {
      await step(window, 'Ressortleitung').getByText('Ihr Schritt').waitFor();
      await step(window, 'Chefredaktion').getByText('Offen').waitFor();
    }

    await first.getByRole('button', { name: '„Ressortleitung“ abnehmen' }).click();
    await step(first, 'Ressortleitung').getByText('Abgenommen von Eva Schulz').waitFor();
    // The chief sees the lead's approval arrive, and that the next step is his.
    await step(second, 'Ressortleitung')
      .getByText('Abgenommen von Eva Schulz')
      .waitFor({ timeout: LIVE });
    await step(second, 'Chefredaktion').getByText('Ihr Schritt').waitFor();
    await second.getByRole('button', { name: '„Chefredaktion“ abnehmen' }).click();
    await step(second, 'Chefredaktion').getByText('Abgenommen von Jonas Richter').waitFor();
    // And the lead sees his.
    await step(first, 'Chefredaktion')
      .getByText('Abgenommen von Jonas Richter')
      .waitFor({ timeout: LIVE });
    await listShows('Freigegeben');

    // --- The lead schedules it a few seconds ahead, on the newsroom's clock.
    await first.getByRole('link', { name: 'Veröffentlichen', exact: true }).click();
    await first.waitForURL((u) => u.pathname === `/desk/stories/${id}/publish`);
    await first.getByLabel('Zu einem Zeitpunkt').check();
    const timeZone = newsdesk.config.timezone;
    // Far enough ahead that a busy machine still shows Geplant in the list before the job runs.
    const dueAt = Math.ceil((Date.now() + 20_000) / 1000) * 1000;
    const due = wallClock(dueAt, timeZone);
    await first.getByLabel('Datum', { exact: true }).fill(due.date);
    await first.getByLabel(/^Uhrzeit/).fill(due.time);
    expect(await first.getByText(/^Erscheint am/).textContent()).toMatch(/\(UTC[+-]\d\d:\d\d\)$/);
    await first.getByRole('button', { name: 'Planen', exact: true }).click();
    await first.getByRole('heading', { name: 'Neu planen' }).waitFor();
    const schedule = formatSchedule(new Date(dueAt).toISOString(), { timeZone, locale: 'de-DE' });
    await first.getByRole('definition').getByText(schedule).waitFor();
    await listShows('Geplant');

    // --- The job publishes it when it is due; the editor's list, never reloaded, says so.
    await listShows('Veröffentlicht');
    expect(await isSameDocument(list)).toBe(true);
    await first.getByRole('definition').getByText('Veröffentlicht', { exact: true }).waitFor({
      timeout: LIVE,
    });
    expect(await seriousViolations(list)).toEqual([]);

    // What the browsers did is what the API has.
    const api = await new ApiClient(newsdesk.url).login(editor.email);
    const story = (await api.get<Story>(`/api/articles/${id}`)).body;
    expect(story).toMatchObject({
      status: 'published',
      headline: HEADLINE,
      teaser: TEASER,
      heroImageId: image.id,
      author: { name: 'Clara Neumann' },
    });
    const picked = (await api.get(`/api/images/${image.id}`)).body;
    expect(picked).toMatchObject({ caption: PICTURE.caption, credit: PICTURE.credit, alt: ALT });
    expect(picked.focalPoint.x).toBeCloseTo(0.25, 1);
    expect(picked.focalPoint.y).toBeCloseTo(0.75, 1);
    expect(story.approvals.map((a) => [a.label, a.userName])).toEqual([
      ['Ressortleitung', 'Eva Schulz'],
      ['Chefredaktion', 'Jonas Richter'],
    ]);
    // Not a moment early: published when it was due, or after.
    expect(Date.parse(story.publishedAt!.utc)).toBeGreaterThanOrEqual(dueAt);
  }, 300_000);
});
