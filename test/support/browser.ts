/**
 * Drives the desk in the system's Chromium (Debian's `chromium`, which
 * `npm test` installs when it is missing; Playwright cannot download its own
 * browsers here) through playwright-core. Tests find things the way a person
 * and a screen reader do: by role, label and text.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { PASSWORD } from './factories';

/** Where `scripts/test.mjs` found (or put) Chromium. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM}; \`npm test\` installs it (apt-get install chromium)`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true });
}

/**
 * Closes the browser, waiting at most 10 s: a Chromium that does not quit in
 * time is killed by Playwright when the test process exits, and the stack can
 * stop meanwhile.
 */
export async function closeChromium(browser: Browser | undefined): Promise<void> {
  if (!browser) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    browser.close(),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, 10_000))),
  ]);
  clearTimeout(timer);
}

/** A fresh browser profile (no cookies) on the desk, and what went wrong in its pages. */
export interface DeskWindow {
  context: BrowserContext;
  page: Page;
  /** Content-Security-Policy violations and uncaught errors in the page: a test expects none. */
  problems: string[];
  /** Every URL the page asked for, in order. */
  requests: string[];
}

/**
 * Opens a new profile speaking `locale` (the browser's language, which picks
 * the desk's), 1280×800 like a newsroom laptop, in `timezoneId` (the desk must
 * show the newsroom's zone whatever the browser's is).
 */
export async function openDesk(
  browser: Browser,
  options: { locale?: string; timezoneId?: string } = {},
): Promise<DeskWindow> {
  const context = await browser.newContext({
    locale: options.locale ?? 'de-DE',
    timezoneId: options.timezoneId ?? 'Europe/Berlin',
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      problems.push(`CSP: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  return { context, page, problems, requests };
}

/**
 * The browser windows of a test file, each a fresh profile on the desk served
 * at `baseUrl`. `closeAll()` after each test closes them and answers what went
 * wrong in their pages, which a test expects to be nothing.
 */
export class DeskWindows {
  private readonly windows: DeskWindow[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly baseUrl: string,
  ) {}

  /** The address of the desk's `path` (`/stories?view=…`, below `/desk`). */
  url(path: string): string {
    return `${this.baseUrl}/desk${path}`;
  }

  async open(options: Parameters<typeof openDesk>[1] = {}): Promise<DeskWindow> {
    const window = await openDesk(this.browser, options);
    this.windows.push(window);
    return window;
  }

  /** A new window on `path`, signed in there as `user` through the form ({@link signIn}). */
  async signedIn(
    user: { email: string },
    path: string,
    options: Parameters<typeof openDesk>[1] = {},
  ): Promise<Page> {
    const { page } = await this.open(options);
    await this.signIn(page, user, path);
    return page;
  }

  /**
   * Opens `path` in a page nobody is signed in to: it is sent to the sign-in
   * form, signs in there as `user` (password {@link PASSWORD}) and waits to be
   * back on `path`.
   */
  async signIn(page: Page, user: { email: string }, path: string): Promise<void> {
    await page.goto(this.url(path));
    await page.waitForURL(/\/desk\/sign-in/);
    await signInThroughForm(page, user.email, PASSWORD);
    await page.waitForURL((u) => u.pathname + u.search === `/desk${path}`);
  }

  /** Closes every window opened since the last call; answers their pages' CSP violations and errors. */
  async closeAll(): Promise<string[]> {
    const closing = this.windows.splice(0);
    await Promise.all(closing.map((w) => w.context.close()));
    return closing.flatMap((w) => w.problems);
  }
}

/**
 * Waits, without reloading, until the page shows `text`: for what arrives live
 * (through the stream, after a queued job), so the wait is generous.
 */
export function shows(page: Page, text: string | RegExp, timeout = 20_000): Promise<void> {
  return page.getByText(text).first().waitFor({ timeout });
}

/**
 * Marks the page's document, so that {@link isSameDocument} can tell that what
 * changed on screen since then changed in place, not by a reload.
 */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate('window.deskTestMark = true');
}

/** Whether the page still shows the document {@link markDocument} marked. */
export async function isSameDocument(page: Page): Promise<boolean> {
  return (await page.evaluate('window.deskTestMark === true')) === true;
}

/** The date and time (with seconds) on the clock of `timeZone` at `ms`, as the desk's date and time fields take them. */
export function wallClock(ms: number, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}:${get('second')}`,
  };
}

/** The labels of the sign-in form, in the desk's two languages. */
export const SIGN_IN = {
  de: { email: 'E-Mail', password: 'Passwort', submit: 'Anmelden' },
  en: { email: 'Email', password: 'Password', submit: 'Sign in' },
} as const;

/** Fills the sign-in form by its labels and presses its button. */
export async function signInThroughForm(
  page: Page,
  email: string,
  password: string,
  labels: (typeof SIGN_IN)['de' | 'en'] = SIGN_IN.de,
): Promise<void> {
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
}

/** A file as a test hands it to the page. */
export interface FileToDrop {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * Drops `files` onto `zone` as a person dragging them from the file manager
 * does: `dragenter`, `dragover` and `drop`, with a `DataTransfer` holding them.
 */
export async function dropFiles(zone: Locator, files: FileToDrop[]): Promise<void> {
  const sent = files.map((f) => ({
    name: f.name,
    mimeType: f.mimeType,
    base64: f.buffer.toString('base64'),
  }));
  // The tests compile without the DOM's types; the function runs in the page.
  await zone.evaluate((element: any, given: typeof sent) => {
    const window = element.ownerDocument.defaultView;
    const transfer = new window.DataTransfer();
    for (const file of given) {
      const bytes = window.Uint8Array.from(window.atob(file.base64), (c: string) =>
        c.charCodeAt(0),
      );
      transfer.items.add(new window.File([bytes], file.name, { type: file.mimeType }));
    }
    for (const type of ['dragenter', 'dragover', 'drop'])
      element.dispatchEvent(
        new window.DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
  }, sent);
}

/** Waits until the `<img>` has loaded (or failed to); answers its natural width, 0 when nothing was shown. */
export function loadedWidth(img: Locator): Promise<number> {
  return img.evaluate(
    (element: any) =>
      new Promise<number>((resolve) => {
        const done = () => resolve(element.naturalWidth as number);
        if (element.complete) done();
        else {
          element.addEventListener('load', done);
          element.addEventListener('error', done);
        }
      }),
  );
}

/** Whether the element is the one that has the keyboard focus. */
export function isFocused(locator: Locator): Promise<boolean> {
  // The tests compile without the DOM's types; the function runs in the page.
  return locator.evaluate((element: any) => element === element.ownerDocument.activeElement);
}

/** The value of a form field once it is `expected` (or whatever it is after `timeoutMs`). */
export async function settledValue(
  locator: Locator,
  expected: string,
  timeoutMs = 5_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await locator.inputValue();
    if (value === expected || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A violation that axe rates serious or critical: what it is and where. */
export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page as it is and answers its serious and critical
 * violations. Its source is evaluated through the DevTools protocol, so the
 * desk's Content-Security-Policy (no inline scripts) stays as strict as ever.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate<Violation[]>(`
    window.axe.run(document, { resultTypes: ['violations'] }).then((result) =>
      result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.map((n) => n.target.join(' ')),
        })),
    )
  `);
}

/**
 * Saves a screenshot of the page into `docs/screenshots/<name>.png` (shown in
 * the README), rewriting the file only when the picture changed.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  // Times differ on every run: the picture shows them fixed (and puts them back after), so that
  // it changes only when the screen does.
  await page.evaluate(`document.querySelectorAll('time, [data-relative]').forEach((el) => {
    el.dataset.shot = el.textContent;
    el.textContent = el.matches('time') ? '13.01.2031, 09:00' : 'in 3 Tagen';
  })`);
  const png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
  await page.evaluate(`document.querySelectorAll('[data-shot]').forEach((el) => {
    el.textContent = el.dataset.shot;
    delete el.dataset.shot;
  })`);
  const file = path.join(SCREENSHOTS, `${name}.png`);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  if (!fs.existsSync(file) || !fs.readFileSync(file).equals(png)) fs.writeFileSync(file, png);
}
