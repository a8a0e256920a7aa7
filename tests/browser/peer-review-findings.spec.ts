import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TenantDb } from '@plexus/server';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { seedDemo } from '../../apps/api/src/seed/seed';
import { expectNoSeriousA11yIssues, launchChromium, WEB_DIST } from '../support/browser';
import { createTestDatabase, startApi, testConfig, type TestApi, type TestDatabase } from '../support/harness';
import { pdfText } from '../support/pdf';

/** Where the journey's page images go (looked at by eye), when SCREENSHOTS_DIR is set. */
const SHOTS = process.env['SCREENSHOTS_DIR'];
async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function signIn(browser: Browser, api: TestApi, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${api.url}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/n\/east-midlands-mtn/);
  return page;
}

describe('browser journey: a peer review — findings, an immediate risk raised to the register, the report issued, the action plan updated', () => {
  let db: TestDatabase;
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { STORAGE_DIR: mkdtempSync(join(tmpdir(), 'plexus-review-journey-')), REPORT_PAGE_POOL: '1' };
    api = await startApi(db, { ...env, WEB_DIST });
    await seedDemo(api.app.get(TenantDb));
    // A worker makes the peer review report's PDF.
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, env)), { logger: false });
    await worker.init();
    browser = await launchChromium();
    page = await signIn(browser, api, 'priya.shah@example.org');
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  it('records Kingsmead’s review with an immediate risk and raises it to the risk register, linked both ways', async () => {
    await page.getByRole('link', { name: 'Peer review' }).click();
    await page.waitForURL(/\/peer-review\/cycles$/);
    await page.locator('#cycles a').first().click();
    await page.locator('#review-links').getByRole('link', { name: 'Review of Kingsmead Hospital' }).click();
    await page.locator('#review-empty').waitFor();
    await page.getByRole('button', { name: 'Start the review' }).click();
    await page.getByText('The review has been started').waitFor();

    await page.getByRole('button', { name: 'Add a finding' }).click();
    await page.getByRole('button', { name: 'Add the finding' }).click();
    await page.locator('plx-error-summary').getByText('Choose a class').waitFor();
    await page.getByRole('radio', { name: 'Immediate risk' }).check();
    await page.getByLabel('Theme').fill('Trauma team leadership out of hours');
    await page.getByLabel('Finding').fill('No consultant trauma team leader on site overnight at weekends.');
    await page.getByLabel('Recommendations').fill('Put a consultant-led rota in place for every night\nReport rota gaps weekly to the network');
    await page.getByRole('button', { name: 'Add the finding' }).click();
    await page.getByText('The immediate risk has been added.').waitFor();
    await page.locator('#findings-immediate_risk').getByText('Report rota gaps weekly to the network').waitFor();
    await expectNoSeriousA11yIssues(page);
    await shot(page, 'review-draft');

    await page.getByRole('button', { name: 'Raise to risk register' }).click();
    await page.getByRole('heading', { name: 'Add this immediate risk to the network’s risk register?' }).waitFor();
    await page.getByRole('button', { name: 'Yes, raise it' }).click();
    await page.getByText(/Risk .+ has been added to the risk register from this finding/).waitFor();
    const riskLink = page.locator('#findings-immediate_risk').getByRole('link');
    const reference = (await riskLink.textContent())?.trim() ?? '';
    expect(reference).not.toBe('');
    expect(await page.getByRole('button', { name: 'Raise to risk register' }).count()).toBe(0);

    // The risk says where it came from, and leads back to the review.
    await riskLink.click();
    await page.locator('#risk-origin').getByText('Kingsmead Hospital').waitFor();
    await shot(page, 'risk-from-finding');
    await page.locator('#risk-origin a').click();
    await page.getByRole('heading', { name: /Review of Kingsmead Hospital/ }).waitFor();
  });

  it('records the agreement with the organisation’s lead and issues the report, which is then read-only', async () => {
    await page.getByRole('button', { name: 'Record agreement with the organisation' }).click();
    await page.getByLabel(/Who at Kingsmead Hospital agreed the report/).fill('Dr Anna Reid, Trauma Unit Lead');
    await page.getByRole('button', { name: 'Record the agreement' }).click();
    await page.locator('#agreed').getByText('With Dr Anna Reid, Trauma Unit Lead').waitFor();
    await page.getByRole('button', { name: 'Issue the report' }).click();
    await page.getByRole('button', { name: 'Yes, issue the report' }).click();
    await page.getByText(/The report has been issued/).waitFor();
    expect((await page.locator('#state').textContent())?.trim()).toBe('Issued');
    expect(await page.getByRole('button', { name: 'Add a finding' }).count()).toBe(0);
    await expectNoSeriousA11yIssues(page);
    await shot(page, 'review-issued');
  });

  it('generates the issued review’s peer review report, follows it to ready and downloads the PDF', async () => {
    await page.getByRole('button', { name: 'Generate the peer review report (PDF)' }).click();
    const link = page.getByRole('link', { name: /^Download Peer review report: Kingsmead Hospital/ });
    await link.waitFor({ timeout: 60_000 });
    expect(await page.locator('#review-pdf-status').textContent()).toMatch(/Peer review report: Kingsmead Hospital .* is ready to download\./);
    await expectNoSeriousA11yIssues(page);
    await shot(page, 'review-pdf');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const text = pdfText(readFileSync((await download.path()) as string)).replace(/\s+/g, ' ');
    expect(text).toMatch(/Report state Issued on .* \(agreed on .* with Dr Anna Reid, Trauma Unit Lead\)/);
    expect(text).toContain('Finding 1: Trauma team leadership out of hours');
    expect(text).toMatch(/Raised to the network’s risk register as [A-Z]+\/\d+/);
  });

  it('shows the recommendations as Kingsmead’s actions, and records progress on one', async () => {
    await page.locator('#action-plan-link').click();
    await page.waitForURL(/\/actions\?organisationId=/);
    const row = page.locator('#actions tbody tr').filter({ hasText: 'Put a consultant-led rota in place for every night' });
    await row.waitFor();
    await row.getByRole('button', { name: /Progress/ }).click();
    await page.getByText('No progress recorded yet.').waitFor();
    const form = page.locator('form[id^="progress-form-"]');
    await form.getByLabel('Status').selectOption('on_track');
    await page.getByLabel('How is it going?').fill('Interim rota agreed with the emergency department consultants.');
    await page.getByRole('button', { name: 'Add the update' }).click();
    await page.getByText('Progress recorded: the action is on track.').waitFor();
    await page.getByText(/On track: Interim rota agreed/).waitFor();
    await expectNoSeriousA11yIssues(page);
    await shot(page, 'action-plan');
  });

  it('lets Riverside’s contributor read their issued review from the last programme and record progress on an action carried forward', async () => {
    const owen = await signIn(browser, api, 'owen.price@example.org');
    await owen.goto(`${api.url}/n/east-midlands-mtn/peer-review/cycles`);
    await owen.locator('#cycles a').nth(1).click();
    await owen.locator('#review-links').getByRole('link', { name: 'Review of Riverside General Hospital' }).click();
    await owen.getByRole('heading', { name: 'Immediate risk (1)' }).waitFor();
    expect(await owen.getByRole('button', { name: /Raise to risk register|Add a finding|Issue/ }).count()).toBe(0);
    await expectNoSeriousA11yIssues(owen);
    await shot(owen, 'review-contributor');

    // This cycle's plan: the open actions carried forward, which Riverside's contributor updates (and only those).
    await owen.goto(`${api.url}/n/east-midlands-mtn/peer-review/cycles`);
    await owen.locator('#cycles a').first().click();
    await owen.locator('#action-plan-link').click();
    const row = owen.locator('#actions tbody tr').filter({ hasText: 'Name a trauma audit lead' });
    await row.getByText(/Carried forward from Peer Review Programme/).waitFor();
    expect(await owen.locator('#actions tbody tr').filter({ hasText: 'Kingsmead Hospital' }).count()).toBe(0);
    await row.getByRole('button', { name: /Progress/ }).click();
    const form = owen.locator('form[id^="progress-form-"]');
    await form.getByLabel('Status').selectOption('on_track');
    await form.getByLabel('How is it going?').fill('Audit lead now has two sessions a week in their job plan.');
    await form.getByRole('button', { name: 'Add the update' }).click();
    await owen.getByText('Progress recorded: the action is on track.').waitFor();
    await expectNoSeriousA11yIssues(owen);
    await shot(owen, 'action-plan-contributor');
  });
});
