import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const WEB_DIST = resolve(__dirname, '../../dist/apps/web/browser');

/** CSP violations seen in each browser context opened by a browser from `launchChromium`. */
const cspViolations = new WeakMap<BrowserContext, string[]>();

/**
 * The system Chromium, headless, making no network calls of its own. Every context it opens records
 * Content-Security-Policy violations, which `expectNoSeriousA11yIssues` and `expectNoCspViolations` check.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(`${WEB_DIST}/index.html`)) throw new Error(`Build the web app first (npx nx build web): ${WEB_DIST}/index.html is missing`);
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
    ],
  });
  // browser.newPage() opens its context through newContext too, so every page is watched.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => watchCsp(await newContext(options));
  return browser;
}

/** No serious or critical WCAG 2 A/AA violation on the page, by axe. */
export async function expectNoSeriousA11yIssues(page: Page): Promise<void> {
  if (cspViolations.has(page.context())) expectNoCspViolations(page);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(
    result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
  ).toEqual([]);
}

/**
 * Records every Content-Security-Policy violation in the context: the pages' own `securitypolicyviolation`
 * events, and Chromium's console reports of refused scripts, styles and loads.
 */
async function watchCsp(context: BrowserContext): Promise<BrowserContext> {
  const seen: string[] = [];
  cspViolations.set(context, seen);
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  context.on('console', (message) => {
    const text = message.text();
    if (/CSP violation|Content Security Policy|Refused to (apply|execute|load|connect|frame)/i.test(text))
      seen.push(`${message.page()?.url() ?? ''}: ${text}`);
  });
  return context;
}

/** A new context and page (of a browser from `launchChromium`, so CSP violations are recorded). */
export async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** No CSP violation on any page of this page's context so far. */
export function expectNoCspViolations(page: Page): void {
  const seen = cspViolations.get(page.context());
  if (!seen) throw new Error('Open the browser with launchChromium() to record CSP violations');
  expect(seen).toEqual([]);
}
