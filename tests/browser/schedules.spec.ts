import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MONTH_NAMES, SCHEDULE_TIME_ZONE, wallClockAt } from '@plexus/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { expectNoCspViolations, expectNoSeriousA11yIssues, launchChromium, WEB_DIST } from '../support/browser';
import { createTestDatabase, HttpClient, newNetwork, PASSWORD, startApi, testConfig, type TestApi, type TestDatabase } from '../support/harness';
import { startSmtpSink } from '../support/smtp-sink';

/**
 * Issue 11's journey: a manager of a fresh network (a work plan, one recipient) schedules the progress report
 * for "the first working day of next month at 07:00", sees the plain-words description and the next five send
 * times, previews the email, creates the schedule, sends it now, follows it to "Sent" in the delivery log, and
 * the mail catcher has the email with its HTML part and the PDF attached. The recipient then unsubscribes
 * from the email's link, with no sign-in.
 */
describe('browser journey: a manager schedules the progress report to a commissioner, sends it now and sees it in the delivery log', () => {
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let browser: Browser;
  let page: Page;
  let managerEmail: string;
  const slug = 'sched-web';
  const recipient = { name: 'Dana Commissioner', email: 'dana.commissioner@icb.example.org' };
  const storageDir = mkdtempSync(join(tmpdir(), 'plexus-docs-'));
  // "Next month" in UK time, as the form shows months.
  const thisMonth = Number(wallClockAt(new Date(), SCHEDULE_TIME_ZONE).date.slice(5, 7));
  const nextMonth = MONTH_NAMES[thisMonth % 12];

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtpSink();
    // The API and the worker share the document storage (a temp dir), the queue (through the database name) and the mail catcher.
    const env = { STORAGE_DIR: storageDir, REPORT_PAGE_POOL: '1', SMTP_URL: smtp.url };
    api = await startApi(db, { ...env, WEB_DIST });
    const net = await newNetwork(api.db, slug);
    managerEmail = net.users.manager.email;

    // A work plan with one item to report on, and one commissioner to send to.
    const manager = await new HttpClient(api.url).login(managerEmail);
    const base = `/api/networks/${slug}/work-plan`;
    const plan = await manager.post(`${base}/plans`, { title: 'Work plan 2026–28', periodStart: '2026-04-01', periodEnd: '2028-03-31' });
    expect(plan.status).toBe(201);
    const themed = await manager.post(`${base}/plans/${plan.body.id}/themes`, { title: 'Service delivery', description: '' });
    expect(themed.status).toBe(201);
    const item = await manager.post(`${base}/plans/${plan.body.id}/items`, {
      themeId: themed.body.themes[0].id,
      work: 'Publish the network dashboard',
      timescale: 'Q4 2026/27',
    });
    expect(item.status).toBe(201);
    const added = await manager.post(`/api/networks/${slug}/recipients`, {
      ...recipient,
      organisationId: null,
      organisationName: 'North ICB',
      role: 'Commissioner',
    });
    expect(added.status).toBe(201);

    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, env)), { logger: false });
    await worker.init();
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await smtp?.close();
    await db?.drop();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('signs in as the manager and finds no scheduled reports yet', async () => {
    await page.goto(`${api.url}/sign-in`);
    await page.getByLabel('Email address').fill(managerEmail);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(new RegExp(`/n/${slug}/`));

    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Scheduled reports' }).click();
    await page.waitForURL(new RegExp(`/n/${slug}/schedules$`));
    await page.getByText('No scheduled reports yet — schedule the progress report to your commissioners.').waitFor();
    await expectNoSeriousA11yIssues(page);
  });

  it('builds the timetable in plain words, with the next five send times, and previews the email', async () => {
    await page.getByRole('button', { name: 'Schedule a report' }).click();
    await page.waitForURL(/\/schedules\/new$/);
    await page.getByRole('heading', { name: /Schedule a report/ }).waitFor();

    await page.getByLabel('Name of the schedule').fill('Progress to the ICB');
    expect(await page.getByRole('radio', { name: 'Progress report' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'First working day of the month' }).check();
    await page.getByRole('checkbox', { name: nextMonth, exact: true }).check();
    expect(await page.getByLabel('Time', { exact: true }).inputValue()).toBe('07:00');
    await page.locator('#recurrence-description').getByText(`First working day of ${nextMonth} at 07:00`).waitFor();
    const times = page.getByTestId('next-times').getByRole('listitem');
    await times.nth(4).waitFor();
    expect(await times.count()).toBe(5);
    for (const time of await times.allTextContents()) expect(time.trim()).toMatch(new RegExp(`^\\w{3} \\d{1,2} ${nextMonth} \\d{4}, 07:00$`));

    await page.getByRole('checkbox', { name: new RegExp(recipient.name) }).check();
    await expectNoSeriousA11yIssues(page);

    await page.getByRole('button', { name: 'Preview the email' }).click();
    await page.getByRole('heading', { name: 'Preview of the email' }).waitFor();
    expect((await page.getByTestId('preview-to').textContent())?.trim()).toBe(`${recipient.name} <${recipient.email}>`);
    expect(await page.getByTestId('preview-text').textContent()).toContain(`Dear ${recipient.name},`);
    const frame = page.locator('iframe.plx-email-frame');
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await frame.getAttribute('srcdoc')).toContain('<h2');
    // The email's own styles reach the sandboxed frame under the page's CSP (nonce), with no violation.
    await page.frameLocator('iframe.plx-email-frame').getByRole('heading', { name: 'Progress report', level: 1 }).waitFor();
    expectNoCspViolations(page);
    // (axe cannot run inside a frame that runs no script, so the page is checked once the preview is closed.)
    await page.getByRole('button', { name: 'Close the preview' }).click();
    await page.locator('iframe.plx-email-frame').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('preview-email');
    await expectNoSeriousA11yIssues(page);
  });

  it('creates the schedule, listed with its next send time', async () => {
    await page.getByRole('button', { name: 'Create schedule' }).click();
    const refused = page.locator('.nhsuk-error-summary');
    await Promise.race([
      page.waitForURL(new RegExp(`/n/${slug}/schedules$`)),
      refused.waitFor().then(async () => {
        throw new Error(`The schedule was refused: ${await refused.textContent()}`);
      }),
    ]);
    await page.getByText(`Progress to the ICB has been scheduled: First working day of ${nextMonth} at 07:00.`).waitFor();
    const card = page.locator('[data-schedule="Progress to the ICB"]');
    expect((await card.getByTestId('next-send').textContent())?.trim()).toMatch(new RegExp(`^\\w{3} \\d{1,2} ${nextMonth} \\d{4}, 07:00$`));
    expect((await card.getByTestId('last-run').textContent())?.trim()).toBe('Not sent yet');
    await expectNoSeriousA11yIssues(page);
  });

  it('sends it now and follows it to "Sent" in the delivery log', async () => {
    await page.getByRole('button', { name: 'Send now Progress to the ICB' }).click();
    await page.getByRole('button', { name: 'Yes, send Progress to the ICB now' }).click();
    await page.getByText('Progress to the ICB is being sent now.').waitFor();
    await page.getByRole('link', { name: 'Follow it in the delivery log' }).click();
    await page.waitForURL(/\/schedules\/log\?scheduleId=/);
    await page.getByRole('heading', { name: /Delivery log of Progress to the ICB/ }).waitFor();

    // The log is a record, not a live view: look again until the worker has generated and sent the report.
    const delivered = page.locator(`[data-testid="deliveries"] tr[data-recipient="${recipient.email}"][data-state="sent"]`);
    const until = Date.now() + 60_000;
    while (!(await delivered.count()) && Date.now() < until) {
      await page.waitForTimeout(1000);
      await page.reload();
      await page.getByRole('heading', { name: /Delivery log/ }).waitFor();
    }
    expect(await delivered.count()).toBe(1);
    expect(await delivered.locator('.nhsuk-tag').textContent()).toBe('Sent');
    expect(await delivered.textContent()).toContain('Attachment, 1 attempt');
    expect(await delivered.textContent()).toMatch(/Mail server: 250/);
    const run = page.locator('[data-testid="runs"] tbody tr').first();
    expect(await run.getAttribute('data-state')).toBe('sent');
    expect(await run.textContent()).toContain('1 of 1 sent');
    expect(await run.locator('code').textContent()).toMatch(/^[0-9a-f]{12}$/);
    expect(await page.getByTestId('export-csv').getAttribute('href')).toMatch(new RegExp(`/api/networks/${slug}/delivery-log/export\\?scheduleId=`));
    await expectNoSeriousA11yIssues(page);
  });

  it('the mail catcher received the email: an HTML part and the PDF attached', async () => {
    const mails = await smtp.waitFor(1, 30_000);
    const mail = mails.find((m) => m.to.includes(recipient.email));
    expect(mail).toBeDefined();
    const raw = mail!.raw;
    expect(raw).toMatch(/Content-Type: text\/html/i);
    expect(raw).toMatch(/Content-Type: text\/plain/i);
    expect(raw).toMatch(/Content-Type: application\/pdf/i);
    expect(raw).toMatch(/Content-Disposition: attachment;\s*filename=.*\.pdf/i);
    expect(raw).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/i);
  });

  it('the recipient unsubscribes from the email’s link with no sign-in, and the log shows it', async () => {
    // The List-Unsubscribe header names the API's one-click URL; the email's own link opens the page with the same token.
    const raw = smtp.mails.find((m) => m.to.includes(recipient.email))!.raw;
    const token = new RegExp(`/api/unsubscribe/${slug}/([A-Za-z0-9_-]+)`).exec(raw)?.[1];
    expect(token).toBeDefined();
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${api.url}/unsubscribe/${slug}/${token}`);
    await visitor.getByRole('heading', { name: `Stop receiving Progress to the ICB from Network ${slug} at ${recipient.email}?` }).waitFor();
    await expectNoSeriousA11yIssues(visitor);
    await visitor.getByRole('button', { name: 'Unsubscribe' }).click();
    await visitor.getByRole('heading', { name: 'You have been unsubscribed' }).waitFor();
    await visitor.close();

    await page.reload();
    const row = page.locator(`[data-testid="deliveries"] tr[data-recipient="${recipient.email}"]`);
    await row.getByText(/^Unsubscribed \d{1,2} \w+ \d{4} at \d{2}:\d{2}$/).waitFor();
  });
});
