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
