import { TenantDb } from '@plexus/server';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { seedDemo } from '../../apps/api/src/seed/seed';
import { launchChromium, WEB_DIST } from '../support/browser';
import { createTestDatabase, startApi } from '../support/harness';

it('debug', async () => {
  const db = await createTestDatabase();
  const api = await startApi(db, { WEB_DIST });
  await seedDemo(api.app.get(TenantDb));
  const browser = await launchChromium();
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await page.goto(`${api.url}/sign-in`);
  await page.getByLabel('Email address').fill('priya.shah@example.org');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  for (const path of (process.env['DEBUG_PATHS'] ?? '').split(',')) {
    await page.goto(`${api.url}${path}`, { waitUntil: 'networkidle' });
    if (path.includes('/plan')) {
      await page
        .getByRole('link', { name: /All items/ })
        .first()
        .click()
        .catch(() => undefined);
      await page.waitForLoadState('networkidle');
    }
    const out = await page.evaluate(
      (sel) =>
        [...document.querySelectorAll(sel)].map((el) => {
          const r = el.getBoundingClientRect();
          const s = getComputedStyle(el);
          return `${el.tagName}.${el.className} ${Math.round(r.left)}-${Math.round(r.right)} ov=${s.overflowX} m=${s.marginLeft}/${s.marginRight} sw=${el.scrollWidth} cw=${el.clientWidth}`;
        }),
      process.env['DEBUG_SEL'] ?? '.plx-table-scroll',
    );
    console.log(path, page.url(), out.join('\n'));
    await page
      .locator(process.env['DEBUG_SHOT'] ?? 'h1')
      .first()
      .scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/phones-shots/debug.png` });
  }
  await browser.close();
  await api.close();
  await db.drop();
}, 120_000);
