import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { addDays, todayIso } from '@plexus/domain';
import { WorkItem, WorkPlanChange } from '@plexus/server';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { progressSections } from '../../apps/worker/src/report/documents/progress/progress.view-model';
import type { SinceBoardData } from '../../apps/worker/src/report/documents/progress/since-board.view-model';
import { eventually } from '../support/eventually';
import { createTestDatabase, HttpClient, newNetwork, startApi, testConfig, type Fixture, type TestApi, type TestDatabase } from '../support/harness';
import { pdfText } from '../support/pdf';

/**
 * "Since the last board" in the progress report, on real PostgreSQL: a plan and a register with history across two
 * board meetings (11 June and 10 September 2026), made through the API with dated updates, reviews and closures; the
 * days the API stamps (an item added, a tracked change made) are moved back as if they had been made then. The section
 * is read back from the report's own builder, then from the PDF the worker renders.
 */
describe('since the last board (progress report)', () => {
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let a: Fixture;
  let manager: HttpClient;
  let otherMeeting: string;
  const meetings: Record<'mar' | 'jun' | 'sep' | 'next', string> = { mar: '', jun: '', sep: '', next: '' };
  const storageDir = mkdtempSync(join(tmpdir(), 'plexus-since-'));
  const slug = 'since-a';
  const base = `/api/networks/${slug}`;
  const items: Record<string, string> = {};
  let planId = '';

  async function post(path: string, body: unknown, status = 201) {
    const res = await manager.post(`${base}${path}`, body);
    expect({ path, status: res.status, body: res.status === status ? null : res.body }).toEqual({ path, status, body: null });
    return res.body;
  }

  /** Moves the day the API stamped on an item's creation (and its tracked changes) back to when it "happened". */
  async function backdate(itemId: string, on: string, change?: { action: 'create' | 'update' }) {
    await api.db.inNetwork({ userId: null, networkId: a.network.id }, async ({ em }) => {
      await em.nativeUpdate(WorkItem, { id: itemId }, { createdAt: new Date(`${on}T10:00:00Z`) });
      if (change) await em.nativeUpdate(WorkPlanChange, { subjectId: itemId, action: change.action }, { createdAt: new Date(`${on}T10:00:00Z`) });
    });
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { STORAGE_DIR: storageDir, REPORT_PAGE_POOL: '1' };
    api = await startApi(db, env);
    a = await newNetwork(api.db, slug);
    const b = await newNetwork(api.db, 'since-b');
    manager = await new HttpClient(api.url).login(a.users.manager.email);
    const managerB = await new HttpClient(api.url).login(b.users.manager.email);
    otherMeeting = (await managerB.post('/api/networks/since-b/board/meetings', { meetingDate: '2026-06-11' })).body.id;
    expect(otherMeeting).toBeDefined();

    // The board: March, June, September, and one still to come.
    meetings.mar = (await post('/board/meetings', { meetingDate: '2026-03-12' })).id;
    meetings.jun = (await post('/board/meetings', { meetingDate: '2026-06-11' })).id;
    meetings.sep = (await post('/board/meetings', { meetingDate: '2026-09-10' })).id;
    meetings.next = (await post('/board/meetings', { meetingDate: addDays(todayIso(), 40) })).id;

    // The plan, approved in April; items added then.
    const plan = await post('/work-plan/plans', { title: 'Plan 2026/27', periodStart: '2026-04-01', periodEnd: '2027-03-31' });
    planId = plan.id;
    const theme = (await post(`/work-plan/plans/${planId}/themes`, { title: 'Service delivery' })).themes[0].id;
    const add = async (key: string, work: string, timescale: string, reason?: string) =>
      (items[key] = (await post(`/work-plan/plans/${planId}/items`, { themeId: theme, work, timescale, ...(reason ? { reason } : {}) })).id);
    await add('worse', 'Agree the rehabilitation prescription', 'Q4 2026/27');
    await add('done', 'Publish the audit dashboard', 'Q3 2026/27');
    await add('moved', 'Recruit two coordinators', 'Q2 2026/27');
    await add('passed', 'Run the major incident exercise', 'Q1 2026/27');
    await add('steady', 'Hold the annual network conference', 'Q4 2026/27');
    await post(`/work-plan/plans/${planId}/approve`, { approvedOn: '2026-04-10' }, 200);
    for (const key of Object.keys(items)) await backdate(items[key], '2026-04-15');
    await add('new', 'Set up the patient panel', 'Q3 2026/27', 'Asked for by the June board');
    await backdate(items['new'], '2026-07-10', { action: 'create' });
    await add('later', 'Added after the September board', 'Q4 2026/27', 'Asked for since');

    // Dated progress updates.
    const progress = (key: string, on: string, status: string) =>
      post(`/work-plan/items/${items[key]}/progress`, { on, status, narrative: `${status} on ${on}` });
    for (const key of ['worse', 'done', 'moved', 'passed', 'steady']) await progress(key, '2026-05-01', 'on_track');
    await progress('worse', '2026-08-03', 'at_risk');
    await progress('done', '2026-07-20', 'complete');
    await progress('steady', '2026-10-01', 'off_track'); // after the September board: not in the comparison
    // The target moved on 20 August, with its reason (a tracked change to the approved plan).
    const moved = await manager.request('PATCH', `${base}/work-plan/items/${items['moved']}`, {
      timescale: 'Q4 2026/27',
      reason: 'Recruitment paused',
    });
    expect(moved.status).toBe(200);
    await backdate(items['moved'], '2026-04-15', { action: 'update' });
    await api.db.inNetwork({ userId: null, networkId: a.network.id }, ({ em }) =>
      em.nativeUpdate(WorkPlanChange, { subjectId: items['moved'], action: 'update' }, { createdAt: new Date('2026-08-20T10:00:00Z') }),
    );

    // The register: a score up, a score down, a closure, a new risk, and one reviewed only after September.
    const risk = async (description: string, dateRegistered: string, likelihoodAfter: number, impactAfter: number) =>
      (
        await post('/risks', {
          dateRegistered,
          description,
          likelihoodBefore: 5,
          impactBefore: 5,
          likelihoodAfter,
          impactAfter,
          reviewFrequencyMonths: 3,
        })
      ).id as string;
    const up = await risk('Too few rehabilitation beds', '2026-01-10', 3, 4);
    await post(`/risks/${up}/reviews`, { reviewedOn: '2026-08-01', likelihood: 4, impact: 4 });
    const down = await risk('Loss of the audit analyst post', '2026-02-10', 4, 3);
    await post(`/risks/${down}/reviews`, { reviewedOn: '2026-07-15', likelihood: 2, impact: 3 });
    const closed = await risk('Helipad closed for resurfacing', '2026-03-10', 2, 5);
    await post(`/risks/${closed}/close`, { closedOn: '2026-09-01', reason: 'Pad back in use' }, 200);
    await risk('Winter pressures delay repatriation', '2026-08-15', 4, 4);
    const quiet = await risk('Ambulance handover delays', '2026-01-05', 3, 3);
    await post(`/risks/${quiet}/reviews`, { reviewedOn: '2026-10-01', likelihood: 5, impact: 3 });
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  const section = async (options: Record<string, string>): Promise<SinceBoardData> => {
    const built = await api.db.inNetwork({ userId: null, networkId: a.network.id }, () => progressSections(options, todayIso()));
    const found = built.sections.find((s) => s.title === 'Since the last board');
    if (!found) throw new Error('no since-the-last-board section');
    return found.data as SinceBoardData;
  };
  const rows = (data: SinceBoardData, title: string) =>
    data.groups.find((g) => g.title === title)?.rows.map((r) => r.cells.map((c) => [c.tag?.label, c.text, c.note].filter(Boolean).join(' / ')));

  it('compares the last two meetings held by default, from the history kept', async () => {
    const data = await section({ planId });
    expect(data.message).toBeNull();
    expect(data.intro).toMatch(/^What changed between the Network Board on 11 June 2026 and the Network Board on 10 September 2026:/);
    expect(data.groups.map((g) => [g.title, g.count])).toEqual([
      ['Work items whose status changed', 3],
      ['Completed', 1],
      ['Slipped or overdue', 2],
      ['New work items', 1],
      ['New and re-opened risks', 1],
      ['Closed risks', 1],
      ['Risks whose score moved', 2],
    ]);
    expect(rows(data, 'Work items whose status changed')).toEqual([
      [
        '1.1',
        'Agree the rehabilitation prescription',
        'Green – On track',
        'Amber – At risk / Green → Amber',
        'Progress update of 3 August 2026: at risk',
      ],
      ['1.2', 'Publish the audit dashboard', 'Green – On track', 'Blue – Complete / Green → Blue', 'Progress update of 20 July 2026: complete'],
      [
        '1.4',
        'Run the major incident exercise',
        'Green – On track',
        'Amber – Overdue (reported on track) / Green → Amber',
        'Overdue: its target of 30 June 2026 passed 72 days ago and it is not complete, so it shows as Amber, not Green',
      ],
    ]);
    expect(rows(data, 'Completed')).toEqual([['1.2', 'Publish the audit dashboard', '20 July 2026']]);
    expect(rows(data, 'Slipped or overdue')).toEqual([
      ['1.3', 'Recruit two coordinators', 'Q2 2026/27 (30 September 2026)', 'Q4 2026/27 (31 March 2027)', 'Slipped: target moved 182 days later'],
      [
        '1.4',
        'Run the major incident exercise',
        'Q1 2026/27 (30 June 2026)',
        'Q1 2026/27 (30 June 2026)',
        'Overdue: target of 30 June 2026 passed and not complete',
      ],
    ]);
    expect(rows(data, 'New work items')).toEqual([['1.6', 'Set up the patient panel', 'Q3 2026/27 (31 December 2026)', 'Grey – Not started']]);
    expect(rows(data, 'New and re-opened risks')).toEqual([
      [expect.stringMatching(/\/04$/), 'Winter pressures delay repatriation', '+ new', '16 (Extreme) / 4 × 4'],
    ]);
    expect(rows(data, 'Closed risks')).toEqual([
      [expect.stringMatching(/\/03$/), 'Helipad closed for resurfacing', '10 (High) / 2 × 5', '10 (High) / 2 × 5'],
    ]);
    expect(rows(data, 'Risks whose score moved')).toEqual([
      [expect.stringMatching(/\/01$/), 'Too few rehabilitation beds', '↑ score up', '12 (High) / 3 × 4', '16 (Extreme) / 4 × 4'],
      [expect.stringMatching(/\/02$/), 'Loss of the audit analyst post', '↓ score down', '12 (High) / 4 × 3', '6 (Medium) / 2 × 3'],
    ]);
  });

  it('compares the meetings chosen: March to June shows the items of the plan as new, and up to a meeting still to come runs to today', async () => {
    const spring = await section({ planId, sinceMeetingId: meetings.mar, toMeetingId: meetings.jun });
    expect(spring.intro).toMatch(/^What changed between the Network Board on 12 March 2026 and the Network Board on 11 June 2026:/);
    expect(rows(spring, 'New work items')?.map((r) => r[0])).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5']);
    expect(rows(spring, 'Risks whose score moved')).toEqual([]);
    expect(rows(spring, 'New and re-opened risks')).toEqual([]); // all four registered before the March board
    expect(spring.groups.find((g) => g.title === 'Closed risks')?.count).toBe(0);

    const now = await section({ planId, sinceMeetingId: meetings.sep });
    expect(now.intro).toContain(`and today, `);
    expect(now.intro).toContain('is still to come');
    // After September: the conference went off track and its risk was reviewed up; the item added since is new.
    expect(rows(now, 'Work items whose status changed')?.map((r) => [r[0], r[2], r[3]])).toEqual(
      expect.arrayContaining([['1.5', 'Green – On track', 'Red – Off track / Green → Red']]),
    );
    expect(rows(now, 'New work items')?.map((r) => r[1])).toEqual(['Added after the September board']);
    expect(rows(now, 'Risks whose score moved')?.map((r) => [r[1], r[2]])).toEqual([['Ambulance handover delays', '↑ score up']]);
  });

  it('refuses meetings of another network, or in the wrong order, naming the field before anything is queued', async () => {
    const foreign = await manager.post(`${base}/reports`, { kind: 'progress', options: { sinceMeetingId: otherMeeting } });
    expect(foreign.status).toBe(404);
    expect(foreign.body.fields).toEqual([{ field: 'options.sinceMeetingId', message: 'That board meeting is not in this network' }]);
    const foreignTo = await manager.post(`${base}/reports`, { kind: 'progress', options: { toMeetingId: otherMeeting } });
    expect(foreignTo.status).toBe(404);
    expect(foreignTo.body.fields[0].field).toBe('options.toMeetingId');
    const backwards = await manager.post(`${base}/reports`, {
      kind: 'progress',
      options: { sinceMeetingId: meetings.sep, toMeetingId: meetings.jun },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.fields).toEqual([
      { field: 'options.sinceMeetingId', message: 'Choose a meeting before the one on 11 June 2026 to compare from' },
    ]);
    const notYet = await manager.post(`${base}/reports`, { kind: 'progress', options: { sinceMeetingId: meetings.next } });
    expect(notYet.status).toBe(400);
    expect(notYet.body.fields[0].field).toBe('options.sinceMeetingId');
    const notAnId = await manager.post(`${base}/reports`, { kind: 'progress', options: { toMeetingId: 'june' } });
    expect(notAnId.status).toBe(400);
    expect(notAnId.body.fields[0]).toEqual({ field: 'options.toMeetingId', message: 'Choose a board meeting to compare with' });
    const cover = { meeting: 'Board', meetingDate: '2026-12-03', author: 'A', purposes: ['noting'], executiveSummary: 'S' };
    const paper = await manager.post(`${base}/reports`, {
      kind: 'board_paper',
      title: 'Paper',
      cover,
      body: { kind: 'progress', options: { toMeetingId: otherMeeting } },
    });
    expect(paper.status).toBe(404);
    expect(paper.body.fields[0].field).toBe('body.options.toMeetingId');
    expect((await manager.get(`${base}/reports`)).body).toEqual([]);
  });

  it('renders the section in the PDF the worker makes', async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, { STORAGE_DIR: storageDir, REPORT_PAGE_POOL: '1' })), {
      logger: false,
    });
    await worker.init();
    const res = await manager.post(`${base}/reports`, {
      kind: 'progress',
      options: { planId, sinceMeetingId: meetings.jun, toMeetingId: meetings.sep },
    });
    expect(res.status).toBe(202);
    const doc = await eventually(
      async () => (await manager.get(`${base}/reports/${res.body.id}`)).body,
      (d) => d.status === 'ready' || d.status === 'failed',
      30_000,
    );
    expect({ status: doc.status, failureReason: doc.failureReason }).toEqual({ status: 'ready', failureReason: null });
    const bytes = Buffer.from(
      await (
        await fetch(`${api.url}${doc.downloadUrl}`, { headers: { cookie: `plexus_session=${manager.cookie('plexus_session')}` } })
      ).arrayBuffer(),
    );
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    expect(text).toContain('2. Since the last board');
    expect(text).toContain('What changed between the Network Board on 11 June 2026 and the Network Board on 10 September 2026');
    for (const line of [
      'Work items whose status changed (3)',
      'Completed (1)',
      'Slipped or overdue (2)',
      'New work items (1)',
      'Closed risks (1)',
      'Risks whose score moved (2)',
    ])
      expect(text).toContain(line);
    expect(text).toContain('Green → Amber');
    expect(text).toContain('↑ score up');
    expect(text).toContain('Slipped: target moved 182 days later');
  });
});
