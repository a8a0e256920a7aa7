import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JobQueue, ReportDocument } from '@plexus/server';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { ChromiumPool } from '../../apps/worker/src/report/render/chromium-pool';
import { eventually } from '../support/eventually';
import { createTestDatabase, HttpClient, newNetwork, startApi, testConfig, type Fixture, type TestApi, type TestDatabase } from '../support/harness';
import { holdingChromium, type HoldingChromium } from '../support/holding-chromium';

/**
 * One document hangs while another network's document is in flight beside it. The watchdog stops the hung
 * document only; the other finishes ready on its first attempt — whether the hung page could be closed alone, or
 * Chromium had to be killed (then the other document is retried without spending an attempt).
 */
describe.each([
  ['the hung page is closed alone', false],
  ['the hung page will not close, so Chromium is killed', true],
])('report watchdog: %s', (_label, swallowClose) => {
  const TIMEOUT_MS = 6_000;
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let chromium: HoldingChromium;
  let a: Fixture;
  let b: Fixture;
  const trigger = `HANGS-${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { STORAGE_DIR: mkdtempSync(join(tmpdir(), 'plexus-watchdog-')), REPORT_PAGE_POOL: '2', REPORT_RENDER_TIMEOUT_MS: String(TIMEOUT_MS) };
    api = await startApi(db, env);
    a = await newNetwork(api.db, `hang-a-${randomBytes(2).toString('hex')}`);
    b = await newNetwork(api.db, `hang-b-${randomBytes(2).toString('hex')}`);
    // A document whose title carries the trigger hangs at printing; while it does, the other document's print
    // is held too (so it is certainly in flight when the watchdog acts) until a page is closed.
    chromium = holdingChromium({ trigger, holdOthersUntilClose: true, swallowClose });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, { ...env, CHROMIUM_PATH: chromium.path })), {
      logger: false,
    });
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  const read = (fixture: Fixture, id: string) =>
    api.db.inNetwork({ userId: null, networkId: fixture.network.id }, ({ em }) => em.findOneOrFail(ReportDocument, { id }, { refresh: true }));

  it('finishes the other document ready with attempts = 1', async () => {
    const managerA = await new HttpClient(api.url).login(a.users.manager.email);
    const managerB = await new HttpClient(api.url).login(b.users.manager.email);
    const hung = await managerA.post(`/api/networks/${a.network.slug}/reports`, { kind: 'risk_register', title: `Register that ${trigger}` });
    expect(hung.status).toBe(202);
    expect(
      await eventually(
        async () => chromium.events(),
        (e) => e.includes('held'),
        60_000,
      ),
    ).toContain('held');

    // When the hung page cannot be closed, Chromium is killed 5 s after the watchdog tried: the other document is
    // asked for once that attempt is seen, so that it is certainly in flight when Chromium dies (and well within
    // its own time limit).
    if (swallowClose)
      expect(
        await eventually(
          async () => chromium.events(),
          (e) => e.includes('close-swallowed'),
          60_000,
        ),
      ).toContain('close-swallowed');
    const other = await managerB.post(`/api/networks/${b.network.slug}/reports`, { kind: 'risk_register', title: 'Risk register report' });
    expect(other.status).toBe(202);
    // Both in flight: the other document's print waits behind the hung one.
    expect(
      await eventually(
        async () => chromium.events(),
        (e) => e.includes('held-other'),
        60_000,
      ),
    ).toContain('held-other');

    const done = await eventually(
      () => read(b, other.body.id),
      (d) => d.status === 'ready' || d.status === 'failed',
      60_000,
    );
    expect({ status: done.status, attempts: done.attempts, failureReason: done.failureReason }).toEqual({
      status: 'ready',
      attempts: 1,
      failureReason: null,
    });

    // The hung document was stopped by the watchdog and, hanging only once, finished on its second attempt.
    const hungDoc = await eventually(
      () => read(a, hung.body.id),
      (d) => d.status === 'ready' || d.status === 'failed',
      60_000,
    );
    expect({ status: hungDoc.status, attempts: hungDoc.attempts }).toEqual({ status: 'ready', attempts: 2 });
    const jobs = worker.get(JobQueue);
    const hungJob = await jobs.find('report.render', { networkId: a.network.id, documentId: hung.body.id });
    expect(hungJob?.stacktrace?.[0]).toMatch(/^RenderTimeoutError: The document took longer than 6 s to render and was stopped/);

    const pool = worker.get(ChromiumPool);
    const job = await jobs.find('report.render', { networkId: b.network.id, documentId: other.body.id });
    if (swallowClose) {
      // Cut short by the kill, then run again without spending an attempt (attemptsMade counts the one that finished).
      expect(pool.kills).toBe(1);
      expect({ started: job?.attemptsStarted, made: job?.attemptsMade, failures: job?.stacktrace?.length ?? 0 }).toEqual({
        started: 2,
        made: 1,
        failures: 0,
      });
    } else {
      const events = chromium.events();
      expect(events.indexOf('close')).toBeLessThan(events.indexOf('released'));
      expect(pool.kills).toBe(0);
      expect({ started: job?.attemptsStarted, made: job?.attemptsMade, failures: job?.stacktrace?.length ?? 0 }).toEqual({
        started: 1,
        made: 1,
        failures: 0,
      });
    }
  });
});
