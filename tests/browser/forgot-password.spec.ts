import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TenantDb } from '@plexus/server';
import type { Browser, Page } from 'playwright-core';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { seedDemo } from '../../apps/api/src/seed/seed';
import { expectNoCspViolations, expectNoSeriousA11yIssues, launchChromium, newPage, WEB_DIST } from '../support/browser';
import { createTestDatabase, HttpClient, startApi, testConfig, type TestApi, type TestDatabase } from '../support/harness';
import { startSmtpSink } from '../support/smtp-sink';

/**
 * Forgot your password, end to end: the sign-in page's link, the request, the email as the SMTP server received it
 * (sent by the worker), the link opened in the browser, a new password, and signing in with it; the link once more
 * says it has been used.
 */
describe('browser journey: forgot password, by the emailed link', () => {
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let browser: Browser;
  const email = 'priya.shah@example.org';
  const NEW_PASSWORD = 'a brand new passphrase';

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtpSink();
    api = await startApi(db, { WEB_DIST, SMTP_URL: smtp.url });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, { SMTP_URL: smtp.url })), { logger: false });
    await worker.init();
    await seedDemo(api.app.get(TenantDb));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await smtp?.close();
    await db?.drop();
  });

  it('asks for a link from the sign-in page, follows it from the email, chooses a new password and signs in with it', async () => {
    const page: Page = await newPage(browser);
    await page.goto(`${api.url}/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await expectNoSeriousA11yIssues(page);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await page.getByText('If an account exists for that address, we have sent a link').waitFor();
    await expectNoSeriousA11yIssues(page);

    const mails = await smtp.waitFor(1);
    const mail = mails.find((m) => m.to.includes(email));
    expect(mail?.raw).toContain('Subject: Choose a new password for Plexus');
    const link = /http:\/\/plexus\.test(\/reset-password\/[A-Za-z0-9_-]+)/.exec(mail!.raw);
    expect(link).not.toBeNull();

    await page.goto(`${api.url}${link![1]}`);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await expectNoSeriousA11yIssues(page);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Type the new password again').fill('not the same passphrase');
    await page.getByRole('button', { name: 'Change my password' }).click();
    await page.getByText('The two passwords are not the same').first().waitFor();
    await page.getByLabel('Type the new password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change my password' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByText('Your password has been changed').waitFor();
    await expectNoSeriousA11yIssues(page);

    // The old password no longer works; the new one does.
    expect((await new HttpClient(api.url).request('POST', '/api/auth/login', { email, password: DEMO_PASSWORD })).status).toBe(401);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json());
    expect(session.user.email).toBe(email);

    // The link again: used once, it says so and offers a new one.
    await page.goto(`${api.url}${link![1]}`);
    await page.getByLabel('New password', { exact: true }).fill('yet another passphrase');
    await page.getByLabel('Type the new password again').fill('yet another passphrase');
    await page.getByRole('button', { name: 'Change my password' }).click();
    await page.getByRole('heading', { name: 'This link cannot be used' }).waitFor();
    await page.getByText('This link has already been used').waitFor();
    await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();
    await expectNoSeriousA11yIssues(page);
    expectNoCspViolations(page);
  });
});
