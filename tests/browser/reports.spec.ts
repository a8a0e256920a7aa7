import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TenantDb } from '@plexus/server';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { seedDemo } from '../../apps/api/src/seed/seed';
import { launchChromium, WEB_DIST, expectNoSeriousA11yIssues } from '../support/browser';
import { createTestDatabase, startApi, testConfig, type TestApi, type TestDatabase } from '../support/harness';
import { pdfText } from '../support/pdf';

describe('browser journey: a manager creates a risk register report, follows it to ready and downloads the PDF', () => {
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let browser: Browser;
  let page: Page;
  const storageDir = mkdtempSync(join(tmpdir(), 'plexus-docs-'));

  beforeAll(async () => {
    db = await createTestDatabase();
    // The API and the worker share the document storage (a temp dir) and, through the database name, the queue.
    const env = { STORAGE_DIR: storageDir, REPORT_PAGE_POOL: '1' };
    api = await startApi(db, { ...env, WEB_DIST });
    await seedDemo(api.app.get(TenantDb));
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, env)), { logger: false });
    await worker.init();
    browser = await launchChromium();
    page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await db?.drop();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('signs in as the network manager and finds an empty library', async () => {
    await page.goto(`${api.url}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Email address').fill('priya.shah@example.org');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/n\/east-midlands-mtn\//);

    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Reports', exact: true }).click();
    await page.waitForURL(/\/n\/east-midlands-mtn\/reports$/);
    await page
      .getByRole('heading', { name: /Reports/ })
      .first()
      .waitFor();
    await page.getByText('No reports yet.').waitFor();
    await expectNoSeriousA11yIssues(page);
  });

  it('asks for a risk register report with the default options', async () => {
    await page.getByRole('button', { name: 'Create a report' }).click();
    await page.waitForURL(/\/reports\/new$/);
    await page.getByRole('heading', { name: /Create a report/ }).waitFor();
    // A progress report is chosen to begin with; the risk register report shows its own options.
    expect(await page.getByRole('radio', { name: 'Progress report' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'Risk register report' }).check();
    expect(await page.getByLabel('Number of top risks').inputValue()).toBe('10');
    await page.getByLabel('Changes since').waitFor();
    await expectNoSeriousA11yIssues(page);

    await page.getByRole('button', { name: 'Create report' }).click();
    await page.waitForURL(/\/n\/east-midlands-mtn\/reports$/);
    await page.getByText('Risk register report has been requested.').waitFor();
  });

  it('follows the document from queued to ready, announcing it', async () => {
    const row = page.getByRole('row', { name: /Risk register report/ });
    await row.waitFor();
    expect(await row.getByRole('cell', { name: /Priya Shah/ }).count()).toBe(1);
    const download = page.getByRole('link', { name: /^Download PDF of Risk register report, requested / });
    await download.waitFor({ timeout: 45_000 });
    await row.getByText('Ready', { exact: true }).waitFor();
    await row.getByText(/\d+ pages?, [\d.]+ (KB|MB|bytes)/).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Risk register report is ready' }).count()).toBe(1);
    await expectNoSeriousA11yIssues(page);
  });

  it('downloads the PDF, which names the report and the network', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /^Download PDF of Risk register report/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Risk-register-report.pdf');
    const path = await download.path();
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('Risk register report');
    expect(text).toContain('East Midlands Major Trauma Network');
  });
});
