import type { WorkItemDto, WorkItemListDto, WorkPlanDto, WorkPlanSummaryDto } from '@plexus/contracts';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { seedDemo } from '../../apps/api/src/seed/seed';
import { createTestDatabase, HttpClient, startApi, type TestApi, type TestDatabase } from '../support/harness';

describe('work plans in the demo data', () => {
  let db: TestDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
    await seedDemo(api.db);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  async function planOf(email: string, slug: string): Promise<{ client: HttpClient; plan: WorkPlanDto }> {
    const client = await new HttpClient(api.url).login(email, DEMO_PASSWORD);
    const plans = (await client.get(`/api/networks/${slug}/work-plan/plans`)).body as WorkPlanSummaryDto[];
    expect(plans).toHaveLength(1);
    return { client, plan: (await client.get(`/api/networks/${slug}/work-plan/plans/${plans[0].id}`)).body };
  }

  it('gives the major trauma network seed 000’s plan, approved, with progress, slippage and a moved target', async () => {
    const { client, plan } = await planOf('priya.shah@example.org', 'east-midlands-mtn');
    expect(plan).toMatchObject({
      title: 'Objectives and Work Plan 2023–25',
      status: 'approved',
      approvedOn: '2023-05-18',
      counts: { items: 30, flagged: 1 },
    });
    expect(plan.themes).toHaveLength(7);
    expect(plan.counts.rag.blue).toBeGreaterThanOrEqual(10);
    expect(plan.counts.slipped).toBeGreaterThanOrEqual(3);
    expect(plan.counts.rag.red).toBeGreaterThanOrEqual(1);
    const dashboard = plan.themes[0].items[0];
    const item = (await client.get(`/api/networks/east-midlands-mtn/work-plan/items/${dashboard.id}`)).body as WorkItemDto;
    expect(item.timescale).toMatchObject({ text: 'Q2 2024/25', original: { text: 'Q4 2023/24' } });
    expect(item.status).toBe('complete');
    expect(item.history.map((h) => h.kind)).toEqual(['progress', 'change', 'progress', 'progress']);

    // The seed's "Network Medical Lead" is the demo's Network Clinical Lead: Ravi Kumar, who sees his items.
    const ravi = await new HttpClient(api.url).login('ravi.kumar@example.org', DEMO_PASSWORD);
    const mine = (await ravi.get('/api/networks/east-midlands-mtn/work-plan/my-items')).body as WorkItemListDto;
    expect(mine.items.length).toBeGreaterThanOrEqual(15);
    expect(mine.items[0].leads.find((l) => l.name === 'Ravi Kumar')?.title).toBe('Network Medical Lead');
  });

  it('gives the spinal network seed 001’s plan with its numbered objectives and the "20017" typos flagged', async () => {
    const { plan } = await planOf('alex.morgan@example.org', 'northern-spinal');
    expect(plan).toMatchObject({ status: 'approved', counts: { items: 16, flagged: 5 } });
    expect(plan.themes.map((t) => t.title)).toEqual([
      'Quality Strategic Objective',
      'Innovation Strategic Objective',
      'Productivity Strategic Objective',
      'Prevention Strategic Objective',
    ]);
    const fatima = await new HttpClient(api.url).login('fatima.ali@example.org', DEMO_PASSWORD);
    expect(((await fatima.get('/api/networks/northern-spinal/work-plan/my-items')).body as WorkItemListDto).items.length).toBeGreaterThanOrEqual(1);
  });

  it('gives the maternity network seed 003’s business plan, with work for both clinical leads', async () => {
    const { plan } = await planOf('sam.patel@example.org', 'northern-maternity');
    expect(plan).toMatchObject({ status: 'approved', counts: { items: 10 } });
    expect(plan.themes[0].objectives).toHaveLength(7);
    for (const email of ['nina.clarke@example.org', 'grace.okafor@example.org']) {
      const lead = await new HttpClient(api.url).login(email, DEMO_PASSWORD);
      expect(((await lead.get('/api/networks/northern-maternity/work-plan/my-items')).body as WorkItemListDto).items.length).toBeGreaterThanOrEqual(
        2,
      );
    }
  });
});
