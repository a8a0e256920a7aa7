import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ReportDocument } from '@plexus/server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { freePort } from '../faults/stack';
import { eventually } from '../support/eventually';
import { createTestDatabase, HttpClient, newNetwork, startApi, testConfig, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

/** One sample's value from Prometheus text: the series named with exactly these labels (in any order, others allowed). */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

/**
 * Prometheus metrics on real processes' ports of their own: the API's request durations by route pattern, the
 * worker's queue depths, job durations, render time per report kind and Chromium launches — scraped as Prometheus
 * would, after real work; the API's own port does not serve them.
 */
describe('metrics (API and worker, each on its metrics port)', () => {
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let a: Fixture;
  const storageDir = mkdtempSync(join(tmpdir(), 'plexus-metrics-'));
  let apiPort = 0;
  let workerPort = 0;

  beforeAll(async () => {
    apiPort = await freePort();
    workerPort = await freePort();
    const env = {
      STORAGE_DIR: storageDir,
      REPORT_PAGE_POOL: '1',
      API_METRICS_PORT: String(apiPort),
      WORKER_METRICS_PORT: String(workerPort),
      METRICS_HOST: '127.0.0.1',
    };
    db = await createTestDatabase();
    api = await startApi(db, env);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, env)), { logger: false });
    await worker.init();
    a = await newNetwork(api.db, 'metrics-a');
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
    rmSync(storageDir, { recursive: true, force: true });
  });

  const scrape = async (port: number) => {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  it('times API requests by method, route pattern (never ids) and status', async () => {
    const manager = await new HttpClient(api.url).login(a.users.manager.email);
    for (let i = 0; i < 3; i++) expect((await manager.get('/api/networks/metrics-a/reports')).status).toBe(200);
    expect((await manager.get('/api/networks/metrics-a/reports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const text = await scrape(apiPort);
    expect(
      sample(text, 'plexus_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/api/networks/:network/reports',
        status: '200',
        process: 'api',
      }),
    ).toBe(3);
    expect(
      sample(text, 'plexus_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/api/networks/:network/reports/:documentId',
        status: '404',
      }),
    ).toBe(1);
    expect(text).not.toContain('00000000-0000-4000-8000-000000000000');
    expect(sample(text, 'plexus_process_resident_memory_bytes', { process: 'api' })).toBeGreaterThan(0);
    // Not on the port the Ingress routes.
    expect(await (await fetch(`${api.url}/metrics`)).text()).not.toContain('plexus_http_request_duration_seconds');
  });

  it('counts the worker’s queues, jobs by outcome, render time per report kind and Chromium launches', async () => {
    const manager = await new HttpClient(api.url).login(a.users.manager.email);
    const asked = await manager.post('/api/networks/metrics-a/reports', { kind: 'risk_register' });
    expect(asked.status).toBe(202);
    await eventually(
      () =>
        api.db.inNetwork({ userId: null, networkId: a.network.id }, ({ em }) =>
          em.findOneOrFail(ReportDocument, { id: asked.body.id }, { refresh: true }),
        ),
      (d) => d.status === 'ready',
      60_000,
    );
    const text = await eventually(
      () => scrape(workerPort),
      (t) => (sample(t, 'plexus_job_duration_seconds_count', { queue: 'reports', job: 'report.render', outcome: 'completed' }) ?? 0) >= 1,
      10_000,
    );
    expect(sample(text, 'plexus_report_render_seconds_count', { kind: 'risk_register', process: 'worker' })).toBe(1);
    expect(sample(text, 'plexus_chromium_launches_total', {})).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'plexus_queue_jobs', { queue: 'reports', state: 'wait' })).toBe(0);
    expect(sample(text, 'plexus_queue_jobs', { queue: 'email', state: 'wait' })).toBeDefined();
  });
});
