import type { ComplianceSummaryDto, SelfAssessmentListDto } from '@plexus/contracts';
import {
  BoardMeeting,
  DOCUMENT_STORAGE,
  EmailOutbox,
  JobQueue,
  Membership,
  Network,
  ReportRun,
  ReportSchedule,
  ReviewCycle,
  ReviewReport,
  Risk,
  SelfAssessment,
  RiskScoreChange,
  SubmissionChaser,
  SubmissionRepository,
} from '@plexus/server';
import { Clock } from '../../apps/worker/src/schedule/clock';
import { SubmissionChasersService } from '../../apps/worker/src/peer-review/submission-chasers.service';
import { peerReviewReportSections } from '../../apps/worker/src/report/documents/peer-review-report/peer-review-report.view-model';
import { peerReviewSummarySections } from '../../apps/worker/src/report/documents/peer-review-summary/peer-review-summary.view-model';
import { dueRunAt, parseRecurrence, periodKey, todayIso } from '@plexus/domain';
import { seedDemo } from '../../apps/api/src/seed/seed';
import { progressSections } from '../../apps/worker/src/report/documents/progress/progress.view-model';
import type { SinceBoardData } from '../../apps/worker/src/report/documents/progress/since-board.view-model';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { createTestDatabase, HttpClient, startApi, type TestApi, type TestDatabase } from '../support/harness';

describe('demo data', () => {
  let db: TestDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
    const first = await seedDemo(api.db, undefined, api.app.get(DOCUMENT_STORAGE));
    expect(first.created).toEqual(['east-midlands-mtn', 'northern-spinal', 'northern-maternity']);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('is idempotent', async () => {
    expect(await seedDemo(api.db)).toEqual({ created: [], skipped: ['east-midlands-mtn', 'northern-spinal', 'northern-maternity'] });
  });

  it('gives each network a manager, a lead, a viewer and a contributor from a member organisation, and two of them a commissioner', async () => {
    const networks = await api.db.run({ userId: null }, ({ em }) => em.find(Network, {}, { orderBy: { slug: 'asc' } }));
    const commissioned: string[] = [];
    for (const n of networks) {
      const roles = await api.db.inNetwork({ userId: null, networkId: n.id }, ({ em }) => em.find(Membership, {}));
      const others = roles.filter((r) => r.role !== 'commissioner');
      expect(new Set(others.map((r) => r.role))).toEqual(new Set(['manager', 'lead', 'viewer', 'contributor']));
      expect(roles.filter((r) => r.role === 'contributor').every((r) => r.organisationId)).toBe(true);
      if (roles.some((r) => r.role === 'commissioner')) commissioned.push(n.slug);
    }
    expect(commissioned).toEqual(['east-midlands-mtn', 'northern-spinal']);
  });

  it('signs in the demo commissioner, who reads the trauma and spinal networks’ reports and nothing else', async () => {
    const dana = await new HttpClient(api.url).login('commissioner@example.org', DEMO_PASSWORD);
    const session = (await dana.get('/api/auth/session')).body;
    expect(session.memberships.map((m: { slug: string; role: string }) => `${m.slug}:${m.role}`)).toEqual([
      'east-midlands-mtn:commissioner',
      'northern-spinal:commissioner',
    ]);
    const mine = await dana.get('/api/me/reports');
    expect(mine.status).toBe(200);
    expect(mine.body.networks.map((n: { slug: string }) => n.slug)).toEqual(['east-midlands-mtn', 'northern-spinal']);
    expect((await dana.get('/api/networks/northern-spinal/reports')).status).toBe(200);
    expect((await dana.get('/api/networks/northern-spinal/risks')).status).toBe(403);
    expect((await dana.get('/api/networks/northern-maternity/reports')).status).toBe(404);
  });

  it('gives each network commissioner recipients (an ICB and NHS England specialised commissioning) in a "Commissioners" list', async () => {
    const alex = await new HttpClient(api.url).login('alex.morgan@example.org', DEMO_PASSWORD);
    const recipients = (await alex.get('/api/networks/northern-spinal/recipients')).body as Array<{ organisationName: string; listIds: string[] }>;
    expect(recipients.length).toBeGreaterThanOrEqual(2);
    expect(recipients.map((r) => r.organisationName)).toContain('NHS England specialised commissioning');
    const lists = (await alex.get('/api/networks/northern-spinal/distribution-lists')).body as Array<{
      id: string;
      name: string;
      recipients: unknown[];
    }>;
    expect(lists.map((l) => l.name)).toEqual(['Commissioners']);
    expect(lists[0].recipients).toHaveLength(recipients.length);
    expect(recipients.every((r) => r.listIds.includes(lists[0].id))).toBe(true);
  });

  it('gives each network quarterly board meetings: four in the last year and the next two, each with its agenda', async () => {
    const today = todayIso('Europe/London');
    const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const alex = await new HttpClient(api.url).login('alex.morgan@example.org', DEMO_PASSWORD);
    for (const slug of ['northern-spinal', 'east-midlands-mtn']) {
      const list = (await alex.get(`/api/networks/${slug}/board/meetings`)).body as {
        upcoming: Array<{ id: string; meetingDate: string; itemCount: number; paperCount: number }>;
        past: Array<{ id: string; meetingDate: string; itemCount: number }>;
      };
      expect({ slug, upcoming: list.upcoming.length, past: list.past.length }).toEqual({ slug, upcoming: 2, past: 4 });
      expect(list.past.every((m) => m.meetingDate >= yearAgo && m.meetingDate < today)).toBe(true);
      expect([...list.upcoming, ...list.past].every((m) => m.itemCount >= 3)).toBe(true);
      const last = (await alex.get(`/api/networks/${slug}/board/meetings/${list.past[0].id}`)).body;
      expect(last.agenda.map((i: { position: number }) => i.position)).toEqual(last.agenda.map((_: unknown, i: number) => i + 1));
      // Tests load the demo without the next meeting's papers (the application queues them for its worker).
      expect(list.upcoming[0].paperCount).toBe(0);

      // Reviews at the last two meetings: every open risk but the last reviewed at the last board, which the register flags.
      const risks = (await alex.get(`/api/networks/${slug}/risks`)).body as Array<{
        id: string;
        reference: string;
        lastBoard: { meetingId: string; reviewed: boolean } | null;
      }>;
      expect(risks.every((r) => r.lastBoard?.meetingId === list.past[0].id)).toBe(true);
      expect({ slug, flagged: risks.filter((r) => !r.lastBoard?.reviewed).map((r) => r.reference) }).toEqual({
        slug,
        flagged: [risks.at(-1)?.reference],
      });
      const reviewed = (await alex.get(`/api/networks/${slug}/risks/${risks[1].id}`)).body as {
        reviews: Array<{ boardMeeting: { id: string } | null }>;
      };
      expect(reviewed.reviews.some((v) => v.boardMeeting?.id === list.past[0].id)).toBe(true);
    }
  });

  it('moves work items and risks between the last two board meetings, so that "since the last board" tells real movement', async () => {
    for (const slug of ['east-midlands-mtn', 'northern-spinal', 'northern-maternity']) {
      const network = await api.db.run({ userId: null }, ({ em }) => em.findOneOrFail(Network, { slug }));
      const built = await api.db.inNetwork({ userId: null, networkId: network.id }, () => progressSections({}, todayIso('Europe/London')));
      const data = built.sections.find((s) => s.title === 'Since the last board')?.data as SinceBoardData | undefined;
      expect({ slug, message: data ? data.message : 'no section' }).toEqual({ slug, message: null });
      const counts = Object.fromEntries((data?.groups ?? []).map((g) => [g.title, g.count]));
      expect({ slug, counts }).toEqual({
        slug,
        counts: expect.objectContaining({ 'Work items whose status changed': expect.any(Number), Completed: 1, 'Slipped or overdue': 1 }),
      });
      expect(counts['Work items whose status changed']).toBeGreaterThanOrEqual(2);
      expect(Object.keys(counts).some((t) => /score/i.test(t))).toBe(true);
    }
  });

  it('keeps the national D15 set once, read by every network, and gives East Midlands its assessment tool', async () => {
    // The seed ran twice (idempotent): still one national set.
    const priya = await new HttpClient(api.url).login('priya.shah@example.org', DEMO_PASSWORD);
    const sam = await new HttpClient(api.url).login('sam.patel@example.org', DEMO_PASSWORD);
    type Sets = { sets: Array<{ code: string; national: boolean; kind: string; answerScale: string; currentVersionId: string | null }> };
    const trauma = (await priya.get('/api/networks/east-midlands-mtn/standards/sets')).body as Sets;
    const maternity = (await sam.get('/api/networks/northern-maternity/standards/sets')).body as Sets;
    expect(trauma.sets.map((s) => `${s.code}:${s.national}`)).toEqual(['D15:true', 'EMMTN-AT:false']);
    expect(maternity.sets.map((s) => `${s.code}:${s.national}`)).toEqual(['D15:true']);
    const national = await priya.get(`/api/networks/east-midlands-mtn/standards/versions/${trauma.sets[0].currentVersionId}`);
    expect(national.body).toMatchObject({ version: 1, status: 'published', set: { kind: 'national_specification', answerScale: 'met' } });
    expect(national.body.sections.length).toBeGreaterThanOrEqual(4);
    expect(national.body.criterionCount).toBeGreaterThanOrEqual(20);
    const appliesTo = national.body.sections.flatMap((s: { criteria: Array<{ appliesTo: string[] }> }) => s.criteria.flatMap((c) => c.appliesTo));
    expect(new Set(appliesTo)).toEqual(
      new Set(['major_trauma_centre', 'trauma_unit', 'local_emergency_hospital', 'ambulance_service', 'rehabilitation_provider']),
    );
    const tool = await priya.get(`/api/networks/east-midlands-mtn/standards/versions/${trauma.sets[1].currentVersionId}`);
    expect(tool.body).toMatchObject({ status: 'published', set: { code: 'EMMTN-AT', kind: 'assessment_tool', answerScale: 'rag' } });
    expect(tool.body.criterionCount).toBeGreaterThanOrEqual(20);
    // The operator keeps it (and only it): the demo operator signs in and sees the national set.
    const operator = await new HttpClient(api.url).login('operator@example.org', DEMO_PASSWORD);
    expect(((await operator.get('/api/admin/standards/sets')).body as Sets).sets.map((s) => s.code)).toEqual(['D15']);
  });

  it('signs in the person who belongs to two networks with a different role in each', async () => {
    const alex = await new HttpClient(api.url).login('alex.morgan@example.org', DEMO_PASSWORD);
    const session = (await alex.get('/api/auth/session')).body;
    expect(session.memberships.map((m: { slug: string; role: string }) => `${m.slug}:${m.role}`).sort()).toEqual([
      'east-midlands-mtn:viewer',
      'northern-spinal:manager',
    ]);
  });

  it('loads seed 001’s five risks for the spinal network, with legacy scores, moving scores and overdue reviews', async () => {
    const alex = await new HttpClient(api.url).login('alex.morgan@example.org', DEMO_PASSWORD);
    const risks = (await alex.get('/api/networks/northern-spinal/risks')).body as Array<{
      reference: string;
      before: { legacy: unknown };
      overdue: boolean;
      id: string;
    }>;
    expect(risks.map((r) => r.reference)).toEqual(['SN/01', 'SN/02', 'SN/03', 'SN/04', 'SN/05']);
    expect(risks.every((r) => r.before.legacy)).toBe(true);
    expect(risks.some((r) => r.overdue)).toBe(todayIso() > '2026-10-01');
    const sn02 = (await alex.get(`/api/networks/northern-spinal/risks/${risks[1].id}`)).body;
    expect(sn02.history.map((h: { current: { score: number } }) => h.current.score)).toEqual([5, 6, 4]);
    // New risks continue the numbering.
    const next = await alex.post('/api/networks/northern-spinal/risks', {
      dateRegistered: '2026-11-01',
      description: 'New',
      likelihoodBefore: 2,
      impactBefore: 2,
      likelihoodAfter: 1,
      impactAfter: 2,
    });
    expect(next.body.reference).toBe('SN/06');
    for (const slug of ['east-midlands-mtn', 'northern-maternity']) {
      const network = await api.db.run({ userId: null }, ({ em }) => em.findOneOrFail(Network, { slug }));
      const [count, changes] = await api.db.inNetwork({ userId: null, networkId: network.id }, async ({ em }) => [
        await em.count(Risk, {}),
        await em.count(RiskScoreChange, { source: 'reviewed' }),
      ]);
      expect(count).toBeGreaterThanOrEqual(3);
      expect(changes).toBeGreaterThanOrEqual(1);
    }
  });

  it('gives each network two schedules to its commissioners, with past runs in the delivery log: one skipped as unchanged, one delivery failed then retried', async () => {
    const managers: Record<string, string> = {
      'east-midlands-mtn': 'priya.shah@example.org',
      'northern-spinal': 'alex.morgan@example.org',
      'northern-maternity': 'sam.patel@example.org',
    };
    const now = new Date();
    for (const [slug, email] of Object.entries(managers)) {
      const manager = await new HttpClient(api.url).login(email, DEMO_PASSWORD);
      const base = `/api/networks/${slug}`;
      const commissioners = ((await manager.get(`${base}/recipients`)).body as Array<{ email: string }>).map((r) => r.email).sort();
      const lists = (await manager.get(`${base}/distribution-lists`)).body as Array<{ id: string; name: string }>;
      const schedules = (await manager.get(`${base}/schedules`)).body as Array<{
        id: string;
        name: string;
        reportKind: string;
        recurrence: { kind: string };
        recurrenceText: string;
        status: string;
        onlyIfChanged: boolean;
        delivery: string;
        lists: Array<{ id: string }>;
        audience: number;
        nextRunAt: string | null;
        lastRun: { state: string } | null;
      }>;
      expect(schedules.map((s) => [s.name, s.reportKind, s.delivery, s.onlyIfChanged, s.status])).toEqual([
        ['Progress report to commissioners', 'progress', 'attach', false, 'active'],
        ['Risk register after each board', 'risk_register', 'link', true, 'active'],
      ]);
      const [progress, risk] = schedules;
      expect(progress.recurrenceText).toBe('First working day of April and October at 07:00');
      expect(risk.recurrenceText).toBe('After each board meeting, the next working day, at 07:00');
      for (const s of schedules) {
        expect(s.lists.map((l) => l.id)).toEqual([lists.find((l) => l.name === 'Commissioners')?.id]);
        expect(s.audience).toBe(commissioners.length);
        expect(new Date(s.nextRunAt as string).getTime()).toBeGreaterThan(now.getTime());
      }
      expect(progress.lastRun?.state).toBe('sent');
      expect(risk.lastRun?.state).toBe('skipped_unchanged');

      const log = (await manager.get(`${base}/delivery-log`)).body as {
        runs: Array<{
          id: string;
          scheduleId: string;
          state: string;
          reason: string | null;
          trigger: string;
          deliveries: { total: number; sent: number };
        }>;
        deliveries: Array<{
          runId: string;
          toAddress: string;
          mode: string;
          state: string;
          attempts: number;
          lastError: string | null;
          smtpResponse: string | null;
          messageId: string;
          sentAt: string | null;
        }>;
      };
      const runsOf = (id: string) => log.runs.filter((r) => r.scheduleId === id);
      // Progress: the latest half-year's run, sent to every commissioner; one delivery took two attempts.
      const [progressRun] = runsOf(progress.id);
      expect(runsOf(progress.id)).toHaveLength(1);
      expect(progressRun).toMatchObject({
        state: 'sent',
        trigger: 'schedule',
        deliveries: { total: commissioners.length, sent: commissioners.length },
      });
      const progressDeliveries = log.deliveries.filter((d) => d.runId === progressRun.id);
      expect(progressDeliveries.map((d) => d.toAddress).sort()).toEqual(commissioners);
      for (const d of progressDeliveries) {
        expect(d).toMatchObject({ mode: 'attach', state: 'sent', lastError: null });
        expect(d.smtpResponse).toMatch(/^250 2\.0\.0 Ok: queued as DEMO[0-9A-F]+$/);
        expect(d.messageId).toMatch(/^<[0-9a-f-]{36}@plexus\.local>$/);
        expect(d.sentAt).not.toBeNull();
      }
      expect(progressDeliveries.map((d) => d.attempts).sort()).toEqual([...Array(commissioners.length - 1).fill(1), 2]);
      // Risk register: sent after the board before last (by link), then skipped after the last as unchanged.
      const riskRuns = runsOf(risk.id);
      expect(riskRuns.map((r) => r.state)).toEqual(['skipped_unchanged', 'sent']);
      expect(riskRuns[0].reason).toBe('The report’s content has not changed since the last delivery');
      expect(riskRuns[0].deliveries.total).toBe(0);
      const riskDeliveries = log.deliveries.filter((d) => d.runId === riskRuns[1].id);
      expect(riskDeliveries.map((d) => d.toAddress).sort()).toEqual(commissioners);
      expect(riskDeliveries.every((d) => d.mode === 'link' && d.state === 'sent' && d.attempts === 1)).toBe(true);

      // In the database: the skipped run has the sent run's content hash, the emails are sent scheduled reports, and the
      // latest period of each schedule has its run, so a worker starting now has nothing to catch up (it sends nothing).
      const network = await api.db.run({ userId: null }, ({ em }) => em.findOneOrFail(Network, { slug }));
      await api.db.inNetwork({ userId: null, networkId: network.id }, async ({ em }) => {
        const [skipped, sent] = await Promise.all(riskRuns.map((r) => em.findOneOrFail(ReportRun, { id: r.id })));
        expect(sent.contentHash).toMatch(/^[0-9a-f]{64}$/);
        expect(skipped.contentHash).toBe(sent.contentHash);
        expect(sent.dueAt.getTime()).toBeLessThan(skipped.dueAt.getTime());
        const emails = await em.find(EmailOutbox, { kind: 'scheduled_report' });
        expect(emails).toHaveLength(2 * commissioners.length);
        for (const e of emails) {
          expect(e).toMatchObject({ status: 'sent', lastError: null });
          expect(e.bodyText).toContain('Unsubscribe from this report');
          expect(e.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
        }
        const boardMeetings = (await em.find(BoardMeeting, {})).map((m) => m.meetingDate).sort();
        // After-board periods are the meetings: the sent run's and the skipped run's are two meetings in a row, both past.
        expect(boardMeetings).toContain(sent.periodKey);
        expect(boardMeetings.indexOf(skipped.periodKey)).toBe(boardMeetings.indexOf(sent.periodKey) + 1);
        expect(sent.periodKey < skipped.periodKey && skipped.periodKey < todayIso()).toBe(true);
        for (const s of await em.find(ReportSchedule, {})) {
          const recurrence = parseRecurrence(s.recurrence);
          const options = { boardMeetings, notBefore: s.createdAt, catchUpMs: 400 * 24 * 3600_000 };
          const due = dueRunAt(recurrence, now, options);
          expect(due).not.toBeNull();
          expect(await em.count(ReportRun, { scheduleId: s.id, periodKey: periodKey(recurrence, due as Date, options) })).toBe(1);
        }
      });
    }
  });

  it('runs seed 002’s programme for the East Midlands network: one active cycle from the template, submissions in every state, chasers already sent; the previous programme’s issued review and its action plan carried forward', async () => {
    const priya = await new HttpClient(api.url).login('priya.shah@example.org', DEMO_PASSWORD);
    const base = '/api/networks/east-midlands-mtn/peer-review';
    const list = (await priya.get(`${base}/cycles`)).body;
    // The current programme, and the previous one (closed) whose review was issued.
    expect(list.cycles.map((c: { status: string }) => c.status)).toEqual(['active', 'closed']);
    const cycle = (await priya.get(`${base}/cycles/${list.cycles[0].id}`)).body;
    expect(cycle).toMatchObject({ status: 'active', activityCount: 17, organisationCount: 4 });
    expect(cycle.name).toMatch(/^Peer Review Programme \d{4}\/\d{4}$/);
    expect(cycle.activities.find((a: { kind: string }) => a.kind === 'review_meeting').panel.map((p: { name: string }) => p.name)).toEqual([
      'Priya Shah',
      'Ravi Kumar',
      'Lucy Bennett',
    ]);
    const submissions = (await priya.get(`${base}/cycles/${cycle.id}/submissions`)).body.items as Array<{
      id: string;
      state: string;
      overdue: boolean;
      latestFile: { downloadUrl: string } | null;
    }>;
    expect(submissions).toHaveLength(24);
    expect(new Set(submissions.map((s) => s.state))).toEqual(new Set(['awaited', 'submitted', 'accepted', 'more_information_requested']));
    expect(submissions.filter((s) => s.overdue).length).toBeGreaterThanOrEqual(3);
    // The submitted documents are stored: a manager downloads one.
    const sent = submissions.find((s) => s.state === 'submitted') as { latestFile: { downloadUrl: string } };
    const file = await fetch(api.url + sent.latestFile.downloadUrl, { headers: { cookie: `plexus_session=${priya.cookie('plexus_session')}` } });
    expect({ status: file.status, type: file.headers.get('content-type') }).toEqual({ status: 200, type: 'application/pdf' });
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // The demo contributor lands on what Riverside owes: a document sent back with a reason, and one overdue.
    const owen = await new HttpClient(api.url).login('owen.price@example.org', DEMO_PASSWORD);
    const mine = (await owen.get(`${base}/my-submissions`)).body;
    expect(mine.organisation.name).toBe('Riverside General Hospital');
    const owed = mine.items.filter((s: { state: string }) => s.state === 'awaited' || s.state === 'more_information_requested');
    expect(
      owed
        .map((s: { documentName: string; state: string; overdue: boolean }) => `${s.documentName} ${s.state} ${s.overdue}`)
        .slice(0, 2)
        .sort(),
    ).toEqual(['Operational policy awaited true', 'Work plan more_information_requested false']);

    // Chasers already went to Riverside's contributor, each with its email; a worker starting today sends nothing more.
    const network = await api.db.run({ userId: null }, ({ em }) => em.findOneOrFail(Network, { slug: 'east-midlands-mtn' }));
    const chasers = await api.db.inNetwork({ userId: null, networkId: network.id }, ({ em }) => em.find(SubmissionChaser, {}));
    expect(chasers.length).toBeGreaterThanOrEqual(4);
    expect(new Set(chasers.map((c) => c.step))).toEqual(new Set(['before-14d', 'before-3d', 'overdue']));
    const emails = await api.db.inNetwork({ userId: null, networkId: network.id }, ({ em }) => em.find(EmailOutbox, { kind: 'submission_chaser' }));
    expect(emails).toHaveLength(chasers.length);
    expect(emails.every((e) => e.status === 'sent' && e.toAddress === 'owen.price@example.org')).toBe(true);
    const chaser = new SubmissionChasersService(
      api.db,
      { enqueue: async () => 'none' } as unknown as JobQueue,
      new SubmissionRepository(),
      new Clock(),
      api.config,
    );
    expect(await chaser.chase()).toEqual({ networks: 3, chasers: 0, emails: 0, failed: 0 });

    // The previous programme's review of Riverside, issued, with a finding of every class (immediate risk first) and
    // its action plan: progress recorded, the open actions carried into the current cycle and linked to their origin.
    const previous = list.cycles[1];
    const reviews = (await priya.get(`${base}/cycles/${previous.id}/reviews`)).body;
    const riverside = reviews.organisations.find((o: { name: string }) => o.name === 'Riverside General Hospital');
    expect(riverside.report).toMatchObject({ state: 'issued', counts: { immediate_risk: 1, serious_concern: 1, concern: 1, good_practice: 1 } });
    const report = (await owen.get(`${base}/reviews/${riverside.report.id}`)).body;
    expect(report.findings.map((f: { classification: string }) => f.classification)).toEqual([
      'immediate_risk',
      'serious_concern',
      'concern',
      'good_practice',
    ]);
    expect(report.findings[2].criterion).toMatchObject({ number: '4.1' });
    const plan = (await owen.get(`${base}/cycles/${previous.id}/actions`)).body.items as Array<{
      id: string;
      status: string;
      open: boolean;
      latestUpdate: unknown;
    }>;
    expect(plan.map((a) => a.status)).toEqual(['complete', 'off_track', 'complete', 'at_risk']);
    expect(plan.every((a) => a.latestUpdate)).toBe(true);
    const carried = (await owen.get(`${base}/cycles/${cycle.id}/actions`)).body.items as Array<{ source: { origin: { id: string } | null } }>;
    expect(carried.map((a) => a.source.origin?.id)).toEqual(plan.filter((a) => a.open).map((a) => a.id));
    // Carrying forward again carries nothing more.
    expect((await priya.post(`${base}/cycles/${cycle.id}/carry-forward`)).body).toMatchObject({ carried: 0, alreadyCarried: 2 });
    // Riverside's self-assessment in that programme, submitted against the network's tool: what its review drew on (and
    // what the review's PDF shows).
    const previousAssessments = (await priya.get(`${base}/cycles/${previous.id}/self-assessments`)).body as SelfAssessmentListDto;
    expect(previousAssessments.items.filter((x) => x.state !== 'not_started').map((x) => `${x.organisation.name} ${x.state}`)).toEqual([
      'Riverside General Hospital submitted',
    ]);
    expect(previousAssessments.items.find((x) => x.state === 'submitted')?.compliance.percent).toBeLessThan(100);

    // Seeding again adds no second programme, and no second review.
    await seedDemo(api.db, undefined, api.app.get(DOCUMENT_STORAGE));
    expect(await api.db.inNetwork({ userId: null, networkId: network.id }, ({ em }) => em.count(ReviewCycle, {}))).toBe(2);
    expect(await api.db.inNetwork({ userId: null, networkId: network.id }, ({ em }) => em.count(ReviewReport, {}))).toBe(1);
    expect(await api.db.inNetwork({ userId: null, networkId: network.id }, ({ em }) => em.count(SelfAssessment, { cycleId: previous.id }))).toBe(1);
  });

  it('fills the programme’s self-assessment against the network’s assessment tool, so that the compliance heat map shows something', async () => {
    const priya = await new HttpClient(api.url).login('priya.shah@example.org', DEMO_PASSWORD);
    const base = '/api/networks/east-midlands-mtn/peer-review';
    const cycle = (await priya.get(`${base}/cycles`)).body.cycles[0] as { id: string };
    const activity = (await priya.get(`${base}/cycles/${cycle.id}`)).body.activities.find(
      (a: { kind: string; standardSetVersionId: string | null }) => a.kind === 'self_assessment' && a.standardSetVersionId,
    ) as { id: string };
    const summary = (await priya.get(`${base}/activities/${activity.id}/compliance`)).body as ComplianceSummaryDto;
    expect(summary.standardSetVersion).toMatchObject({ code: 'EMMTN-AT', version: 1 });
    expect(summary.sections).toHaveLength(6);
    const rows = Object.fromEntries(summary.organisations.map((o) => [o.organisation.name, o]));
    expect(rows['Northfield University Hospitals NHS Trust'].state).toBe('submitted');
    expect(rows['Kingsmead Hospital'].state).toBe('submitted');
    expect(rows['Riverside General Hospital'].state).toBe('draft');
    expect(rows['Eastern Counties Ambulance Service'].state).toBe('not_started');
    expect(rows['Northfield University Hospitals NHS Trust'].overall.percent).toBeGreaterThan(rows['Kingsmead Hospital'].overall.percent ?? 100);
    expect(rows['Riverside General Hospital'].overall.unanswered).toBeGreaterThan(0);

    // The demo contributor sees Riverside's draft alone, and can carry on with it.
    const owen = await new HttpClient(api.url).login('owen.price@example.org', DEMO_PASSWORD);
    const mine = (await owen.get(`${base}/cycles/${cycle.id}/self-assessments`)).body as SelfAssessmentListDto;
    expect(mine.items.map((x) => `${x.organisation.name} ${x.state}`)).toEqual(['Riverside General Hospital draft']);
    expect(mine.items[0].progressText).toMatch(/^7 of \d+ answered$/);
  });

  it('gives both peer review PDFs something real to show: Riverside’s issued review, and the current programme’s summary', async () => {
    type Data = Record<string, any>;
    const network = await api.db.run({ userId: null }, ({ em }) => em.findOneOrFail(Network, { slug: 'east-midlands-mtn' }));
    const today = todayIso();
    await api.db.inNetwork({ userId: null, networkId: network.id, networkSlug: network.slug }, async ({ em }) => {
      const [current, previous] = await em.find(ReviewCycle, {}, { orderBy: { firstFy: 'desc' } });
      const review = await em.findOneOrFail(ReviewReport, { cycleId: previous.id });
      const report = await peerReviewReportSections({ cycleId: previous.id, organisationId: review.organisationId }, today);
      const data = (title: string) => report.sections.find((x) => x.title === title)?.data as Data;
      expect(report.stateText).toMatch(/^Issued on .* \(agreed on .* with Mr Daniel Okafor, Trauma Unit Clinical Lead\)$/);
      expect(data('Self-assessment results').activities[0]).toMatchObject({
        submitted: true,
        overallText: expect.stringMatching(/applicable measures met/),
      });
      expect(data('Findings').groups.map((g: Data) => g.findings.length)).toEqual([1, 1, 1]);
      expect(data('Good practice').findings).toHaveLength(1);
      expect(data('Recommendations').rows).toHaveLength(4);
      expect(data('Action plan').rows.map((r: Data) => r.words)).toEqual(['Complete', 'Complete', 'At risk', 'Off track']);
      expect(data('Scope and panel').external).toEqual(['Dr Sam Ellis, North West Children’s Major Trauma Network']);

      const summary = await peerReviewSummarySections({ cycleId: current.id }, today);
      const part = (title: string) => summary.sections.find((x) => x.title === title)?.data as Data;
      expect(part('Compliance with the standards').activities[0].rows.filter((r: Data) => r.submitted)).toHaveLength(2);
      expect(part('Overdue submissions and actions').submissions.length).toBeGreaterThanOrEqual(3);
      expect(part('The programme').rows).toHaveLength(4);
      expect(part('Timeline').rows).toHaveLength(17);
    });
  });

  it('has East Midlands’ annual report for FY 2024/25 started, telling of its 2023–25 plan', async () => {
    const priya = await new HttpClient(api.url).login('priya.shah@example.org', DEMO_PASSWORD);
    const drafts = (await priya.get('/api/networks/east-midlands-mtn/annual-reports')).body as Array<{
      fy: string;
      plan: { title: string } | null;
      chairForeword: string;
    }>;
    expect(drafts.map((d) => d.fy)).toEqual(['2024/25']);
    expect(drafts[0].plan?.title).toMatch(/2023/);
    expect(drafts[0].chairForeword).toMatch(/^This was the second and final year/);
  });
});
