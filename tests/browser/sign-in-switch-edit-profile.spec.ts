import { TenantDb } from '@plexus/server';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { seedDemo } from '../../apps/api/src/seed/seed';
import { expectNoCspViolations, launchChromium, newPage, WEB_DIST, expectNoSeriousA11yIssues } from '../support/browser';
import { createTestDatabase, startApi, type TestApi, type TestDatabase } from '../support/harness';

describe('browser journey: sign in, switch network, edit the profile', () => {
  let db: TestDatabase;
  let api: TestApi;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db, { WEB_DIST });
    await seedDemo(api.app.get(TenantDb));
    browser = await launchChromium();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await db?.drop();
  });

  it('signs in a person who belongs to two networks', async () => {
    await page.goto(`${api.url}/`);
    await page.waitForURL(/\/sign-in/);
    await expectNoSeriousA11yIssues(page);
    await page.getByLabel('Email address').fill('alex.morgan@example.org');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Email or password is not right').first().waitFor();
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    // Two networks: Plexus asks which one, showing the role in each.
    await page.getByRole('heading', { name: 'Choose a network' }).waitFor();
    await page.getByRole('link', { name: 'East Midlands Major Trauma Network' }).waitFor();
    await page.getByText('Your role: Network manager').waitFor();
  });

  it('switches between networks with the network switcher', async () => {
    await page.goto(`${api.url}/n/east-midlands-mtn/profile`);
    await page
      .getByRole('heading', { name: /East Midlands Major Trauma Network/ })
      .first()
      .waitFor();
    // Alex is a viewer here: no edit button.
    expect(await page.getByRole('button', { name: 'Edit profile' }).count()).toBe(0);
    await page.getByRole('combobox', { name: 'Network' }).selectOption({ label: 'Northern Spinal Network – Network manager' });
    await page.waitForURL(/\/n\/northern-spinal\/profile/);
    await page
      .getByRole('heading', { name: /Northern Spinal Network/ })
      .first()
      .waitFor();
    await expectNoSeriousA11yIssues(page);
  });

  it('edits the profile as the manager, with validation shown next to the field, and sees it saved', async () => {
    await page.getByRole('button', { name: 'Edit profile' }).click();
    await page.waitForURL(/\/n\/northern-spinal\/profile\/edit/);
    const name = page.getByLabel('Network name');
    await name.fill('');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Enter the network name').first().waitFor();
    await name.fill('Northern Spinal Network');
    const purpose = 'To make spinal care in the north equitable, timely and close to home.';
    await page.getByLabel('Purpose').fill(purpose);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.waitForURL(/\/n\/northern-spinal\/profile$/);
    await page.getByText(purpose).waitFor();

    // The change is in the server's audit trail, attributed to Alex.
    const trail = await page.evaluate(async () => (await fetch('/api/networks/northern-spinal/audit?entityType=network_profile')).json());
    expect(trail.items[0].actor.displayName).toBe('Alex Morgan');
    expect(trail.items[0].changes.purpose.to).toBe(purpose);
  });

  it('ran under the strict Content-Security-Policy without a single violation', async () => {
    const res = await page.goto(`${api.url}/n/northern-spinal/profile`);
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    await page
      .getByRole('heading', { name: /Northern Spinal Network/ })
      .first()
      .waitFor();
    // The risk register has component styles: Angular adds them as <style> elements carrying the page's nonce.
    await page.getByRole('link', { name: 'Risk register' }).first().click();
    await page.waitForURL(/\/n\/northern-spinal\/risks/);
    await page
      .getByRole('heading', { name: /Risk register/ })
      .first()
      .waitFor();
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    const styleNonces = await page.evaluate(() => Array.from(document.querySelectorAll('style'), (s) => s.nonce));
    expect(styleNonces.length).toBeGreaterThan(0);
    expect(new Set(styleNonces)).toEqual(new Set([nonce]));
    expectNoCspViolations(page);
  });
});
