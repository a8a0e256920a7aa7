import { JobQueue, QueueName } from '@plexus/server';
import { eventually } from '../support/eventually';
import { createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

/**
 * A report request may only refer to records of its own network. Another network's plan (or a risk
 * reference that is not in the register) answers 404 naming the field before anything is recorded or
 * queued: no failed document is left in the library. No worker runs here, so every job stays in the queue
 * where the test can count it.
 */
describe('report requests check what they refer to before anything is queued', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let b: Fixture;
  let managerA: HttpClient;
  let planA: string;
  let planB: string;

  const reports = () => managerA.get('/api/networks/refs-a/reports');
  const queuedJobIds = async () =>
    (await api.app.get(JobQueue).queue(QueueName.Reports).getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])).map((j) => j.id).sort();

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
    a = await newNetwork(api.db, 'refs-a');
    b = await newNetwork(api.db, 'refs-b');
    managerA = await new HttpClient(api.url).login(a.users.manager.email);
    const managerB = await new HttpClient(api.url).login(b.users.manager.email);
    const plan = { title: 'Plan', periodStart: '2025-04-01', periodEnd: '2027-03-31' };
    planB = (await managerB.post('/api/networks/refs-b/work-plan/plans', plan)).body.id;
    expect(planB).toBeDefined();
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('refuses a progress report on a plan of another network (or of none) with 404 naming the field, recording and queuing nothing', async () => {
    const foreign = await managerA.post('/api/networks/refs-a/reports', { kind: 'progress', options: { planId: planB } });
    expect(foreign.status).toBe(404);
    expect(foreign.body.fields).toEqual([{ field: 'options.planId', message: 'That work plan is not in this network' }]);

    const unknown = await managerA.post('/api/networks/refs-a/reports', {
      kind: 'progress',
      options: { planId: '6f1c2b1e-0000-4000-8000-00000000abcd' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.fields[0].field).toBe('options.planId');

    const cover = { meeting: 'Board', meetingDate: '2026-12-03', author: 'A', purposes: ['noting'], executiveSummary: 'S' };
    const paper = await managerA.post('/api/networks/refs-a/reports', {
      kind: 'board_paper',
      title: 'Paper',
      cover,
      body: { kind: 'progress', options: { planId: planB } },
    });
    expect(paper.status).toBe(404);
    expect(paper.body.fields).toEqual([{ field: 'body.options.planId', message: 'That work plan is not in this network' }]);

    // Network A has no plan yet: a progress report on "the current plan" cannot be made either.
    const none = await managerA.post('/api/networks/refs-a/reports', { kind: 'progress' });
    expect(none.status).toBe(409);
    expect(none.body.fields[0]).toEqual({ field: 'options.planId', message: 'This network has no work plan yet: create or import one first' });

    const risk = await managerA.post('/api/networks/refs-a/reports', {
      kind: 'board_paper',
      title: 'Paper',
      cover: { ...cover, riskReferences: ['RX/01'] },
    });
    expect(risk.status).toBe(404);
    expect(risk.body.fields[0].field).toBe('cover.riskReferences.0');

    expect((await reports()).body).toEqual([]);
  });

  it('queues exactly the one valid request that follows (the refused ones left no document and no job)', async () => {
    planA = (await managerA.post('/api/networks/refs-a/work-plan/plans', { title: 'Plan A', periodStart: '2025-04-01', periodEnd: '2027-03-31' }))
      .body.id;
    const ok = await managerA.post('/api/networks/refs-a/reports', { kind: 'progress', options: { planId: planA } });
    expect(ok.status).toBe(202);
    // The positive signal: the valid request's job reaches the queue; by then any job of the refused ones would have too.
    const jobs = await eventually(queuedJobIds, (ids) => ids.length > 0);
    expect(jobs).toEqual([`report-${ok.body.id}`]);
    expect((await reports()).body.map((d: { id: string; status: string }) => [d.id, d.status])).toEqual([[ok.body.id, 'queued']]);
  });
});
