import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { todayIso } from '@plexus/domain';
import { TenantDb } from '@plexus/server';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { seedDemo } from '../../apps/api/src/seed/seed';
import { eventually } from '../support/eventually';
import { expectNoSeriousA11yIssues, launchChromium, WEB_DIST } from '../support/browser';
import { createTestDatabase, HttpClient, startApi, testConfig, type TestApi, type TestDatabase } from '../support/harness';
import { pdfPageTexts } from '../support/pdf';

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('browser journey: a manager creates a board meeting, attaches two papers, generates the pack and downloads it', () => {
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let browser: Browser;
  let page: Page;
  const storageDir = mkdtempSync(join(tmpdir(), 'plexus-pack-journey-'));
  const meetingDate = addDays(todayIso('Europe/London'), 45);

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { STORAGE_DIR: storageDir, REPORT_PAGE_POOL: '1' };
    api = await startApi(db, { ...env, WEB_DIST });
    await seedDemo(api.app.get(TenantDb));
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, env)), { logger: false });
    await worker.init();
    // Two papers in the library, ready (asked for as the report form would).
    const priya = await new HttpClient(api.url).login('priya.shah@example.org', DEMO_PASSWORD);
    const cover = { meeting: 'Network Board', meetingDate, author: 'Priya Shah', purposes: ['assurance'], executiveSummary: 'For the board.' };
    for (const [title, body] of [
      ['Quarterly progress', { kind: 'progress', options: {} }],
      ['Risk assurance', { kind: 'risk_register', options: {} }],
    ] as const) {
      const res = await priya.post('/api/networks/east-midlands-mtn/reports', { kind: 'board_paper', title, cover, body });
      if (res.status !== 202) throw new Error(`paper ${res.status} ${JSON.stringify(res.body)}`);
      const doc = await eventually(
        async () => (await priya.get(`/api/networks/east-midlands-mtn/reports/${res.body.id}`)).body,
        (d) => d.status === 'ready' || d.status === 'failed',
        60_000,
      );
      if (doc.status !== 'ready') throw new Error(`paper ${title} is ${doc.status}: ${doc.failureReason}`);
    }
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

  it('signs in and adds a board meeting', async () => {
    await page.goto(`${api.url}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Email address').fill('priya.shah@example.org');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/n\/east-midlands-mtn\//);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Board meetings', exact: true }).click();
    await page.waitForURL(/\/n\/east-midlands-mtn\/board$/);
    await page.getByRole('button', { name: 'Add a board meeting' }).click();
    await page.getByLabel('Meeting', { exact: true }).fill('Network Board (extraordinary)');
    await page.getByLabel('Date', { exact: true }).fill(meetingDate);
    await page.getByLabel('Start time (optional)').fill('15:00');
    await page.getByLabel('Place or link (optional)').fill('Boardroom 2');
    await page.getByRole('button', { name: 'Add meeting' }).click();
    await page.getByRole('heading', { name: /Network Board \(extraordinary\)/, level: 1 }).waitFor();
    await page.getByText('No board pack yet.').waitFor();
  });

  it('attaches two papers as agenda items', async () => {
    for (const [title, paper] of [
      ['Work plan progress', 'Quarterly progress'],
      ['Risk register review', 'Risk assurance'],
    ]) {
      await page.getByRole('button', { name: 'Add an agenda item' }).click();
      await page.getByLabel('Item', { exact: true }).fill(title);
      const select = page.getByLabel('Paper (optional)');
      const option = select.locator('option', { hasText: paper });
      await select.selectOption((await option.getAttribute('value')) as string);
      await page.getByRole('button', { name: 'Add item' }).click();
      await page.getByText(`“${title}” has been added to the agenda.`).waitFor();
    }
    expect(await page.locator('#papers li').count()).toBe(2);
    await expectNoSeriousA11yIssues(page);
  });

  it('generates the pack, follows it to ready and downloads one PDF numbered through', async () => {
    await page.getByRole('button', { name: 'Generate the board pack' }).click();
    const link = page.getByRole('link', { name: /^Download the board pack/ });
    await link.waitFor({ timeout: 60_000 });
    expect(await page.locator('#pack-status').textContent()).toMatch(/The board pack is ready to download \(\d+ pages\)\./);
    await expectNoSeriousA11yIssues(page);

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^Board-pack-Network-Board-extraordinary-.*\.pdf$/);
    const bytes = readFileSync((await download.path()) as string);
    const pages = pdfPageTexts(bytes);
    pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${pages.length}`));
    const contents = pages[2];
    expect(contents).toMatch(/1\. Quarterly progress\s+\d+/);
    expect(contents).toMatch(/2\. Risk assurance\s+\d+/);
  });
});
