import { TenantDb } from '@plexus/server';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { seedDemo } from '../../apps/api/src/seed/seed';
import { expectNoSeriousA11yIssues, launchChromium, WEB_DIST } from '../support/browser';
import { createTestDatabase, startApi, type TestApi, type TestDatabase } from '../support/harness';

/** Where the journey's page images go (looked at by eye), when SCREENSHOTS_DIR is set. */
const SHOTS = process.env['SCREENSHOTS_DIR'];
async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await page.screenshot({ path: `${SHOTS}/${name}-top.png` });
}

const CSV = [
  'Section number,Section title,Criterion number,Criterion,Evidence expected,Applies to',
  '1,Leadership,1.1,A named trauma lead in each hospital,Job plan,"MTC, TU"',
  '1,Leadership,1.2,The trauma lead attends the network governance meeting,Attendance records,',
  '2,Transfers,2.1,Transfers leave within the agreed time,Audit of departure times,Trauma unit',
].join('\r\n');

describe('browser journey: standard sets — read the national set, import a network set, change it, publish it', () => {
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
    await page.goto(`${api.url}/sign-in`);
    await page.getByLabel('Email address').fill('priya.shah@example.org');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/n\/east-midlands-mtn/);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await db?.drop();
  });

  it('lists the national D15 set and the network’s own assessment tool under Peer review', async () => {
    // Peer review opens on the programme's cycles; the standard sets are linked from there.
    await page.getByRole('link', { name: 'Peer review' }).click();
    await page.waitForURL(/\/peer-review\/cycles$/);
    await page.locator('#standards-link').getByRole('link', { name: 'standard sets' }).click();
    await page.waitForURL(/\/peer-review\/standards$/);
    await page.getByRole('heading', { name: /Standard sets/ }).waitFor();
    await page.locator('#national-sets').getByText('D15 Major trauma').waitFor();
    await page.locator('#own-sets').getByText('EMMTN network assessment tool').waitFor();
    await expectNoSeriousA11yIssues(page);
    await shot(page, 'standard-sets');
  });

  it('shows the national set read-only, with its sections, criteria and whom each is for', async () => {
    await page.locator('#national-sets a').first().click();
    await page.waitForURL(/\/peer-review\/standards\/[0-9a-f-]+$/);
    await page.locator('#national-note').waitFor();
    await page.getByRole('heading', { name: 'D15-2 Major trauma centre' }).waitFor();
    expect(await page.locator('#add-section').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Change/ }).count()).toBe(0);
    await expectNoSeriousA11yIssues(page);
    await shot(page, 'standard-set-national');
  });

  it('creates a set, imports its criteria from a CSV after the preview, changes one in place and publishes it', async () => {
    await page.getByRole('link', { name: 'Back to standard sets' }).click();
    await page.getByRole('button', { name: 'Create a standard set' }).click();
    await page.getByLabel('Code').fill('EMMTN-GOV');
    await page.getByLabel('Name').fill('Network governance standards');
    await page.getByRole('button', { name: 'Create the set' }).click();
    await page.getByText(/EMMTN-GOV Network governance standards has been created/).waitFor();
    await page.locator('#sections-empty').waitFor();
    await shot(page, 'standard-set-empty');

    await page.getByRole('button', { name: 'Import from a spreadsheet' }).click();
    await page.waitForURL(/\/import$/);
    await page.locator('#file').setInputFiles({ name: 'governance.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'Ready to import 3 criteria in 2 sections' }).waitFor();
    await expectNoSeriousA11yIssues(page);
    await shot(page, 'standard-import-preview');
    await page.getByRole('button', { name: 'Import 3 criteria' }).click();
    await page.getByText('3 criteria in 2 sections have been imported into version 1.').waitFor();
    await page.getByRole('heading', { name: '1 Leadership' }).waitFor();

    await page.getByRole('button', { name: 'Change criterion 1.2' }).click();
    await page.getByLabel('Criterion', { exact: true }).fill('The trauma lead attends three of the four network governance meetings a year');
    await page.getByLabel('Ambulance service').check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Criterion 1.2 has been changed.').waitFor();
    await page.getByText('The trauma lead attends three of the four network governance meetings a year').waitFor();

    await page.getByRole('button', { name: 'Move down criterion 1.1' }).click();
    await page.locator('#order-status').getByText('Criterion 1.1 moved down: now criterion 2 of 2.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim())).toBe('Move up criterion 1.1');

    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await page.getByText('Version 1 has been published').waitFor();
    await page.getByRole('button', { name: 'Create version 2' }).waitFor();
    await expectNoSeriousA11yIssues(page);
    await shot(page, 'standard-set-published');
  });

  it('lets the platform operator keep the national set on the admin pages', async () => {
    const operator = await (await browser.newContext()).newPage();
    await operator.goto(`${api.url}/sign-in`);
    await operator.getByLabel('Email address').fill('operator@example.org');
    await operator.getByLabel('Password').fill(DEMO_PASSWORD);
    await operator.getByRole('button', { name: 'Sign in' }).click();
    await operator.waitForURL(/\/admin\/networks/);
    await operator.getByRole('link', { name: 'National standard sets' }).click();
    await operator.waitForURL(/\/admin\/standards$/);
    await operator.locator('#own-sets').getByText('D15').waitFor();
    await expectNoSeriousA11yIssues(operator);
    await shot(operator, 'admin-standard-sets');
    await operator.locator('#own-sets a').first().click();
    await operator.getByRole('heading', { name: 'D15-1 Network organisation and governance' }).waitFor();
    // The version a cycle has not used yet changes in place: the operator may edit it.
    await operator.getByRole('button', { name: 'Change criterion MT-1-101' }).waitFor();
    await expectNoSeriousA11yIssues(operator);
    await shot(operator, 'admin-standard-set');
  });
});
