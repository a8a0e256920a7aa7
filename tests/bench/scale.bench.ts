/**
 * npm run bench:scale — scale-out on one machine (not a test: only duplicates make it exit non-zero). For 1, 2 and 3
 * worker PROCESSES (the built dist/apps/worker/main.js, BENCH_WORKERS=1,2,3), each with REPORT_PAGE_POOL pages
 * (BENCH_PAGE_POOL, default 1), one queue of BENCH_REPORTS (200) mixed reports is asked for through the built API
 * (risk register reports, progress reports and board cover sheets, in turn) while no worker runs; then the workers
 * start together and the clock runs until every document is ready. Printed per round: documents per minute,
 * duplicates (stored files beyond one per document, and documents whose render ran more than once: must be 0), and
 * the load average. It writes the figures to tmp/bench-scale.json (read by `npm run capacity`). Needs a build; uses
 * its own database and Redis server; leaves nothing behind.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import Redis from 'ioredis';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { createFaultsDatabase, filesIn, freePort, RedisServer, Stack, waitFor } from '../faults/stack';
import { HttpClient } from '../support/http-client';

const WORKERS = (process.env['BENCH_WORKERS'] ?? '1,2,3').split(',').map(Number);
const REPORTS = Number(process.env['BENCH_REPORTS'] ?? 200);
const PAGE_POOL = process.env['BENCH_PAGE_POOL'] ?? '1';
const BASE = '/api/networks/northern-spinal';

const BODIES = [
  { kind: 'risk_register', options: { topRisks: 5 } },
  { kind: 'progress' },
  {
    kind: 'board_paper',
    title: 'Board cover sheet',
    cover: {
      meeting: 'Network Board',
      meetingDate: '2026-12-10',
      author: 'Alex Morgan',
      purposes: ['assurance'],
      executiveSummary: 'For the board.',
    },
  },
];

interface Round {
  workers: number;
  /** Redis used_memory growth per queued report job (its own server, sampled before the workers start), bytes. */
  redisBytesPerQueuedJob: number;
  /** Mean size of the stored PDFs of the round, bytes. */
  meanPdfBytes: number;
  documents: number;
  seconds: number;
  perMinute: number;
  duplicates: number;
  lost: number;
  loadAverage: number;
}

async function main(): Promise<void> {
  const redis = new RedisServer(await freePort());
  await redis.start();
  const db = await createFaultsDatabase();
  const stack = new Stack({ db, redis, env: { LOG_LEVEL: 'error', API_PROCESSES: '1' } });
  const rounds: Round[] = [];
  try {
    await stack.prepare();
    await stack.startApi();
    const client = await new HttpClient(stack.url).login('alex.morgan@example.org', DEMO_PASSWORD);
    // The demo's own papers for the next board (queued by the seed) first, so that they are not in a round.
    stack.startWorker();
    await waitFor(
      'the demo papers',
      async () =>
        ((await client.get(`${BASE}/reports`)).body as Array<{ status: string }>).every((d) => d.status === 'ready' || d.status === 'failed'),
      180_000,
      250,
    );
    await stack.stopWorkers();
    console.log(
      `\nPlexus scale-out benchmark — ${new Date().toISOString()} — node ${process.version}, ${cpus().length} cores; ${REPORTS} mixed reports per round, REPORT_PAGE_POOL ${PAGE_POOL} per worker process`,
    );
    const redisClient = new Redis(redis.url);
    const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await redisClient.info('memory'))?.[1] ?? 0);
    for (const n of WORKERS) {
      const ids: string[] = [];
      const memoryBefore = await usedMemory();
      for (let i = 0; i < REPORTS; i++) {
        const res = await client.post(`${BASE}/reports`, BODIES[i % BODIES.length]);
        if (res.status !== 202) throw new Error(`report request answered ${res.status}: ${JSON.stringify(res.body)}`);
        ids.push(res.body.id);
      }
      const wanted = new Set(ids);
      const queuedBytes = ((await usedMemory()) - memoryBefore) / REPORTS;
      const t = performance.now();
      for (let w = 0; w < n; w++) stack.startWorker({ REPORT_PAGE_POOL: PAGE_POOL });
      let loadSum = 0;
      let loadSamples = 0;
      await waitFor(
        `${REPORTS} documents with ${n} workers`,
        async () => {
          loadSum += loadavg()[0];
          loadSamples++;
          const docs = (await client.get(`${BASE}/reports`)).body as Array<{ id: string; status: string }>;
          return docs.filter((d) => wanted.has(d.id) && (d.status === 'ready' || d.status === 'failed')).length === REPORTS;
        },
        1_800_000,
        250,
      );
      const seconds = (performance.now() - t) / 1000;
      await stack.stopWorkers();
      const docs = ((await client.get(`${BASE}/reports`)).body as Array<{ id: string; status: string; attempts?: number }>).filter((d) =>
        wanted.has(d.id),
      );
      const dir = join(stack.storageDir, 'documents');
      const files = filesIn(dir).flatMap((network) => filesIn(join(dir, network)));
      const ours = files.filter((f) => wanted.has(f.split('.')[0]));
      const rerun = docs.filter((d) => (d.attempts ?? 1) > 1).length;
      const sizes = ours.map((f) => statSync(join(dir, filesIn(dir).find((network) => filesIn(join(dir, network)).includes(f)) ?? '', f)).size);
      const round: Round = {
        workers: n,
        redisBytesPerQueuedJob: Math.round(queuedBytes),
        meanPdfBytes: sizes.length ? Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length) : 0,
        documents: docs.filter((d) => d.status === 'ready').length,
        seconds,
        perMinute: (REPORTS / seconds) * 60,
        duplicates: ours.length - new Set(ours.map((f) => f.split('.')[0])).size + rerun,
        lost: REPORTS - docs.filter((d) => d.status === 'ready').length,
        loadAverage: loadSamples ? loadSum / loadSamples : 0,
      };
      rounds.push(round);
      console.log(
        `  ${n} worker process${n === 1 ? '' : 'es'}: ${round.documents} ready in ${seconds.toFixed(1)} s = ${round.perMinute.toFixed(0)} documents/min; duplicates ${round.duplicates}; Redis ${round.redisBytesPerQueuedJob} B per queued job; mean PDF ${(round.meanPdfBytes / 1024).toFixed(0)} KiB; lost ${round.lost}; load average ${round.loadAverage.toFixed(2)}`,
      );
    }
    redisClient.disconnect();
    console.log(
      `  (2 cores: Chromium's rendering is CPU-bound, so past the cores a worker process more adds queueing, not throughput; the cluster scales by nodes.)\n`,
    );
    const out = resolve(__dirname, '../../tmp');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      join(out, 'bench-scale.json'),
      JSON.stringify(
        { measuredAt: new Date().toISOString(), cores: cpus().length, node: process.version, reports: REPORTS, pagePool: Number(PAGE_POOL), rounds },
        null,
        2,
      ),
    );
  } finally {
    await stack.stop();
    await redis.stop();
    await db.drop().catch(() => undefined);
  }
  process.exit(rounds.some((r) => r.duplicates > 0 || r.lost > 0) ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
