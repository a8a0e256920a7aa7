import { TenantDb } from '@plexus/server';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { seedDemo } from '../../apps/api/src/seed/seed';
import { expectNoSeriousA11yIssues, launchChromium, WEB_DIST } from '../support/browser';
import { createTestDatabase, startApi, type TestApi, type TestDatabase } from '../support/harness';

/**
 * The network home page (issue 13, item 1) and progress on several items at once (item 3), as Alex — manager of
 * Northern Spinal, viewer in East Midlands — meets them: sign in, see what needs attention, follow a line; the network
 * switcher keeps the kind of page; then update two items at once from the keyboard and read the summary. One browser
 * file, few page loads.
 */
describe('browser journey: home page, network switcher, update several items', () => {
  let db: TestDatabase;
  let api: TestApi;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db, { WEB_DIST });
    await seedDemo(api.app.get(TenantDb));
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await db?.drop();
  });

  const menuLink = (name: string) => page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name, exact: true });
  const switchTo = (label: string) => page.getByRole('combobox', { name: 'Network' }).selectOption({ label });

  it('signs in and opens the network at what needs attention, each line linking to the thing', async () => {
    await page.goto(`${api.url}/sign-in`);
    await page.getByLabel('Email address').fill('alex.morgan@example.org');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Northern Spinal Network' }).click();
    await page.waitForURL(/\/n\/northern-spinal\/home$/);
    await page.getByRole('heading', { name: /What needs your attention/ }).waitFor();
    const summary = await page.locator('#attention-summary').innerText();
    expect(summary).toMatch(/^(\d+ things need|1 thing needs) your attention\.$/);
    expect(await page.locator('#attention-scope').innerText()).toMatch(/^The whole network’s, as of \d{1,2} [A-Z][a-z]+ \d{4}\./);
    expect(await menuLink('Home').getAttribute('aria-current')).toBe('page');
    await expectNoSeriousA11yIssues(page);

    // Follow the first line: it opens the thing it names.
    const first = page.locator('section ul a').first();
    const href = (await first.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/n\/northern-spinal\/(plan|risks|peer-review|reports|schedules)\//);
    await first.click();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === href);
    await page.locator('h1').first().waitFor();
  });

  it('switches network on the same kind of page: a record’s page opens that section’s list; a list stays a list', async () => {
    const path = new URL(page.url()).pathname;
    const section = /^\/n\/northern-spinal\/(peer-review\/cycles|plan|risks|reports|schedules)/.exec(path)?.[1] ?? '';
    await switchTo('East Midlands Major Trauma Network – Viewer');
    // A viewer cannot see the scheduled reports: their home page instead.
    const expected = section === 'schedules' ? 'home' : section;
    await page.waitForURL(new RegExp(`/n/east-midlands-mtn/${expected}$`));

    await menuLink('Risk register').click();
    await page.waitForURL(/\/n\/east-midlands-mtn\/risks$/);
    await switchTo('Northern Spinal Network – Network manager');
    await page.waitForURL(/\/n\/northern-spinal\/risks$/);
    await page
      .getByRole('heading', { name: /Risk register/ })
      .first()
      .waitFor();
  });

  it('updates two work items at once from the keyboard, each its own dated update, with a summary after saving', async () => {
    await menuLink('Home').click();
    await page.waitForURL(/\/n\/northern-spinal\/home$/);
    await page.locator('#update-many').click();
    await page.waitForURL(/\/n\/northern-spinal\/plan\/[0-9a-f-]{36}\/update$/);
    await page.getByRole('heading', { name: /Update several work items/ }).waitFor();
    await expectNoSeriousA11yIssues(page);

    const items = page.locator('fieldset.plx-bulk-item');
    const refOf = async (n: number) => (await items.nth(n).locator('legend').innerText()).split(' ')[0];
    const [one, two] = [await refOf(0), await refOf(1)];

    // Nothing chosen: the error summary says so.
    await page.locator('#save-updates').focus();
    await page.keyboard.press('Enter');
    await page.getByText('Choose at least one work item to update').first().waitFor();

    // The first: chosen with the space bar, then a note typed. The second: a status and a note (which choose it).
    await page.getByLabel(`Update ${one}`, { exact: true }).focus();
    await page.keyboard.press('Space');
    await page.getByLabel(`Note on ${one}`, { exact: true }).focus();
    await page.keyboard.type('Reviewed before the board: on course.');
    await page.getByLabel(`Status of ${two}`, { exact: true }).selectOption({ label: 'At risk' });
    await page.getByLabel(`Note on ${two}`, { exact: true }).fill('Waiting on the trusts’ data.');
    expect(await page.locator('#bulk-chosen').innerText()).toBe('2 work items chosen.');
    await page.locator('#save-updates').focus();
    await page.keyboard.press('Enter');

    const result = page.locator('#bulk-result');
    await result.getByRole('heading', { name: '2 work items updated' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bulk-result');
    const lines = await page.locator('#bulk-result-list li').allInnerTexts();
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/At risk$/);

    // Each is its own dated progress update in the item's history.
    await page.locator('#bulk-result-list a').nth(1).click();
    await page.getByText('Waiting on the trusts’ data.').first().waitFor();
  });
});
