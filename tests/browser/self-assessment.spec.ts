import { TenantDb } from '@plexus/server';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { seedDemo } from '../../apps/api/src/seed/seed';
import { expectNoSeriousA11yIssues, launchChromium, WEB_DIST } from '../support/browser';
import { pdfBytes } from '../support/documents';
import { createTestDatabase, startApi, type TestApi, type TestDatabase } from '../support/harness';

/** Where the journey's page images go (looked at by eye), when SCREENSHOTS_DIR is set. */
const SHOTS = process.env['SCREENSHOTS_DIR'];
async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await page.screenshot({ path: `${SHOTS}/${name}-top.png` });
}

describe('browser journey: a contributor completes and submits the self-assessment with evidence; the manager reads the heat map', () => {
  let db: TestDatabase;
  let api: TestApi;
  let browser: Browser;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db, { WEB_DIST });
    await seedDemo(api.app.get(TenantDb));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await db?.drop();
  });

  async function signIn(email: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${api.url}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/n\/east-midlands-mtn/);
    return page;
  }

  async function openSelfAssessments(page: Page): Promise<void> {
    await page.goto(`${api.url}/n/east-midlands-mtn/peer-review/cycles`);
    await page
      .getByRole('link', { name: /^Peer Review Programme/ })
      .first()
      .click();
    await page.waitForURL(/\/peer-review\/cycles\/[0-9a-f-]+$/);
    await page.locator('#self-assessments-link a').click();
    await page.waitForURL(/\/self-assessments$/);
  }

  it('lets Riverside’s contributor continue the draft, rate every criterion, attach evidence and submit it', async () => {
    const page = await signIn('owen.price@example.org');
    await openSelfAssessments(page);
    const row = page.getByRole('row', { name: /Riverside General Hospital/ });
    await row.getByText('In progress').waitFor();
    expect(await page.getByRole('row', { name: /Kingsmead Hospital/ }).count()).toBe(0);
    await expectNoSeriousA11yIssues(page);
    await shot(page, 'self-assessments-contributor');
    await row.getByRole('link', { name: /Continue/ }).click();
    await page.waitForURL(/\/self-assessments\/[0-9a-f-]+$/);
    await page
      .locator('#progress')
      .getByText(/^7 of \d+ answered$/)
      .waitFor();
    await expectNoSeriousA11yIssues(page);
    await shot(page, 'self-assessment-draft');

    // Every criterion not rated yet: Green, by the keyboard (focus the radio, Space selects it).
    const criteria = page.locator('.plx-criterion');
    const total = await criteria.count();
    for (let i = 0; i < total; i++) {
      const criterion = criteria.nth(i);
      if (await criterion.locator('input[type="radio"]:checked').count()) continue;
      const green = criterion.getByRole('radio', { name: 'Green' });
      await green.focus();
      await page.keyboard.press('Space');
      expect(await green.isChecked()).toBe(true);
    }
    const first = criteria.first();
    await first.getByRole('textbox', { name: /^Evidence for 1\.1$/ }).fill('Clinic waiting times report, October');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText(/Your answers have been saved\. (\d+) of \1 answered\./).waitFor();

    // Evidence: a PDF on the first criterion.
    await first
      .locator('input[type="file"]')
      .setInputFiles({ name: 'Clinic waits.pdf', mimeType: 'application/pdf', buffer: pdfBytes('Clinic waits') });
    await first.getByRole('button', { name: /^Upload/ }).click();
    await page.getByText(/Clinic waits\.pdf has been added to the evidence/).waitFor();
    await first.getByRole('link', { name: 'Clinic waits.pdf' }).waitFor();
    if (SHOTS) await first.screenshot({ path: `${SHOTS}/self-assessment-criterion.png` });

    await page.getByRole('button', { name: 'Submit to the network' }).click();
    await page.getByText(/Your self-assessment has been submitted to the network\./).waitFor();
    await page.locator('#state').getByText('Submitted').waitFor();
    expect(await page.locator('textarea').count()).toBe(0);
    await expectNoSeriousA11yIssues(page);
    await shot(page, 'self-assessment-submitted');
  });

  it('shows the manager the compliance heat map, every cell in words', async () => {
    const page = await signIn('priya.shah@example.org');
    await openSelfAssessments(page);
    await page
      .getByRole('link', { name: /Compliance summary and heat map/ })
      .first()
      .click();
    await page.waitForURL(/\/compliance$/);
    const table = page.locator('#heat-map');
    await table.waitFor();
    const riverside = table.getByRole('row', { name: /Riverside General Hospital/ });
    await riverside.getByText('Submitted').waitFor();
    expect(await riverside.locator('td').count()).toBe(7);
    const overall = ((await riverside.locator('td').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
    expect(overall).toMatch(/^\d+%, \d+ of \d+ met$/);
    await table
      .getByRole('row', { name: /Eastern Counties Ambulance Service/ })
      .getByText('Not started')
      .waitFor();
    await expectNoSeriousA11yIssues(page);
    await shot(page, 'compliance-heat-map');
  });
});
