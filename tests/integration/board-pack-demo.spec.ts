import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { BoardMeetingDto, BoardMeetingListDto } from '@plexus/contracts';
import { TenantDb } from '@plexus/server';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { ReportSweepJob } from '../../apps/worker/src/jobs/report-sweep.job';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { seedDemo } from '../../apps/api/src/seed/seed';
import { eventually } from '../support/eventually';
import { createTestDatabase, HttpClient, startApi, testConfig, type TestApi, type TestDatabase } from '../support/harness';
import { pdfText } from '../support/pdf';

/** The demo as `npm start` loads it: the next board meeting's papers queued, rendered by the worker, then its pack. */
describe('demo: a board pack for the next meeting', () => {
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  const storageDir = mkdtempSync(join(tmpdir(), 'plexus-pack-demo-'));

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { STORAGE_DIR: storageDir, REPORT_PAGE_POOL: '2' };
    api = await startApi(db, env);
    await seedDemo(api.app.get(TenantDb), undefined, undefined, { boardPapers: true });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, env)), { logger: false });
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  it("renders the next meeting's two papers and makes its pack from them", async () => {
    const priya = await new HttpClient(api.url).login('priya.shah@example.org', DEMO_PASSWORD);
    const base = '/api/networks/east-midlands-mtn';
    const list = (await priya.get(`${base}/board/meetings`)).body as BoardMeetingListDto;
    expect(list.upcoming[0].paperCount).toBe(2);
    const next = (await priya.get(`${base}/board/meetings/${list.upcoming[0].id}`)).body as BoardMeetingDto;
    const papers = next.agenda.filter((i) => i.paper).map((i) => i.paper?.title);
    expect(papers).toEqual(['Work plan progress report', 'Risk register review']);
    // The queued papers are rendered by the worker (its sweep gives them their jobs; here it is asked at once).
    await worker.get(ReportSweepJob).sweep(0);
    const ready = await eventually(
      async () => (await priya.get(`${base}/board/meetings/${next.id}`)).body as BoardMeetingDto,
      (m) => m.agenda.every((i) => !i.paper || i.paper.status === 'ready' || i.paper.status === 'failed'),
      90_000,
    );
    expect(ready.agenda.filter((i) => i.paper).map((i) => i.paper?.status)).toEqual(['ready', 'ready']);

    expect((await priya.post(`${base}/board/meetings/${next.id}/pack`, {})).status).toBe(202);
    const done = await eventually(
      async () => (await priya.get(`${base}/board/meetings/${next.id}`)).body as BoardMeetingDto,
      (m) => m.pack?.status === 'ready' || m.pack?.status === 'failed',
      60_000,
    );
    expect(done.pack).toMatchObject({ status: 'ready', failureReason: null });
    const res = await fetch(`${api.url}${done.pack?.downloadUrl}`, { headers: { cookie: `plexus_session=${priya.cookie('plexus_session')}` } });
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toMatch(/3\. Work plan progress report/);
    expect(text).toMatch(/4\. Risk register review/);
    expect(text).toContain('Last board vs this board');
    expect(text).toMatch(new RegExp(`Page ${done.pack?.pageCount} of ${done.pack?.pageCount}`));
  });
});
