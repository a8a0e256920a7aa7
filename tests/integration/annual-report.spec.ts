import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AnnualReportDraftDto, WorkPlanDto } from '@plexus/contracts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { eventually } from '../support/eventually';
import { createTestDatabase, HttpClient, newNetwork, startApi, testConfig, type TestApi, type TestDatabase } from '../support/harness';
import { pdfInfo, pdfText } from '../support/pdf';

describe('the annual report: drafts, and the year told from the plan, the register and its history', () => {
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let manager: HttpClient;
  let lead: HttpClient;
  let otherManager: HttpClient;
  const storageDir = mkdtempSync(join(tmpdir(), 'plexus-annual-'));
  const base = '/api/networks/ar-a';

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { STORAGE_DIR: storageDir, REPORT_PAGE_POOL: '1' };
    api = await startApi(db, env);
    const a = await newNetwork(api.db, 'ar-a');
    await newNetwork(api.db, 'ar-b');
    manager = await new HttpClient(api.url).login(a.users.manager.email);
    lead = await new HttpClient(api.url).login(a.users.lead.email);
    otherManager = await new HttpClient(api.url).login('manager.ar-b@example.org');
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, env)), { logger: false });
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  it('keeps one draft per year, checks its plan in the network and its version, and is for managers', async () => {
    const created = await manager.post(`${base}/annual-reports`, { fy: '2023/24', chairForeword: 'Dear colleagues' });
    expect(created.status).toBe(201);
    const draft = created.body as AnnualReportDraftDto;
    expect(draft).toMatchObject({ fy: '2023/24', periodStart: '2023-04-01', periodEnd: '2024-03-31', plan: null, version: 1 });

    const again = await manager.post(`${base}/annual-reports`, { fy: '2023/24' });
    expect(again.status).toBe(409);
    expect(again.body.fields).toEqual([{ field: 'fy', message: 'There is already an annual report for 2023/24' }]);
    expect((await manager.post(`${base}/annual-reports`, { fy: '2023-24' })).body.fields[0].field).toBe('fy');
    expect((await manager.post(`${base}/annual-reports`, { fy: '2022/23', highlights: 'bell\u0007' })).body.fields[0].field).toBe('highlights');

    const theirPlan = await otherManager.post('/api/networks/ar-b/work-plan/plans', {
      title: 'Theirs',
      periodStart: '2023-04-01',
      periodEnd: '2024-03-31',
    });
    const foreign = await manager.put(`${base}/annual-reports/${draft.id}`, { version: 1, planId: theirPlan.body.id });
    expect(foreign.status).toBe(404);
    expect(foreign.body.fields).toEqual([{ field: 'planId', message: 'Choose a plan of this network' }]);

    const saved = await manager.put(`${base}/annual-reports/${draft.id}`, { version: 1, chairForeword: 'Dear colleagues,\n\nA good year.' });
    expect(saved.body).toMatchObject({ version: 2, chairForeword: 'Dear colleagues,\n\nA good year.' });
    const stale = await manager.put(`${base}/annual-reports/${draft.id}`, { version: 1, chairForeword: 'Lost?' });
    expect(stale.status).toBe(409);
    expect(stale.body.fields[0].field).toBe('version');

    expect((await lead.get(`${base}/annual-reports`)).status).toBe(403);
    expect((await otherManager.get(`/api/networks/ar-b/annual-reports/${draft.id}`)).status).toBe(404);
    expect((await otherManager.put(`/api/networks/ar-b/annual-reports/${draft.id}`, { version: 2 })).status).toBe(404);
    expect((await manager.get(`${base}/annual-reports`)).body.map((d: AnnualReportDraftDto) => d.fy)).toEqual(['2023/24']);
    expect((await manager.delete(`${base}/annual-reports/${draft.id}`)).status).toBe(204);
  });

  it('generates FY 2024/25 as a PDF: foreword, delivery at year end, the register at both ends of the year, what carries forward', async () => {
    // The plan for the year: three items — completed in the year, slipped, not started.
    const plan: WorkPlanDto = (
      await manager.post(`${base}/work-plan/plans`, { title: 'Work plan 2024/25', periodStart: '2024-04-01', periodEnd: '2025-03-31' })
    ).body;
    const theme = (await manager.post(`${base}/work-plan/plans/${plan.id}/themes`, { title: 'Service delivery' })).body.themes[0];
    const item = async (work: string, timescale: string) =>
      (await manager.post(`${base}/work-plan/plans/${plan.id}/items`, { themeId: theme.id, work, timescale })).body as { id: string };
    const dashboard = await item('Launch the network dashboard', 'Q3 2024/25');
    const audit = await item('Audit of inter-hospital transfers', 'Q2 2024/25');
    await item('Rehabilitation prescriptions for all', 'Q1 2025/26');
    const progress = (id: string, on: string, status: string, narrative: string) =>
      manager.post(`${base}/work-plan/items/${id}/progress`, { on, status, narrative }).then((r) => expect(r.status).toBe(201));
    await progress(dashboard.id, '2024-06-01', 'on_track', 'Build started.');
    await progress(dashboard.id, '2024-12-02', 'complete', 'Dashboard live for every trust.');
    await progress(audit.id, '2024-07-01', 'at_risk', 'Data late.');
    expect((await manager.post(`${base}/work-plan/plans/${plan.id}/approve`, { approvedOn: '2024-05-01' })).status).toBe(200);

    // The register: one risk from before the year that went up, one new in the year that closed, one new and open.
    const risk = async (description: string, dateRegistered: string, l: number, i: number) =>
      (
        await manager.post(`${base}/risks`, {
          description,
          dateRegistered,
          likelihoodBefore: 5,
          impactBefore: 5,
          likelihoodAfter: l,
          impactAfter: i,
        })
      ).body as { id: string; reference: string };
    const capacity = await risk('Critical care capacity in winter', '2024-01-10', 2, 3);
    expect((await manager.post(`${base}/risks/${capacity.id}/reviews`, { reviewedOn: '2024-11-20', likelihood: 4, impact: 4 })).status).toBe(201);
    const transfer = await risk('Delayed transfers to the major trauma centre', '2024-06-01', 3, 3);
    expect((await manager.post(`${base}/risks/${transfer.id}/close`, { closedOn: '2025-02-01', reason: 'Pathway agreed' })).status).toBe(200);
    const staffing = await risk('Rehabilitation consultant vacancy', '2024-09-15', 3, 4);

    const draft = await manager.post(`${base}/annual-reports`, {
      fy: '2024/25',
      chairForeword: 'This was the year the dashboard went live.',
      priorities: 'Fill the rehabilitation post.',
    });
    expect(draft.body.plan).toEqual({ id: plan.id, title: 'Work plan 2024/25' });

    // The preview: the same templates, drawn by the worker from what is saved, as a page of its own.
    const preview = await fetch(`${api.url}${base}/annual-reports/${draft.body.id}/preview`, {
      headers: { cookie: `plexus_session=${manager.cookie('plexus_session')}` },
    });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(preview.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
    );
    expect(preview.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const html = await preview.text();
    expect(html).toContain('<h1>Annual report 2024/25</h1>');
    expect(html).toContain('This was the year the dashboard went live.');
    expect(html).not.toContain('<script');
    expect((await otherManager.get(`/api/networks/ar-b/annual-reports/${draft.body.id}/preview`)).status).toBe(404);

    const asked = await manager.post(`${base}/reports`, { kind: 'annual_report', options: { fy: '2024/25' } });
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ kind: 'annual_report', title: 'Annual report' });
    const doc = await eventually(
      async () => (await manager.get(`${base}/reports/${asked.body.id}`)).body,
      (d) => d.status === 'ready' || d.status === 'failed',
      60_000,
    );
    expect({ status: doc.status, failureReason: doc.failureReason }).toEqual({ status: 'ready', failureReason: null });
    const bytes = Buffer.from(
      await (
        await fetch(`${api.url}${doc.downloadUrl}`, { headers: { cookie: `plexus_session=${manager.cookie('plexus_session')}` } })
      ).arrayBuffer(),
    );
    const text = pdfText(bytes).replace(/[ \t]+/g, ' ');
    expect(text).toMatch(/Foreword from the chair \d+/);
    expect(text).toContain('This was the year the dashboard went live.');
    expect(text).toContain("The network's year from 1 April 2024 to 31 March 2025");
    expect(text).toContain('1 of 3 items completed in the year.');
    expect(text).toContain('Dashboard live for every trust.');
    // The audit slipped (Q2 2024/25 passed at risk); the dashboard is not carried forward (complete).
    expect(text).toMatch(/Audit of inter-hospital transfers/);
    expect(text).toMatch(/Start of the year \(31 March 2024\)/);
    expect(text).toMatch(/End of the year \(31 March 2025\)/);
    expect(text).toMatch(new RegExp(`${transfer.reference.replace('/', '\\/')} Delayed transfers to the major trauma centre \\+ new`));
    expect(text).toMatch(new RegExp(`${transfer.reference.replace('/', '\\/')} Delayed transfers to the major trauma centre × closed`));
    expect(text).toMatch(new RegExp(`${capacity.reference.replace('/', '\\/')} Critical care capacity in winter ↑ score up 6 16`));
    expect(text).toMatch(new RegExp(`${staffing.reference.replace('/', '\\/')} Rehabilitation consultant vacancy \\+ new — 12`));
    expect(text).toContain('The network ran no peer review programme in 2024/25.');
    expect(text).toContain('Fill the rehabilitation post.');
    expect(text).toContain('2 items were not complete at the end of the year; the plan has not yet been rolled over.');
    expect(pdfInfo(bytes)).toMatchObject({ Title: 'Annual report', Subject: 'Annual report for Network ar-a', Tagged: 'yes' });
  });
});
