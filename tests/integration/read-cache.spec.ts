import type { WorkItemDto, WorkItemListDto, WorkPlanDto } from '@plexus/contracts';
import { Client } from 'pg';
import { ReadCache } from '../../apps/api/src/core/read-cache/read-cache';
import { createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

/**
 * Cacheable reads (item lists, plan trees) are answered from each API process's read cache only while nothing they
 * show has changed: every committed write in a network moves its data version (a trigger in the database), so two
 * API processes over one database never serve each other's stale answers, and no one is served another's.
 */
describe('read cache: answers kept only while the data is unchanged', () => {
  let db: TestDatabase;
  let one: TestApi;
  let two: TestApi;
  let a: Fixture;
  let b: Fixture;
  let owner: Client;
  const base = '/api/networks/rc-a/work-plan';
  let plan: WorkPlanDto;
  let item: WorkItemDto;

  /** The network's data version (RLS is forced on the owner too: read inside the network). */
  const version = async (networkId: string) => {
    await owner.query('begin');
    try {
      await owner.query(`select set_config('app.network_id', $1, true)`, [networkId]);
      return Number((await owner.query('select version from data_version where network_id = $1', [networkId])).rows[0]?.version ?? 0);
    } finally {
      await owner.query('commit');
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    one = await startApi(db);
    two = await startApi(db);
    a = await newNetwork(one.db, 'rc-a');
    b = await newNetwork(one.db, 'rc-b');
    owner = new Client({ connectionString: db.ownerUrl });
    await owner.connect();
    const manager = await new HttpClient(one.url).login(a.users.manager.email);
    plan = (await manager.post(`${base}/plans`, { title: 'Plan 2025–27', periodStart: '2025-04-01', periodEnd: '2027-03-31' })).body;
    plan = (await manager.post(`${base}/plans/${plan.id}/themes`, { title: 'Service delivery', description: '' })).body;
    const created = await manager.post(`${base}/plans/${plan.id}/items`, {
      themeId: plan.themes[0].id,
      work: 'Agree the triage tool',
      measures: [],
      steps: [],
      timescale: 'Q4 2025/26',
      leads: [{ userId: a.users.lead.id, title: 'Clinical Lead' }],
    });
    expect(created.status).toBe(201);
    item = created.body;
  });
  afterAll(async () => {
    await owner?.end();
    await one?.close();
    await two?.close();
    await db?.drop();
  });

  it('answers a repeated read from the cache, and a write through another process is seen at once', async () => {
    const onOne = await new HttpClient(one.url).login(a.users.manager.email);
    const onTwo = await new HttpClient(two.url).login(a.users.manager.email);
    const cache = one.app.get(ReadCache);
    const url = `${base}/plans/${plan.id}/items`;

    const first = await onOne.get(url);
    expect(first.status).toBe(200);
    const hitsBefore = cache.hits;
    const again = await onOne.get(url);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('content-type')).toMatch(/^application\/json/);
    expect(cache.hits).toBe(hitsBefore + 1);

    // A progress update through the other process: the next read here shows it (the version moved).
    const update = await onTwo.post(`${base}/items/${item.id}/progress`, {
      on: '2025-10-01',
      status: 'at_risk',
      narrative: 'Delayed by winter pressures.',
    });
    expect(update.status).toBe(201);
    const after = (await onOne.get(url)).body as WorkItemListDto;
    expect(after.items[0].status).toBe('at_risk');
    expect(after.items[0].latestUpdate?.narrative).toBe('Delayed by winter pressures.');

    // An edit: the plan tree, cached too, follows.
    await onOne.get(`${base}/plans/${plan.id}`);
    expect((await onTwo.patch(`${base}/items/${item.id}`, { work: 'Agree and publish the triage tool' })).status).toBe(200);
    const tree = (await onOne.get(`${base}/plans/${plan.id}`)).body as WorkPlanDto;
    expect(JSON.stringify(tree)).toContain('Agree and publish the triage tool');
  });

  it('moves a network’s version once per committed transaction, and never another network’s', async () => {
    const manager = await new HttpClient(one.url).login(a.users.manager.email);
    const [beforeA, beforeB] = [await version(a.network.id), await version(b.network.id)];
    // One request, several rows (the item, its lead, the audit event): one move.
    const res = await manager.post(`${base}/plans/${plan.id}/items`, {
      themeId: plan.themes[0].id,
      work: 'Second item',
      measures: ['One', 'Two'],
      steps: [],
      timescale: 'Ongoing',
      leads: [{ userId: a.users.lead.id, title: '' }, { title: 'Network Manager' }],
    });
    expect(res.status).toBe(201);
    expect(await version(a.network.id)).toBe(beforeA + 1);
    expect(await version(b.network.id)).toBe(beforeB);
    // A read moves nothing.
    await manager.get(`${base}/plans/${plan.id}/items`);
    expect(await version(a.network.id)).toBe(beforeA + 1);
  });

  it('follows a change of role, and a change of a lead’s name (shared between networks)', async () => {
    const lead = await new HttpClient(two.url).login(a.users.lead.email);
    const tree = `${base}/plans/${plan.id}`;
    expect(((await lead.get(tree)).body as WorkPlanDto).can).toEqual({ edit: false, progress: true });

    const manager = await new HttpClient(one.url).login(a.users.manager.email);
    expect((await manager.patch(`/api/networks/rc-a/members/${a.users.lead.membershipId}`, { role: 'viewer', organisationId: null })).status).toBe(
      200,
    );
    expect(((await lead.get(tree)).body as WorkPlanDto).can).toEqual({ edit: false, progress: false });

    // A person's name is not a network's row: it moves the shared version.
    const url = `${base}/plans/${plan.id}/items`;
    expect(JSON.stringify((await manager.get(url)).body)).toContain(a.users.lead.displayName);
    await one.db.run({ userId: a.users.lead.id }, ({ em }) =>
      em.execute(`update app_user set display_name = 'Dr Renamed Lead' where id = ?`, [a.users.lead.id]),
    );
    const renamed = JSON.stringify((await manager.get(url)).body);
    expect(renamed).toContain('Dr Renamed Lead');
    expect(renamed).not.toContain(a.users.lead.displayName);
  });

  it('never answers one person or network with another’s entry', async () => {
    const viewer = await new HttpClient(one.url).login(a.users.viewer.email);
    const manager = await new HttpClient(one.url).login(a.users.manager.email);
    const tree = `${base}/plans/${plan.id}`;
    expect(((await manager.get(tree)).body as WorkPlanDto).can).toEqual({ edit: true, progress: true });
    expect(((await viewer.get(tree)).body as WorkPlanDto).can).toEqual({ edit: false, progress: false });
    expect(((await manager.get(tree)).body as WorkPlanDto).can).toEqual({ edit: true, progress: true });
    // Another network's manager asking for this URL: 404, cache or not.
    const other = await new HttpClient(one.url).login(b.users.manager.email);
    expect((await other.get(`${base}/plans/${plan.id}/items`)).status).toBe(404);
    expect((await other.get(`/api/networks/rc-b/work-plan/plans/${plan.id}/items`)).status).toBe(404);
  });

  it('has the version trigger on every table with a network_id, and on the network registry', async () => {
    const tables = (
      await owner.query(`
        select c.table_name as name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and c.column_name = 'network_id' and t.table_type = 'BASE TABLE' and c.table_name <> 'data_version'
        union select 'network'`)
    ).rows.map((r) => r.name as string);
    const triggered = new Set(
      (
        await owner.query(`
          select c.relname as name from pg_trigger tg join pg_class c on c.oid = tg.tgrelid
          join pg_proc p on p.oid = tg.tgfoid where p.proname = 'plexus_bump_data_version' and tg.tgdeferrable and tg.tginitdeferred`)
      ).rows.map((r) => r.name as string),
    );
    expect(tables.length).toBeGreaterThan(10);
    expect(tables.filter((t) => !triggered.has(t))).toEqual([]);
  });
});
