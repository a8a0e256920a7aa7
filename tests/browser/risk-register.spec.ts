import { TenantDb } from '@plexus/server';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { seedDemo } from '../../apps/api/src/seed/seed';
import { launchChromium, WEB_DIST, expectNoSeriousA11yIssues } from '../support/browser';
import { createTestDatabase, startApi, type TestApi, type TestDatabase } from '../support/harness';

/** The count shown in one heat-map cell (cells are buttons named "Likely × Major: 1 risk, …" when they hold risks). */
async function cellCount(page: Page, likelihood: number, impact: number): Promise<number> {
  const text = await page.locator(`[data-cell="${likelihood},${impact}"]`).first().innerText();
  return Number(/\d+/.exec(text)?.[0] ?? 0);
}

describe('browser journey: add a risk, review it down a band, see the heat map change', () => {
  let db: TestDatabase;
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  const before: Record<string, number> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db, { WEB_DIST });
    await seedDemo(api.app.get(TenantDb));
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    await page.goto(`${api.url}/sign-in`);
    await page.getByLabel('Email address').fill('sam.patel@example.org');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/n\/northern-maternity/);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await db?.drop();
  });

  it('adds a risk scored Likely × Major, with the band in words', async () => {
    await page.getByRole('link', { name: 'Risk register' }).click();
    await page.waitForURL(/\/risks/);
    await page
      .getByRole('heading', { name: /Risk register/ })
      .first()
      .waitFor();
    await expectNoSeriousA11yIssues(page);
    before['4,4'] = await cellCount(page, 4, 4);
    before['2,4'] = await cellCount(page, 2, 4);
    await page.getByRole('button', { name: 'Add a risk' }).click();
    await page.waitForURL(/\/risks\/new/);
    await page.getByLabel('Description').fill('Midwifery vacancies above 10% in two units');
    await page.getByLabel('Date registered').fill('2026-10-01');
    await page.getByLabel('Likelihood before mitigation').selectOption({ label: '5 – Almost certain' });
    await page.getByLabel('Impact before mitigation').selectOption({ label: '4 – Major' });
    await page.getByLabel('Likelihood after mitigation').selectOption({ label: '4 – Likely' });
    await page.getByLabel('Impact after mitigation').selectOption({ label: '4 – Major' });
    await page.getByLabel('Mitigation', { exact: true }).fill('Regional recruitment campaign; bank staff shared between units');
    await page.getByRole('button', { name: 'Save risk' }).click();
    await page.getByText(/Risk NMCN\/04 has been added to the register/).waitFor();
    await page.getByText('Extreme').first().waitFor();
    const riskUrl = page.url();
    // On the heat map it now sits in Likely × Major.
    await page.getByRole('link', { name: 'Risk register' }).first().click();
    await page.waitForURL(/\/risks(\?.*)?$/);
    await page
      .getByRole('heading', { name: /Risk register/ })
      .first()
      .waitFor();
    expect(await cellCount(page, 4, 4)).toBe(before['4,4'] + 1);
    await page.goto(riskUrl);
  });

  it('records a review that brings it down a band, and the heat map moves it', async () => {
    await page.getByLabel('Date of review').fill('2026-11-20');
    await page.getByLabel('Likelihood', { exact: true }).selectOption({ label: '2 – Unlikely' });
    await page.getByLabel('Impact', { exact: true }).selectOption({ label: '4 – Major' });
    await page.getByLabel('Notes').fill('Vacancies now 4% after the campaign.');
    await page.getByRole('button', { name: 'Record review' }).click();
    await page.getByText('Vacancies now 4% after the campaign.').first().waitFor();
    await page.getByText('High').first().waitFor();
    await expectNoSeriousA11yIssues(page);

    await page.getByRole('link', { name: 'Risk register' }).first().click();
    await page.waitForURL(/\/risks(\?.*)?$/);
    await page
      .getByRole('heading', { name: /Risk register/ })
      .first()
      .waitFor();
    expect(await cellCount(page, 2, 4)).toBe(before['2,4'] + 1);
    expect(await cellCount(page, 4, 4)).toBe(before['4,4']);
    await page.getByRole('radio', { name: 'Before mitigation' }).check();
    expect(await cellCount(page, 5, 4)).toBeGreaterThanOrEqual(1);
    // Clicking the cell lists its risks.
    await page.getByRole('radio', { name: 'Current (after mitigation)' }).check();
    await page.locator('[data-cell="2,4"]').first().click();
    await page.getByText(/Showing risks in Unlikely × Major/).waitFor();
    await page.getByRole('link', { name: 'NMCN/04' }).waitFor();
  });
});
