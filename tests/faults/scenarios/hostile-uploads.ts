import { percentile } from '../../bench/bench-support';
import { HttpClient } from '../../support/http-client';
import { HOSTILE_WORKBOOKS } from '../hostile-workbooks';
import { sleep } from '../stack';
import { SPINAL, type Scenario } from '../suite';

/**
 * Hostile workbooks sent to the work plan and risk register import previews while an anonymous client asks
 * /api/health every 20 ms: one person's file must not slow anyone else. Health p99 under 200 ms is asserted.
 */
export const hostileUploads: Scenario = async ({ stack, spinal }) => {
  const plan = await spinal.post(`${SPINAL}/work-plan/plans`, { title: 'Hostile uploads', periodStart: '2025-04-01', periodEnd: '2027-03-31' });
  const targets = [`${SPINAL}/work-plan/plans/${plan.body.id}/import/preview`, `${SPINAL}/risks/import/preview`];
  // Built before the probing starts: building an 80 MB bomb blocks this process, which would time itself.
  const books = HOSTILE_WORKBOOKS.map(([name, build]) => [name, build()] as const);
  const latencies: number[] = [];
  let probing = true;
  const anonymous = new HttpClient(stack.url);
  const probe = (async () => {
    while (probing) {
      const t = performance.now();
      const res = await anonymous.get('/api/health').catch(() => ({ status: 0 }));
      latencies.push(res.status === 200 ? performance.now() - t : Infinity);
      await sleep(20);
    }
  })();
  const answers: string[] = [];
  let bad = 0;
  try {
    for (const [name, bytes] of books) {
      for (const target of targets) {
        const form = new FormData();
        form.append('file', new Blob([Buffer.from(bytes)]), 'hostile.xlsx');
        const t = performance.now();
        const res = await spinal.request('POST', target, form).catch((err: Error) => ({ status: 0, body: err.message }));
        const took = performance.now() - t;
        if (res.status === 0 || res.status >= 500) bad++;
        answers.push(`${name} → ${res.status} in ${(took / 1000).toFixed(1)} s`);
      }
    }
  } finally {
    probing = false;
    await probe;
  }
  console.log(`\nhostile uploads:\n  ${answers.join('\n  ')}`);
  const p99 = percentile(latencies, 99);
  return [
    {
      scenario: 'hostile workbooks: answers',
      did: `${HOSTILE_WORKBOOKS.length} workbooks × 2 imports`,
      survived: `${bad} answers ≥ 500 or lost`,
      ok: bad === 0,
    },
    {
      scenario: 'hostile workbooks: health meanwhile',
      did: `${latencies.length} health checks, every 20 ms`,
      survived: `p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`,
      ok: p99 < 200,
    },
  ];
};
