import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { JobQueue, ReportDocument, TenantDb } from '@plexus/server';
import { seedDemo } from '../../apps/api/src/seed/seed';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { eventually } from '../support/eventually';
import { holdingChromium } from '../support/holding-chromium';
import { createTestDatabase, HttpClient, startApi, type TestApi, type TestDatabase } from '../support/harness';

const WORKER_MAIN = resolve(__dirname, '../../dist/apps/worker/main.js');

/** A worker killed (SIGKILL) in the middle of a render: another picks the job up, and the document is finished once. */
describe('report pipeline survives a worker killed mid-render', () => {
  let db: TestDatabase;
  let api: TestApi;
  const storageDir = mkdtempSync(join(tmpdir(), 'plexus-crash-'));
  const workers: ChildProcess[] = [];

  function startWorker(chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'): ChildProcess {
    const child = spawn(process.execPath, [WORKER_MAIN], {
      env: {
        PATH: process.env['PATH'] ?? '',
        DATABASE_URL: db.appUrl,
        DATABASE_OWNER_URL: db.ownerUrl,
        REDIS_PREFIX: api.config.REDIS_PREFIX,
        STORAGE_DIR: storageDir,
        REPORT_LOCK_MS: '1500',
        LOG_LEVEL: 'warn',
        CHROMIUM_PATH: chromiumPath,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
      // Its own process group, so that "killing the worker" takes its Chromium down too, as a container kill would.
      detached: true,
    });
    workers.push(child);
    return child;
  }

  beforeAll(async () => {
    if (!existsSync(WORKER_MAIN)) throw new Error('Build first: npx nx build worker');
    db = await createTestDatabase();
    api = await startApi(db, { STORAGE_DIR: storageDir });
    await seedDemo(api.app.get(TenantDb));
  });
  afterAll(async () => {
    // Wait for the workers to be gone: their database connections must close before the database is dropped.
    await Promise.all(
      workers.map((w) => {
        try {
          process.kill(-(w.pid as number), 'SIGKILL');
        } catch {
          // already gone
        }
        return w.exitCode !== null || w.signalCode !== null ? undefined : new Promise((r) => w.once('exit', r));
      }),
    );
    await api?.close();
    await db?.drop();
  });

  it('finishes the document exactly once after the first worker dies', async () => {
    const alex = await new HttpClient(api.url).login('alex.morgan@example.org', DEMO_PASSWORD);
    // The first worker's Chromium holds the print: the render stays in flight until the worker is killed, and the
    // stand-in logs "held" the moment it holds it (a positive signal, not a state caught by polling).
    const stuck = holdingChromium({ holdAll: true });
    const first = startWorker(stuck.path);
    const res = await alex.post('/api/networks/northern-spinal/reports', { kind: 'risk_register', options: { changedSince: '2016-01-01' } });
    expect(res.status).toBe(202);
    const id = res.body.id as string;
    const networkId = (await alex.get('/api/auth/session')).body.memberships.find((m: { slug: string }) => m.slug === 'northern-spinal')
      .networkId as string;
    const read = () => api.db.inNetwork({ userId: null, networkId }, ({ em }) => em.findOneOrFail(ReportDocument, { id }, { refresh: true }));

    expect(
      await eventually(
        async () => stuck.events(),
        (e) => e.includes('held'),
        60_000,
      ),
    ).toContain('held');
    const rendering = await read();
    expect(rendering.status).toBe('rendering');
    expect(rendering.attempts).toBe(1);
    process.kill(-(first.pid as number), 'SIGKILL');
    await new Promise((r) => first.once('exit', r));
    expect((await read()).status).toBe('rendering');

    startWorker();
    const done = await eventually(read, (d) => d.status === 'ready' || d.status === 'failed', 60_000);
    expect(done.status).toBe('ready');
    expect(done.attempts).toBe(2);
    const files = readdirSync(join(storageDir, 'documents', networkId));
    expect(files).toEqual([`${id}.2.pdf`]); // one PDF (the second attempt's), no half-written leftovers
    expect(done.storageKey).toBe(`documents/${networkId}/${id}.2.pdf`);
    const bytes = readFileSync(join(storageDir, 'documents', networkId, `${id}.2.pdf`));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(done.sha256);
    // The job completes just after the document is marked ready (it then moves on a scheduled run, if one waits for it).
    const job = await eventually(
      () => api.app.get(JobQueue).find('report.render', { networkId, documentId: id }),
      (j) => j?.finishedOn !== undefined,
      15_000,
    );
    expect(await job?.isCompleted()).toBe(true);
    expect(job?.returnvalue).toMatchObject({ status: 'ready', sha256: done.sha256 });
  });
});
