import { TenantDb } from '@plexus/server';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { seedDemo } from '../../apps/api/src/seed/seed';
import { expectNoCspViolations, expectNoSeriousA11yIssues, launchChromium, newPage, WEB_DIST } from '../support/browser';
import { createTestDatabase, HttpClient, startApi, type TestApi, type TestDatabase } from '../support/harness';

/**
 * Both ways of accepting an invite, in the browser: a new person creates their account on the invite page; a
 * person who already has an account signs in (and is brought back to the invite) and accepts with one button.
 */
describe('browser journey: accept an invite, as a new person and as an existing account', () => {
  let db: TestDatabase;
  let api: TestApi;
  let browser: Browser;
  let sam: HttpClient;

  /** The invite's link on this test server (the API builds links from PUBLIC_URL). */
  async function invite(email: string, displayName: string): Promise<string> {
    const created = await sam.post('/api/networks/northern-maternity/invites', { email, displayName, role: 'viewer' });
    expect(created.status).toBe(201);
    return `${api.url}${new URL(created.body.url).pathname}`;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db, { WEB_DIST });
    await seedDemo(api.app.get(TenantDb));
    browser = await launchChromium();
    sam = await new HttpClient(api.url).login('sam.patel@example.org', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await db?.drop();
  });

  it('lets a new person create their account from the invite and lands them in the network', async () => {
    const page: Page = await newPage(browser);
    await page.goto(await invite('new.colleague@example.org', 'New Colleague'));
    await page.getByRole('heading', { name: 'Join Northern Maternity Clinical Network' }).waitFor();
    await expectNoSeriousA11yIssues(page);
    await page.getByLabel('Create a password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account and join' }).click();
    await page.waitForURL(/\/n\/northern-maternity\//);
    await page
      .getByRole('heading', { name: /Northern Maternity Clinical Network/ })
      .first()
      .waitFor();
    expectNoCspViolations(page);
  });

  it('has an existing account sign in first, come back to the invite, and accept without a password', async () => {
    const page: Page = await newPage(browser);
    const link = await invite('priya.shah@example.org', 'Priya Shah');
    await page.goto(link);
    await page.getByRole('heading', { name: 'Join Northern Maternity Clinical Network' }).waitFor();
    // Trying to create an account for an email that has one: told to sign in (the page could not know before).
    await page.getByLabel('Create a password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account and join' }).click();
    await page.getByText('There is already a Plexus account for priya.shah@example.org').first().waitFor();

    await page.getByRole('link', { name: 'Sign in to accept' }).click();
    await page.waitForURL(/\/sign-in\?returnUrl=/);
    await page.getByLabel('Email address').fill('priya.shah@example.org');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === new URL(link).pathname);
    await page.getByText('You are signed in as priya.shah@example.org').waitFor();
    expect(await page.getByLabel('Create a password').count()).toBe(0);
    await expectNoSeriousA11yIssues(page);
    await page.getByRole('button', { name: 'Accept invite' }).click();
    await page.waitForURL(/\/n\/northern-maternity\//);
    const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json());
    expect(session.memberships.map((m: { slug: string }) => m.slug)).toEqual(expect.arrayContaining(['northern-maternity', 'east-midlands-mtn']));
    expectNoCspViolations(page);
  });
});
