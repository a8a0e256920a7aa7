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

describe('browser journey: a contributor lands on what their organisation owes, completes and submits the self-assessment with evidence; the manager reads the heat map, makes a gap an action and adds one by hand', () => {
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

  it('takes Riverside’s contributor from their home page to what their organisation owes, and by when, each linking to where it is done', async () => {
    const page = await signIn('owen.price@example.org');
    // A network opens on its home page for every role that reads it (what needs attention now); the peer review page
    // is the whole list of what the contributor's organisation owes.
    await page.waitForURL(/\/n\/east-midlands-mtn\/home$/);
    await page.getByRole('link', { name: 'Peer review', exact: true }).click();
    await page.waitForURL(/\/n\/east-midlands-mtn\/peer-review\/cycles$/);
    await page.getByRole('heading', { name: 'What Riverside General Hospital owes, and by when' }).waitFor();
    const owed = page.locator('#owed-list > li');
    await owed.first().waitFor();
    const items = (await owed.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    // Its self-assessment draft with how far it has got, and its open actions (carried forward from the last programme).
    expect(items.some((t) => /^Self-assessment: .*\b7 of \d+ answered\b/.test(t))).toBe(true);
    expect(items.some((t) => t.startsWith('Action: '))).toBe(true);
    // Soonest due first; whatever is late says so in words.
    for (const t of items.filter((x) => /overdue/.test(x))) expect(t).toMatch(/\d+ days? overdue/);
    await expectNoSeriousA11yIssues(page);
    await shot(page, 'owed-contributor');
    await owed
      .filter({ hasText: /^\s*Self-assessment/ })
      .first()
      .getByRole('link')
      .click();
    await page.waitForURL(/\/self-assessments\/[0-9a-f-]+$/);
    await page
      .locator('#progress')
      .getByText(/^7 of \d+ answered$/)
      .waitFor();
  });

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

  it('lets the manager make a criterion’s gap an action in one go (once), then add an action by hand', async () => {
    const page = await signIn('priya.shah@example.org');
    await openSelfAssessments(page);
    await page
      .getByRole('row', { name: /Riverside General Hospital/ })
      .getByRole('link')
      .first()
      .click();
    await page.waitForURL(/\/self-assessments\/[0-9a-f-]+$/);
    const make = page.getByRole('button', { name: /^Make this gap an action for / }).first();
    const criterionName = ((await make.textContent()) ?? '').replace(/\s+/g, ' ').replace('Make this gap an action for ', '').trim();
    // The criterion, by its id (its button goes once the action is made).
    const criterion = page.locator(`[id="${await make.evaluate((el) => el.closest('.plx-criterion')?.id ?? '')}"]`);
    await make.click();
    // The gap's words to start from, an owner named, a due date typed the UK way; Enter in the year sends it.
    const description = page.getByRole('textbox', { name: 'Action', exact: true });
    expect(await description.inputValue()).toContain('weekend cover depends on one person');
    await description.fill('Train a deputy so that weekend cover does not depend on one person');
    await page.getByRole('textbox', { name: 'Owner’s name' }).fill('Dr A. Jones, Clinical Lead');
    await page.getByRole('textbox', { name: 'Day' }).fill('30');
    await page.getByRole('textbox', { name: 'Month' }).fill('9');
    await page.getByRole('textbox', { name: 'Year' }).fill('2027');
    await expectNoSeriousA11yIssues(page);
    await shot(page, 'gap-action-form');
    await page.getByRole('textbox', { name: 'Year' }).press('Enter');
    await page.getByText(/is an action of Riverside General Hospital’s action plan: Train a deputy/).waitFor();
    const link = criterion.getByRole('link', { name: 'Train a deputy so that weekend cover does not depend on one person' });
    await link.waitFor();
    expect(((await criterion.locator('[id^="actions-"]').textContent()) ?? '').replace(/\s+/g, ' ').trim()).toContain(
      'Action: Train a deputy so that weekend cover does not depend on one person (Not started)',
    );
    // Made once: the criterion offers no second one.
    expect(await page.getByRole('button', { name: `Make this gap an action for ${criterionName}` }).count()).toBe(0);
    await shot(page, 'gap-action-made');

    // The link opens the action plan on that action, with its progress.
    await link.click();
    await page.waitForURL(/\/actions\?organisationId=[0-9a-f-]+&actionId=[0-9a-f-]+$/);
    const row = page.getByRole('row', { name: /Train a deputy/ });
    await row.getByRole('button', { name: 'Hide progress' }).waitFor();
    await page.getByRole('heading', { name: 'Progress of this action' }).waitFor();

    // An action added by hand: its errors beside the fields first, then added.
    await page.getByRole('button', { name: 'Add an action' }).click();
    await page.getByRole('button', { name: 'Add the action' }).click();
    await page.locator('#new-description-error').getByText('Describe the action').waitFor();
    await expectNoSeriousA11yIssues(page);
    await shot(page, 'action-by-hand-errors');
    await page.locator('#new-organisationId').selectOption({ label: 'Riverside General Hospital' });
    await page.getByRole('textbox', { name: 'Action', exact: true }).fill('Publish the weekend theatre rota to the network');
    await page.getByRole('textbox', { name: 'Owner’s name' }).fill('Theatre manager');
    await page.getByRole('textbox', { name: 'Day' }).fill('31');
    await page.getByRole('textbox', { name: 'Month' }).fill('3');
    await page.getByRole('textbox', { name: 'Year' }).fill('2027');
    await page.getByRole('button', { name: 'Add the action' }).click();
    await page.getByText('The action has been added to the action plan of Riverside General Hospital.').waitFor();
    const added = page.getByRole('row', { name: /Publish the weekend theatre rota to the network/ });
    await added.getByText('31 March 2027').waitFor();
    await added.getByText('Theatre manager').waitFor();
    await shot(page, 'action-by-hand-added');
  });
});
