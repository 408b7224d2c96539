import type { Browser, Page } from 'playwright-core';
import type { User } from '@newsdesk/identity';
import {
  closeChromium,
  DeskWindows,
  launchChromium,
  saveScreenshot,
  seriousViolations,
  wallClock,
} from './support/browser';
import {
  driveToApproved,
  driveToPublished,
  driveToReview,
  requestPublication,
  type Desk,
  type Story,
} from './support/drive';
import { makeSection, makeUser } from './support/factories';
import { ApiClient } from './support/http';
import { Newsdesk } from './support/newsdesk';

/** A Monday in winter: 09:00 in Berlin, one hour ahead of UTC. */
const SCHEDULED_AT = '2031-01-13T08:00:00Z';
const NEWSROOM_ZONE = 'Europe/Berlin';

describe('the desk: review, publish, preview, history', () => {
  let newsdesk: Newsdesk;
  let browser: Browser;
  let editor: User;
  let lead: User;
  let chief: User;
  let desk: Desk;
  let windows: DeskWindows;

  async function storyOf(id: string): Promise<Story> {
    return (await desk.editor.get<Story>(`/api/articles/${id}`)).body;
  }

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    const orm = newsdesk.orm;
    const section = await makeSection(orm, 'Smart City', [
      { key: 'section_lead', label: 'Ressortleitung', roles: ['reviewer'] },
      { key: 'chief_editor', label: 'Chefredaktion', roles: ['reviewer'] },
    ]);
    editor = await makeUser(orm, ['editor'], 'Clara Neumann');
    lead = await makeUser(orm, ['reviewer'], 'Eva Schulz');
    chief = await makeUser(orm, ['reviewer'], 'Jonas Richter');
    const anonymous = new ApiClient(newsdesk.url);
    desk = {
      newsdesk,
      editor: await anonymous.login(editor.email),
      reviewers: [await anonymous.login(lead.email), await anonymous.login(chief.email)],
      section: section.slug,
    };
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

  it('lets two reviewers approve the two Smart City steps, each seeing which step is theirs and the other’s approval and comments live', async () => {
    const story = await driveToReview(desk, {
      kicker: 'Fürth',
      headline: 'Rechenzentrum wärmt Hallenbad mit seiner Abwärme',
    });
    // The chief puts it into the lead's review queue with the reviewer picker.
    const second = await windows.signedIn(chief, `/stories/${story.id}/review`);
    await second.getByText('In keiner Prüfliste.').waitFor();
    const picker = second.getByLabel('Zuweisen an');
    expect(await picker.locator('option').allInnerTexts()).toEqual(
      expect.arrayContaining(['Eva Schulz', 'Jonas Richter']),
    );
    expect(await picker.locator('option').allInnerTexts()).not.toContain('Clara Neumann');
    // By id: other tests' people may share her name.
    await picker.selectOption(lead.id);
    await second.getByRole('button', { name: 'Zuweisen', exact: true }).click();
    await second.getByText('In der Prüfliste von Eva Schulz.').waitFor();
    expect((await storyOf(story.id)).assignee?.name).toBe('Eva Schulz');

    // The lead finds it in her review queue, which opens the review panel.
    const first = await windows.signedIn(lead, '/stories?view=my-review');
    await first.getByRole('link', { name: story.headline }).click();
    await first.waitForURL((u) => u.pathname === `/desk/stories/${story.id}/review`);

    const steps = (page: Page) => page.getByRole('complementary').getByRole('listitem');
    for (const page of [first, second]) {
      await steps(page).filter({ hasText: 'Ressortleitung' }).getByText('Ihr Schritt').waitFor();
      await steps(page).filter({ hasText: 'Chefredaktion' }).getByText('Offen').waitFor();
    }

    // A comment on the first block reaches the other reviewer without a reload.
    await first.getByRole('button', { name: 'Block 1 kommentieren' }).click();
    await first.getByLabel('Kommentar zu Block 1').fill('Quelle für die 400 Behälter?');
    await first
      .getByRole('list', { name: 'Text, Block für Block' })
      .getByRole('button', { name: 'Kommentar senden' })
      .click();
    const block = second
      .getByRole('list', { name: 'Text, Block für Block' })
      .getByRole('listitem')
      .first();
    await block.getByText('Quelle für die 400 Behälter?').waitFor();

    await first.getByRole('button', { name: '„Ressortleitung“ abnehmen' }).click();
    await steps(first)
      .filter({ hasText: 'Ressortleitung' })
      .getByText('Abgenommen von Eva Schulz')
      .waitFor();
    await first.getByText('Sie haben einen Schritt dieser Geschichte schon abgenommen.').waitFor();

    // The chief sees the lead's approval live, and that the next step is his.
    await steps(second)
      .filter({ hasText: 'Ressortleitung' })
      .getByText('Abgenommen von Eva Schulz')
      .waitFor();
    await steps(second).filter({ hasText: 'Chefredaktion' }).getByText('Ihr Schritt').waitFor();
    expect(await seriousViolations(second)).toEqual([]);
    await saveScreenshot(second, 'review');

    await second.getByRole('button', { name: '„Chefredaktion“ abnehmen' }).click();
    await steps(second)
      .filter({ hasText: 'Chefredaktion' })
      .getByText('Abgenommen von Jonas Richter')
      .waitFor();
    const approved = await storyOf(story.id);
    expect(approved.status).toBe('approved');
    expect(approved.approvals.map((a) => [a.step, a.userName])).toEqual([
      ['section_lead', 'Eva Schulz'],
      ['chief_editor', 'Jonas Richter'],
    ]);
  });

  it('schedules a story a few seconds ahead in the newsroom’s zone (refusing a past time), and the editor’s list shows it published without a reload', async () => {
    const story = await driveToApproved(desk, {
      kicker: 'Ulm',
      headline: 'Offene Daten: Ulm startet sein neues Portal',
    });
    const list = await windows.signedIn(editor, `/stories?section=${desk.section}`);
    const row = list.getByRole('row').filter({ hasText: story.headline });
    await row.getByText('Freigegeben').waitFor();

    const page = await windows.signedIn(lead, `/stories/${story.id}/publish`);
    await page.getByLabel('Zu einem Zeitpunkt').check();
    // A time that has passed is refused in the form, before anything is sent.
    const past = wallClock(Date.now() - 60_000, NEWSROOM_ZONE);
    await page.getByLabel('Datum', { exact: true }).fill(past.date);
    await page.getByLabel(/^Uhrzeit/).fill(past.time);
    await page.getByRole('button', { name: 'Planen' }).click();
    await page
      .getByRole('alert')
      .getByText('Dieser Zeitpunkt liegt in der Vergangenheit.')
      .waitFor();
    expect((await storyOf(story.id)).status).toBe('approved');

    const dueAt = Date.now() + 6_000;
    const soon = wallClock(dueAt, NEWSROOM_ZONE);
    await page.getByLabel('Datum', { exact: true }).fill(soon.date);
    await page.getByLabel(/^Uhrzeit/).fill(soon.time);
    const meaning = (await page.getByText(/^Erscheint am/).textContent()) ?? '';
    expect(meaning).toMatch(/(MEZ \(UTC\+01:00\)|MESZ \(UTC\+02:00\))$/);
    await page.getByRole('button', { name: 'Planen' }).click();
    await page.getByRole('heading', { name: 'Neu planen' }).waitFor();
    const scheduled = await storyOf(story.id);
    expect(scheduled.status).toBe('scheduled');
    expect(
      Math.abs(new Date(scheduled.publishAt!.utc).getTime() - Math.floor(dueAt / 1000) * 1000),
    ).toBe(0);

    // The editor's list, open all along, turns to published when the job runs.
    await row.getByText('Veröffentlicht', { exact: true }).waitFor({ timeout: 30_000 });
    expect((await storyOf(story.id)).status).toBe('published');
  });

  it('shows the publish form in the newsroom’s zone with its offset, and reschedules and cancels', async () => {
    const story = await requestPublication(
      desk,
      await driveToApproved(desk, {
        kicker: 'Heilbronn',
        headline: 'Digitaler Zwilling soll das Straßenmanagement vereinfachen',
      }),
      { at: SCHEDULED_AT },
    );
    const page = await windows.signedIn(lead, `/stories/${story.id}/publish`);
    await page.getByRole('heading', { name: 'Neu planen' }).waitFor();
    await page.getByLabel('Zu einem Zeitpunkt').check();
    await page.getByLabel('Datum', { exact: true }).fill('2031-01-13');
    await page.getByLabel(/^Uhrzeit/).fill('10:30');
    await page.getByText('Erscheint am 13.01.2031, 10:30 MEZ (UTC+01:00)').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'publish');

    await page.getByRole('button', { name: 'Neu planen' }).click();
    await page.getByText('Mo., 13.01.2031, 10:30 (UTC+01:00)').waitFor();
    expect((await storyOf(story.id)).publishAt?.utc).toBe('2031-01-13T09:30:00.000Z');
    await page.getByRole('button', { name: 'Planung aufheben' }).click();
    await page.getByRole('button', { name: 'Planen', exact: true }).waitFor();
    expect((await storyOf(story.id)).status).toBe('approved');
  });

  it('shows the delivery receipt on the story: pending while the listings wait, then live everywhere without a reload', async () => {
    const story = await driveToPublished(desk, { headline: 'Sensoren melden volle Mülleimer' });
    // With the projector down, a correction goes out but reaches no listing yet.
    await newsdesk.stopProjector();
    let page: Page;
    try {
      const edited = await desk.editor.patch(
        `/api/articles/${story.id}`,
        { headline: 'Sensoren melden volle Mülleimer früher' },
        { 'if-match': String(story.version) },
      );
      expect(edited.status).toBe(200);
      const corrected = await desk.reviewers[0].post(`/api/articles/${story.id}/corrections`, {
        note: 'Überschrift präzisiert.',
      });
      expect(corrected.status).toBe(200);
      page = await windows.signedIn(lead, `/stories/${story.id}/publish`);
      const receipt = page.getByRole('region', { name: 'Auslieferung' });
      await receipt.getByText(/^noch ausstehend: .*section:/).waitFor();
      const steps = receipt.getByRole('list', { name: 'Schritte der Auslieferung' });
      await steps.getByText(/Version \d+ veröffentlicht/).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await newsdesk.startProjector();
    }
    // `delivery.progressed` on the stream turns it complete, with every listing checked.
    const receipt = page.getByRole('region', { name: 'Auslieferung' });
    await receipt.getByText('Überall live', { exact: true }).waitFor({ timeout: 30_000 });
    const listing = receipt
      .getByRole('listitem')
      .filter({ hasText: `Liste section:${desk.section} neu gebaut` });
    expect(await listing.textContent()).toMatch(/^✓/);
    await receipt.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'delivery-receipt');
  });

  it('asks before it kills a story, and the history shows its transitions; a preview link shows the story as it will look', async () => {
    const story = await driveToPublished(desk, {
      kicker: 'Kassel',
      headline: 'Verwaltungsleistungen vom Menschen her denken',
    });
    const page = await windows.signedIn(lead, `/stories/${story.id}/preview`);
    await page.getByRole('button', { name: 'Vorschau-Link erstellen' }).click();
    const link = await page.getByLabel('Link zur Vorschau').inputValue();
    expect(link).toMatch(/\/site\/preview\/[^/]+$/);
    // The site's own preview page, framed: exactly what the link shows.
    const preview = page
      .getByRole('region', { name: 'Vorschau der Geschichte' })
      .getByTitle('Vorschau der Geschichte')
      .contentFrame();
    await preview.getByRole('heading', { name: story.headline, level: 1 }).waitFor();
    // The lead of the story itself (other stories of the section in the box may share it).
    await preview.getByRole('article').getByText(story.teaser).waitFor();
    await preview.getByText(/^Vorschau \(Revision \d+\)/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Veröffentlichen', exact: true }).click();
    await page.getByLabel('Grund').fill('Rechtliche Prüfung: Vorwürfe nicht belegt.');
    await page.getByRole('button', { name: 'Zurückziehen …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Geschichte zurückziehen?' });
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await storyOf(story.id)).status).toBe('published');

    await page.getByRole('button', { name: 'Zurückziehen …' }).click();
    await dialog.getByRole('button', { name: 'Endgültig zurückziehen' }).click();
    await page.getByRole('complementary').getByText('Zurückgezogen').waitFor();
    const killed = await storyOf(story.id);
    expect(killed.status).toBe('killed');
    expect(killed.killReason).toBe('Rechtliche Prüfung: Vorwürfe nicht belegt.');

    await page.getByRole('link', { name: 'Verlauf', exact: true }).click();
    const trail = page.getByRole('table').first();
    for (const [action, transition] of [
      ['eingereicht', 'Entwurf → Eingereicht'],
      ['abgenommen', 'In Prüfung → Freigegeben'],
      ['veröffentlicht', 'Geplant → Veröffentlicht'],
      ['zurückgezogen', 'Veröffentlicht → Zurückgezogen'],
    ]) {
      await trail
        .getByRole('row')
        .filter({ hasText: transition })
        .getByRole('cell', { name: action, exact: true })
        .first()
        .waitFor();
    }
    await page.getByRole('heading', { name: 'Revisionen' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
