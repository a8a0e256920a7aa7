import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const WEB_DIST = resolve(__dirname, '../../dist/apps/web/browser');

/** The system Chromium, headless, making no network calls of its own. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(`${WEB_DIST}/index.html`)) throw new Error(`Build the web app first (npx nx build web): ${WEB_DIST}/index.html is missing`);
  return chromium.launch({
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
}

/** No serious or critical WCAG 2 A/AA violation on the page, by axe. */
export async function expectNoSeriousA11yIssues(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}
