import AxeBuilder from '@axe-core/playwright';
import { TenantDb } from '@plexus/server';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { seedDemo } from '../../apps/api/src/seed/seed';
import { launchChromium, WEB_DIST } from '../support/browser';
import { createTestDatabase, startApi, type TestApi, type TestDatabase } from '../support/harness';

async function expectNoSeriousA11yIssues(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  expect(serious).toEqual([]);
}

/** A table as copied from Word: a heading, the header row, two rows of work (one with a typo in its year). */
const PASTED = [
  'Function 4 - Quality',
  'Improve Quality, Safety, Patient Experience and Outcomes',
  ['Work Plan', 'Metric', 'Timescale', 'Lead'].join('\t'),
  ['Support the establishment of a regional trauma desk at EMAS', 'Established Trauma Desk', 'Q4 2023/24', 'Network Manager'].join('\t'),
  ['Review pit stopping arrangements for pre-hospital clinicians', 'Review complete', 'September 20024', 'Network Medical Lead Network Manager'].join(
    '\t',
  ),
].join('\n');

describe('browser journey: import a pasted table, fix a flagged timescale, add progress, see the item slip', () => {
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

  it('starts a plan as the network manager', async () => {
    await page.goto(`${api.url}/sign-in`);
    await page.getByLabel('Email address').fill('priya.shah@example.org');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.getByRole('link', { name: 'Work plan', exact: true }).click();
    await page.getByRole('heading', { name: /Work plans/ }).waitFor();
    // The demo plan from seed 000 is listed.
    await page.getByRole('link', { name: 'Objectives and Work Plan 2023–25' }).waitFor();
    await expectNoSeriousA11yIssues(page);

    await page.getByRole('button', { name: 'Create plan' }).click();
    await page.getByText('Enter a title for the plan').first().waitFor();
    await page.getByLabel('Title').fill('Trauma desk and pit stops 2023–25');
    await page.getByLabel('Start of the period').fill('2023-04-01');
    await page.getByLabel('End of the period').fill('2025-03-31');
    await page.getByRole('button', { name: 'Create plan' }).click();
    await page.getByRole('heading', { name: /Trauma desk and pit stops 2023–25/ }).waitFor();
    await page.getByText('This plan has no themes yet.').waitFor();
  });

  it('imports a table pasted from Word, after a preview that flags the timescale it cannot read', async () => {
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: /Import work/ }).waitFor();
    await page.getByLabel('Table', { exact: true }).fill(PASTED);
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await page.getByRole('heading', { name: 'Preview' }).waitFor();
    await page.getByTestId('import-summary').getByText('2 work items in 1 theme').waitFor();
    await page.getByText(/Cannot read the timescale: "20024"/).waitFor();
    expect(await page.getByTestId('import-row').count()).toBe(2);
    await expectNoSeriousA11yIssues(page);
    await page.getByRole('button', { name: 'Import 2 work items' }).click();

    await page.getByText('2 work items imported into 1 theme.').waitFor();
    await page.getByRole('heading', { name: 'Function 4 - Quality' }).waitFor();
    await page.getByText('Check timescale').waitFor();
    await expectNoSeriousA11yIssues(page);
  });

  it('fixes the flagged timescale', async () => {
    await page.getByRole('link', { name: 'Review pit stopping arrangements for pre-hospital clinicians' }).click();
    await page.getByTestId('timescale-flag').getByText('Check this timescale').waitFor();
    await page.getByRole('link', { name: 'Fix the timescale' }).click();
    await page.getByRole('heading', { name: /Change a work item/ }).waitFor();
    const timescale = page.getByLabel('Timescale', { exact: true });
    await timescale.fill('Q2 2024/25');
    await page.getByText('Read as: Q2 2024/25, due by 30 September 2024.').waitFor();
    await expectNoSeriousA11yIssues(page);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The work item has been saved.').waitFor();
    await page.getByTestId('timescale').getByText('Due by 30 September 2024').waitFor();
    expect(await page.getByTestId('timescale-flag').count()).toBe(0);
  });

  it('adds a progress update and sees the item slip', async () => {
    // Validation shows next to the field, and in the summary.
    await page.getByRole('button', { name: 'Add update' }).click();
    await page.getByText('Say how the work is going').first().waitFor();
    await page.getByLabel('Update', { exact: true }).fill('Blood products SOP embedded; trials with two trauma units still to run.');
    await page.getByLabel('On track').check();
    await page.getByRole('button', { name: 'Add update' }).click();
    await page.getByText('Your update has been added. The item is now: On track.').waitFor();
    // On track by its own account, but past its target: overdue, and shown as Amber.
    await page
      .getByTestId('slippage')
      .getByText(/Overdue by \d+ days/)
      .waitFor();
    await page.getByText('Amber – Overdue (reported on track)').first().waitFor();
    await page.getByTestId('history').getByText('Blood products SOP embedded; trials with two trauma units still to run.').waitFor();
    await expectNoSeriousA11yIssues(page);

    // The table view filters it as slipped.
    await page.getByRole('link', { name: 'Back to the plan' }).click();
    await page.getByRole('link', { name: 'All items (table)' }).click();
    await page.getByLabel('Slipped or overdue only').check();
    await page.getByRole('button', { name: 'Show items' }).click();
    await page.getByTestId('result-count').getByText('Showing 2 of 2 items').waitFor();
  });
});
