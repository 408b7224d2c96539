import type { Browser, Page } from 'playwright-core';
import { Queue } from 'bullmq';
import { JobName, JobQueue, redisOptions } from '@newsdesk/messaging';
import type { Role } from '@newsdesk/identity';
import {
  closeChromium,
  DeskWindows,
  dropFiles,
  launchChromium,
  loadedWidth,
  saveScreenshot,
  seriousViolations,
} from './support/browser';
import { makePicture, PICTURE_TEXTS } from './support/desk-content';
import { makeSection, makeUser, PASSWORD } from './support/factories';
import { ApiClient } from './support/http';
import { Newsdesk } from './support/newsdesk';

const { caption: CAPTION, credit: CREDIT } = PICTURE_TEXTS;
/** A job that fails on every attempt: its image does not exist. Fixed ids keep the screenshot stable. */
const MISSING_IMAGE = '00000000-0000-4000-8000-00000000d35c';
const FAILING_JOB = 'desk-ops-missing-image';

describe('the photo desk, ops and admin screens in a real browser', () => {
  let newsdesk: Newsdesk;
  let browser: Browser;
  let media: Queue;
  let windows: DeskWindows;

  /** A new profile, signed in through the form as a fresh user of `roles`, on `path`. */
  async function signedIn(roles: Role[], name: string, path: string): Promise<Page> {
    return windows.signedIn(await makeUser(newsdesk.orm, roles, name), path);
  }

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    media = new Queue(JobQueue.Media, { connection: redisOptions(newsdesk.config.redisUrl) });
    browser = await launchChromium();
    windows = new DeskWindows(browser, newsdesk.url);
  });

  afterEach(async () => {
    expect((await windows?.closeAll()) ?? []).toEqual([]);
  });

  afterAll(async () => {
    await closeChromium(browser);
    await media?.close();
    await newsdesk?.stop();
  });

  it('uploads a picture with progress, sees it processed live with caption and credit from IPTC, sets alt text and a focal point', async () => {
    const page = await signedIn(['photo_desk'], 'Paula Foto', '/photos');
    await page.getByRole('heading', { name: 'Bildredaktion', level: 1 }).waitFor();
    const picture = await makePicture();

    // The upload crawls (64 KB/s) so that its progress can be seen.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 96 * 1024,
    });
    // The picture goes straight to S3 (a direct upload), not through the API.
    const requests: string[] = [];
    page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
    await page.getByLabel('Bilddateien').setInputFiles({
      name: 'marktplatz.jpg',
      mimeType: 'image/jpeg',
      buffer: picture,
    });
    const progress = page.getByRole('progressbar', { name: 'Fortschritt von marktplatz.jpg' });
    await progress.waitFor();
    // Part of it sent, not all: progress as it goes.
    let sent = 0;
    for (let i = 0; i < 200 && !(sent > 0 && sent < 100); i++) {
      sent = await progress.evaluate((bar: any) => bar.value as number);
      if (!(sent > 0)) await new Promise((r) => setTimeout(r, 100));
    }
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(100);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    // Processed, announced by the stream: the row turns "Fertig" without a reload.
    const row = page.getByRole('listitem', { name: 'marktplatz.jpg' });
    await row.getByText('Fertig').waitFor({ timeout: 30_000 });
    const bucketUrl = `${newsdesk.config.s3.uploadEndpoint}/${newsdesk.config.s3.bucket}/originals/`;
    expect(requests.filter((line) => line.startsWith(`PUT ${bucketUrl}`))).toHaveLength(1);
    expect(requests).toContain(`POST ${newsdesk.url}/api/images/uploads/complete`);
    expect(requests).not.toContain(`POST ${newsdesk.url}/api/images`);
    await row.getByText('Alt-Text fehlt').waitFor();
    await row.getByRole('button', { name: 'Bearbeiten' }).click();

    const detail = page.getByRole('region', { name: 'Bild bearbeiten' });
    await detail.waitFor();
    expect(await detail.getByLabel('Bildunterschrift').inputValue()).toBe(CAPTION);
    expect(await detail.getByLabel('Credit').inputValue()).toBe(CREDIT);
    await detail.getByText(/Alt-Text fehlt: Das Bild kann so nicht/).waitFor();

    // The rendition comes from S3's public origin, which the CSP allows: it is really shown.
    const focal = detail.getByRole('button', { name: 'Fokuspunkt setzen' });
    expect(await loadedWidth(focal.locator('img'))).toBeGreaterThan(0);
    expect(await focal.locator('img').getAttribute('src')).toMatch(
      new RegExp(`^${newsdesk.config.s3.publicUrl}/`),
    );

    await detail.getByLabel('Alt-Text').fill('Ein Sensor am Deckel eines Abfallbehälters');
    await detail.getByRole('button', { name: 'Speichern' }).click();
    await detail.getByText('Gespeichert.').waitFor();
    await detail.getByText(/Alt-Text fehlt/).waitFor({ state: 'detached' });

    // A click a quarter from the left and three quarters down moves the focal point; the crops follow.
    const box = (await focal.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.75);
    await detail.getByText('Fokuspunkt: 25 % von links, 75 % von oben').waitFor();
    const positions = await detail
      .locator('figure img')
      .evaluateAll((imgs: any[]) =>
        imgs.map((img) => img.ownerDocument.defaultView.getComputedStyle(img).objectPosition),
      );
    expect(positions).toEqual(['25% 75%', '25% 75%']);
    expect(await detail.getByRole('figure').allInnerTexts()).toEqual([
      'Teaser (4:3)',
      'Aufmacher (16:9)',
    ]);

    // The API has them.
    const photo = await new ApiClient(newsdesk.url).login(
      (await makeUser(newsdesk.orm, ['photo_desk'])).email,
      PASSWORD,
    );
    const list = await photo.get(`/api/images?q=${encodeURIComponent('Marktplatz')}`);
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({
      caption: CAPTION,
      credit: CREDIT,
      alt: 'Ein Sensor am Deckel eines Abfallbehälters',
      status: 'ready',
    });
    expect(list.body.items[0].focalPoint.x).toBeCloseTo(0.25, 1);
    expect(list.body.items[0].focalPoint.y).toBeCloseTo(0.75, 1);

    // A text file named .jpg, dropped onto the zone, is refused with the API's reason.
    await dropFiles(page.getByRole('group', { name: 'Bilder hochladen' }), [
      { name: 'notiz.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Das ist kein Bild.') },
    ]);
    const refused = page.getByRole('listitem', { name: 'notiz.jpg' });
    await refused.getByText(/Abgelehnt: Kein unterstütztes Bildformat/).waitFor();

    expect(await seriousViolations(page)).toEqual([]);
    await page.mouse.move(0, 0);
    await page
      .getByRole('heading', { name: 'Bildredaktion', level: 1 })
      .evaluate((h: any) => h.ownerDocument.defaultView.scrollTo(0, 0));
    await saveScreenshot(page, 'photo-desk');
  }, 90_000);

  it('ops see queue counts, a failed job with its reason, retry it, and the outbox and webhooks', async () => {
    const job = await media.add(
      JobName.ImageProcess,
      { imageId: MISSING_IMAGE, scope: 'all' },
      { jobId: FAILING_JOB, attempts: 1 },
    );
    const page = await signedIn(['ops'], 'Otto Betrieb', '/ops');
    await page.getByRole('heading', { name: 'Betrieb', level: 1 }).waitFor();

    const table = page.getByRole('table', { name: 'Aufträge je Warteschlange und Zustand' });
    const mediaRow = table.getByRole('row', { name: /^media/ });
    await mediaRow.waitFor();
    expect(await table.getByRole('columnheader').allInnerTexts()).toContain('Fehlgeschlagen');

    const failed = page.getByRole('region', { name: 'Fehlgeschlagen in media' });
    await failed.getByText(`image ${MISSING_IMAGE} does not exist`).waitFor({ timeout: 15_000 });
    const failedAt = (await media.getJob(FAILING_JOB))?.finishedOn ?? 0;
    const retried = page.waitForResponse(
      (r) => r.url().endsWith(`/jobs/${job.id}/retry`) && r.request().method() === 'POST',
    );
    await failed.getByRole('button', { name: `Auftrag ${FAILING_JOB} erneut versuchen` }).click();
    expect((await retried).status()).toBe(200);
    // The retried job ran again (and, its image still missing, failed again later).
    let finishedAgain = 0;
    for (let i = 0; i < 100 && finishedAgain <= failedAt; i++) {
      await new Promise((r) => setTimeout(r, 100));
      finishedAgain = (await media.getJob(FAILING_JOB))?.finishedOn ?? 0;
    }
    expect(finishedAgain).toBeGreaterThan(failedAt);

    await page.getByRole('heading', { name: 'Outbox' }).waitFor();
    await page.getByText('Nicht gesendet').waitFor();
    await page.getByRole('heading', { name: 'Angehaltene Webhooks' }).waitFor();
    expect(
      await page
        .getByRole('link', { name: 'Warteschlangen-Dashboard öffnen' })
        .getAttribute('href'),
    ).toBe('/ops/queues');

    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'ops');
    await media.remove(FAILING_JOB).catch(() => undefined);
  }, 60_000);

  it('an admin invites a user and sees the one-time password once', async () => {
    await makeSection(newsdesk.orm, 'Smart City');
    const page = await signedIn(['admin'], 'Ada Admin', '/admin');
    await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
    const invite = page.getByRole('form', { name: 'Einladen' });
    const email = `lena.berger-${Date.now()}@newsdesk.test`;
    await invite.getByLabel('Name').fill('Lena Berger');
    await invite.getByLabel('E-Mail').fill(email);
    await invite.getByRole('button', { name: 'Einladen' }).click();

    const secret = page.getByRole('alert').filter({ hasText: 'Einmalpasswort für Lena Berger' });
    await secret.waitFor();
    const password = (await secret.locator('code').innerText()).trim();
    expect(password.length).toBeGreaterThanOrEqual(10);
    await page.getByRole('row', { name: new RegExp(email) }).waitFor();

    // It works, once: the new user must replace it.
    const login = await new ApiClient(newsdesk.url).post('/api/auth/login', { email, password });
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);

    expect(await seriousViolations(page)).toEqual([]);
    await secret.getByRole('button', { name: 'Notiert, ausblenden' }).click();
    expect(await page.getByText(password).count()).toBe(0);
    await page.reload();
    await page.getByRole('row', { name: new RegExp(email) }).waitFor();
    expect(await page.getByText(password).count()).toBe(0);

    // Sections: the editor of approval steps and limits opens, and passes axe too.
    await page
      .getByRole('button', { name: /^Ressort .* bearbeiten$/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Schritt hinzufügen' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    await page.mouse.move(0, 0);
    await page
      .getByRole('heading', { name: 'Administration', level: 1 })
      .evaluate((h: any) => h.ownerDocument.defaultView.scrollTo(0, 0));
    await saveScreenshot(page, 'admin');
  }, 60_000);
});
