import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ReportDocumentDto, ReviewActionListDto, ReviewCycleDto, ReviewReportDto, StandardVersionDto } from '@plexus/contracts';
import { todayIso } from '@plexus/domain';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { eventually } from '../support/eventually';
import { createTestDatabase, HttpClient, newNetwork, startApi, testConfig, type Fixture, type TestApi, type TestDatabase } from '../support/harness';
import { pdfInfo, pdfText } from '../support/pdf';

/**
 * The peer review report PDFs (issue 9, item 7), API → worker → Chromium → PDF, read back with pdftotext: one
 * organisation's review (scope and panel, self-assessment results, findings immediate risks first, good practice,
 * recommendations, the action plan) and the programme summary (heat map, findings by class, what is overdue); both as a
 * board paper's body; ids checked in the network before anything is queued; schedules send neither; contributors do
 * not see them in the library.
 */
describe('peer review report and programme summary PDFs', () => {
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let a: Fixture;
  let b: Fixture;
  let manager: HttpClient;
  let managerB: HttpClient;
  let contributor: HttpClient;
  let viewer: HttpClient;
  const storageDir = mkdtempSync(join(tmpdir(), 'plexus-peer-review-report-'));
  const net = '/api/networks/prr-a';
  const base = `${net}/peer-review`;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { STORAGE_DIR: storageDir, REPORT_PAGE_POOL: '1' };
    api = await startApi(db, env);
    a = await newNetwork(api.db, 'prr-a');
    b = await newNetwork(api.db, 'prr-b');
    manager = await new HttpClient(api.url).login(a.users.manager.email);
    managerB = await new HttpClient(api.url).login(b.users.manager.email);
    contributor = await new HttpClient(api.url).login(a.users.contributor.email);
    viewer = await new HttpClient(api.url).login(a.users.viewer.email);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, env)), { logger: false });
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  const ok = <T>(res: { status: number; body: T }, status: number, what: string): T => {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`);
    return res.body;
  };
  const fields = (res: { body: { fields?: Array<{ field: string }> } }) => (res.body.fields ?? []).map((f) => f.field);

  /** Asks for a document and waits until the worker has made it; its PDF's text (spaces squeezed) and metadata. */
  async function generate(body: Record<string, unknown>): Promise<{ doc: ReportDocumentDto; text: string; info: Record<string, string> }> {
    const asked = ok(await manager.post(`${net}/reports`, body), 202, `report ${String(body['kind'])}`) as ReportDocumentDto;
    const doc = await eventually(
      async () => (await manager.get(`${net}/reports/${asked.id}`)).body as ReportDocumentDto,
      (d) => d.status === 'ready' || d.status === 'failed',
      90_000,
    );
    expect({ status: doc.status, failureReason: doc.failureReason }).toEqual({ status: 'ready', failureReason: null });
    const res = await fetch(`${api.url}${doc.downloadUrl}`, { headers: { cookie: `plexus_session=${manager.cookie('plexus_session')}` } });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { doc, text: pdfText(bytes).replace(/[ \t]+/g, ' '), info: pdfInfo(bytes) };
  }

  /** An active two-year programme over both organisations, its self-assessment against a published RAG tool. */
  async function programme(): Promise<{ cycle: ReviewCycleDto; criteria: Record<string, string> }> {
    const std = `${net}/standards`;
    const set = ok(
      await manager.post(`${std}/sets`, { code: 'PRR-AT', name: 'Network assessment tool', kind: 'assessment_tool', answerScale: 'rag' }),
      201,
      'set',
    ) as {
      versions: Array<{ id: string }>;
    };
    const versionId = set.versions[0].id;
    for (const [number, title] of [
      ['1', 'Trauma team'],
      ['2', 'Registry data and audit'],
    ]) {
      ok(await manager.post(`${std}/versions/${versionId}/sections`, { number, title }), 201, 'section');
    }
    const sections = (ok(await manager.get(`${std}/versions/${versionId}`), 200, 'version') as StandardVersionDto).sections;
    for (const [section, number, text] of [
      [sections[0].id, '1.1', 'A consultant leads the trauma team at all hours'],
      [sections[0].id, '1.2', 'Trauma team activation criteria are agreed'],
      [sections[1].id, '2.1', 'All eligible patients are submitted to the national trauma audit'],
      [sections[1].id, '2.2', 'A named trauma audit lead has time in their job plan'],
    ]) {
      ok(await manager.post(`${std}/sections/${section}/criteria`, { number, text }), 201, `criterion ${number}`);
    }
    const published = ok(await manager.post(`${std}/versions/${versionId}/publish`), 200, 'publish') as StandardVersionDto;
    const criteria = Object.fromEntries(published.sections.flatMap((s) => s.criteria.map((c) => [c.number, c.id])));
    const cycle = ok(
      await manager.post(`${base}/cycles`, {
        name: 'Peer Review Programme 2024/2026',
        firstFy: '2024/25',
        lastFy: '2025/26',
        template: 'two-year-programme',
        organisationIds: a.organisations.map((o) => o.id),
      }),
      201,
      'cycle',
    ) as ReviewCycleDto;
    const activity = cycle.activities.find((x) => x.kind === 'self_assessment') as ReviewCycleDto['activities'][number];
    ok(
      await manager.put(`${base}/activities/${activity.id}`, {
        kind: 'self_assessment',
        fy: activity.fy,
        quarter: activity.quarter,
        title: activity.title,
        dueDate: activity.dueDate,
        standardSetVersionId: versionId,
      }),
      200,
      'self-assessment activity',
    );
    const meeting = cycle.activities.find((x) => x.kind === 'review_meeting') as ReviewCycleDto['activities'][number];
    ok(
      await manager.put(`${base}/activities/${meeting.id}`, {
        kind: 'review_meeting',
        fy: meeting.fy,
        quarter: meeting.quarter,
        title: meeting.title,
        dueDate: meeting.dueDate,
        meetingDate: '2024-11-20',
        organisationId: a.organisations[0].id,
        panelUserIds: [a.users.manager.id],
        externalReviewers: ['Dr Sam Ellis, North West Children’s Major Trauma Network'],
      }),
      200,
      'review meeting',
    );
    ok(
      await manager.put(`${base}/cycles/${cycle.id}`, { name: cycle.name, firstFy: cycle.firstFy, lastFy: cycle.lastFy, status: 'active' }),
      200,
      'activate',
    );
    // The first organisation's self-assessment, submitted: 1.1 Red, 1.2 Green, 2.1 Amber, 2.2 Green.
    const started = ok(await contributor.post(`${base}/activities/${activity.id}/self-assessments`, {}), 200, 'start') as { id: string };
    ok(
      await contributor.put(`${base}/self-assessments/${started.id}/answers`, {
        answers: [
          { criterionId: criteria['1.1'], rating: 'red', gaps: 'Two nights a week without a consultant' },
          { criterionId: criteria['1.2'], rating: 'green' },
          { criterionId: criteria['2.1'], rating: 'amber', gaps: 'Submissions four months behind' },
          { criterionId: criteria['2.2'], rating: 'green' },
        ],
      }),
      200,
      'answers',
    );
    ok(await contributor.post(`${base}/self-assessments/${started.id}/submit`), 200, 'submit');
    return { cycle: ok(await manager.get(`${base}/cycles/${cycle.id}`), 200, 'cycle again') as ReviewCycleDto, criteria };
  }

  it('prints one organisation’s review: scope and panel, self-assessment results, findings immediate risks first, good practice, recommendations and the action plan', async () => {
    const { cycle, criteria } = await programme();
    const organisation = a.organisations[0];
    const review = ok(
      await manager.post(`${base}/cycles/${cycle.id}/reviews`, {
        organisationId: organisation.id,
        summary: 'The panel visited the emergency department.',
      }),
      201,
      'review',
    ) as ReviewReportDto;
    // Added in another order than the report prints them: good practice and a concern first, the immediate risk last.
    const finding = async (classification: string, text: string, recommendations: string[], extra: Record<string, unknown> = {}) =>
      ok(await manager.post(`${base}/reviews/${review.id}/findings`, { classification, text, recommendations, ...extra }), 201, classification);
    await finding('good_practice', 'A daily trauma huddle at 08:30 reviews every trauma patient', [], { theme: 'Daily trauma huddle' });
    await finding('concern', 'Audit submissions are four months behind', ['Name a trauma audit lead'], { criterionId: criteria['2.1'] });
    await finding('serious_concern', 'Rehabilitation prescriptions completed for 41% of patients', ['Complete a prescription before discharge'], {
      theme: 'Rehabilitation prescriptions',
    });
    await finding('immediate_risk', 'No consultant leads the trauma team two nights a week', ['Put a consultant rota in place'], {
      theme: 'Out-of-hours leadership',
    });
    const recorded = ok(await manager.get(`${base}/reviews/${review.id}`), 200, 'review again') as ReviewReportDto;
    // The API lists them by class already: immediate risk first.
    expect(recorded.findings.map((f) => f.classification)).toEqual(['immediate_risk', 'serious_concern', 'concern', 'good_practice']);
    const immediate = recorded.findings[0];
    const raised = ok(await manager.post(`${base}/findings/${immediate.id}/raise-risk`, {}), 200, 'raise') as { risk: { reference: string } };

    // The draft's report says so on its cover.
    const draft = await generate({
      kind: 'peer_review_report',
      title: 'Peer review report (draft)',
      options: { cycleId: cycle.id, organisationId: organisation.id },
    });
    expect(draft.text).toContain('Report state Draft: not yet agreed with the organisation');
    expect(draft.text).toContain('No actions yet: each recommendation becomes an action when the report is issued.');

    ok(await manager.post(`${base}/reviews/${review.id}/agree`, { agreedWith: 'Dr A. Jones, Clinical Lead' }), 200, 'agree');
    ok(await manager.post(`${base}/reviews/${review.id}/issue`), 200, 'issue');
    const actions = (
      ok(await manager.get(`${base}/cycles/${cycle.id}/actions?organisationId=${organisation.id}`), 200, 'actions') as ReviewActionListDto
    ).items;
    const rota = actions.find((x) => x.description === 'Put a consultant rota in place') as ReviewActionListDto['items'][number];
    ok(
      await contributor.post(`${base}/actions/${rota.id}/progress`, {
        on: todayIso(),
        status: 'at_risk',
        narrative: 'Locum cover for one of the two nights.',
      }),
      201,
      'progress',
    );

    const { text, info, doc } = await generate({
      kind: 'peer_review_report',
      title: 'Peer review report: Trust One',
      options: { cycleId: cycle.id, organisationId: organisation.id },
    });
    expect(info).toMatchObject({ Title: 'Peer review report: Trust One', Subject: 'Peer review report for Network prr-a', Tagged: 'yes' });
    expect(doc.pageCount).toBeGreaterThanOrEqual(4);
    // Cover and contents with page numbers.
    expect(text).toContain(`The review of ${organisation.name} in Peer Review Programme 2024/2026 (issued)`);
    expect(text).toMatch(/Report state Issued on \d+ \w+ \d{4} \(agreed on \d+ \w+ \d{4} with Dr A\. Jones, Clinical Lead\)/);
    for (const heading of ['Scope and panel', 'Self-assessment results', 'Findings', 'Good practice', 'Recommendations', 'Action plan']) {
      expect(text).toMatch(new RegExp(`\\d\\. ${heading} +\\d+`));
    }
    // Scope and panel.
    expect(text).toContain('Review meeting 20 November 2024 – Formal peer review meetings');
    expect(text).toContain(a.users.manager.displayName);
    expect(text).toContain('Dr Sam Ellis, North West Children’s Major Trauma Network');
    expect(text).toContain('PRR-AT – Network assessment tool, version 1');
    // Self-assessment: 2 of 4 met, per section, with the gaps.
    expect(text).toContain('2 of 4 applicable measures met (50%) across every section.');
    expect(text).toMatch(/1 Trauma team +1 +0 +1 +0 +50%/);
    expect(text).toMatch(/2\.1 +All eligible patients are submitted to the national trauma +Amber \(partially +Submissions four months behind/);
    // Findings: immediate risk, serious concern, concern — in that order — then good practice.
    const order = [
      'Finding 1: Out-of-hours leadership',
      'Finding 2: Rehabilitation prescriptions',
      'Finding 3: 2.1 All eligible patients',
      'Finding 4: Daily trauma huddle',
    ].map((f) => text.indexOf(f));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(text).toContain(`Raised to the network’s risk register as ${raised.risk.reference}`);
    expect(text).toContain('Criterion 2.1: All eligible patients are submitted to the national trauma audit (PRR-AT version 1)');
    // Recommendations become actions; the action plan says BRAG in words with the latest progress.
    expect(text).toMatch(/R1 +Put a consultant rota/);
    expect(text).toContain('1. Immediate risk: Out-of-hours');
    // Words in a table cell wrap where the column ends: any run of white space between them.
    expect(text).toMatch(/Locum\s+cover\s+for\s+one\s+of\s+the\s+two\s+nights\./);
    expect(text).toMatch(/\bAmber\b/);
    expect(text).toContain('At risk');
    expect(text).toContain('3 actions on');
  });

  it('prints the programme summary: organisations, timeline, compliance heat map, findings by class, overdue submissions and actions; and either as a board paper’s body', async () => {
    const cycle = ((await manager.get(`${base}/cycles`)).body as { cycles: Array<{ id: string; name: string }> }).cycles[0];
    const { text } = await generate({ kind: 'peer_review_summary', title: 'Programme summary', options: { cycleId: cycle.id } });
    for (const heading of [
      'The programme',
      'Timeline',
      'Compliance with the standards',
      'Findings by organisation',
      'Overdue submissions and actions',
    ]) {
      expect(text).toMatch(new RegExp(`\\d\\. ${heading} +\\d+`));
    }
    const [one, two] = a.organisations;
    // The heat map: the first organisation's submitted self-assessment by section; the second's not started, in words.
    expect(text).toMatch(new RegExp(`${one.name}[\\s\\S]*?50%[\\s\\S]*?2 of 4 met`));
    expect(text).toContain('Not started.');
    expect(text).toMatch(/80% or more met +50% to 79% met +Under 50% met +No applicable measures/);
    // Findings by class: the issued review's 1, 1, 1, 1; none yet for the other.
    expect(text).toMatch(new RegExp(`${one.name} +Issued +1 +1 +1 +1 +4`));
    expect(text).toMatch(new RegExp(`${two.name} +None yet`));
    // Year 1's documents were due by 30 June 2024: every one still awaited is overdue today.
    expect(text).toMatch(/Overdue submissions \(\d+\)/);
    expect(text).toContain('Awaited');
    expect(text).toMatch(/Overdue actions \(0\)\s+No action was overdue on/);

    const paper = await generate({
      kind: 'board_paper',
      title: 'Peer review programme: position',
      cover: {
        meeting: 'Network Board',
        meetingDate: '2026-06-11',
        author: 'Network Manager',
        purposes: ['assurance'],
        executiveSummary: 'Where the programme stands.',
      },
      body: { kind: 'peer_review_summary', options: { cycleId: cycle.id } },
    });
    expect(paper.text).toContain('Where the programme stands.');
    expect(paper.text).toContain('Findings by organisation');
  });

  it('checks every id in the network before queueing (404 naming the field), and schedules send neither kind', async () => {
    const cycle = ((await manager.get(`${base}/cycles`)).body as { cycles: Array<{ id: string }> }).cycles[0];
    const theirs = ok(
      await managerB.post('/api/networks/prr-b/peer-review/cycles', { name: 'Theirs', firstFy: '2024/25', lastFy: '2024/25', organisationIds: [] }),
      201,
      'their cycle',
    ) as { id: string };
    const before = ((await manager.get(`${net}/reports`)).body as unknown[]).length;
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ kind: 'peer_review_summary', options: { cycleId: theirs.id } }, 404, 'options.cycleId'],
      [{ kind: 'peer_review_report', options: { cycleId: theirs.id, organisationId: a.organisations[0].id } }, 404, 'options.cycleId'],
      [{ kind: 'peer_review_report', options: { cycleId: cycle.id, organisationId: b.organisations[0].id } }, 404, 'options.organisationId'],
      [{ kind: 'peer_review_report', options: { cycleId: cycle.id } }, 400, 'options.organisationId'],
      [{ kind: 'peer_review_summary', options: { cycleId: 'not-a-uuid' } }, 400, 'options.cycleId'],
      [
        {
          kind: 'board_paper',
          title: 'Paper',
          cover: { meeting: 'Board', meetingDate: '2026-06-11', author: 'Me', purposes: ['noting'], executiveSummary: 'Summary' },
          body: { kind: 'peer_review_report', options: { cycleId: cycle.id, organisationId: b.organisations[0].id } },
        },
        404,
        'body.options.organisationId',
      ],
    ];
    for (const [body, status, field] of cases) {
      const res = await manager.post(`${net}/reports`, body);
      expect({ body, status: res.status, fields: fields(res) }).toEqual({ body, status, fields: [field] });
    }
    expect(((await manager.get(`${net}/reports`)).body as unknown[]).length).toBe(before);

    const list = ok(await manager.post(`${net}/recipients`, { name: 'Commissioner', email: 'commissioner.prr@example.org' }), 201, 'recipient') as {
      id: string;
    };
    const schedule = (report: Record<string, unknown>) =>
      manager.post(`${net}/schedules`, {
        name: 'Quarterly',
        report,
        recurrence: { kind: 'first_working_day', time: '07:00' },
        recipientIds: [list.id],
      });
    const refused = await schedule({ kind: 'peer_review_summary', options: { cycleId: cycle.id } });
    expect({ status: refused.status, fields: fields(refused) }).toEqual({ status: 400, fields: ['report.kind'] });
    const refusedBody = await schedule({
      kind: 'board_paper',
      title: 'Paper',
      cover: { meeting: 'Board', meetingDate: '2026-06-11', author: 'Me', purposes: ['noting'], executiveSummary: 'Summary' },
      body: { kind: 'peer_review_summary', options: { cycleId: cycle.id } },
    });
    expect({ status: refusedBody.status, fields: fields(refusedBody) }).toEqual({ status: 400, fields: ['report.body.kind'] });
  });

  it('keeps the peer review documents from contributors (their library, the document and its download), not from the rest of the network', async () => {
    const mine = ((await manager.get(`${net}/reports`)).body as ReportDocumentDto[]).filter(
      (d) => d.kind === 'peer_review_report' || d.kind === 'peer_review_summary' || d.kind === 'board_paper',
    );
    expect(mine.length).toBeGreaterThanOrEqual(4);
    const seen = (await contributor.get(`${net}/reports`)).body as ReportDocumentDto[];
    expect(seen.filter((d) => mine.some((m) => m.id === d.id))).toEqual([]);
    for (const d of mine) {
      expect((await contributor.get(`${net}/reports/${d.id}`)).status).toBe(404);
      expect((await contributor.get(`${net}/reports/${d.id}/download`)).status).toBe(404);
    }
    const viewed = (await viewer.get(`${net}/reports`)).body as ReportDocumentDto[];
    expect(mine.every((m) => viewed.some((d) => d.id === m.id))).toBe(true);
  });
});
