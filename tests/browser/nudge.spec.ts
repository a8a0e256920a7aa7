import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Browser, Page } from 'playwright-core';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { expectNoCspViolations, expectNoSeriousA11yIssues, launchChromium, newPage, WEB_DIST } from '../support/browser';
import { eventually } from '../support/eventually';
import {
  createTestDatabase,
  HttpClient,
  newNetwork,
  PASSWORD,
  startApi,
  testConfig,
  type Fixture,
  type TestApi,
  type TestDatabase,
} from '../support/harness';
import { startSmtpSink } from '../support/smtp-sink';

/**
 * Nudges, end to end: a manager sends a round from the work plan's page; the worker emails the lead through the SMTP
 * server; the lead opens the link from that message on a phone (390 px wide), with no password, and sends their
 * update; the manager's round page then says they have updated.
 */
describe('browser journey: a nudge to a lead, updated from the emailed link on a phone', () => {
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let browser: Browser;
  let fx: Fixture;
  let planId: string;
  const slug = 'nudge-web';

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtpSink();
    api = await startApi(db, { WEB_DIST, SMTP_URL: smtp.url });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, { SMTP_URL: smtp.url })), { logger: false });
    await worker.init();
    fx = await newNetwork(api.db, slug);
    const manager = await new HttpClient(api.url).login(fx.users.manager.email);
    const post = async (path: string, body: unknown, status = 201) => {
      const res = await manager.post(`/api/networks/${slug}${path}`, body);
      if (res.status !== status) throw new Error(`${path} ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const plan = await post('/work-plan/plans', { title: 'Plan 2026/27', periodStart: '2026-04-01', periodEnd: '2027-03-31' });
    planId = plan.id;
    const theme = (await post(`/work-plan/plans/${planId}/themes`, { title: 'Service delivery' })).themes[0].id;
    await post(`/work-plan/plans/${planId}/items`, {
      themeId: theme,
      work: 'Agree the rehabilitation prescription with every trust',
      timescale: 'Q4 2026/27',
      leads: [{ userId: fx.users.lead.id, title: 'Rehabilitation lead' }],
    });
    await post(`/work-plan/plans/${planId}/approve`, { approvedOn: '2026-04-10' }, 200);
    await post('/risks', {
      dateRegistered: '2026-01-10',
      description: 'Delays in transfer of spinal cord injuries',
      likelihoodBefore: 4,
      impactBefore: 4,
      likelihoodAfter: 3,
      impactAfter: 4,
      mitigationLeadUserId: fx.users.lead.id,
    });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await smtp?.close();
    await db?.drop();
  });

  it('a manager sends a round; the lead updates from the mail on a 390 px phone; the manager sees "updated"', async () => {
    const page: Page = await newPage(browser);
    await page.goto(`${api.url}/sign-in`);
    await page.getByLabel('Email address').fill(fx.users.manager.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');

    // From the work plan to the nudges page: nothing sent yet, said plainly.
    await page.goto(`${api.url}/n/${slug}/plan/${planId}`);
    await page.getByRole('link', { name: 'Nudge leads to update' }).click();
    await page.getByRole('heading', { name: 'Nudges to leads', level: 1 }).waitFor();
    await page.getByTestId('no-rounds').waitFor();
    await expectNoSeriousA11yIssues(page);
    await page.getByRole('button', { name: 'Send nudges now' }).click();
    await page.waitForURL((url) => /\/nudges\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByText('The nudges are being sent.').waitFor();
    const row = page.locator(`tr[data-lead="${fx.users.lead.displayName}"]`);
    await row.getByText('Sent', { exact: true }).waitFor({ timeout: 20_000 });
    await row.getByText('1 item and 1 risk').waitFor();
    await row.getByText('Not yet').waitFor();
    await expectNoSeriousA11yIssues(page);

    // The lead's email, as the SMTP server received it, and its link.
    const mail = (
      await eventually(
        async () => smtp.mails.filter((m) => m.to.includes(fx.users.lead.email)),
        (m) => m.length === 1,
      )
    )[0];
    const text = mail.raw.replace(/=\r?\n/g, '');
    expect(text).toContain('Agree the rehabilitation prescription with every trust');
    const link = /http:\/\/plexus\.test(\/update\/nudge-web\/[A-Za-z0-9_-]+)/.exec(text);
    expect(link).not.toBeNull();

    // On a phone, signed out: the one-page form, no horizontal scroll.
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
    await phone.goto(`${api.url}${link![1]}`);
    await phone.getByRole('heading', { name: 'Update your items', level: 1 }).waitFor();
    await phone.getByRole('heading', { name: /Agree the rehabilitation prescription/ }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousA11yIssues(phone);
    await phone.getByLabel('At risk – Amber').check();
    await phone.getByLabel('Comment on 1.1').fill('Two trusts still to agree; on the agenda for January');
    await phone.getByRole('button', { name: 'Send my update' }).click();
    // The risk's review comment was left empty: said next to the field.
    await phone.getByText('Say what the review found').first().waitFor();
    await phone.getByRole('textbox', { name: /^Review comment on / }).fill('Escalation protocol is working');
    await phone.getByRole('button', { name: 'Send my update' }).click();
    await phone.getByRole('heading', { name: 'Thank you, your update has been sent' }).waitFor();
    await expectNoSeriousA11yIssues(phone);
    expectNoCspViolations(phone);

    // The link is spent.
    await phone.goto(`${api.url}${link![1]}`);
    await phone.getByText(/You sent your update with this link on/).waitFor();

    // The manager sees the lead has updated.
    await page.reload();
    await row.getByText(/^Updated /).waitFor();
    await page.getByTestId('round-counts').getByText('1 lead nudged, 1 updated').waitFor();
    await expectNoSeriousA11yIssues(page);
    expectNoCspViolations(page);
  });
});
