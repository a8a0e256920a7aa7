import type { WorkItemDto, WorkPlanDto } from '@plexus/contracts';
import { todayIso } from '@plexus/domain';
import { createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

describe('work plans: plan, track, update', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let manager: HttpClient;
  let lead: HttpClient;
  let viewer: HttpClient;
  let contributor: HttpClient;
  const base = '/api/networks/wp-a/work-plan';

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
    a = await newNetwork(api.db, 'wp-a');
    manager = await new HttpClient(api.url).login(a.users.manager.email);
    lead = await new HttpClient(api.url).login(a.users.lead.email);
    viewer = await new HttpClient(api.url).login(a.users.viewer.email);
    contributor = await new HttpClient(api.url).login(a.users.contributor.email);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  async function newPlan(title = 'Objectives and work plan 2023–25'): Promise<WorkPlanDto> {
    const res = await manager.post(`${base}/plans`, { title, periodStart: '2023-04-01', periodEnd: '2025-03-31' });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function addTheme(plan: WorkPlanDto, title: string, description = ''): Promise<WorkPlanDto> {
    const res = await manager.post(`${base}/plans/${plan.id}/themes`, { title, description });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function addItem(planId: string, body: Record<string, unknown>): Promise<WorkItemDto> {
    const res = await manager.post(`${base}/plans/${planId}/items`, body);
    if (res.status !== 201) throw new Error(`add item: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  it('builds a plan of themes, numbered objectives and items with measures, steps, leads and a parsed timescale', async () => {
    let plan = await newPlan();
    expect(plan).toMatchObject({
      status: 'draft',
      periodStart: '2023-04-01',
      periodEnd: '2025-03-31',
      themes: [],
      can: { edit: true, progress: true },
    });
    plan = await addTheme(plan, 'Function 1 – Service Delivery', 'Plan and Manage Capacity & Demand');
    plan = await addTheme(plan, 'Quality Strategic Objective', 'To improve the quality of spinal services');
    const [service, quality] = plan.themes;
    const withObjective = await manager.post(`${base}/themes/${quality.id}/objectives`, { number: '1', title: 'To identify Network boundaries' });
    expect(withObjective.status).toBe(201);
    const objective = (withObjective.body as WorkPlanDto).themes[1].objectives[0];
    expect(objective).toMatchObject({ number: '1', title: 'To identify Network boundaries' });

    const item = await addItem(plan.id, {
      themeId: service.id,
      work: 'Develop and monitor any Network information systems (e.g. dashboard)',
      measures: ['Development of Dashboards', '  '],
      steps: ['Agree the data items', 'Build the dashboard'],
      timescale: 'Q4 2023/24',
      leads: [{ title: 'Information Analyst Specialist' }, { userId: a.users.lead.id, title: 'Network Clinical Lead' }],
    });
    expect(item).toMatchObject({
      ref: '1.1',
      measures: ['Development of Dashboards'],
      steps: ['Agree the data items', 'Build the dashboard'],
      timescale: {
        text: 'Q4 2023/24',
        label: 'Q4 2023/24',
        kind: 'range',
        due: '2024-03-31',
        flag: null,
        original: { text: 'Q4 2023/24', due: '2024-03-31' },
      },
      dueQuarter: { key: '2023-Q4', label: 'Q4 2023/24' },
      status: 'not_started',
      theme: { title: 'Function 1 – Service Delivery' },
      objective: null,
    });
    expect(item.leads.map((l) => l.label)).toEqual(['Information Analyst Specialist', `Network Clinical Lead (${a.users.lead.displayName})`]);
    // Past its target and not started: slipped, and at least Amber.
    expect(item.slipped).toBe(true);
    expect(item.late.daysLate).toBeGreaterThan(300);
    expect(item.rag).toBe('amber');

    const underObjective = await addItem(plan.id, {
      themeId: quality.id,
      objectiveId: objective.id,
      work: 'Define Spinal Hubs',
      timescale: 'January to March 2017',
    });
    expect(underObjective.objective).toMatchObject({ number: '1' });
    expect(underObjective.ref).toBe('2.1');

    const tree = (await viewer.get(`${base}/plans/${plan.id}`)).body as WorkPlanDto;
    expect(tree.can).toEqual({ edit: false, progress: false });
    expect(tree.themes.map((t) => [t.title, t.counts.items, t.items.length, t.objectives.length])).toEqual([
      ['Function 1 – Service Delivery', 1, 1, 0],
      ['Quality Strategic Objective', 1, 0, 1],
    ]);
    expect(tree.counts).toMatchObject({ items: 2, slipped: 2, worst: 'amber' });
    expect(tree.themes[1].objectives[0].items[0].work).toBe('Define Spinal Hubs');
  });

  it('keeps a timescale it cannot read, flags it, and lets the manager fix it', async () => {
    const plan = await addTheme(await newPlan('Typo plan'), 'Quality');
    const item = await addItem(plan.id, { themeId: plan.themes[0].id, work: 'Agree any additional data items', timescale: 'April to July 20017' });
    expect(item.timescale).toMatchObject({ text: 'April to July 20017', kind: 'unparsed', due: null });
    expect(item.timescale.flag).toMatch(/20017/);
    expect(item.slipped).toBe(false);
    const listed = await manager.get(`${base}/plans/${plan.id}/items?flagged=true`);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([item.id]);
    expect((await manager.get(`${base}/plans`)).body.find((p: { id: string }) => p.id === plan.id).counts.flagged).toBe(1);

    const fixed = await manager.patch(`${base}/items/${item.id}`, { timescale: 'April to July 2017' });
    expect(fixed.status).toBe(200);
    expect(fixed.body.timescale).toMatchObject({
      kind: 'range',
      due: '2017-07-31',
      flag: null,
      original: { text: 'April to July 2017', due: '2017-07-31' },
    });
    expect(fixed.body.version).toBe(2);
  });

  it('records dated progress updates from managers and the item’s leads; the latest by date sets the status', async () => {
    const plan = await addTheme(await newPlan('Progress plan'), 'Workforce');
    const mine = await addItem(plan.id, {
      themeId: plan.themes[0].id,
      work: 'Develop an Education Strategy',
      timescale: 'Q3 2023/24',
      leads: [{ userId: a.users.lead.id }],
    });
    const notMine = await addItem(plan.id, {
      themeId: plan.themes[0].id,
      work: 'From the Education Strategy, develop a plan',
      timescale: 'Q4 2023/24',
      leads: [{ title: 'Network Manager' }],
    });

    const first = await lead.post(`${base}/items/${mine.id}/progress`, {
      on: '2023-09-01',
      status: 'on_track',
      narrative: 'Training needs analysis under way.',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'on_track',
      statusOn: '2023-09-01',
      latestUpdate: { narrative: 'Training needs analysis under way.', author: a.users.lead.displayName },
    });
    const second = await manager.post(`${base}/items/${mine.id}/progress`, {
      on: '2023-12-15',
      status: 'at_risk',
      narrative: 'ICS strategy delayed.',
    });
    expect(second.body.status).toBe('at_risk');
    // An update dated earlier than the latest goes into the history without changing the status.
    const late = await lead.post(`${base}/items/${mine.id}/progress`, { on: '2023-10-01', status: 'off_track', narrative: 'Back-dated note.' });
    expect(late.body.status).toBe('at_risk');
    expect(late.body.history.map((h: { kind: string; on: string }) => h.on)).toEqual(['2023-12-15', '2023-10-01', '2023-09-01']);

    // A lead cannot update an item they do not lead; viewers and contributors cannot update at all.
    expect((await lead.post(`${base}/items/${notMine.id}/progress`, { on: '2023-09-01', status: 'on_track', narrative: 'x' })).status).toBe(403);
    expect((await viewer.post(`${base}/items/${mine.id}/progress`, { on: '2023-09-01', status: 'on_track', narrative: 'x' })).status).toBe(403);
    expect((await contributor.post(`${base}/items/${mine.id}/progress`, { on: '2023-09-01', status: 'on_track', narrative: 'x' })).status).toBe(403);

    // Complete is Blue, and complete work does not slip.
    const done = await lead.post(`${base}/items/${mine.id}/progress`, {
      on: '2024-01-10',
      status: 'complete',
      narrative: 'Strategy agreed by the board.',
    });
    expect(done.body).toMatchObject({ status: 'complete', rag: 'blue', slipped: false });

    // The lead sees what they may do, item by item.
    const asLead = (await lead.get(`${base}/plans/${plan.id}`)).body as WorkPlanDto;
    expect(asLead.can).toEqual({ edit: false, progress: true });
    expect(asLead.themes[0].items.map((i) => i.canProgress)).toEqual([true, false]);
    const my = (await lead.get(`${base}/my-items`)).body;
    expect(my.items.map((i: { id: string }) => i.id)).toContain(mine.id);
    expect(my.items.map((i: { id: string }) => i.id)).not.toContain(notMine.id);
  });

  it('refuses an absurd plan period with 400 naming the field, on create and on update (start before end, 2000–2100, at most five years)', async () => {
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ periodStart: '2025-04-01', periodEnd: '2025-04-01' }, 'periodEnd', 'The end of the period must be after its start'],
      [{ periodStart: '2025-04-01', periodEnd: '2031-03-31' }, 'periodEnd', "A plan's period can be at most 5 years long"],
      [{ periodStart: '1999-04-01', periodEnd: '2000-03-31' }, 'periodStart', 'The start of the period must be in a year between 2000 and 2100'],
    ];
    for (const [period, field, message] of cases) {
      const res = await manager.post(`${base}/plans`, { title: 'Absurd', ...period });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual([{ field, message }]);
    }
    const plan = await newPlan('Period plan');
    // One end moved on its own is checked against the other end already saved.
    const longer = await manager.patch(`${base}/plans/${plan.id}`, { periodEnd: '2099-03-31' });
    expect(longer.status).toBe(400);
    expect(longer.body.fields).toEqual([{ field: 'periodEnd', message: "A plan's period can be at most 5 years long" }]);
    const afterEnd = await manager.patch(`${base}/plans/${plan.id}`, { periodStart: '2026-04-01' });
    expect(afterEnd.status).toBe(400);
    expect(afterEnd.body.fields).toEqual([{ field: 'periodEnd', message: 'The end of the period must be after its start' }]);
    const fine = await manager.patch(`${base}/plans/${plan.id}`, { periodEnd: '2028-03-31' });
    expect(fine.status).toBe(200);
    expect(fine.body.periodEnd).toBe('2028-03-31');
  });

  it('answers 400 naming the field for bad input', async () => {
    const plan = await addTheme(await newPlan('Validation plan'), 'Quality');
    const badPlan = await manager.post(`${base}/plans`, { title: '', periodStart: '2025-04-01', periodEnd: '2023-03-31' });
    expect(badPlan.status).toBe(400);
    expect(badPlan.body.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['title', 'periodEnd']));
    const badItem = await manager.post(`${base}/plans/${plan.id}/items`, { themeId: plan.themes[0].id, work: ' ', leads: [{}], measures: 'one' });
    expect(badItem.status).toBe(400);
    expect(badItem.body.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['work', 'leads.0.title', 'measures']));
    const strangerLead = await manager.post(`${base}/plans/${plan.id}/items`, {
      themeId: plan.themes[0].id,
      work: 'x',
      leads: [{ userId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(strangerLead.status).toBe(400);
    expect(strangerLead.body.fields[0].field).toBe('leads.0.userId');
    const otherTheme = await manager.post(`${base}/plans/${plan.id}/items`, { themeId: '00000000-0000-4000-8000-000000000000', work: 'x' });
    expect(otherTheme.status).toBe(400);
    expect(otherTheme.body.fields[0].field).toBe('themeId');
    const item = await addItem(plan.id, { themeId: plan.themes[0].id, work: 'x' });
    const future = await manager.post(`${base}/items/${item.id}/progress`, { on: '2999-01-01', status: 'on_track', narrative: 'x' });
    expect(future.status).toBe(400);
    expect(future.body.fields[0].field).toBe('on');
    const badStatus = await manager.post(`${base}/items/${item.id}/progress`, { on: '2024-01-01', status: 'green', narrative: '' });
    expect(badStatus.body.fields.map((f: { field: string }) => f.field)).toEqual(['status', 'narrative']);
    expect((await manager.get(`${base}/plans/${plan.id}/items?quarter=Q4`)).body.fields[0].field).toBe('quarter');
  });

  it('keeps plan editing to managers', async () => {
    const plan = await addTheme(await newPlan('Permissions plan'), 'Quality');
    for (const client of [lead, viewer, contributor]) {
      expect((await client.post(`${base}/plans`, { title: 'x', periodStart: '2023-04-01', periodEnd: '2024-03-31' })).status).toBe(403);
      expect((await client.post(`${base}/plans/${plan.id}/items`, { themeId: plan.themes[0].id, work: 'x' })).status).toBe(403);
      expect((await client.patch(`${base}/themes/${plan.themes[0].id}`, { title: 'x' })).status).toBe(403);
      expect((await client.delete(`${base}/plans/${plan.id}`)).status).toBe(403);
      expect((await client.get(`${base}/plans/${plan.id}`)).status).toBe(200);
    }
  });

  it('reorders themes, objectives and items, and deletes with what they hold', async () => {
    let plan = await newPlan('Order plan');
    for (const t of ['One', 'Two', 'Three']) plan = await addTheme(plan, t);
    const [one, two, three] = plan.themes;
    plan = (await manager.post(`${base}/themes/${three.id}/move`, { direction: 'up' })).body;
    expect(plan.themes.map((t) => t.title)).toEqual(['One', 'Three', 'Two']);
    // Moving the first one up changes nothing.
    plan = (await manager.post(`${base}/themes/${one.id}/move`, { direction: 'up' })).body;
    expect(plan.themes.map((t) => t.title)).toEqual(['One', 'Three', 'Two']);

    const first = await addItem(plan.id, { themeId: one.id, work: 'First' });
    await addItem(plan.id, { themeId: one.id, work: 'Second' });
    plan = (await manager.post(`${base}/items/${first.id}/move`, { direction: 'down' })).body;
    expect(plan.themes[0].items.map((i) => [i.ref, i.work])).toEqual([
      ['1.1', 'Second'],
      ['1.2', 'First'],
    ]);

    plan = (await manager.post(`${base}/themes/${two.id}/objectives`, { number: '7', title: 'Seven' })).body;
    const seven = plan.themes[2].objectives[0];
    await addItem(plan.id, { themeId: two.id, objectiveId: seven.id, work: 'Under seven' });
    plan = (await manager.request('DELETE', `${base}/objectives/${seven.id}`)).body;
    expect(plan.themes[2].objectives).toEqual([]);
    expect(plan.counts.items).toBe(2);
    plan = (await manager.request('DELETE', `${base}/themes/${one.id}`)).body;
    expect(plan.themes.map((t) => t.title)).toEqual(['Three', 'Two']);
    expect(plan.counts.items).toBe(0);
    expect((await manager.delete(`${base}/plans/${plan.id}`)).status).toBe(204);
    expect((await manager.get(`${base}/plans/${plan.id}`)).status).toBe(404);
  });

  it('after the board approves the plan, changes need a reason and show in the item’s history; the original target is kept', async () => {
    let plan = await addTheme(await newPlan('Approved plan'), 'Quality');
    const item = await addItem(plan.id, {
      themeId: plan.themes[0].id,
      work: 'Develop a peer review programme',
      timescale: 'Q2 2023/24',
      measures: ['Agreed programme'],
    });
    expect((await manager.post(`${base}/plans/${plan.id}/approve`, { approvedOn: '2999-01-01' })).body.fields[0].field).toBe('approvedOn');
    const approved = await manager.post(`${base}/plans/${plan.id}/approve`, { approvedOn: '2023-05-18', note: 'Approved at the May board' });
    expect(approved.status).toBe(200);
    plan = approved.body;
    expect(plan).toMatchObject({ status: 'approved', approvedOn: '2023-05-18', approvedBy: a.users.manager.displayName });
    expect((await manager.post(`${base}/plans/${plan.id}/approve`, { approvedOn: '2023-05-18' })).status).toBe(409);

    const silent = await manager.patch(`${base}/items/${item.id}`, { timescale: 'Q4 2023/24' });
    expect(silent.status).toBe(400);
    expect(silent.body.fields[0].field).toBe('reason');

    const moved = await manager.patch(`${base}/items/${item.id}`, {
      timescale: 'Q4 2023/24',
      measures: ['Agreed programme', 'First reviews held'],
      reason: 'Trusts asked for more time to prepare',
    });
    expect(moved.status).toBe(200);
    const changed = moved.body as WorkItemDto;
    expect(changed.timescale).toMatchObject({ text: 'Q4 2023/24', due: '2024-03-31', original: { text: 'Q2 2023/24', due: '2023-09-30' } });
    expect(changed.targetMoved).toEqual({ moved: true, days: 183 });
    expect(changed.slipped).toBe(true);
    expect(changed.history[0]).toMatchObject({
      kind: 'change',
      action: 'update',
      reason: 'Trusts asked for more time to prepare',
      author: a.users.manager.displayName,
      changes: {
        timescale: { from: 'Q2 2023/24', to: 'Q4 2023/24' },
        measures: { from: ['Agreed programme'], to: ['Agreed programme', 'First reviews held'] },
      },
    });

    expect((await manager.post(`${base}/plans/${plan.id}/items`, { themeId: plan.themes[0].id, work: 'New work' })).body.fields[0].field).toBe(
      'reason',
    );
    const added = await addItem(plan.id, {
      themeId: plan.themes[0].id,
      work: 'New work',
      timescale: 'Q1 2024/25',
      reason: 'Agreed at the October board',
    });
    expect(added.history[0]).toMatchObject({ kind: 'change', action: 'create' });
    expect((await manager.request('DELETE', `${base}/items/${added.id}`)).body.fields[0].field).toBe('reason');
    expect((await manager.request('DELETE', `${base}/items/${added.id}`, { reason: 'Merged into the peer review item' })).status).toBe(204);
    expect((await manager.delete(`${base}/plans/${plan.id}`)).status).toBe(409);

    const log = (await viewer.get(`${base}/plans/${plan.id}/changes`)).body;
    expect(log.map((c: { action: string; subjectType: string }) => `${c.action} ${c.subjectType}`)).toEqual([
      'delete item',
      'create item',
      'update item',
    ]);

    // Every write is in the audit trail too.
    const trail = await manager.get(`/api/networks/wp-a/audit?entityType=work_item&entityId=${item.id}`);
    expect(trail.body.items[0].changes.timescaleText).toEqual({ from: 'Q2 2023/24', to: 'Q4 2023/24' });
  });

  it('filters the table by lead, status, theme, due quarter and slipped', async () => {
    let plan = await newPlan('Table plan');
    plan = await addTheme(plan, 'Alpha');
    plan = await addTheme(plan, 'Beta');
    const [alpha, beta] = plan.themes;
    const i1 = await addItem(plan.id, { themeId: alpha.id, work: 'A1', timescale: 'Q4 2023/24', leads: [{ title: 'Network Manager' }] });
    const i2 = await addItem(plan.id, { themeId: alpha.id, work: 'A2', timescale: 'Ongoing', leads: [{ userId: a.users.lead.id }] });
    const i3 = await addItem(plan.id, {
      themeId: beta.id,
      work: 'B1',
      timescale: 'Q4 2023/24',
      leads: [{ userId: a.users.lead.id }, { title: 'Network Manager' }],
    });
    await manager.post(`${base}/items/${i3.id}/progress`, { on: '2024-03-01', status: 'complete', narrative: 'Done' });
    const ids = async (query: string) =>
      ((await viewer.get(`${base}/plans/${plan.id}/items?${query}`)).body.items as Array<{ id: string }>).map((i) => i.id);
    expect(await ids('')).toEqual([i1.id, i2.id, i3.id]);
    expect(await ids(`lead=${a.users.lead.id}`)).toEqual([i2.id, i3.id]);
    expect(await ids('lead=network%20manager')).toEqual([i1.id, i3.id]);
    expect(await ids('status=complete')).toEqual([i3.id]);
    expect(await ids(`themeId=${beta.id}`)).toEqual([i3.id]);
    expect(await ids('quarter=2023-Q4')).toEqual([i1.id, i3.id]);
    expect(await ids('quarter=none')).toEqual([i2.id]);
    expect(await ids('slipped=true')).toEqual([i1.id]);
    expect(await ids('rag=blue')).toEqual([i3.id]);
    expect(await ids('q=b1')).toEqual([i3.id]);
    const list = (await viewer.get(`${base}/plans/${plan.id}/items`)).body;
    expect(list.filters.quarters).toEqual([
      { key: '2023-Q4', label: 'Q4 2023/24' },
      { key: 'none', label: expect.any(String) },
    ]);
    expect(list.filters.leads.map((l: { label: string }) => l.label)).toEqual(expect.arrayContaining([a.users.lead.displayName, 'Network Manager']));
    expect(list.asOf).toBe(todayIso());
  });
});
