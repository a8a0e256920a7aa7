import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { filesIn, waitFor } from '../stack';
import { library, riskReport, SPINAL, type Scenario } from '../suite';

const KILLS = 20;

/** A worker killed with SIGKILL in the middle of a render, 20 times: every document is finished, once. */
export const workerKilled: Scenario = async ({ stack, spinal }) => {
  const before = new Set((await library(spinal)).map((d) => d.id));
  const ids: string[] = [];
  for (let i = 0; i < KILLS; i++) {
    const res = await spinal.post(`${SPINAL}/reports`, riskReport);
    if (res.status !== 202) throw new Error(`report request answered ${res.status}`);
    ids.push(res.body.id);
  }
  let kills = 0;
  const attempts = new Map<string, number>();
  while (kills < KILLS) {
    const worker = stack.startWorker({ REPORT_LOCK_MS: '1000' });
    // Positive signal: this worker has started a render (a document's attempt count went up and it is rendering).
    let rendering = false;
    await waitFor(
      'a render started by this worker',
      async () => {
        const docs = (await library(spinal)).filter((d) => ids.includes(d.id));
        rendering = docs.some((d) => d.status === 'rendering' && (d.attempts ?? 0) > (attempts.get(d.id) ?? 0));
        return rendering || docs.every((d) => d.status === 'ready' || d.status === 'failed');
      },
      60_000,
      10,
    );
    await stack.killWorker(worker);
    for (const d of (await library(spinal)).filter((x) => ids.includes(x.id))) attempts.set(d.id, d.attempts ?? 0);
    if (!rendering) break;
    kills++;
  }
  stack.startWorker({ REPORT_LOCK_MS: '1000' });
  await waitFor(
    'every document finished',
    async () => (await library(spinal)).filter((d) => ids.includes(d.id)).every((d) => d.status === 'ready' || d.status === 'failed'),
    120_000,
    200,
  ).catch(() => undefined);
  const docs = (await library(spinal)).filter((d) => ids.includes(d.id));
  const ready = docs.filter((d) => d.status === 'ready');
  const stuck = docs.filter((d) => d.status !== 'ready').map((d) => `${d.status} after ${d.attempts} attempts`);
  const networkDirs = filesIn(join(stack.storageDir, 'documents'));
  const files = networkDirs.flatMap((n) => filesIn(join(stack.storageDir, 'documents', n)).map((f) => join(stack.storageDir, 'documents', n, f)));
  const ours = files.filter((f) => ids.some((id) => f.includes(id)));
  // Spare files are looked for in the network under test: the others' directories hold their own papers (npm start
  // queues each demo network's papers for its next board), rendered by these workers too.
  const ourDirs = new Set(ours.map((f) => dirname(f)));
  const extras = files.filter((f) => ourDirs.has(dirname(f)) && !ids.some((id) => f.includes(id)) && ![...before].some((id) => f.includes(id)));
  const shaOk = ready.every((d) => {
    const file = ours.find((f) => f.includes(d.id));
    return file !== undefined && createHash('sha256').update(readFileSync(file)).digest('hex') === d.sha256;
  });
  const duplicates = ours.length - new Set(ours.map((f) => ids.find((id) => f.includes(id)))).size + extras.length;
  const lost = ids.length - ready.length;
  return [
    {
      scenario: 'worker killed (SIGKILL) mid-render',
      did: `${kills} kills while rendering, ${ids.length} documents`,
      survived: `${ready.length} ready, ${duplicates} duplicates, ${lost} lost, checksums ${shaOk ? 'match' : 'DIFFER'}${stuck.length ? `; not ready: ${stuck.join(', ')}` : ''}`,
      ok: kills === KILLS && ready.length === ids.length && duplicates === 0 && lost === 0 && shaOk,
    },
  ];
};
