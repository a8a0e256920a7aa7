import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TenantDb } from '@plexus/server';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { seedDemo } from '../../apps/api/src/seed/seed';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { eventually } from '../support/eventually';
import { createTestDatabase, HttpClient, startApi, testConfig, type TestApi, type TestDatabase } from '../support/harness';
import { pdfInfo, pdfText } from '../support/pdf';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('board reports: API → queue → worker (Chromium) → storage → download', () => {
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let alex: HttpClient;
  const storageDir = mkdtempSync(join(tmpdir(), 'plexus-docs-'));

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { STORAGE_DIR: storageDir, REPORT_PAGE_POOL: '2' };
    api = await startApi(db, env);
    await seedDemo(api.app.get(TenantDb));
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, env)), { logger: false });
    await worker.init();
    alex = await new HttpClient(api.url).login('alex.morgan@example.org', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  async function ready(client: HttpClient, slug: string, id: string) {
    const doc = await eventually(
      async () => (await client.get(`/api/networks/${slug}/reports/${id}`)).body,
      (d) => d.status === 'ready' || d.status === 'failed',
      30_000,
    );
    expect({ status: doc.status, failureReason: doc.failureReason }).toEqual({ status: 'ready', failureReason: null });
    return doc;
  }

  it('renders the risk register report with heat maps, top risks, changes and overdue reviews', async () => {
    const res = await alex.post('/api/networks/northern-spinal/reports', {
      kind: 'risk_register',
      options: { changedSince: '2026-06-01', topRisks: 3 },
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ kind: 'risk_register', status: 'queued', title: 'Risk register report' });
    const doc = await ready(alex, 'northern-spinal', res.body.id);
    expect(doc.pageCount).toBeGreaterThanOrEqual(4);
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    const pdf = await alex.request('GET', doc.downloadUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(
      await (await fetch(`${api.url}${doc.downloadUrl}`, { headers: { cookie: `plexus_session=${alex.cookie('plexus_session')}` } })).arrayBuffer(),
    );
    const text = pdfText(bytes);
    expect(text).toContain('Northern Spinal Network');
    expect(text).toContain('Risk register report');
    expect(text).toMatch(/Contents/);
    expect(text).toMatch(/Heat maps\s+\d+/); // contents line with its page number
    expect(text).toContain('SN/04');
    expect(text).toContain('Ongoing issue with respect to delay in transfer of spinal cord injuries to SCC');
    expect(text).toMatch(/Changes since 1 June 2026/);
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain('OFFICIAL');
    const info = pdfInfo(bytes);
    expect(info['Title']).toBe('Risk register report');
    expect(info['Author']).toBe('Northern Spinal Network');
    expect(info['Subject']).toBe('Risk register report for Northern Spinal Network');
    expect(info['Tagged']).toBe('yes');
    expect(info['Page size']).toMatch(/595\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it('renders a board paper: the cover sheet of seed 004 followed by the report', async () => {
    const res = await alex.post('/api/networks/northern-spinal/reports', {
      kind: 'board_paper',
      title: 'Spinal network risks: quarterly assurance',
      cover: {
        meeting: 'Network Board',
        meetingDate: '2026-12-03',
        paperReference: 'Paper G',
        author: 'Alex Morgan, Network Manager',
        purposes: ['assurance', 'discussion'],
        previousConsideration: [{ meeting: 'Clinical Governance Group', date: 'October 2026', outcome: 'Recommended to the board' }],
        executiveSummary: 'Two risks moved down a band this quarter.\nOne review is overdue.',
        questions: ['Does the board accept the revised scores?'],
        riskReferences: ['SN/02', 'SN/04'],
        nextPaperDate: 'March 2027',
      },
      body: { kind: 'risk_register', options: { topRisks: 5 } },
    });
    expect(res.status).toBe(202);
    const doc = await ready(alex, 'northern-spinal', res.body.id);
    const bytes = Buffer.from(
      await (await fetch(`${api.url}${doc.downloadUrl}`, { headers: { cookie: `plexus_session=${alex.cookie('plexus_session')}` } })).arrayBuffer(),
    );
    const text = pdfText(bytes);
    expect(text).toContain('Spinal network risks: quarterly assurance');
    expect(text).toMatch(/Meeting: Network Board, 3 December 2026\s+Paper: Paper G\s+Author: Alex Morgan, Network Manager/);
    expect(text).toMatch(/X\s+Assurance/);
    expect(text).toContain('Does the board accept the revised scores?');
    expect(text).toContain('SN/02 — PROMS Data Collection');
    expect(text).toContain('Top risks');
    expect(text.indexOf('Executive summary')).toBeLessThan(text.indexOf('Contents'));
  });

  it('renders the cover sheet alone on one page when the paper has no report body', async () => {
    const res = await alex.post('/api/networks/northern-spinal/reports', {
      kind: 'board_paper',
      title: 'Terms of reference review',
      cover: {
        meeting: 'Network Board',
        meetingDate: '2026-12-03',
        author: 'Alex Morgan',
        purposes: ['decision'],
        executiveSummary: 'The board is asked to approve the revised terms of reference.',
      },
    });
    const doc = await ready(alex, 'northern-spinal', res.body.id);
    expect(doc.pageCount).toBe(1);
    const bytes = Buffer.from(
      await (await fetch(`${api.url}${doc.downloadUrl}`, { headers: { cookie: `plexus_session=${alex.cookie('plexus_session')}` } })).arrayBuffer(),
    );
    const text = pdfText(bytes);
    expect(text).toContain('The board is asked to approve the revised terms of reference.');
    expect(text).toMatch(/Page 1 of 1/);
  });

  it('rejects bad requests naming the field, before anything is queued', async () => {
    const bad = await alex.post('/api/networks/northern-spinal/reports', {
      kind: 'board_paper',
      title: '',
      cover: { meeting: '', meetingDate: 'soon', author: 'A', purposes: [], executiveSummary: 'x'.repeat(12_001) },
      body: { kind: 'risk_register' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'cover.executiveSummary',
      'cover.meeting',
      'cover.meetingDate',
      'cover.purposes',
      'title',
    ]);
    const unknownRisk = await alex.post('/api/networks/northern-spinal/reports', {
      kind: 'board_paper',
      title: 'T',
      cover: { meeting: 'Board', meetingDate: '2026-12-03', author: 'A', purposes: ['noting'], executiveSummary: 'S', riskReferences: ['SN/99'] },
      body: { kind: 'risk_register' },
    });
    expect(unknownRisk.body.fields[0]).toEqual({ field: 'cover.riskReferences.0', message: "SN/99 is not in this network's risk register" });
    expect((await alex.post('/api/networks/northern-spinal/reports', { kind: 'pie_chart' })).body.fields[0].field).toBe('kind');
    const viewer = await new HttpClient(api.url).login('james.reid@example.org', DEMO_PASSWORD);
    expect((await viewer.post('/api/networks/northern-spinal/reports', { kind: 'risk_register' })).status).toBe(403);
    const library = (await viewer.get('/api/networks/northern-spinal/reports')).body;
    expect(library.length).toBeGreaterThanOrEqual(2);
    expect(library.every((d: { can: { retry: boolean } }) => d.can.retry === false)).toBe(true);
  });
});
