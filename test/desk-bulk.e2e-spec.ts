import type { Browser, Page, Route } from 'playwright-core';
import type { User } from '@newsdesk/identity';
import { closeChromium, DeskWindows, launchChromium, seriousViolations } from './support/browser';
import { driveToApproved, driveToReview, publishNow, type Desk, type Story } from './support/drive';
import { makeSection, makeUser } from './support/factories';
import { ApiClient } from './support/http';
import { Newsdesk } from './support/newsdesk';

/** What arrives through the stream after a queued job (a publication) may take a while on a busy machine. */
const LIVE = 60_000;
const PUBLISH_NOW = 'Jetzt veröffentlichen';
const SELECT_ALL = 'Alle veröffentlichbaren Geschichten dieser Seite auswählen';

describe('publishing many stories at once from the desk’s list', () => {
  let newsdesk: Newsdesk;
  let browser: Browser;
  let windows: DeskWindows;
  let editor: User;
  let reviewer: User;
  let editorApi: ApiClient;
  let reviewerApi: ApiClient;

  /** A section of its own for a test (so its list shows only that test's stories), and who works in it. */
  async function deskWithSection(): Promise<Desk & { section: string }> {
    const section = (await makeSection(newsdesk.orm, 'Smart City')).slug;
    return { newsdesk, editor: editorApi, reviewers: [reviewerApi], section };
  }

  const rowOf = (page: Page, story: Story) =>
    page.getByRole('row').filter({ hasText: story.headline });
  const checkboxOf = (page: Page, story: Story) =>
    page.getByRole('checkbox', { name: `„${story.headline}“ auswählen`, exact: true });
  const statusOf = async (story: Story) =>
    (await editorApi.get<Story>(`/api/articles/${story.id}`)).body.status;
  const isPublishRequest = (url: string | URL) => new URL(url).pathname === '/api/articles/publish';

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    editor = await makeUser(newsdesk.orm, ['editor'], 'Clara Neumann');
    reviewer = await makeUser(newsdesk.orm, ['reviewer'], 'Eva Schulz');
    const anonymous = new ApiClient(newsdesk.url);
    editorApi = await anonymous.login(editor.email);
    reviewerApi = await anonymous.login(reviewer.email);
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

  it('a reviewer ticks the approved stories (not the one in review), publishes them in one request, and sees them go out', async () => {
    const desk = await deskWithSection();
    const first = await driveToApproved(desk, {
      kicker: 'Ulm',
      headline: 'Ulm öffnet seine Verkehrsdaten für alle',
    });
    const second = await driveToApproved(desk, {
      kicker: 'Fürth',
      headline: 'Rechenzentrum wärmt Hallenbad mit seiner Abwärme',
    });
    const inReview = await driveToReview(desk, {
      kicker: 'Kassel',
      headline: 'Verwaltungsleistungen vom Menschen her denken',
    });

    const page = await windows.signedIn(reviewer, `/stories?section=${desk.section}`);
    await page.getByRole('heading', { name: 'Geschichten', level: 1 }).waitFor();
    for (const story of [first, second, inReview]) await rowOf(page, story).waitFor();
    // Only what can be published now can be ticked; nothing is ticked yet, so there is no bar.
    expect(await rowOf(page, inReview).getByRole('checkbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: PUBLISH_NOW }).count()).toBe(0);

    await checkboxOf(page, first).check();
    await page.getByText('1 ausgewählt', { exact: true }).waitFor();
    await page.getByRole('checkbox', { name: SELECT_ALL }).check();
    await page.getByText('2 ausgewählt', { exact: true }).waitFor();
    expect(await checkboxOf(page, second).isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // The request is held until the test has seen the button disabled while it runs.
    let hold!: (route: Route) => void;
    const held = new Promise<Route>((resolve) => (hold = resolve));
    await page.route(isPublishRequest, (route) => hold(route));
    await page.getByRole('button', { name: PUBLISH_NOW }).click();
    const route = await held;
    expect(route.request().method()).toBe('POST');
    const body = route.request().postDataJSON() as { ids: string[]; at?: string };
    expect([...body.ids].sort()).toEqual([first.id, second.id].sort());
    expect(body.at).toBeUndefined();
    await page.getByRole('button', { name: PUBLISH_NOW, disabled: true }).waitFor();
    const answered = page.waitForResponse((r) => isPublishRequest(r.url()));
    await route.continue();
    expect((await answered).status()).toBe(202);

    await page
      .getByRole('status')
      .filter({ hasText: '2 Geschichten werden veröffentlicht.' })
      .waitFor();
    // The selection is gone with its bar.
    await page.getByRole('button', { name: PUBLISH_NOW }).waitFor({ state: 'detached' });
    expect(await page.getByRole('checkbox', { checked: true }).count()).toBe(0);

    // The list, never reloaded, shows both published, and they can no longer be ticked.
    for (const story of [first, second]) {
      await rowOf(page, story).getByText('Veröffentlicht', { exact: true }).waitFor({
        timeout: LIVE,
      });
      expect(await rowOf(page, story).getByRole('checkbox').count()).toBe(0);
    }
    await newsdesk.settle();
    expect(await statusOf(first)).toBe('published');
    expect(await statusOf(second)).toBe('published');
    expect(await statusOf(inReview)).toBe('in_review');
  }, 240_000);

  it('publishes nothing when a ticked story changed meanwhile: the refusal names it, the rest stays approved and ticked', async () => {
    const desk = await deskWithSection();
    const kept = await driveToApproved(desk, {
      kicker: 'Arnsberg',
      headline: 'Smarte Abfallbehälter melden ihren Füllstand',
    });
    const gone = await driveToApproved(desk, {
      kicker: 'Heilbronn',
      headline: 'Digitaler Zwilling soll das Straßenmanagement vereinfachen',
    });

    // This window gets no live stream, so its list goes on showing what it loaded: the moment
    // between a colleague's change and the stream's word of it, held open for the test.
    const { page } = await windows.open();
    await page.route(
      (url) => url.pathname === '/api/stream',
      (route) => route.abort(),
    );
    await windows.signIn(page, reviewer, `/stories?section=${desk.section}`);
    await checkboxOf(page, kept).check();
    await checkboxOf(page, gone).check();
    await page.getByText('2 ausgewählt', { exact: true }).waitFor();

    // A colleague publishes one of them through the API.
    await publishNow(desk, gone);
    expect(await rowOf(page, gone).getByText('Freigegeben', { exact: true }).count()).toBe(1);

    const answered = page.waitForResponse((r) => isPublishRequest(r.url()));
    await page.getByRole('button', { name: PUBLISH_NOW }).click();
    expect((await answered).status()).toBe(409);
    const refusal = page.getByRole('alert').filter({
      hasText: 'Nichts wurde veröffentlicht: 1 Geschichte kann nicht veröffentlicht werden.',
    });
    await refusal.waitFor();
    expect(await refusal.getByRole('listitem').allTextContents()).toEqual([
      `${gone.headline}: ist nicht mehr freigegeben oder geplant`,
    ]);

    // The list is fetched again: the published story can no longer be ticked, the other one
    // still is, and the refusal stays until the next try.
    await rowOf(page, gone).getByText('Veröffentlicht', { exact: true }).waitFor();
    expect(await rowOf(page, gone).getByRole('checkbox').count()).toBe(0);
    await page.getByText('1 ausgewählt', { exact: true }).waitFor();
    expect(await checkboxOf(page, kept).isChecked()).toBe(true);
    expect(await rowOf(page, kept).getByText('Freigegeben', { exact: true }).count()).toBe(1);
    expect(await refusal.count()).toBe(1);
    await newsdesk.settle();
    expect(await statusOf(kept)).toBe('approved');

    // Trying again with what is left publishes it; the list follows without the stream.
    await page.getByRole('button', { name: PUBLISH_NOW }).click();
    await page
      .getByRole('status')
      .filter({ hasText: '1 Geschichte wird veröffentlicht.' })
      .waitFor();
    expect(await refusal.count()).toBe(0);
    await rowOf(page, kept)
      .getByText(/^(Geplant|Veröffentlicht)$/)
      .waitFor();
    await newsdesk.settle();
    expect(await statusOf(kept)).toBe('published');
  }, 240_000);

  it('gives an editor without the reviewer role no checkboxes', async () => {
    const desk = await deskWithSection();
    const approved = await driveToApproved(desk, {
      kicker: 'Bonn',
      headline: 'Länder wollen Verwaltung gemeinsam digitalisieren',
    });
    const page = await windows.signedIn(editor, `/stories?section=${desk.section}`);
    await rowOf(page, approved).getByText('Freigegeben', { exact: true }).waitFor();
    expect(await page.getByRole('checkbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: PUBLISH_NOW }).count()).toBe(0);
  }, 120_000);
});
