import type { RiskDto, RiskHeatMapDto, RiskSummaryDto } from '@plexus/contracts';
import { todayIso } from '@plexus/domain';
import type { BoardComparisonView } from '../../apps/worker/src/report/documents/risk-register/board-comparison';
import { riskRegisterSections } from '../../apps/worker/src/report/documents/risk-register/risk-register.view-model';
import { createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const risk = (description: string, likelihoodAfter: number, impactAfter: number, dateRegistered: string) => ({
  dateRegistered,
  description,
  likelihoodBefore: 5,
  impactBefore: 5,
  likelihoodAfter,
  impactAfter,
});

/** Counts of a 5×5 map, rows from likelihood 5 down to 1. */
const countsOf = (rows: Array<{ cells: Array<{ count: number }> }> | Array<Array<{ count: number }>>) =>
  rows.map((row) => ('cells' in row ? row.cells : row).map((c) => c.count));

/**
 * Risk reviews at board meetings (issue 10, item 3): a review names the meeting it was done at; the register flags the
 * open risks not reviewed at the last board meeting; the risk register report's "last board vs this board" pair reads
 * the scores at the last board from the history, equal to the heat map as it was recorded then.
 */
describe('risk reviews at board meetings', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let b: Fixture;
  let manager: HttpClient;
  let lead: HttpClient;
  let managerB: HttpClient;
  const today = todayIso('Europe/London');
  const risks = '/api/networks/rb-a/risks';
  const meetings = '/api/networks/rb-a/board/meetings';

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
    a = await newNetwork(api.db, 'rb-a');
    b = await newNetwork(api.db, 'rb-b');
    manager = await new HttpClient(api.url).login(a.users.manager.email);
    lead = await new HttpClient(api.url).login(a.users.lead.email);
    managerB = await new HttpClient(api.url).login(b.users.manager.email);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const post = async (client: HttpClient, url: string, body: Record<string, unknown>, status = 201) => {
    const res = await client.post(url, body);
    if (res.status !== status) throw new Error(`${url} ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const review = (riskId: string, body: Record<string, unknown>) => manager.post(`${risks}/${riskId}/reviews`, body);

  it('links a review to a meeting, flags risks not reviewed at the last board, and compares the last board with now from the history', async () => {
    const earlier = await post(manager, meetings, { meetingDate: addDays(today, -120) });
    const last = await post(manager, meetings, { meetingDate: addDays(today, -30), title: 'Network Board (quarterly)' });
    const upcoming = await post(manager, meetings, { meetingDate: addDays(today, 20) });
    const registered = addDays(today, -200);
    const r1 = (await post(manager, risks, risk('Transfer delays', 4, 4, registered))) as RiskDto;
    const r2 = (await post(manager, risks, risk('Rehabilitation beds', 3, 3, registered))) as RiskDto;
    const r3 = (await post(manager, risks, risk('Data quality', 2, 2, registered))) as RiskDto;

    // Reviews at the earlier board, then at the last one (r1 and r2; r3 is not reviewed there).
    for (const [r, l, i] of [
      [r1, 4, 3],
      [r2, 3, 4],
      [r3, 2, 3],
    ] as Array<[RiskDto, number, number]>) {
      const res = await review(r.id, { reviewedOn: earlier.meetingDate, likelihood: l, impact: i, boardMeetingId: earlier.id });
      expect(res.status).toBe(201);
    }
    const atLast = await review(r1.id, {
      reviewedOn: last.meetingDate,
      likelihood: 3,
      impact: 3,
      notes: 'Escalation working',
      boardMeetingId: last.id,
    });
    expect(atLast.status).toBe(201);
    expect((atLast.body as RiskDto).reviews.find((v) => v.reviewedOn === last.meetingDate)?.boardMeeting).toEqual({
      id: last.id,
      title: 'Network Board (quarterly)',
      meetingDate: last.meetingDate,
    });
    expect((atLast.body as RiskDto).reviews.find((v) => v.reviewedOn === earlier.meetingDate)?.boardMeeting?.id).toBe(earlier.id);
    // The lead of no risk here may not review; a lead reviews their own risks only (unchanged rule).
    expect(
      (await lead.post(`${risks}/${r2.id}/reviews`, { reviewedOn: last.meetingDate, likelihood: 3, impact: 4, boardMeetingId: last.id })).status,
    ).toBe(403);
    expect((await review(r2.id, { reviewedOn: last.meetingDate, likelihood: 3, impact: 4, boardMeetingId: last.id })).status).toBe(201);

    // The heat map as the register stood after the last board: what the comparison must find from the history later.
    const recorded = (await manager.get(`${risks}/heat-map`)).body as RiskHeatMapDto;

    // After the last board: r2 and r3 reviewed again (no meeting), a new risk registered.
    expect((await review(r2.id, { reviewedOn: addDays(today, -10), likelihood: 2, impact: 4 })).status).toBe(201);
    expect((await review(r3.id, { reviewedOn: addDays(today, -5), likelihood: 4, impact: 3 })).status).toBe(201);
    const r4 = (await post(manager, risks, risk('Workforce gaps', 3, 4, addDays(today, -3)))) as RiskDto;

    // The register: each open risk says whether it was reviewed at the last board (the latest on or before today).
    const list = (await manager.get(risks)).body as RiskSummaryDto[];
    const flags = Object.fromEntries(list.map((r) => [r.reference, r.lastBoard]));
    expect(flags).toEqual({
      [r1.reference]: { meetingId: last.id, meetingDate: last.meetingDate, reviewed: true },
      [r2.reference]: { meetingId: last.id, meetingDate: last.meetingDate, reviewed: true },
      [r3.reference]: { meetingId: last.id, meetingDate: last.meetingDate, reviewed: false },
      [r4.reference]: { meetingId: last.id, meetingDate: last.meetingDate, reviewed: false },
    });
    const notReviewed = (await manager.get(`${risks}?notReviewedAtLastBoard=true`)).body as RiskSummaryDto[];
    expect(notReviewed.map((r) => r.reference)).toEqual([r3.reference, r4.reference]);
    const reviewed = (await manager.get(`${risks}?notReviewedAtLastBoard=false`)).body as RiskSummaryDto[];
    expect(reviewed.map((r) => r.reference)).toEqual([r1.reference, r2.reference]);
    expect((await manager.get(`${risks}?notReviewedAtLastBoard=maybe`)).status).toBe(400);
    expect((await manager.get(`${risks}/${r3.id}`)).body.lastBoard).toMatchObject({ reviewed: false });
    void upcoming;

    // The report's pair: at the last board (from the history) equals the heat map recorded then; now is today's map.
    const { sections } = await api.db.inNetwork({ userId: null, networkId: a.network.id }, () => riskRegisterSections({ topRisks: 10 }, today));
    const pair = sections.find((s) => s.title === 'Last board vs this board')?.data as BoardComparisonView;
    expect(pair.lastBoard).toMatchObject({ date: last.meetingDate, title: 'Network Board (quarterly)' });
    expect(countsOf(pair.maps[0].rows)).toEqual(countsOf(recorded.current));
    const now = (await manager.get(`${risks}/heat-map`)).body as RiskHeatMapDto;
    expect(countsOf(pair.maps[1].rows)).toEqual(countsOf(now.current));
    expect(pair.movements.map((m) => [m.reference, m.arrow, m.from, m.to])).toEqual([
      [r2.reference, '↓', '12', '8'],
      [r3.reference, '↑', '6', '12'],
      [r4.reference, '+', '—', '12'],
    ]);
    expect(pair.movements[0].text).toBe(
      'Down: from likelihood 3 Possible × impact 4 Major (12, High) to likelihood 2 Unlikely × impact 4 Major (8, High)',
    );
    expect(pair.unchanged).toBe(1);
  });

  it("refuses another network's meeting (404 naming the field), and a review dated other than its meeting's day (400)", async () => {
    const r = (await post(manager, risks, risk('Isolation', 2, 2, addDays(today, -100)))) as RiskDto;
    const theirs = await post(managerB, '/api/networks/rb-b/board/meetings', { meetingDate: addDays(today, -7) });
    const foreign = await review(r.id, { reviewedOn: addDays(today, -7), likelihood: 2, impact: 2, boardMeetingId: theirs.id });
    expect(foreign.status).toBe(404);
    expect(foreign.body.fields).toEqual([{ field: 'boardMeetingId', message: expect.any(String) }]);
    const ours = await post(manager, meetings, { meetingDate: addDays(today, -7) });
    const wrongDay = await review(r.id, { reviewedOn: addDays(today, -8), likelihood: 2, impact: 2, boardMeetingId: ours.id });
    expect(wrongDay.status).toBe(400);
    expect(wrongDay.body.fields).toEqual([{ field: 'reviewedOn', message: expect.stringContaining(addDays(today, -7)) }]);
    const notAnId = await review(r.id, { reviewedOn: addDays(today, -7), likelihood: 2, impact: 2, boardMeetingId: 'board-12' });
    expect(notAnId.status).toBe(400);
    expect(notAnId.body.fields.map((f: { field: string }) => f.field)).toEqual(['boardMeetingId']);
    // Nothing was written by the refused reviews.
    expect(((await manager.get(`${risks}/${r.id}`)).body as RiskDto).reviews).toEqual([]);
    // Deleting the meeting keeps the review, without its meeting.
    expect((await review(r.id, { reviewedOn: addDays(today, -7), likelihood: 2, impact: 1, boardMeetingId: ours.id })).status).toBe(201);
    expect((await manager.delete(`${meetings}/${ours.id}`)).status).toBe(204);
    const after = (await manager.get(`${risks}/${r.id}`)).body as RiskDto;
    expect(after.reviews.map((v) => v.boardMeeting)).toEqual([null]);
  });
});
