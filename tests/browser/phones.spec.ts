import AxeBuilder from '@axe-core/playwright';
import { AppUser, Membership, Network, TenantDb } from '@plexus/server';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { seedDemo } from '../../apps/api/src/seed/seed';
import { expectNoCspViolations, launchChromium, WEB_DIST } from '../support/browser';
import { createTestDatabase, HttpClient, startApi, type TestApi, type TestDatabase } from '../support/harness';

/**
 * Issue 13 item 4: every page of the web app on a phone (390 × 844, and the densest at 360): no horizontal scroll of
 * the page itself (wide tables scroll inside their own focusable region), the heat map's labels not cut, and axe
 * finding nothing at WCAG 2.1 A/AA. One browser, one sign-in: the demo's East Midlands manager, who is also made an
 * operator (the admin pages) and a commissioner in two other demo networks (the switcher, a commissioner's library).
 * Routes: apps/web/src/app/app.routes.ts and every *.routes.ts beside it.
 */

/** Where the page images go (looked at by eye), when SCREENSHOTS_DIR is set. */
const SHOTS = process.env['SCREENSHOTS_DIR'];
const EM = '/n/east-midlands-mtn';

interface Visit {
  path: string;
  /** The page's path after any redirect, when it is not `path` (without the query). */
  lands?: string | RegExp;
  /** A screenshot's name, taken when SCREENSHOTS_DIR is set. */
  shot?: string;
  /** What to do on the page before it is checked (unfold the menu, say). */
  then?: (page: Page) => Promise<void>;
}

describe('browser: every page fits a phone (390 px) with no page-level horizontal scroll, and axe finds nothing', () => {
  let db: TestDatabase;
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db, { WEB_DIST });
    const tdb = api.app.get(TenantDb);
    await seedDemo(tdb);
    const email = 'priya.shah@example.org';
    const { userId, networks } = await tdb.run({ userId: null }, async ({ em }) => {
      const user = await em.findOneOrFail(AppUser, { email });
      user.isOperator = true;
      await em.flush();
      const found = await em.find(Network, { slug: { $in: ['east-midlands-mtn', 'northern-spinal', 'northern-maternity'] } });
      return { userId: user.id, networks: new Map(found.map((n) => [n.slug, n.id])) };
    });
    for (const slug of ['northern-spinal', 'northern-maternity']) {
      const networkId = networks.get(slug);
      if (!networkId) throw new Error(`demo network ${slug} missing`);
      await tdb.inNetwork({ userId: null, networkId, networkSlug: slug }, async ({ em }) => {
        em.persist(Object.assign(new Membership(), { networkId, userId, role: 'commissioner', organisationId: null }));
        await em.flush();
      });
    }
    const networkId = networks.get('east-midlands-mtn') ?? '';
    // Real records for the detail pages: the demo's own, found in its tables.
    await tdb.inNetwork({ userId: null, networkId, networkSlug: 'east-midlands-mtn' }, async ({ em }) => {
      const one = async (key: string, sql: string, params: unknown[] = []): Promise<string> => {
        const rows = await em.execute<Array<{ id: string }>>(sql, params);
        if (!rows[0]) throw new Error(`no demo record for ${key}: ${sql}`);
        return (ids[key] = rows[0].id);
      };
      await one('plan', `select p.id from work_plan p join work_item i on i.plan_id = p.id group by p.id order by count(*) desc limit 1`);
      await one('item', `select id from work_item where plan_id = ? order by created_at limit 1`, [ids['plan']]);
      await one('risk', `select id from risk order by created_at limit 1`);
      await one('meeting', `select id from board_meeting order by meeting_date desc limit 1`);
      await one('cycle', `select cycle_id as id from submission order by created_at limit 1`);
      await one('activity', `select id from review_activity where cycle_id = ? order by created_at limit 1`, [ids['cycle']]);
      await one('organisation', `select organisation_id as id from review_cycle_organisation where cycle_id = ? limit 1`, [ids['cycle']]);
      await one('submission', `select id from submission where cycle_id = ? order by created_at limit 1`, [ids['cycle']]);
      await one('saCycle', `select cycle_id as id from self_assessment order by created_at desc limit 1`);
      await one('saActivity', `select activity_id as id from self_assessment where cycle_id = ? limit 1`, [ids['saCycle']]);
      await one('selfAssessment', `select id from self_assessment where cycle_id = ? order by created_at limit 1`, [ids['saCycle']]);
      await one('reviewCycle', `select cycle_id as id from review_report order by created_at limit 1`);
      await one('reviewed', `select organisation_id as id from review_report where cycle_id = ? limit 1`, [ids['reviewCycle']]);
      await one('set', `select id from standard_set where network_id is not null order by created_at limit 1`);
      await one('version', `select id from standard_set_version where set_id = ? order by version desc limit 1`, [ids['set']]);
      await one('nationalSet', `select id from standard_set where network_id is null order by created_at limit 1`);
      await one('nationalVersion', `select id from standard_set_version where set_id = ? order by version desc limit 1`, [ids['nationalSet']]);
      await one('annual', `select id from annual_report_draft order by created_at limit 1`);
      await one('schedule', `select id from report_schedule order by created_at limit 1`);
    });
    // A real invite (its page shows the form to join), which the members page lists too.
    const manager = await new HttpClient(api.url).login(email, DEMO_PASSWORD);
    const invite = await manager.post('/api/networks/east-midlands-mtn/invites', {
      email: 'new.lead@example.org',
      displayName: 'New Lead',
      role: 'lead',
    });
    if (invite.status !== 201) throw new Error(`invite: ${invite.status} ${JSON.stringify(invite.body)}`);
    ids['invitePath'] = new URL(invite.body.url).pathname;
    // A nudge round for a later day (not sent while the test runs): the rounds list and the round's page.
    const sendOn = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const round = await manager.post('/api/networks/east-midlands-mtn/nudges/rounds', { sendOn, sendTime: '09:00' });
    if (round.status !== 201) throw new Error(`nudge round: ${round.status} ${JSON.stringify(round.body)}`);
    ids['round'] = round.body.id;
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await db?.drop();
  });

  /** What is wrong with the page on screen: scrolling sideways, cut heat-map labels, axe's findings. */
  async function problemsOf(visit: Visit, axe = true): Promise<string[]> {
    await page.goto(`${api.url}${visit.path}`, { waitUntil: 'networkidle' });
    await page.locator('main h1').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('main .plx-loading'));
    await visit.then?.(page);
    const where = new URL(page.url()).pathname;
    const problems: string[] = [];
    const lands = visit.lands ?? visit.path.split('?')[0];
    if (typeof lands === 'string' ? where !== lands : !lands.test(where)) problems.push(`landed on ${where}`);
    const layout = await page.evaluate(() => {
      const width = window.innerWidth;
      const describe = (el: Element): string =>
        `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${Array.from(el.classList)
          .map((c) => `.${c}`)
          .join('')}`;
      // The outermost elements that stick out past the right edge (not inside a scrolling container of their own).
      const wide: string[] = [];
      const walk = (el: Element): void => {
        for (const child of Array.from(el.children)) {
          const style = getComputedStyle(child);
          if (style.display === 'none' || style.position === 'fixed') continue;
          const rect = child.getBoundingClientRect();
          if (rect.right > width + 0.5 && rect.width > 0) {
            wide.push(`${describe(child)} (${Math.round(rect.left)}–${Math.round(rect.right)}px) “${(child.textContent ?? '').trim().slice(0, 40)}”`);
            continue;
          }
          if (style.overflowX === 'auto' || style.overflowX === 'scroll' || style.overflowX === 'hidden') continue;
          walk(child);
        }
      };
      walk(document.body);
      // Else something positioned against the page from inside a scrolling region (visually hidden text, say).
      if (!wide.length && document.documentElement.scrollWidth > width)
        for (const el of Array.from(document.body.querySelectorAll('*')))
          if (el.getBoundingClientRect().right > width + 0.5 && getComputedStyle(el).position === 'absolute') wide.push(describe(el));
      // Heat-map headers and cells whose words do not fit (cut or spilling into the next cell).
      const cut = Array.from(document.querySelectorAll('.plx-heat-map th, .plx-heat-map td, .plx-heat-map td span:not(.nhsuk-u-visually-hidden)'))
        .filter((el) => el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${describe(el)} “${(el.textContent ?? '').trim()}” (${el.scrollWidth} > ${el.clientWidth})`);
      return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 6), cut };
    });
    if (layout.scrollWidth > layout.width) problems.push(`scrolls sideways: ${layout.scrollWidth} > ${layout.width}px: ${layout.wide.join('; ')}`);
    if (layout.cut.length) problems.push(`heat map labels cut: ${layout.cut.join('; ')}`);
    // axe before any preview is opened: it cannot run inside the sandboxed preview frames.
    const found = axe ? await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze() : { violations: [] };
    for (const v of found.violations)
      problems.push(
        `axe ${v.id} (${v.impact}): ${v.help}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
      );
    if (SHOTS && visit.shot) await page.screenshot({ path: `${SHOTS}/${visit.shot}.png`, fullPage: true });
    return problems.map((p) => `${visit.path} @${layout.width}px: ${p}`);
  }

  async function problemsOfAll(visits: Visit[], axe = true): Promise<string[]> {
    const problems: string[] = [];
    for (const visit of visits) problems.push(...(await problemsOf(visit, axe)));
    return problems;
  }

  it('signed out: sign-in, forgotten password, emailed links and the error pages', async () => {
    const problems = await problemsOfAll([
      { path: '/sign-in' },
      { path: '/forgot-password' },
      { path: '/reset-password/not-a-real-token' },
      { path: ids['invitePath'] },
      { path: '/invite/east-midlands-mtn/not-a-real-token' },
      { path: '/links/east-midlands-mtn/not-a-real-token' },
      { path: '/unsubscribe/east-midlands-mtn/not-a-real-token' },
      { path: '/not-found' },
      { path: '/forbidden' },
      { path: '/problem' },
      { path: '/no-such-page' },
    ]);
    expect(problems).toEqual([]);
  }, 60_000);

  it('a manager’s pages in the demo network, with its real records', async () => {
    await page.goto(`${api.url}/sign-in`);
    await page.getByLabel('Email address').fill('priya.shah@example.org');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    const plan = `${EM}/plan/${ids['plan']}`;
    const cycle = `${EM}/peer-review/cycles/${ids['cycle']}`;
    const saCycle = `${EM}/peer-review/cycles/${ids['saCycle']}`;
    const set = `${EM}/peer-review/standards/${ids['set']}`;
    const problems = await problemsOfAll([
      { path: '/' },
      // The network's first page: its home page (issue 13 item 1).
      { path: EM, lands: /^\/n\/east-midlands-mtn\/home$/ },
      { path: `${EM}/home` },
      { path: `${EM}/profile` },
      {
        // On a phone the menu folds behind a button; unfolded, it still fits.
        path: `${EM}/profile`,
        shot: 'menu-open-390',
        then: async (p) => {
          const menu = p.getByRole('navigation', { name: 'Menu' });
          expect(await menu.getByRole('link', { name: 'Risk register' }).isVisible()).toBe(false);
          await menu.getByRole('button', { name: 'Menu' }).click();
          await menu.getByRole('link', { name: 'Risk register' }).waitFor();
        },
      },
      { path: `${EM}/profile/edit` },
      { path: `${EM}/plan` },
      { path: `${EM}/plan/mine` },
      { path: plan },
      { path: `${plan}/items`, shot: 'work-plan-items-390' },
      { path: `${plan}/import` },
      { path: `${plan}/roll-over` },
      { path: `${plan}/update` },
      { path: `${plan}/items/new` },
      { path: `${plan}/items/${ids['item']}` },
      { path: `${plan}/items/${ids['item']}/edit` },
      { path: `${EM}/risks`, shot: 'risk-register-390' },
      { path: `${EM}/risks/new` },
      { path: `${EM}/risks/import` },
      { path: `${EM}/risks/${ids['risk']}` },
      { path: `${EM}/risks/${ids['risk']}/edit` },
      { path: `${EM}/board` },
      { path: `${EM}/board/new` },
      { path: `${EM}/board/${ids['meeting']}` },
      { path: `${EM}/board/${ids['meeting']}/edit` },
      { path: `${EM}/peer-review`, lands: `${EM}/peer-review/cycles` },
      { path: `${EM}/peer-review/cycles/new` },
      { path: cycle },
      { path: `${cycle}/edit` },
      { path: `${cycle}/activities/new` },
      { path: `${cycle}/activities/${ids['activity']}` },
      { path: `${cycle}/organisations/${ids['organisation']}` },
      { path: `${saCycle}/self-assessments` },
      { path: `${saCycle}/self-assessments/activities/${ids['saActivity']}/compliance` },
      { path: `${saCycle}/self-assessments/${ids['selfAssessment']}` },
      { path: `${EM}/peer-review/cycles/${ids['reviewCycle']}/reviews/${ids['reviewed']}` },
      { path: `${cycle}/actions` },
      { path: `${cycle}/submissions/${ids['submission']}` },
      { path: `${EM}/peer-review/standards` },
      { path: set },
      { path: `${set}/versions/${ids['version']}/import` },
      { path: `${EM}/members` },
      { path: `${EM}/recipients` },
      { path: `${EM}/schedules` },
      { path: `${EM}/schedules/new` },
      { path: `${EM}/schedules/log` },
      { path: `${EM}/schedules/${ids['schedule']}/edit` },
      { path: `${EM}/audit` },
      { path: `${EM}/nudges` },
      { path: `${EM}/nudges/${ids['round']}` },
      { path: `${EM}/reports/new` },
      { path: `${EM}/reports/annual` },
      { path: `${EM}/reports/annual/${ids['annual']}` },
      { path: '/admin', lands: '/admin/networks' },
      { path: '/admin/standards' },
      { path: `/admin/standards/${ids['nationalSet']}` },
      { path: `/admin/standards/${ids['nationalSet']}/versions/${ids['nationalVersion']}/import` },
    ]);
    // The library with documents in it: two asked for here (no worker runs, so they stay queued).
    for (const kind of ['Progress report', 'Risk register report']) {
      await page.goto(`${api.url}${EM}/reports/new`, { waitUntil: 'networkidle' });
      await page.getByRole('radio', { name: kind }).check();
      await page.getByRole('button', { name: 'Create report' }).click();
      await page.waitForURL(new RegExp(`${EM}/reports$`));
    }
    problems.push(...(await problemsOf({ path: `${EM}/reports`, shot: 'report-library-390' })));
    expect(problems).toEqual([]);
    expectNoCspViolations(page);
  }, 240_000);

  it('a commissioner’s pages: reports from my networks, and a network’s library', async () => {
    const problems = await problemsOfAll([{ path: '/reports' }, { path: '/n/northern-spinal', lands: '/n/northern-spinal/reports' }]);
    expect(problems).toEqual([]);
  });

  it('the densest pages at 360 px (their layout: axe has read them at 390)', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    const problems = await problemsOfAll(
      [
        { path: `${EM}/plan/${ids['plan']}/items`, shot: 'work-plan-items-360' },
        { path: `${EM}/risks`, shot: 'risk-register-360' },
        { path: `${EM}/reports` },
        { path: `${EM}/audit` },
        { path: `${EM}/schedules/log` },
        { path: `${EM}/peer-review/cycles/${ids['saCycle']}/self-assessments/activities/${ids['saActivity']}/compliance` },
      ],
      false,
    );
    expect(problems).toEqual([]);
  }, 60_000);
});
