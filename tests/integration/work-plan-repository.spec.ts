import type { WorkItemDto, WorkPlanDto } from '@plexus/contracts';
import { pickCurrentPlan, RequestScopes, WorkPlan, WorkPlanRepository } from '@plexus/server';
import { createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

/**
 * The work plan's repository as the worker uses it: outside any HTTP request, inside a network's context
 * (as a job re-enters its network). The API's item lists go through the same repository (work-plan.spec.ts).
 */
describe('work plan repository: one place for the work plan queries, for the API and the worker', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let b: Fixture;
  let manager: HttpClient;
  const base = '/api/networks/wpr-a/work-plan';
  const repo = new WorkPlanRepository();

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
    a = await newNetwork(api.db, 'wpr-a');
    b = await newNetwork(api.db, 'wpr-b');
    manager = await new HttpClient(api.url).login(a.users.manager.email);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const inNetwork = <T>(f: Fixture, fn: () => Promise<T>) => api.db.inNetwork({ userId: null, networkId: f.network.id }, fn);

  async function post<T>(path: string, body: unknown): Promise<T> {
    const res = await manager.post(`${base}${path}`, body);
    if (res.status !== 201 && res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  }

  it('loads a plan with its themes, objectives and items in order, each item with its leads and latest update', async () => {
    const older = await post<WorkPlanDto>('/plans', { title: 'Plan 2022/23', periodStart: '2022-04-01', periodEnd: '2023-03-31' });
    let plan = await post<WorkPlanDto>('/plans', { title: 'Plan 2023/24', periodStart: '2023-04-01', periodEnd: '2024-03-31' });
    plan = await post<WorkPlanDto>(`/plans/${plan.id}/themes`, { title: 'Service delivery', description: '' });
    plan = await post<WorkPlanDto>(`/plans/${plan.id}/themes`, { title: 'Quality', description: '' });
    const [delivery, quality] = plan.themes;
    plan = await post<WorkPlanDto>(`/themes/${quality.id}/objectives`, { number: '2', title: 'Agree pathways' });
    const objective = plan.themes[1].objectives[0];
    const first = await post<WorkItemDto>(`/plans/${plan.id}/items`, {
      themeId: delivery.id,
      work: 'Dashboard',
      measures: [],
      steps: [],
      timescale: 'Q4 2023/24',
      leads: [{ title: 'Information Analyst' }, { userId: a.users.lead.id, title: 'Clinical Lead' }],
    });
    const second = await post<WorkItemDto>(`/plans/${plan.id}/items`, {
      themeId: quality.id,
      objectiveId: objective.id,
      work: 'Pathway',
      measures: [],
      steps: [],
      timescale: 'Ongoing',
      leads: [{ userId: a.users.viewer.id, title: '' }],
    });
    const third = await post<WorkItemDto>(`/plans/${plan.id}/items`, {
      themeId: delivery.id,
      work: 'Training',
      measures: [],
      steps: [],
      timescale: 'Q2 2023/24',
      leads: [],
    });
    await post(`/items/${first.id}/progress`, { on: '2023-12-15', status: 'at_risk', narrative: 'Delayed.' });
    await post(`/items/${first.id}/progress`, { on: '2023-09-01', status: 'on_track', narrative: 'Back-dated.' });
    await post(`/items/${first.id}/progress`, { on: '2023-12-15', status: 'off_track', narrative: 'Same day, written later.' });
    await post(`/items/${second.id}/progress`, { on: '2023-10-01', status: 'complete', narrative: 'Done.' });

    const loaded = await inNetwork(a, () => repo.planWithItems());
    expect(loaded).not.toBeNull();
    const got = loaded!;
    expect(got.plan).toMatchObject({ id: plan.id, title: 'Plan 2023/24' });
    expect(got.themes.map((t) => t.title)).toEqual(['Service delivery', 'Quality']);
    expect(got.objectives.map((o) => [o.number, o.title, o.themeId])).toEqual([['2', 'Agree pathways', quality.id]]);
    expect(got.items.map((i) => i.item.work)).toEqual(['Dashboard', 'Pathway', 'Training']);
    const [dashboard, pathway, training] = got.items;
    expect(dashboard.objective).toBeNull();
    expect(pathway.objective?.id).toBe(objective.id);
    expect(dashboard.leads.map((l) => [l.title, l.name])).toEqual([
      ['Information Analyst', null],
      ['Clinical Lead', a.users.lead.displayName],
    ]);
    expect(pathway.leads.map((l) => [l.userId, l.name])).toEqual([[a.users.viewer.id, a.users.viewer.displayName]]);
    expect(training.leads).toEqual([]);
    expect(dashboard.latest).toMatchObject({ onDate: '2023-12-15', status: 'off_track', narrative: 'Same day, written later.' });
    expect(pathway.latest).toMatchObject({ onDate: '2023-10-01', narrative: 'Done.' });
    expect(training.latest).toBeNull();
    expect(third.id).toBe(training.item.id);

    // The plan asked for, whatever its period; none for an unknown id or another network's plan.
    expect((await inNetwork(a, () => repo.planWithItems(older.id)))?.plan.title).toBe('Plan 2022/23');
    expect(await inNetwork(a, () => repo.planWithItems('00000000-0000-4000-8000-000000000000'))).toBeNull();
    expect(await inNetwork(b, () => repo.planWithItems(plan.id))).toBeNull();
    expect(await inNetwork(b, () => repo.planWithItems())).toBeNull();
  });

  it('defaults to the current approved plan: never a draft while an approved plan exists, never a plan whose period is absurd', async () => {
    const c = await newNetwork(api.db, 'wpr-c');
    const cManager = await new HttpClient(api.url).login(c.users.manager.email);
    const plan = async (title: string, periodStart: string, periodEnd: string, approvedOn?: string): Promise<string> => {
      const res = await cManager.post('/api/networks/wpr-c/work-plan/plans', { title, periodStart, periodEnd });
      expect(res.status).toBe(201);
      if (approvedOn) expect((await cManager.post(`/api/networks/wpr-c/work-plan/plans/${res.body.id}/approve`, { approvedOn })).status).toBe(200);
      return res.body.id;
    };
    const current = () => inNetwork(c, () => repo.currentPlan('2026-06-01'));
    // A network drafting its first plan: its draft (the only plan there is).
    const draftOnly = await plan('First draft 2026/27', '2026-04-01', '2027-03-31');
    expect((await current())?.id).toBe(draftOnly);
    // Once a plan is approved, drafts are never the default, even a later or current one.
    const lastYear = await plan('Approved 2025/26', '2025-04-01', '2026-03-31', '2025-05-01');
    expect((await current())?.id).toBe(lastYear);
    const thisYear = await plan('Approved 2026/27', '2026-04-01', '2027-03-31', '2026-05-01');
    await plan('Next year, draft', '2027-04-01', '2028-03-31');
    expect((await current())?.id).toBe(thisYear);
    // An approved plan whose period starts later is not the current one while today's is running.
    await plan('Approved 2027/28', '2027-04-01', '2028-03-31', '2026-05-20');
    expect((await current())?.id).toBe(thisYear);
    expect((await inNetwork(c, () => repo.planWithItems()))?.plan.id).toBe(thisYear);
    // A row saved before periods were checked, approved, covering today with an absurd period: never chosen.
    await inNetwork(c, async () => {
      const absurd = Object.assign(new WorkPlan(), {
        networkId: c.network.id,
        title: 'Typed 2206',
        periodStart: '2026-01-01',
        periodEnd: '2206-03-31',
        status: 'approved',
        approvedOn: '2026-05-30',
      });
      RequestScopes.em().persist(absurd);
      await RequestScopes.em().flush();
    });
    expect((await current())?.id).toBe(thisYear);

    // The order, on its own: covering today, else the latest started, else the soonest to start.
    const p = (periodStart: string, periodEnd: string) => ({ periodStart, periodEnd });
    const sorted = [p('2030-04-01', '2031-03-31'), p('2029-04-01', '2030-03-31'), p('2024-04-01', '2025-03-31'), p('2023-04-01', '2024-03-31')];
    expect(pickCurrentPlan(sorted, '2024-06-01')).toBe(sorted[2]);
    expect(pickCurrentPlan(sorted, '2026-06-01')).toBe(sorted[2]);
    expect(pickCurrentPlan(sorted, '2020-06-01')).toBe(sorted[3]);
    expect(pickCurrentPlan(sorted.slice(0, 2), '2026-06-01')).toBe(sorted[1]);
    expect(pickCurrentPlan([], '2026-06-01')).toBeNull();
  });

  it('numbers the items of a lead only within the plans where they lead something', async () => {
    const rows = await inNetwork(a, () => repo.itemRows({ leadUserId: a.users.lead.id }));
    expect(rows.map((r) => [r.work, r.planTitle, `${r.themeNo}.${r.itemNo}`])).toEqual([['Dashboard', 'Plan 2023/24', '1.1']]);
    const all = await inNetwork(a, () => repo.itemRows({}));
    expect(all.map((r) => `${r.work} ${r.themeNo}.${r.itemNo}`)).toEqual(['Dashboard 1.1', 'Training 1.2', 'Pathway 2.1']);
    const one = await inNetwork(a, () => repo.itemRows({ planId: all[0].planId, itemId: all[2].id }));
    expect(one.map((r) => `${r.work} ${r.themeNo}.${r.itemNo}`)).toEqual(['Pathway 2.1']);
    expect(await inNetwork(b, () => repo.itemRows({}))).toEqual([]);
  });
});
