import { AUDIT_RECORD_TYPE_VALUES } from '@plexus/contracts';
import { createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

/**
 * The audit trail in people's language (issue 13, item 5): each event names its record (a work item by its work, a
 * member by their name), the changes' ids come with the names of what they point to (a theme, a person), every record
 * type can be asked for, and an unknown one is refused naming the field. Names are only ever the caller's network's.
 */
describe('the audit trail names records and people', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let b: Fixture;
  let manager: HttpClient;
  let managerB: HttpClient;
  const base = () => `/api/networks/${a.network.slug}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
    a = await newNetwork(api.db, 'audit-a');
    b = await newNetwork(api.db, 'audit-b');
    manager = await new HttpClient(api.url).login(a.users.manager.email);
    managerB = await new HttpClient(api.url).login(b.users.manager.email);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('names the work item changed, and the themes and lead its changes point to', async () => {
    const plan = await manager.post(`${base()}/work-plan/plans`, { title: 'Work plan 2026–28', periodStart: '2026-04-01', periodEnd: '2028-03-31' });
    expect(plan.status).toBe(201);
    const workforce = await manager.post(`${base()}/work-plan/plans/${plan.body.id}/themes`, { title: 'Workforce' });
    const quality = await manager.post(`${base()}/work-plan/plans/${plan.body.id}/themes`, { title: 'Quality' });
    const workforceId = workforce.body.themes.find((t: { title: string }) => t.title === 'Workforce').id;
    const qualityId = quality.body.themes.find((t: { title: string }) => t.title === 'Quality').id;
    const item = await manager.post(`${base()}/work-plan/plans/${plan.body.id}/items`, {
      themeId: workforceId,
      work: 'Recruit two rehabilitation coordinators',
      timescale: 'Q4 2026/27',
      leads: [{ userId: a.users.lead.id, title: 'Rehab lead' }],
    });
    expect(item.status).toBe(201);
    const moved = await manager.patch(`${base()}/work-plan/items/${item.body.id}`, { themeId: qualityId });
    expect(moved.status).toBe(200);

    const trail = await manager.get(`${base()}/audit?entityType=work_item&entityId=${item.body.id}`);
    expect(trail.status).toBe(200);
    const change = trail.body.items.find((e: { changes: Record<string, unknown> }) => 'themeId' in e.changes);
    expect(change).toMatchObject({
      action: 'update',
      entityType: 'work_item',
      recordName: 'Recruit two rehabilitation coordinators',
      changes: { themeId: { from: workforceId, to: qualityId } },
    });
    expect(trail.body.names).toMatchObject({ [workforceId]: 'Workforce', [qualityId]: 'Quality' });

    // A lead: named by their name.
    const leads = await manager.get(`${base()}/audit?entityType=work_item_lead`);
    expect(leads.status).toBe(200);
    expect(leads.body.names[a.users.lead.id]).toBe(a.users.lead.displayName);

    // A theme: named by its title.
    const themes = await manager.get(`${base()}/audit?entityType=work_plan_theme&entityId=${qualityId}`);
    expect(themes.body.items[0].recordName).toBe('Quality');
  });

  it('names a member by their name', async () => {
    const members = await manager.get(`${base()}/members`);
    const lead = members.body.find((m: { userId: string }) => m.userId === a.users.lead.id);
    const changed = await manager.patch(`${base()}/members/${lead.id}`, { role: 'viewer', organisationId: null });
    expect(changed.status).toBe(200);
    const trail = await manager.get(`${base()}/audit?entityType=membership&entityId=${lead.id}`);
    expect(trail.body.items[0]).toMatchObject({ recordName: a.users.lead.displayName, changes: { role: { from: 'lead', to: 'viewer' } } });
  });

  it('answers a filter for every record type, and refuses an unknown one naming the field', async () => {
    for (const type of AUDIT_RECORD_TYPE_VALUES) {
      const res = await manager.get(`${base()}/audit?entityType=${type}`);
      expect({ type, status: res.status }).toEqual({ type, status: 200 });
      expect(res.body.items.every((e: { entityType: string }) => e.entityType === type)).toBe(true);
    }
    for (const bad of ['nonsense', 'WORK_ITEM', 'work item', 'audit_event']) {
      const res = await manager.get(`${base()}/audit?entityType=${encodeURIComponent(bad)}`);
      expect({ bad, status: res.status, fields: res.body.fields?.map((f: { field: string }) => f.field) }).toEqual({
        bad,
        status: 400,
        fields: ['entityType'],
      });
    }
  });

  it('never names another network’s records', async () => {
    const trail = await managerB.get(`/api/networks/${b.network.slug}/audit`);
    expect(trail.status).toBe(200);
    expect(JSON.stringify(trail.body)).not.toMatch(/Workforce|Recruit two rehabilitation coordinators/);
    expect((await managerB.get(`/api/networks/${a.network.slug}/audit`)).status).toBe(404);
  });
});
