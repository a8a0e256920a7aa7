import { chromiumUnder, exited, waitFor } from '../stack';
import { library, riskReport, SPINAL, TRAUMA, type Scenario } from '../suite';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * SIGTERM, as Kubernetes sends it before a pod goes. The worker: sent it mid-render, it takes no new job, finishes the
 * one in hand, closes Chromium and exits. The API: sent it with a request in flight (a preview waiting for a worker),
 * it stops accepting connections, answers that request in full and exits 0. Both within a 30 s grace period.
 */
export const gracefulShutdown: Scenario = async ({ stack, spinal, trauma }) => {
  // ---- the worker
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) {
    const res = await spinal.post(`${SPINAL}/reports`, riskReport);
    if (res.status !== 202) throw new Error(`report request answered ${res.status}`);
    ids.push(res.body.id);
  }
  const worker = stack.startWorker({ REPORT_PAGE_POOL: '1' });
  let inHand = '';
  await waitFor(
    'a render in hand',
    async () => {
      inHand = (await library(spinal)).find((d) => ids.includes(d.id) && d.status === 'rendering')?.id ?? '';
      return !!inHand;
    },
    60_000,
    10,
  );
  const chromium = chromiumUnder(worker.pid as number);
  const t = Date.now();
  worker.kill('SIGTERM');
  await Promise.race([exited(worker), new Promise((r) => setTimeout(r, 30_000))]);
  const workerMs = Date.now() - t;
  const workerExited = worker.exitCode !== null || worker.signalCode !== null;
  const docs = (await library(spinal)).filter((d) => ids.includes(d.id));
  const finished = docs.find((d) => d.id === inHand)?.status;
  const readyAfter = docs.filter((d) => d.status === 'ready').length;
  const chromiumLeft = chromium.filter(alive).length;
  // The rest are picked up by the next worker.
  stack.startWorker();
  await waitFor(
    'the rest rendered',
    async () => (await library(spinal)).filter((d) => ids.includes(d.id)).every((d) => d.status === 'ready'),
    120_000,
    200,
  );
  await stack.stopWorkers();

  // ---- the API
  const drafts = await trauma.get(`${TRAUMA}/annual-reports`);
  const draft = (drafts.body as Array<{ id: string }>)[0];
  if (!draft) throw new Error('the demo has no annual report draft');
  const cookie = `plexus_session=${trauma.cookie('plexus_session')}`;
  // No worker runs: the preview waits for one, in flight while the API is told to stop; a worker then answers it.
  const inFlight = fetch(`${stack.url}${TRAUMA}/annual-reports/${draft.id}/preview`, { headers: { cookie } }).then(
    async (r) => ({ status: r.status, html: (await r.text()).includes('<h1>Annual report') }),
    (e: Error) => ({ status: 0, html: false, error: e.message }),
  );
  await new Promise((r) => setTimeout(r, 500));
  const stopping = stack.signalApi('SIGTERM');
  await new Promise((r) => setTimeout(r, 1_000));
  const refused = await fetch(`${stack.url}/api/health`).then(
    () => false,
    () => true,
  );
  stack.startWorker();
  const answered = await inFlight;
  const api = await Promise.race([stopping, new Promise<null>((r) => setTimeout(() => r(null), 30_000))]);
  await stack.stopWorkers();
  await stack.startApi();

  return [
    {
      scenario: 'graceful shutdown: worker SIGTERM mid-render',
      did: `SIGTERM while rendering 1 of ${ids.length} documents (1 page at a time)`,
      survived: `${workerExited ? `exited in ${(workerMs / 1000).toFixed(1)} s` : 'still running after 30 s'}; the render in hand ${finished}; ${readyAfter} of ${ids.length} ready before the next worker; Chromium processes left: ${chromiumLeft}`,
      ok: workerExited && finished === 'ready' && readyAfter < ids.length && chromiumLeft === 0,
    },
    {
      scenario: 'graceful shutdown: API SIGTERM with a request in flight',
      did: 'SIGTERM to the API (2 processes) while a preview waited for a worker; a worker started 1 s later',
      survived: `the request in flight: ${answered.status}${answered.html ? ' with the preview' : ''}; new connections ${refused ? 'refused' : 'still accepted'}; ${api ? `exited ${api.code ?? api.signal} in ${(api.ms / 1000).toFixed(1)} s` : 'still running after 30 s'}`,
      ok: answered.status === 200 && answered.html && refused && !!api && api.code === 0,
    },
  ];
};
