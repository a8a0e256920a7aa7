import type { WorkItemDto, WorkPlanDto } from '@plexus/contracts';
import { WorkPlanRepository } from '@plexus/server';
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
