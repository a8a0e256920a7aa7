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
import { expectNoSeriousA11yIssues, launchChromium, WEB_DIST } from '../support/browser';
import { createTestDatabase, startApi, testConfig, type TestApi, type TestDatabase } from '../support/harness';
import { pdfPageTexts } from '../support/pdf';

/**
 * Issue 10's "done when", in the browser on the demo data: the manager previews and generates East Midlands' FY 2024/25
 * annual report from its draft, puts it on the agenda of the board's next meeting, generates that meeting's pack and
 * downloads it, ready to table.
 */
describe('browser journey: the FY 2024/25 annual report from the demo, tabled in the next board meeting’s pack', () => {
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let browser: Browser;
  let page: Page;
  const storageDir = mkdtempSync(join(tmpdir(), 'plexus-annual-journey-'));

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { STORAGE_DIR: storageDir, REPORT_PAGE_POOL: '1' };
    api = await startApi(db, { ...env, WEB_DIST });
    await seedDemo(api.app.get(TenantDb));
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, env)), { logger: false });
    await worker.init();
    browser = await launchChromium();
    page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await db?.drop();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('opens the demo’s FY 2024/25 draft from the report library and previews it', async () => {
    await page.goto(`${api.url}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Email address').fill('priya.shah@example.org');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/n\/east-midlands-mtn\//);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByRole('link', { name: 'Write the annual report' }).first().click();
    await page.getByRole('link', { name: 'Annual report 2024/25' }).click();
    await page.getByRole('heading', { name: /Annual report 2024\/25/, level: 1 }).waitFor();
    // (axe first: it cannot run inside the preview's sandboxed frame, which allows no scripts)
    await expectNoSeriousA11yIssues(page);
    await page.getByRole('button', { name: /Save and preview/ }).click();
    const preview = page.frameLocator('iframe[title="Preview of the annual report"]');
    await preview.getByRole('heading', { name: 'Annual report 2024/25', level: 1 }).waitFor({ timeout: 30_000 });
    // The same templates as the PDF, from what is saved: the chair's foreword and the year's delivery.
    const text = (await preview.locator('body').textContent()) ?? '';
    expect(text).toContain('Thank you to every clinician, manager and patient representative');
    expect(text).toContain('Delivery against the plan');
  });

  it('generates the PDF and finds it ready in the library', async () => {
    await page.getByRole('button', { name: 'Save and generate the PDF' }).click();
    await page.waitForURL(/\/n\/east-midlands-mtn\/reports$/);
    await page
      .getByRole('link', { name: /^Download PDF of Annual report 2024\/25/ })
      .first()
      .waitFor({ timeout: 60_000 });
  });

  it('puts it on the next board meeting’s agenda, generates the pack and downloads it, numbered through', async () => {
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Board meetings', exact: true }).click();
    await page.waitForURL(/\/n\/east-midlands-mtn\/board$/);
    await page.locator('#upcoming-heading ~ * a').first().click();
    await page.getByRole('heading', { name: /Network Board/, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add an agenda item' }).click();
    await page.getByLabel('Item', { exact: true }).fill('Annual report 2024/25');
    const select = page.getByLabel('Paper (optional)');
    const option = select.locator('option', { hasText: 'Annual report 2024/25' });
    await select.selectOption((await option.first().getAttribute('value')) as string);
    await page.getByRole('button', { name: 'Add item' }).click();
    await page.getByText('“Annual report 2024/25” has been added to the agenda.').waitFor();

    await page.getByRole('button', { name: 'Generate the board pack' }).click();
    const link = page.getByRole('link', { name: /^Download the board pack/ });
    await link.waitFor({ timeout: 60_000 });
    await expectNoSeriousA11yIssues(page);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const pages = pdfPageTexts(readFileSync((await download.path()) as string));
    pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${pages.length}`));
    expect(pages[1]).toMatch(/Agenda/);
    expect(pages[2]).toMatch(/6\. Annual report 2024\/25\s+\d+/);
    const all = pages.join('\n');
    expect(all).toMatch(/Delivery against the plan/);
    expect(all).toMatch(/East Midlands/);
  });
});
