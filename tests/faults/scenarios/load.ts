import autocannon from 'autocannon';
import type { HttpClient } from '../../support/http-client';
import { TRAUMA, type Row, type Scenario } from '../suite';

function cookieOf(client: HttpClient): string {
  return ['plexus_session', '__Host-plexus_session', 'XSRF-TOKEN']
    .map((name) => [name, client.cookie(name)] as const)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

interface Figures {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  kb: number;
}

async function cannon(url: string, cookie: string, opts: Partial<autocannon.Options>): Promise<Figures> {
  // As a browser asks: with its session cookie, accepting gzip.
  const result = await autocannon({ url, headers: { cookie, 'accept-encoding': 'gzip, deflate, br' }, duration: 10, ...opts } as autocannon.Options);
  const l = result.latency as unknown as Record<string, number>;
  return {
    rps: result.requests.average,
    p50: l['p50'],
    p95: l['p97_5'] !== undefined && l['p95'] === undefined ? l['p97_5'] : (l['p95'] ?? l['p97_5']),
    p99: l['p99'],
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    kb: result.throughput.average / Math.max(1, result.requests.average) / 1024,
  };
}

/** A plan of `n` items, imported through the API as a manager would (CSV). */
async function bigPlan(client: HttpClient, n: number): Promise<string> {
  const plan = await client.post(`${TRAUMA}/work-plan/plans`, {
    title: `Load plan of ${n} items`,
    periodStart: '2025-04-01',
    periodEnd: '2027-03-31',
  });
  const rows = ['Theme,Objective no.,Objective,Work,Measures of success,Timescale,Leads,Status'];
  for (let i = 0; i < n; i++) {
    rows.push(
      `Function ${1 + (i % 10)},${1 + (i % 50)},Objective ${1 + (i % 50)},"Work item ${i + 1}: agree and embed a network approach to part ${i + 1}","Agreed approach\nAudit shows it is used",Q${1 + (i % 4)} 2025/26,Network Manager,On track`,
    );
  }
  const form = new FormData();
  form.append('file', new Blob([rows.join('\n')]), 'load.csv');
  const res = await client.request('POST', `${TRAUMA}/work-plan/plans/${plan.body.id}/import`, form);
  if (res.status >= 300) throw new Error(`import of the load plan answered ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return plan.body.id as string;
}

/**
 * Signed-in people reading plan tables: (a) closed loop, 50 connections, the 30-item seed-000 plan's items;
 * (b) open loop, 100 requests a second, a 500-item plan's items. 0 errors asserted; the figures are printed.
 */
export const load: Scenario = async ({ stack, trauma }) => {
  const plans = (await trauma.get(`${TRAUMA}/work-plan/plans`)).body as Array<{ id: string; title: string }>;
  const seedPlan = plans[0];
  const big = await bigPlan(trauma, 500);
  const cookie = cookieOf(trauma);
  // The first read after a change computes the answer (printed as "first"); the runs measure the steady state after it.
  const first = async (path: string) => {
    const t = performance.now();
    const res = await trauma.get(path);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    return Math.round(performance.now() - t);
  };
  const seedItems = `${TRAUMA}/work-plan/plans/${seedPlan.id}/items`;
  const bigItems = `${TRAUMA}/work-plan/plans/${big}/items`;
  const firstSeed = await first(seedItems);
  const closed = await cannon(`${stack.url}${seedItems}`, cookie, { connections: 50 });
  const firstBig = await first(bigItems);
  const open = await cannon(`${stack.url}${bigItems}`, cookie, { connections: 10, overallRate: 100 });
  const fmt = (f: Figures) =>
    `${f.rps.toFixed(0)} req/s, p50 ${f.p50} ms, p95 ${f.p95} ms, p99 ${f.p99} ms, ${f.kb.toFixed(0)} KB/response on the wire, ${f.errors + f.non2xx} errors`;
  const rows: Row[] = [
    {
      scenario: 'load (a) closed loop, 30-item plan',
      did: '50 connections, 10 s',
      survived: `${fmt(closed)}; first read ${firstSeed} ms`,
      ok: closed.errors + closed.non2xx === 0,
    },
    {
      scenario: 'load (b) open loop, 500-item plan',
      did: '100 requests/s, 10 s',
      survived: `${fmt(open)}; first read ${firstBig} ms (target p95 < 50 ms: ${open.p95 < 50 ? 'met' : 'missed'})`,
      ok: open.errors + open.non2xx === 0,
    },
  ];
  return rows;
};
