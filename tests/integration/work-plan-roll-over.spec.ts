import type { RollOverPreviewDto, RollOverResultDto, WorkItemDto, WorkPlanDto } from '@plexus/contracts';
import { ROLL_OVER_FLAG, todayIso } from '@plexus/domain';
import { createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

describe('the year-end roll-over', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let manager: HttpClient;
  let lead: HttpClient;
  let otherManager: HttpClient;
  const base = '/api/networks/ro-a/work-plan';

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
    a = await newNetwork(api.db, 'ro-a');
    await newNetwork(api.db, 'ro-b');
    manager = await new HttpClient(api.url).login(a.users.manager.email);
    lead = await new HttpClient(api.url).login(a.users.lead.email);
    otherManager = await new HttpClient(api.url).login('manager.ro-b@example.org');
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  /** An approved plan for FY 2024/25: two themes (one objective), four items — one complete, one deferred, one late. */
  async function approvedPlan(title: string, period = { periodStart: '2024-04-01', periodEnd: '2025-03-31' }) {
    const created = await manager.post(`${base}/plans`, { title, ...period });
    expect(created.status).toBe(201);
    const planId = (created.body as WorkPlanDto).id;
    let plan: WorkPlanDto = (await manager.post(`${base}/plans/${planId}/themes`, { title: 'Function 1 – Service Delivery' })).body;
    plan = (await manager.post(`${base}/plans/${planId}/themes`, { title: 'Quality', description: 'Improve quality' })).body;
    const [service, quality] = plan.themes;
    plan = (await manager.post(`${base}/themes/${quality.id}/objectives`, { number: '1', title: 'Identify boundaries' })).body;
    const objective = plan.themes[1].objectives[0];
    const add = async (body: Record<string, unknown>): Promise<WorkItemDto> => {
      const res = await manager.post(`${base}/plans/${planId}/items`, body);
      expect(res.status).toBe(201);
      return res.body;
    };
    const dashboard = await add({
      themeId: service.id,
      work: 'Build the network dashboard',
      measures: ['Dashboard live'],
      timescale: 'Q4 2024/25',
      leads: [{ userId: a.users.lead.id, title: 'Network Clinical Lead' }, { title: 'Information Analyst' }],
    });
    const audit = await add({ themeId: service.id, work: 'Audit of transfers', timescale: 'Q2 2024/25', leads: [] });
    const boundaries = await add({ themeId: quality.id, objectiveId: objective.id, work: 'Map the boundaries', timescale: 'Q1 2025/26', leads: [] });
    const parked = await add({ themeId: quality.id, work: 'Rehabilitation prescriptions', timescale: 'Q3 2024/25', leads: [] });
    const progress = (id: string, status: string, narrative: string) =>
      manager.post(`${base}/items/${id}/progress`, { on: '2025-03-01', status, narrative }).then((r) => expect(r.status).toBe(201));
    await progress(dashboard.id, 'at_risk', 'Data feed delayed by the supplier.');
    await progress(audit.id, 'complete', 'Audit presented to the board.');
    await progress(parked.id, 'deferred', 'Deferred to next year.');
    const approved = await manager.post(`${base}/plans/${planId}/approve`, { approvedOn: '2024-05-20' });
    expect(approved.status).toBe(200);
    return { planId, dashboard, audit, boundaries, parked };
  }

  it('starts next year as a draft with the open items carried forward and linked, completed work left behind; twice makes one plan', async () => {
    const p = await approvedPlan('Objectives and work plan 2024/25');
    const preview = await manager.get(`${base}/plans/${p.planId}/roll-over`);
    expect(preview.status).toBe(200);
    const proposal = preview.body as RollOverPreviewDto;
    expect(proposal).toMatchObject({
      proposed: { title: 'Objectives and work plan 2025/26', periodStart: '2025-04-01', periodEnd: '2026-03-31' },
      rolledInto: null,
      blockedBy: null,
    });
    const choices = proposal.themes.flatMap((t) => t.items.map((i) => [i.work, i.carryByDefault]));
    expect(choices).toEqual([
      ['Build the network dashboard', true],
      ['Audit of transfers', false],
      // Numbered as the plan numbers them: a theme's own items, then its objectives' items.
      ['Rehabilitation prescriptions', true],
      ['Map the boundaries', true],
    ]);

    const first = await manager.post(`${base}/plans/${p.planId}/roll-over`, {});
    expect(first.status).toBe(200);
    const result = first.body as RollOverResultDto;
    expect(result).toMatchObject({
      created: true,
      carried: 3,
      flagged: 2, // Q4 2024/25 and Q3 2024/25 end before 1 April 2025
      plan: { title: 'Objectives and work plan 2025/26', periodStart: '2025-04-01', periodEnd: '2026-03-31', status: 'draft' },
    });

    const next: WorkPlanDto = (await manager.get(`${base}/plans/${result.plan.id}`)).body;
    expect(next.rolledFrom).toEqual({ id: p.planId, title: 'Objectives and work plan 2024/25' });
    expect(next.themes.map((t) => [t.title, t.description, t.objectives.map((o) => o.title)])).toEqual([
      ['Function 1 – Service Delivery', '', []],
      ['Quality', 'Improve quality', ['Identify boundaries']],
    ]);
    const dashboard = next.themes[0].items[0];
    expect(dashboard).toMatchObject({
      work: 'Build the network dashboard',
      measures: ['Dashboard live'],
      status: 'at_risk',
      carriedFrom: { itemId: p.dashboard.id, planId: p.planId, planTitle: 'Objectives and work plan 2024/25' },
      timescale: { text: 'Q4 2024/25', flag: ROLL_OVER_FLAG },
      leads: [
        { userId: a.users.lead.id, title: 'Network Clinical Lead' },
        { userId: null, title: 'Information Analyst' },
      ],
      latestUpdate: { on: todayIso(), status: 'at_risk', author: a.users.manager.displayName },
    });
    expect(dashboard.latestUpdate!.narrative).toMatch(
      /^Carried forward from “Objectives and work plan 2024\/25” \(item 1\.1\)\. Latest update there \(1 March 2025, .*\): Data feed delayed by the supplier\.$/,
    );
    expect(next.themes[1].objectives[0].items.map((i) => [i.work, i.timescale.flag])).toEqual([['Map the boundaries', null]]);
    expect(next.themes[1].items.map((i) => [i.work, i.status])).toEqual([['Rehabilitation prescriptions', 'deferred']]);
    expect(next.themes.flatMap((t) => [...t.items, ...t.objectives.flatMap((o) => o.items)]).map((i) => i.work)).not.toContain('Audit of transfers');

    // The old plan keeps everything, its history untouched, and names where it went.
    const old: WorkPlanDto = (await manager.get(`${base}/plans/${p.planId}`)).body;
    expect(old.status).toBe('approved');
    expect(old.rolledInto).toEqual({ id: result.plan.id, title: 'Objectives and work plan 2025/26' });
    expect(old.counts.items).toBe(4);
    const oldItem: WorkItemDto = (await manager.get(`${base}/items/${p.dashboard.id}`)).body;
    expect(oldItem.history.filter((h) => h.kind === 'progress').map((h) => (h as { narrative: string }).narrative)).toEqual([
      'Data feed delayed by the supplier.',
    ]);

    // The lead of a carried item may update it in the new plan.
    const update = await lead.post(`${base}/items/${dashboard.id}/progress`, { on: todayIso(), status: 'on_track', narrative: 'Feed restored.' });
    expect(update.status).toBe(201);

    // Again (a double click, a retry): the same plan, nothing new.
    const again = await manager.post(`${base}/plans/${p.planId}/roll-over`, { title: 'Something else' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, carried: 3, plan: { id: result.plan.id } });
    const plans = (await manager.get(`${base}/plans`)).body as Array<{ title: string }>;
    expect(plans.filter((x) => x.title.startsWith('Objectives and work plan 2025/26'))).toHaveLength(1);
    expect((await manager.get(`${base}/plans/${p.planId}/roll-over`)).body).toMatchObject({ rolledInto: { id: result.plan.id }, blockedBy: null });
  });

  it('carries only the chosen items, and refuses unknown, complete or repeated ones naming each', async () => {
    const p = await approvedPlan('Spinal plan 2030/31', { periodStart: '2030-04-01', periodEnd: '2031-03-31' });
    const bad = await manager.post(`${base}/plans/${p.planId}/roll-over`, {
      itemIds: [p.dashboard.id, p.audit.id, '4f1e1c56-8a4e-4f1e-9a7e-0c1d2e3f4a5b'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([
      { field: 'itemIds.1', message: expect.stringMatching(/is complete: completed work stays in this plan/) },
      { field: 'itemIds.2', message: 'This is not an item of the plan being rolled over' },
    ]);
    const twice = await manager.post(`${base}/plans/${p.planId}/roll-over`, { itemIds: [p.dashboard.id, p.dashboard.id] });
    expect(twice.status).toBe(400);
    expect(twice.body.fields).toEqual([{ field: 'itemIds', message: 'List each item once' }]);
    expect((await manager.get(`${base}/plans/${p.planId}`)).body.rolledInto).toBeNull();

    const chosen = await manager.post(`${base}/plans/${p.planId}/roll-over`, { itemIds: [p.boundaries.id] });
    // Its target (Q1 2025/26) lies before the new period: flagged for a new one.
    expect(chosen.body).toMatchObject({ created: true, carried: 1, flagged: 1, plan: { title: 'Spinal plan 2031/32' } });
  });

  it('refuses a draft plan, a period another plan already covers, and a new period before this one', async () => {
    const draft = await manager.post(`${base}/plans`, { title: 'Draft 2040/41', periodStart: '2040-04-01', periodEnd: '2041-03-31' });
    const refused = await manager.post(`${base}/plans/${draft.body.id}/roll-over`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/^Only a plan the board has approved can be rolled over/);
    expect((await manager.get(`${base}/plans/${draft.body.id}/roll-over`)).body.blockedBy).toMatch(/^Only a plan the board has approved/);

    const p = await approvedPlan('Maternity plan 2050/51', { periodStart: '2050-04-01', periodEnd: '2051-03-31' });
    await manager.post(`${base}/plans`, { title: 'Already there', periodStart: '2051-04-01', periodEnd: '2052-03-31' });
    const taken = await manager.post(`${base}/plans/${p.planId}/roll-over`, {});
    expect(taken.status).toBe(409);
    expect(taken.body.fields).toEqual([
      { field: 'periodStart', message: expect.stringMatching(/^“Already there” already covers 1 April 2051 to 31 March 2052/) },
    ]);
    expect((await manager.get(`${base}/plans/${p.planId}/roll-over`)).body.blockedBy).toMatch(/^“Already there” already covers/);

    const backwards = await manager.post(`${base}/plans/${p.planId}/roll-over`, { periodStart: '2049-04-01', periodEnd: '2050-03-31' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.fields[0].field).toBe('periodStart');
    const inverted = await manager.post(`${base}/plans/${p.planId}/roll-over`, { periodStart: '2053-04-01', periodEnd: '2053-01-01' });
    expect(inverted.body.fields).toEqual([{ field: 'periodEnd', message: 'The end of the period must be after its start' }]);

    // Into a free period of the manager's choosing, with their title.
    const free = await manager.post(`${base}/plans/${p.planId}/roll-over`, {
      title: 'Maternity 2052–54',
      periodStart: '2052-04-01',
      periodEnd: '2054-03-31',
    });
    expect(free.body).toMatchObject({ created: true, plan: { title: 'Maternity 2052–54', periodStart: '2052-04-01', periodEnd: '2054-03-31' } });
  });

  it('two roll-overs of one plan at the same moment make one plan', async () => {
    const p = await approvedPlan('Critical care 2060/61', { periodStart: '2060-04-01', periodEnd: '2061-03-31' });
    const [x, y] = await Promise.all([0, 1].map(() => manager.post(`${base}/plans/${p.planId}/roll-over`, {})));
    expect([x.status, y.status]).toEqual([200, 200]);
    expect(new Set([x.body.plan.id, y.body.plan.id]).size).toBe(1);
    expect([x.body.created, y.body.created].sort()).toEqual([false, true]);
  });

  it('is for managers of the network: another network answers 404, a lead 403', async () => {
    const p = await approvedPlan('Trauma 2070/71', { periodStart: '2070-04-01', periodEnd: '2071-03-31' });
    expect((await lead.post(`${base}/plans/${p.planId}/roll-over`, {})).status).toBe(403);
    expect((await lead.get(`${base}/plans/${p.planId}/roll-over`)).status).toBe(403);
    for (const path of [`/api/networks/ro-b/work-plan/plans/${p.planId}/roll-over`]) {
      expect((await otherManager.get(path)).status).toBe(404);
      expect((await otherManager.post(path, {})).status).toBe(404);
    }
    expect((await manager.get(`${base}/plans/${p.planId}`)).body.rolledInto).toBeNull();
  });
});
