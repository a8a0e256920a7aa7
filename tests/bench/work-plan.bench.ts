/**
 * Work plan benchmark: a 500-item plan, imported and listed through the API against real PostgreSQL.
 * Prints the median (p50), fastest and slowest of several runs, and the SQL statements each request ran.
 *
 *   npm run bench:work-plan            (BENCH_RUNS=7 BENCH_ITEMS=500 to change the defaults)
 *
 * Uses its own template database (plexus_bench_template) so that it never disturbs a test run.
 */
process.env['TEST_TEMPLATE_DB'] ??= 'plexus_bench_template';

import { Client } from 'pg';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const ITEMS = Number(process.env['BENCH_ITEMS'] ?? 500);

/** Counts SQL statements sent by this process (the API runs in it). */
let statements = 0;
const query = Client.prototype.query as (...args: unknown[]) => unknown;
Client.prototype.query = function (this: Client, ...args: unknown[]) {
  statements += 1;
  return query.apply(this, args);
} as typeof Client.prototype.query;

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A plan of `items` rows: 10 themes, 5 numbered objectives each, leads by role and by name, varied timescales. */
function planTable(items: number, leadName: string): string {
  const timescales = [
    'Q1 2023/24',
    'Q2 2023/24',
    'Q3 2023/24',
    'Q4 2023/24',
    'Q1 2024/25',
    'Ongoing',
    'Q4 2023/24 Q4 2024/25',
    'by 31st December 2024',
    'April to July 20017',
    'As required',
  ];
  const statuses = ['On track', 'At risk', 'Complete', 'Not started', 'Off track'];
  const rows = [['Theme', 'Theme description', 'Objective no.', 'Objective', 'Work', 'Measures of success', 'Steps', 'Timescale', 'Leads', 'Status']];
  for (let i = 0; i < items; i++) {
    const theme = Math.floor(i / (items / 10)) + 1;
    const objective = Math.floor(i / (items / 50)) + 1;
    rows.push([
      `Function ${theme}`,
      `What function ${theme} is for`,
      String(objective),
      `Objective ${objective}: improve something measurable`,
      `Work item ${i + 1}: develop, agree and embed a network approach to part ${i + 1}`,
      `Agreed approach\nAudit shows it is used`,
      `Draft\nConsult\nAgree at the board`,
      timescales[i % timescales.length],
      i % 3 === 0 ? `Network Manager; ${leadName}` : 'Network Medical Lead Network Rehab Director Network Manager',
      statuses[i % statuses.length],
    ]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\n');
}

function stats(ms: number[]): { p50: number; min: number; max: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: sorted[Math.floor((sorted.length - 1) / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

async function main(): Promise<void> {
  const { default: globalSetup } = await import('../support/global-setup');
  const { createTestDatabase, HttpClient, newNetwork, startApi } = await import('../support/harness');
  await globalSetup();
  const db = await createTestDatabase();
  const api = await startApi(db);
  const results: Array<{ what: string; p50: number; min: number; max: number; statements: number }> = [];
  try {
    const fx = await newNetwork(api.db, 'bench');
    const manager = await new HttpClient(api.url).login(fx.users.manager.email);
    const base = '/api/networks/bench/work-plan';
    const table = planTable(ITEMS, fx.users.lead.displayName);

    const time = async (what: string, run: () => Promise<{ status: number }>, expected: number) => {
      const ms: number[] = [];
      let sql = 0;
      for (let i = 0; i < RUNS; i++) {
        const before = statements;
        const start = performance.now();
        const res = await run();
        ms.push(performance.now() - start);
        sql = statements - before;
        if (res.status !== expected) throw new Error(`${what}: answered ${res.status}`);
      }
      results.push({ what, ...stats(ms), statements: sql });
    };
    const form = () => {
      const f = new FormData();
      f.append('file', new Blob([table]), 'bench.csv');
      return f;
    };
    const newPlan = async () =>
      (await manager.post(`${base}/plans`, { title: 'Bench plan', periodStart: '2023-04-01', periodEnd: '2025-03-31' })).body.id as string;

    const previewPlan = await newPlan();
    await time(`Import preview of ${ITEMS} rows (CSV)`, () => manager.request('POST', `${base}/plans/${previewPlan}/import/preview`, form()), 200);
    let planId = '';
    await time(
      `Import of ${ITEMS} rows (CSV, one transaction)`,
      async () => {
        planId = await newPlan();
        return manager.request('POST', `${base}/plans/${planId}/import`, form());
      },
      201,
    );
    const tree = await manager.get(`${base}/plans/${planId}`);
    if (tree.body.counts.items !== ITEMS) throw new Error(`expected ${ITEMS} items, got ${tree.body.counts.items}`);
    await time(`Plan tree of ${ITEMS} items (GET plans/:id)`, () => manager.get(`${base}/plans/${planId}`), 200);
    await time(`Item table of ${ITEMS} items (GET plans/:id/items)`, () => manager.get(`${base}/plans/${planId}/items`), 200);
    await time(
      'Item table, filtered (slipped, one theme)',
      () => manager.get(`${base}/plans/${planId}/items?slipped=true&themeId=${tree.body.themes[0].id}`),
      200,
    );
    const lead = await new HttpClient(api.url).login(fx.users.lead.email);
    const led = (await lead.get(`${base}/my-items`)).body.items.length as number;
    await time(`My items (a lead's ${led} items across the ${RUNS} imported plans)`, () => lead.get(`${base}/my-items`), 200);
    await time('Plans list with counts', () => manager.get(`${base}/plans`), 200);
    await time(`Export to CSV (${ITEMS} items)`, () => manager.get(`${base}/plans/${planId}/export?format=csv`), 200);
    await time(`Export to Excel, a sheet per theme (${ITEMS} items)`, () => manager.get(`${base}/plans/${planId}/export?format=xlsx`), 200);
  } finally {
    await api.close();
    await db.drop();
  }
  console.log(
    `\nWork plan benchmark: ${ITEMS} items, ${RUNS} runs each, PostgreSQL on this machine (times in ms; SQL = statements in one request, including the session and tenant set-up)\n`,
  );
  const width = Math.max(...results.map((r) => r.what.length));
  console.log(`${'what'.padEnd(width)}  ${'p50'.padStart(7)}  ${'min'.padStart(7)}  ${'max'.padStart(7)}  ${'SQL'.padStart(5)}`);
  for (const r of results) {
    console.log(
      `${r.what.padEnd(width)}  ${r.p50.toFixed(0).padStart(7)}  ${r.min.toFixed(0).padStart(7)}  ${r.max.toFixed(0).padStart(7)}  ${String(r.statements).padStart(5)}`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
