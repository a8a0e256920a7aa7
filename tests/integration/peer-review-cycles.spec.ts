import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ReviewActivityDto, ReviewCycleDto, SubmissionDto, SubmissionSummaryDto } from '@plexus/contracts';
import { EmailOutbox, JobQueue, Membership, QueueName, SubmissionChaser } from '@plexus/server';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { SubmissionChasersService, type ChaseResult } from '../../apps/worker/src/peer-review/submission-chasers.service';
import { Clock } from '../../apps/worker/src/schedule/clock';
import { docxBytes, documentForm, legacyDocBytes, pdfBytes, plainZipBytes, xlsxBytes } from '../support/documents';
import { eventually } from '../support/eventually';
import {
  addMember,
  createTestDatabase,
  HttpClient,
  newNetwork,
  startApi,
  testConfig,
  type Fixture,
  type TestApi,
  type TestDatabase,
} from '../support/harness';
import { startSmtpSink } from '../support/smtp-sink';

/**
 * Peer review cycles and submissions (issue 9, items 2 and 3) through the API: the template reproduces seed 002's
 * two years; submissions go awaited → submitted → more information requested → submitted → accepted; a contributor
 * sees and changes only their own organisation's submissions (404 for another's, on every route, and RLS beneath);
 * uploads are sniffed and capped; chasers go once per step across two workers and a restart; a request for more
 * information is emailed to the organisation's contributors with its reason, once per request.
 */
describe('peer review cycles and submissions', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let b: Fixture;
  let manager: HttpClient;
  let managerB: HttpClient;
  /** Contributor for a's first organisation (the fixture's) and for its second. */
  let contributorOne: HttpClient;
  let contributorTwo: HttpClient;
  let contributorTwoEmail: string;
  let viewer: HttpClient;
  const storageDir = mkdtempSync(join(tmpdir(), 'plexus-peer-review-'));
  const base = '/api/networks/prc-a/peer-review';

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db, { STORAGE_DIR: storageDir });
    a = await newNetwork(api.db, 'prc-a');
    b = await newNetwork(api.db, 'prc-b');
    const second = await addMember(api.db, [a], 'contributor');
    contributorTwoEmail = second.email;
    // addMember ties a contributor to the first organisation: this one acts for the second.
    await api.db.inNetwork({ userId: null, networkId: a.network.id }, async ({ em }) => {
      const m = await em.findOneOrFail(Membership, { id: second.membershipIds['prc-a'] });
      m.organisationId = a.organisations[1].id;
      await em.flush();
    });
    manager = await new HttpClient(api.url).login(a.users.manager.email);
    managerB = await new HttpClient(api.url).login(b.users.manager.email);
    contributorOne = await new HttpClient(api.url).login(a.users.contributor.email);
    contributorTwo = await new HttpClient(api.url).login(second.email);
    viewer = await new HttpClient(api.url).login(a.users.viewer.email);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const ok = <T>(res: { status: number; body: T }, status: number, what: string): T => {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`);
    return res.body;
  };
  const fields = (res: { body: { fields?: Array<{ field: string }> } }) => (res.body.fields ?? []).map((f) => f.field);

  async function templateCycle(
    name: string,
    firstFy: string,
    lastFy: string,
    organisationIds = a.organisations.map((o) => o.id),
  ): Promise<ReviewCycleDto> {
    return ok(await manager.post(`${base}/cycles`, { name, firstFy, lastFy, template: 'two-year-programme', organisationIds }), 201, 'cycle');
  }
  async function submissionsOf(client: HttpClient, cycleId: string, query = ''): Promise<SubmissionSummaryDto[]> {
    return ok(await client.get(`${base}/cycles/${cycleId}/submissions${query}`), 200, 'submissions').items;
  }
  async function activate(cycle: ReviewCycleDto): Promise<void> {
    ok(
      await manager.put(`${base}/cycles/${cycle.id}`, {
        name: cycle.name,
        firstFy: cycle.firstFy,
        lastFy: cycle.lastFy,
        reminderDays: cycle.reminderDays,
        status: 'active',
      }),
      200,
      'activate',
    );
  }
  const upload = (client: HttpClient, submissionId: string, form: FormData) =>
    client.request('POST', `${base}/submissions/${submissionId}/files`, form);

  /** The bytes of a download, with its headers (the test client reads bodies as text). */
  async function download(
    client: HttpClient,
    path: string,
  ): Promise<{ status: number; type: string | null; disposition: string | null; bytes: Buffer }> {
    const res = await fetch(api.url + path, { headers: { cookie: `plexus_session=${client.cookie('plexus_session')}` } });
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      disposition: res.headers.get('content-disposition'),
      bytes: Buffer.from(await res.arrayBuffer()),
    };
  }

  it('creates a cycle from the template that reproduces seed 002’s two years, with every organisation owing every document', async () => {
    const cycle = await templateCycle('Peer Review Programme 2024/2026', '2024/25', '2025/26');
    expect(cycle).toMatchObject({
      status: 'draft',
      firstFy: '2024/25',
      lastFy: '2025/26',
      reminderDays: [14, 3],
      organisationCount: 2,
      activityCount: 17,
    });
    expect(cycle.quarters.map((q) => q.label)).toEqual([
      'Q1 2024/25',
      'Q2 2024/25',
      'Q3 2024/25',
      'Q4 2024/25',
      'Q1 2025/26',
      'Q2 2025/26',
      'Q3 2025/26',
      'Q4 2025/26',
    ]);
    const shape = cycle.activities.filter((x) => x.kind !== 'action_plan_update').map((x) => `${x.fy} Q${x.quarter} ${x.kind} ${x.dueDate}`);
    expect(shape).toEqual([
      '2024/25 Q1 submission 2024-06-30',
      '2024/25 Q2 self_assessment 2024-09-30',
      '2024/25 Q2 report 2024-09-30',
      '2024/25 Q3 review_meeting 2024-12-31',
      '2024/25 Q4 report 2025-03-31',
      '2025/26 Q1 submission 2025-06-30',
      '2025/26 Q2 review_meeting 2025-09-30',
      '2025/26 Q3 review_meeting 2025-12-31',
      '2025/26 Q4 review_meeting 2026-03-31',
    ]);
    // Clinical leads' action plan updates in all eight quarters.
    expect(cycle.activities.filter((x) => x.kind === 'action_plan_update').map((x) => `${x.fy} Q${x.quarter}`)).toHaveLength(8);
    const documents = cycle.activities.filter((x) => x.kind === 'submission').map((x) => x.requiredDocuments);
    expect(documents).toEqual([
      ['Annual report', 'Work plan', 'Operational policy'],
      ['Annual report', 'Work plan', 'Operational policy'],
    ]);
    // Two submission activities × three documents × two organisations, all awaited (and overdue: their dates are past).
    expect(cycle.submissions).toEqual({ total: 12, awaited: 12, submitted: 0, accepted: 0, moreInformationRequested: 0, overdue: 12 });
    expect(cycle.organisations.map((o) => o.submissions.total)).toEqual([6, 6]);
    const list = await submissionsOf(manager, cycle.id);
    expect(list).toHaveLength(12);
    expect(list.every((s) => s.state === 'awaited' && s.overdue && s.daysUntilDue < 0)).toBe(true);
    expect(new Set(list.map((s) => `${s.organisation.name}|${s.activity.fy}|${s.documentName}`)).size).toBe(12);

    // Everyone in the network reads it; a contributor's counts are their organisation's.
    const asContributor = ok(await contributorOne.get(`${base}/cycles/${cycle.id}`), 200, 'contributor read');
    expect(asContributor.submissions.total).toBe(6);
    expect(asContributor.can.manage).toBe(false);
    expect(ok(await viewer.get(`${base}/cycles`), 200, 'viewer list').cycles.map((c: { name: string }) => c.name)).toContain(cycle.name);
    expect((await viewer.post(`${base}/cycles`, { name: 'x', firstFy: '2024/25', lastFy: '2024/25' })).status).toBe(403);
    expect((await contributorOne.put(`${base}/cycles/${cycle.id}/organisations`, { organisationIds: [] })).status).toBe(403);
  });

  it('refuses bad cycles naming the field: years, template length, duplicate names, another network’s organisation', async () => {
    const bad = await manager.post(`${base}/cycles`, { name: '', firstFy: '2024/26', lastFy: '2023/24', reminderDays: [0, 3, 3] });
    expect(bad.status).toBe(400);
    expect(fields(bad).sort()).toEqual(['firstFy', 'name', 'reminderDays', 'reminderDays.0']);
    const backwards = await manager.post(`${base}/cycles`, { name: 'Backwards', firstFy: '2025/26', lastFy: '2024/25' });
    expect({ status: backwards.status, fields: fields(backwards) }).toEqual({ status: 400, fields: ['lastFy'] });
    const threeYears = await manager.post(`${base}/cycles`, { name: 'Three', firstFy: '2024/25', lastFy: '2026/27', template: 'two-year-programme' });
    expect({ status: threeYears.status, fields: fields(threeYears) }).toEqual({ status: 400, fields: ['lastFy'] });
    const foreign = await manager.post(`${base}/cycles`, {
      name: 'Foreign',
      firstFy: '2024/25',
      lastFy: '2024/25',
      organisationIds: [b.organisations[0].id],
    });
    expect({ status: foreign.status, fields: fields(foreign) }).toEqual({ status: 404, fields: ['organisationIds.0'] });
    const duplicate = await manager.post(`${base}/cycles`, { name: 'PEER REVIEW programme 2024/2026', firstFy: '2024/25', lastFy: '2024/25' });
    expect({ status: duplicate.status, fields: fields(duplicate) }).toEqual({ status: 409, fields: ['name'] });
    // The first and last years there can be make their dates without a 5xx (1990/91's Q1 ends 30 June 1990; 2099/00's Q4 on 31 March 2100).
    for (const [firstFy, lastFy, status] of [
      ['1990/91', '1991/92', 201],
      ['2098/99', '2099/00', 201],
      ['2099/00', '2100/01', 400],
    ] as const) {
      const res = await manager.post(`${base}/cycles`, { name: `Edge ${firstFy}`, firstFy, lastFy, template: 'two-year-programme' });
      expect({ firstFy, status: res.status }).toEqual({ firstFy, status });
    }
    // Another network cannot see or change this one's cycles.
    const mine = ok(await manager.get(`${base}/cycles`), 200, 'list').cycles[0];
    expect((await managerB.get(`/api/networks/prc-b/peer-review/cycles/${mine.id}`)).status).toBe(404);
  });

  it('edits the plan: activities by kind, due dates within the cycle, submissions following the documents', async () => {
    const cycle = await templateCycle('Plan editing', '2026/27', '2027/28');
    const submissionActivity = cycle.activities.find((x) => x.kind === 'submission') as ReviewActivityDto;
    const meeting = ok(
      await manager.post(`${base}/cycles/${cycle.id}/activities`, {
        kind: 'review_meeting',
        fy: '2026/27',
        quarter: 3,
        title: 'Review panel: Trust One',
        meetingDate: '2026-11-12',
        organisationId: a.organisations[0].id,
        panelUserIds: [a.users.lead.id],
        externalReviewers: ['Dr Sam Ellis, Northwest Children’s Major Trauma Network'],
      }),
      201,
      'meeting',
    ) as ReviewActivityDto;
    expect(meeting).toMatchObject({
      dueDate: '2026-12-31',
      meetingDate: '2026-11-12',
      organisation: { id: a.organisations[0].id, name: a.organisations[0].name },
      panel: [{ userId: a.users.lead.id, name: a.users.lead.displayName }],
      externalReviewers: ['Dr Sam Ellis, Northwest Children’s Major Trauma Network'],
      submissions: null,
    });
    // A self-assessment is against a published version of one of the network's sets (or a national one): no such version is 404.
    const selfAssessmentInput = { kind: 'self_assessment', fy: '2026/27', quarter: 2, title: 'Self-assessment (D15)' };
    const unknownVersion = await manager.post(`${base}/cycles/${cycle.id}/activities`, {
      ...selfAssessmentInput,
      standardSetVersionId: '6f1c2b1e-0000-4000-8000-000000000099',
    });
    expect({ status: unknownVersion.status, fields: fields(unknownVersion) }).toEqual({ status: 404, fields: ['standardSetVersionId'] });
    const standards = '/api/networks/prc-a/standards';
    const set = ok(await manager.post(`${standards}/sets`, { code: 'PRC-D15', name: 'D15 measures', kind: 'network_standards' }), 201, 'set') as {
      versions: Array<{ id: string }>;
    };
    const versionId = set.versions[0].id;
    const section = ok(await manager.post(`${standards}/versions/${versionId}/sections`, { number: '1', title: 'Governance' }), 201, 'section') as {
      sections: Array<{ id: string }>;
    };
    ok(await manager.post(`${standards}/sections/${section.sections[0].id}/criteria`, { number: 'D15-1', text: 'A trauma lead' }), 201, 'criterion');
    ok(await manager.post(`${standards}/versions/${versionId}/publish`), 200, 'publish');
    const selfAssessment = ok(
      await manager.post(`${base}/cycles/${cycle.id}/activities`, { ...selfAssessmentInput, standardSetVersionId: versionId }),
      201,
      'self-assessment',
    );
    expect(selfAssessment).toMatchObject({ standardSetVersionId: versionId, dueDate: '2026-09-30' });

    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ kind: 'report', fy: '2028/29', quarter: 1, title: 'Outside' }, 400, 'fy'],
      [{ kind: 'report', fy: '2026/27', quarter: 1, title: 'Late', dueDate: '2028-04-01' }, 400, 'dueDate'],
      [{ kind: 'report', fy: '2026/27', quarter: 5, title: 'Q5' }, 400, 'quarter'],
      [{ kind: 'self_assessment', fy: '2026/27', quarter: 1, title: 'SA', standardSetVersionId: 'not-a-uuid' }, 400, 'standardSetVersionId'],
      [{ kind: 'submission', fy: '2026/27', quarter: 1, title: 'Docs', requiredDocuments: [] }, 400, 'requiredDocuments'],
      [{ kind: 'submission', fy: '2026/27', quarter: 1, title: 'Docs', requiredDocuments: ['Policy', 'policy'] }, 400, 'requiredDocuments'],
      [{ kind: 'review_meeting', fy: '2026/27', quarter: 1, title: 'M', organisationId: b.organisations[0].id }, 404, 'organisationId'],
      [{ kind: 'review_meeting', fy: '2026/27', quarter: 1, title: 'M', panelUserIds: [b.users.manager.id] }, 404, 'panelUserIds.0'],
      [{ kind: 'review_meeting', fy: '2026/27', quarter: 1, title: 'M', meetingDate: '2030-01-01' }, 400, 'meetingDate'],
      [{ kind: 'meeting', fy: '2026/27', quarter: 1, title: 'M' }, 400, 'kind'],
    ];
    for (const [body, status, field] of cases) {
      const res = await manager.post(`${base}/cycles/${cycle.id}/activities`, body);
      expect({ body, status: res.status, fields: fields(res) }).toEqual({ body, status, fields: [field] });
    }

    // A document added is owed by both organisations; a new due date moves the submissions due on the old one.
    const changed = ok(
      await manager.put(`${base}/activities/${submissionActivity.id}`, {
        kind: 'submission',
        fy: submissionActivity.fy,
        quarter: 1,
        title: submissionActivity.title,
        description: submissionActivity.description,
        dueDate: '2026-07-15',
        requiredDocuments: ['Annual report', 'Work plan', 'Operational policy', 'Clinical audit summary'],
      }),
      200,
      'update activity',
    ) as ReviewActivityDto;
    expect(changed.submissions?.total).toBe(8);
    const docs = await submissionsOf(manager, cycle.id, `?activityId=${submissionActivity.id}`);
    expect(docs.map((s) => s.dueDate)).toEqual(Array(8).fill('2026-07-15'));
    expect(docs.filter((s) => s.documentName === 'Clinical audit summary')).toHaveLength(2);

    // Taken out again (nothing uploaded yet), then the activity goes with its submissions.
    ok(
      await manager.put(`${base}/activities/${submissionActivity.id}`, {
        kind: 'submission',
        fy: submissionActivity.fy,
        quarter: 1,
        title: submissionActivity.title,
        requiredDocuments: ['Annual report'],
      }),
      200,
      'fewer documents',
    );
    expect(await submissionsOf(manager, cycle.id, `?activityId=${submissionActivity.id}`)).toHaveLength(2);
    expect((await manager.delete(`${base}/activities/${submissionActivity.id}`)).status).toBe(204);
    expect((await manager.get(`${base}/cycles/${cycle.id}/submissions?activityId=${submissionActivity.id}`)).status).toBe(404);

    // Scope: one organisation out takes its submissions; back in, it owes them again.
    const narrowed = ok(await manager.put(`${base}/cycles/${cycle.id}/organisations`, { organisationIds: [a.organisations[0].id] }), 200, 'scope');
    expect(narrowed.organisations.map((o: { id: string }) => o.id)).toEqual([a.organisations[0].id]);
    expect(narrowed.submissions.total).toBe(3);
    const widened = ok(
      await manager.put(`${base}/cycles/${cycle.id}/organisations`, { organisationIds: a.organisations.map((o) => o.id) }),
      200,
      'scope',
    );
    expect(widened.submissions.total).toBe(6);

    // The cycle's years cannot leave its activities behind.
    const shorter = await manager.put(`${base}/cycles/${cycle.id}`, { name: cycle.name, firstFy: '2026/27', lastFy: '2026/27', status: 'draft' });
    expect({ status: shorter.status, fields: fields(shorter) }).toEqual({ status: 409, fields: ['lastFy'] });

    const trail = ok(await manager.get(`/api/networks/prc-a/audit?entityType=review_activity&entityId=${meeting.id}`), 200, 'audit');
    expect(trail.items.map((e: { action: string }) => e.action)).toEqual(['create']);
    expect((await manager.delete(`${base}/cycles/${cycle.id}`)).status).toBe(204);
    expect((await manager.get(`${base}/cycles/${cycle.id}`)).status).toBe(404);
  });

  it('takes a submission from awaited to submitted, more information requested, submitted again and accepted', async () => {
    const cycle = await templateCycle('States end to end', '2027/28', '2028/29');
    expect((await upload(contributorOne, (await submissionsOf(contributorOne, cycle.id))[0].id, documentForm(pdfBytes(), 'report.pdf'))).status).toBe(
      409,
    );
    await activate(cycle);
    const [first] = await submissionsOf(contributorOne, cycle.id, `?state=awaited`);
    expect(first.organisation.id).toBe(a.organisations[0].id);
    expect(first.can).toEqual({ upload: true, review: false });

    // Nothing submitted yet: nothing to review.
    expect((await manager.post(`${base}/submissions/${first.id}/accept`)).status).toBe(409);

    const pdf = pdfBytes('Annual report 2027/28');
    const submitted = ok(
      await upload(contributorOne, first.id, documentForm(pdf, 'Annual report 2027–28.pdf', 'application/pdf')),
      201,
      'upload',
    ) as SubmissionDto;
    expect(submitted).toMatchObject({ state: 'submitted', fileCount: 1, submittedBy: { name: a.users.contributor.displayName } });
    expect(submitted.files.map((f) => [f.version, f.kind, f.fileName, f.sizeBytes])).toEqual([[1, 'pdf', 'Annual report 2027–28.pdf', pdf.length]]);
    expect(submitted.latestFile?.uploadedBy.userId).toBe(a.users.contributor.id);

    const got = await download(contributorOne, submitted.files[0].downloadUrl);
    expect({ status: got.status, type: got.type, same: got.bytes.equals(pdf) }).toEqual({ status: 200, type: 'application/pdf', same: true });
    expect(got.disposition).toContain(`filename*=UTF-8''${encodeURIComponent('Annual report 2027–28.pdf')}`);
    expect((await download(viewer, submitted.files[0].downloadUrl)).status).toBe(200);

    const bad = await manager.post(`${base}/submissions/${first.id}/request-information`, { reason: '', dueDate: '2020-01-01' });
    expect({ status: bad.status, fields: fields(bad).sort() }).toEqual({ status: 400, fields: ['reason'] });
    const past = await manager.post(`${base}/submissions/${first.id}/request-information`, { reason: 'x', dueDate: '2020-01-01' });
    expect({ status: past.status, fields: fields(past) }).toEqual({ status: 400, fields: ['dueDate'] });
    const asked = ok(
      await manager.post(`${base}/submissions/${first.id}/request-information`, { reason: 'Add the rehabilitation section.', dueDate: '2029-01-31' }),
      200,
      'request information',
    ) as SubmissionDto;
    expect(asked).toMatchObject({
      state: 'more_information_requested',
      reason: 'Add the rehabilitation section.',
      dueDate: '2029-01-31',
      overdue: false,
    });
    expect(asked.reviewedBy?.userId).toBe(a.users.manager.id);
    // The organisation's contributor is emailed the reason through the outbox (the refused requests wrote nothing).
    expect(asked.chasers.map((c) => `${c.step} ${c.dueDate} ${c.recipients}`)).toEqual(['information-v1 2029-01-31 1']);
    const outbox = await api.db.inNetwork({ userId: null, networkId: a.network.id }, ({ em }) =>
      em.find(EmailOutbox, { kind: 'submission_information_request' }),
    );
    expect(outbox.map((e) => [e.toAddress, e.subject, e.status])).toEqual([
      [a.users.contributor.email, `More information requested: Annual report for ${cycle.name} (due 31 January 2029)`, 'pending'],
    ]);
    expect(outbox[0].bodyText).toContain('What the network asked for:\nAdd the rehabilitation section.');
    expect(outbox[0].bodyText).toContain(`http://plexus.test/n/prc-a/peer-review/cycles/${cycle.id}/submissions/${first.id}`);
    expect((await manager.post(`${base}/submissions/${first.id}/accept`)).status).toBe(409);

    const again = ok(await upload(contributorOne, first.id, documentForm(docxBytes(), 'Annual report v2.docx')), 201, 'resubmit') as SubmissionDto;
    expect(again.state).toBe('submitted');
    expect(again.files.map((f) => `${f.version} ${f.kind}`)).toEqual(['2 docx', '1 pdf']);
    const accepted = ok(await manager.post(`${base}/submissions/${first.id}/accept`), 200, 'accept') as SubmissionDto;
    expect(accepted).toMatchObject({ state: 'accepted', reason: '', can: { upload: false, review: false } });
    // Accepted: nothing more to send or decide.
    expect((await upload(contributorOne, first.id, documentForm(pdf, 'again.pdf'))).status).toBe(409);
    expect((await manager.post(`${base}/submissions/${first.id}/accept`)).status).toBe(409);

    // Managers may upload for any organisation; the contributor's landing page lists what is still owed first.
    const other = (await submissionsOf(manager, cycle.id, `?organisationId=${a.organisations[1].id}`))[0];
    expect(ok(await upload(manager, other.id, documentForm(xlsxBytes(), 'figures.xlsx')), 201, 'manager upload').files[0].kind).toBe('xlsx');
    expect(ok(await upload(manager, other.id, documentForm(legacyDocBytes(), 'old policy.doc')), 201, 'doc upload').files[0].kind).toBe('doc');
    const mine = ok(await contributorOne.get(`${base}/my-submissions`), 200, 'mine');
    expect(mine.organisation).toEqual({ id: a.organisations[0].id, name: a.organisations[0].name });
    expect(mine.items.every((s: SubmissionSummaryDto) => s.organisation.id === a.organisations[0].id)).toBe(true);
    expect(mine.items.at(-1).state).toBe('accepted');
    expect(mine.items[0].state).toBe('awaited');
    expect(ok(await manager.get(`${base}/my-submissions`), 200, 'manager mine')).toMatchObject({ organisation: null, items: [] });

    const trail = ok(await manager.get(`/api/networks/prc-a/audit?entityType=submission&entityId=${first.id}`), 200, 'audit');
    expect(trail.items.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'update', 'update', 'create']);
    // A document uploaded keeps its activity and its cycle from being deleted.
    expect((await manager.delete(`${base}/activities/${first.activity.id}`)).status).toBe(409);
    expect((await manager.delete(`${base}/cycles/${cycle.id}`)).status).toBe(409);
  });

  it('keeps a contributor to their own organisation: 404 for another organisation’s submission on every route, and in the database', async () => {
    const cycle = await templateCycle('Isolation between organisations', '2028/29', '2029/30');
    await activate(cycle);
    const one = (await submissionsOf(contributorOne, cycle.id))[0];
    const two = (await submissionsOf(contributorTwo, cycle.id))[0];
    expect(one.organisation.id).toBe(a.organisations[0].id);
    expect(two.organisation.id).toBe(a.organisations[1].id);
    const oneFile = ok(await upload(contributorOne, one.id, documentForm(pdfBytes(), 'one.pdf')), 201, 'upload one').files[0];
    const twoFile = ok(await upload(contributorTwo, two.id, documentForm(pdfBytes(), 'two.pdf')), 201, 'upload two').files[0];

    // Every route of the API that names a submission, from the OpenAPI document (a new one is swept the day it is added).
    const paths = (await manager.get('/api/docs-json')).body.paths as Record<string, Record<string, unknown>>;
    const routes = Object.entries(paths)
      .filter(([template]) => template.includes('{submissionId}'))
      .flatMap(([template, ops]) => Object.keys(ops).map((method) => ({ verb: method.toUpperCase(), template })));
    expect(routes.length).toBeGreaterThanOrEqual(5);
    const managerOnly = new Set([
      'POST /api/networks/{network}/peer-review/submissions/{submissionId}/accept',
      'POST /api/networks/{network}/peer-review/submissions/{submissionId}/request-information',
    ]);
    const fill = (template: string, submissionId: string, fileId: string) =>
      template.replace('{network}', 'prc-a').replace('{submissionId}', submissionId).replace('{fileId}', fileId);
    const body = (verb: string, template: string) =>
      template.endsWith('/files')
        ? documentForm(pdfBytes(), 'probe.pdf')
        : template.endsWith('/request-information')
          ? { reason: 'x' }
          : verb === 'GET'
            ? undefined
            : {};
    const checked: string[] = [];
    for (const { verb, template } of routes) {
      const key = `${verb} ${template}`;
      const foreign = await contributorTwo.request(verb, fill(template, one.id, oneFile.id), body(verb, template));
      const own = await contributorTwo.request(verb, fill(template, two.id, twoFile.id), body(verb, template));
      // A contributor's own submission is reached; another organisation's is not there. Manager-only routes refuse
      // every contributor before any look-up, alike for both: nothing is learnt.
      expect({ key, foreign: foreign.status, own: own.status < 300 }).toEqual({
        key,
        foreign: managerOnly.has(key) ? 403 : 404,
        own: !managerOnly.has(key),
      });
      if (managerOnly.has(key)) expect(own.status).toBe(403);
      // Another organisation's file under one's own submission is not there either.
      if (template.includes('{fileId}')) expect((await contributorTwo.request(verb, fill(template, two.id, oneFile.id))).status).toBe(404);
      checked.push(key);
    }
    expect(checked.sort()).toEqual(routes.map((r) => `${r.verb} ${r.template}`).sort());

    // Lists: their own organisation's only; naming another organisation is 404 naming it.
    const listed = await submissionsOf(contributorTwo, cycle.id);
    expect(listed.length).toBe(6);
    expect(listed.every((s) => s.organisation.id === a.organisations[1].id)).toBe(true);
    const named = await contributorTwo.get(`${base}/cycles/${cycle.id}/submissions?organisationId=${a.organisations[0].id}`);
    expect({ status: named.status, fields: fields(named) }).toEqual({ status: 404, fields: ['organisationId'] });
    expect((await submissionsOf(manager, cycle.id)).length).toBe(12);
    // The upload did not land: one's submission still has only its own file.
    expect(ok(await contributorOne.get(`${base}/submissions/${one.id}`), 200, 'one').fileCount).toBe(1);

    // Beneath the API: a contributor's transaction (plexus_enter) sees and writes only their organisation's rows.
    const pg = new Client({ connectionString: db.appUrl });
    await pg.connect();
    try {
      await pg.query('begin');
      await pg.query('select * from plexus_enter($1, $2)', [a.users.contributor.id, 'prc-a']);
      const seen = await pg.query<{ organisation_id: string }>('select distinct organisation_id from submission');
      expect(seen.rows.map((r) => r.organisation_id)).toEqual([a.organisations[0].id]);
      expect((await pg.query('select id from submission_file where submission_id = $1', [two.id])).rows).toEqual([]);
      const update = await pg.query(`update submission set reason = 'x' where id = $1`, [two.id]);
      expect(update.rowCount).toBe(0);
      await expect(
        pg.query(
          `insert into submission_chaser (id, network_id, submission_id, organisation_id, step, due_date) values (gen_random_uuid(), $1, $2, $3, 'overdue', '2029-06-30')`,
          [a.network.id, two.id, a.organisations[1].id],
        ),
      ).rejects.toThrow(/row-level security/);
      await pg.query('rollback');
      // A manager's transaction is not narrowed.
      await pg.query('begin');
      await pg.query('select * from plexus_enter($1, $2)', [a.users.manager.id, 'prc-a']);
      const all = await pg.query<{ n: number }>('select count(distinct organisation_id)::int as n from submission');
      expect(all.rows[0].n).toBe(2);
      await pg.query('rollback');
    } finally {
      await pg.end();
    }
  });

  it('refuses a file whose bytes do not match its type with 400 naming the field, and one over 20 MB with 413', async () => {
    const cycle = await templateCycle('Uploads checked', '2030/31', '2031/32');
    await activate(cycle);
    const target = (await submissionsOf(contributorOne, cycle.id))[0].id;
    const cases: Array<[string, FormData, RegExp]> = [
      ['a PDF named .docx', documentForm(pdfBytes(), 'policy.docx'), /named \.docx but its content is a PDF/],
      [
        'a Word document declared as a PDF',
        documentForm(docxBytes(), 'policy', 'application/pdf'),
        /says it is a PDF but its content is a Word document/,
      ],
      ['a plain zip named .xlsx', documentForm(plainZipBytes(), 'figures.xlsx'), /not a Word document or Excel workbook/],
      [
        'text pretending to be a PDF',
        documentForm(Buffer.from('hello, I am not a PDF'), 'report.pdf', 'application/pdf'),
        /must be a PDF, a Word document/,
      ],
      ['an empty file', documentForm(Buffer.alloc(0), 'empty.pdf'), /empty/],
      ['a text field besides the file', documentForm(pdfBytes(), 'report.pdf', 'application/pdf', { note: 'hi' }), /only the file/],
    ];
    for (const [what, form, message] of cases) {
      const res = await upload(contributorOne, target, form);
      expect({ what, status: res.status, fields: fields(res) }).toEqual({ what, status: 400, fields: ['file'] });
      expect(res.body.message).toMatch(message);
    }
    const none = await contributorOne.post(`${base}/submissions/${target}/files`, {});
    expect({ status: none.status, fields: fields(none) }).toEqual({ status: 400, fields: ['file'] });
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(20 * 1024 * 1024)]);
    const tooBig = await upload(contributorOne, target, documentForm(big, 'huge.pdf', 'application/pdf'));
    expect({ status: tooBig.status, code: tooBig.body.code, fields: fields(tooBig) }).toEqual({
      status: 413,
      code: 'payload_too_large',
      fields: ['file'],
    });
    // Nothing was kept of any of them.
    expect(ok(await contributorOne.get(`${base}/submissions/${target}`), 200, 'after').fileCount).toBe(0);
  });

  it('keeps an organisation in a cycle’s scope in the network: removing it from the profile is 409 naming memberOrganisations', async () => {
    const baseB = '/api/networks/prc-b/peer-review';
    const cycle = ok(
      await managerB.post(`${baseB}/cycles`, {
        name: 'Scope keeps organisations',
        firstFy: '2026/27',
        lastFy: '2026/27',
        organisationIds: [b.organisations[1].id],
      }),
      201,
      'cycle',
    );
    const profile = ok(await managerB.get('/api/networks/prc-b/profile'), 200, 'profile');
    const without = {
      version: profile.version,
      name: profile.name,
      specialty: profile.specialty,
      region: profile.region,
      purpose: profile.purpose,
      vision: profile.vision,
      coreFunctions: profile.coreFunctions,
      leadershipRoles: profile.leadershipRoles,
      memberOrganisations: profile.memberOrganisations.filter((o: { id: string }) => o.id !== b.organisations[1].id),
      branding: profile.branding,
    };
    const refused = await managerB.put('/api/networks/prc-b/profile', without);
    expect({ status: refused.status, fields: fields(refused) }).toEqual({ status: 409, fields: ['memberOrganisations'] });
    expect(refused.body.message).toMatch(/peer review cycle/);
    ok(await managerB.put(`${baseB}/cycles/${cycle.id}/organisations`, { organisationIds: [] }), 200, 'out of scope');
    expect((await managerB.put('/api/networks/prc-b/profile', without)).status).toBe(200);
  });

  describe('chasers', () => {
    const workers: INestApplicationContext[] = [];
    let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
    afterAll(async () => {
      for (const w of workers) await w.close().catch(() => undefined);
      await smtp?.close();
    });

    const bootWorker = async (): Promise<INestApplicationContext> => {
      const config = testConfig(db, { SMTP_URL: smtp.url, STORAGE_DIR: storageDir, REPORT_PAGE_POOL: '1' });
      const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
      await worker.init();
      workers.push(worker);
      return worker;
    };
    const at = (instant: string, ...ws: INestApplicationContext[]) => ws.forEach((w) => w.get(Clock).set(new Date(instant)));
    const chase = (...ws: INestApplicationContext[]) => Promise.all(ws.map((w) => w.get(SubmissionChasersService).chase()));
    const total = (results: ChaseResult[]) => results.reduce((n, r) => n + r.chasers, 0);
    const chasersInDb = () =>
      api.db.inNetwork({ userId: null, networkId: a.network.id }, ({ em }) => em.find(SubmissionChaser, {}, { orderBy: { sentAt: 'asc' } }));
    const subjectOf = (m: { raw: string }) => /^Subject: (.*)$/m.exec(m.raw.replace(/\r?\n[ \t]+/g, ' '))?.[1] ?? '';

    it('sends each step once to the organisation’s contributors, across two workers, repeated runs and a restart', async () => {
      smtp = await startSmtpSink();
      // Only active cycles are chased: the earlier tests' cycles are closed first (theirs would be overdue by then).
      for (const c of ok(await manager.get(`${base}/cycles`), 200, 'cycles').cycles as ReviewCycleDto[]) {
        if (c.status !== 'active') continue;
        ok(
          await manager.put(`${base}/cycles/${c.id}`, {
            name: c.name,
            firstFy: c.firstFy,
            lastFy: c.lastFy,
            reminderDays: c.reminderDays,
            status: 'closed',
          }),
          200,
          'close',
        );
      }
      // Due 30 June 2029 (year 1, Q1): far enough ahead that the duty's first run at boot, on today's clock, sends nothing.
      const cycle = await templateCycle('Chased programme', '2029/30', '2030/31');
      await activate(cycle);
      // Only this cycle's: the earlier tests' requests for more information were emailed too, once a worker delivers them.
      const ours = new Set((await submissionsOf(manager, cycle.id)).map((x) => x.id));
      const chasersOfCycle = async () => (await chasersInDb()).filter((r) => ours.has(r.submissionId));
      const chased = () => smtp.mails.filter((m) => subjectOf(m).includes('Chased programme'));
      const waitForChased = async (n: number, ms: number) => {
        const until = Date.now() + ms;
        while (chased().length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
        return chased();
      };
      const [w1, w2] = [await bootWorker(), await bootWorker()];
      const queue = w1.get(JobQueue).queue(QueueName.Schedules);
      await eventually(
        () => queue.getJobs(['completed']),
        (jobs) => jobs.some((j) => j.name === 'peer-review.chase'),
        20_000,
      );
      expect((await queue.getJobSchedulers()).map((s) => s.key)).toContain('peer-review-chase');
      expect(await chasersOfCycle()).toEqual([]);

      // 16 June 2029 (BST), 14 days before: three documents × two organisations, one contributor each.
      at('2029-06-16T07:30:00Z', w1, w2);
      const first = await chase(w1, w2);
      expect(total(first)).toBe(6);
      expect(total(await chase(w1, w2))).toBe(0);

      // A restart: the first worker goes, a new one comes; the same day again sends nothing.
      await w1.close();
      const w3 = await bootWorker();
      at('2029-06-16T18:00:00Z', w2, w3);
      expect(total(await chase(w2, w3))).toBe(0);

      // One organisation sends its annual report; the 3-day reminder goes for the five still owed.
      const owed = await submissionsOf(contributorOne, cycle.id, '?state=awaited');
      const annual = owed.find((s) => s.documentName === 'Annual report' && s.activity.fy === '2029/30') as SubmissionSummaryDto;
      ok(await upload(contributorOne, annual.id, documentForm(pdfBytes(), 'annual.pdf')), 201, 'annual report');
      at('2029-06-27T23:30:00Z', w2, w3); // 28 June in UK time (BST): 2 days before
      expect(total(await chase(w2, w3))).toBe(5);
      expect(total(await chase(w2, w3))).toBe(0);

      // The day after the due date: overdue, once.
      at('2029-07-01T06:00:00Z', w2, w3);
      expect(total(await chase(w2, w3))).toBe(5);
      expect(total(await chase(w3, w2))).toBe(0);

      // More information asked for with a new date: its steps start again from that date.
      ok(
        await manager.post(`${base}/submissions/${annual.id}/request-information`, { reason: 'Add the governance section.', dueDate: '2029-07-31' }),
        200,
        'more information',
      );
      at('2029-07-17T09:00:00Z', w2, w3);
      expect(total(await chase(w2, w3))).toBe(1);
      expect(total(await chase(w2, w3))).toBe(0);

      // 17 chasers, and the request for more information told to the organisation's contributor once (its step names
      // the version the network asked about).
      const rows = await chasersOfCycle();
      expect(rows).toHaveLength(18);
      expect(new Set(rows.map((r) => `${r.submissionId}|${r.step}|${r.dueDate}`)).size).toBe(18);
      expect(rows.reduce<Record<string, number>>((n, r) => ({ ...n, [r.step]: (n[r.step] ?? 0) + 1 }), {})).toEqual({
        'before-14d': 7,
        'before-3d': 5,
        overdue: 5,
        'information-v1': 1,
      });

      // Delivered through the outbox to the contributors, one email per step and person, none twice.
      const mails = await waitForChased(18, 30_000);
      expect(mails).toHaveLength(18);
      const byPerson = mails.reduce<Record<string, number>>((n, m) => ({ ...n, [m.to[0]]: (n[m.to[0]] ?? 0) + 1 }), {});
      expect(byPerson).toEqual({ [a.users.contributor.email]: 9, [contributorTwoEmail]: 9 });
      const subjects = mails.map(subjectOf);
      expect(new Set(mails.map((m, i) => `${m.to[0]}|${subjects[i]}`)).size).toBe(18);
      expect(subjects).toContain('Reminder: Work plan for Chased programme is due in 14 days (30 June 2029)');
      expect(subjects).toContain('Reminder: Work plan for Chased programme is due in 2 days (30 June 2029)');
      expect(subjects.filter((s) => s.startsWith('Overdue: '))).toHaveLength(5);
      const link = `http://plexus.test/n/prc-a/peer-review/cycles/${cycle.id}/submissions/${annual.id}`;
      const notices = mails.filter((m) => subjectOf(m).startsWith('More information requested'));
      expect(notices.map((m) => [m.to, subjectOf(m)])).toEqual([
        [[a.users.contributor.email], 'More information requested: Annual report for Chased programme (due 31 July 2029)'],
      ]);
      const notice = notices[0].raw.replace(/\r\n/g, '\n');
      expect(notice).toContain('What the network asked for:\nAdd the governance section.');
      expect(notice).toContain('Please submit it again by 31 July 2029 (a new due date).');
      expect(notice).toContain(link);
      const reminder = mails.find((m) => m !== notices[0] && m.raw.includes('Add the governance section.'));
      expect(reminder?.to).toEqual([a.users.contributor.email]);
      expect(reminder?.raw).toContain(link);

      // The submission page lists the emails sent for it: the reminders, and the request (sent now, before 2029's).
      const page = ok(await contributorOne.get(`${base}/submissions/${annual.id}`), 200, 'annual page') as SubmissionDto;
      expect(page.chasers.map((c) => `${c.step} ${c.dueDate} ${c.recipients}`)).toEqual([
        'before-14d 2029-07-31 1',
        'before-14d 2029-06-30 1',
        'information-v1 2029-07-31 1',
      ]);

      // Sent again, asked again: told again, once (a repeated request, with nothing new submitted, is refused and tells nobody).
      ok(await upload(contributorOne, annual.id, documentForm(pdfBytes('with governance'), 'annual-2.pdf')), 201, 'version 2');
      ok(await manager.post(`${base}/submissions/${annual.id}/request-information`, { reason: 'Sign the governance section.' }), 200, 'again');
      const repeated = await manager.post(`${base}/submissions/${annual.id}/request-information`, { reason: 'Sign the governance section.' });
      expect(repeated.status).toBe(409);
      const more = await waitForChased(19, 30_000);
      const second = more.slice(18);
      expect(second.map((m) => [m.to, subjectOf(m)])).toEqual([
        [[a.users.contributor.email], 'More information requested: Annual report for Chased programme (due 31 July 2029)'],
      ]);
      expect(second[0].raw.replace(/\r\n/g, '\n')).toContain(
        'What the network asked for:\nSign the governance section.\n\nPlease submit it again by 31 July 2029.',
      );
      expect((await waitForChased(20, 2_000)).length).toBe(19);
      expect((await chasersOfCycle()).filter((r) => r.step.startsWith('information-')).map((r) => r.step)).toEqual([
        'information-v1',
        'information-v2',
      ]);
    });
  });
});
