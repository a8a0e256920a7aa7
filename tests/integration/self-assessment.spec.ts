import type {
  ComplianceSummaryDto,
  PeerReviewOwedDto,
  ReviewActionDto,
  ReviewActionListDto,
  ReviewCycleDto,
  SelfAssessmentDto,
  SelfAssessmentListDto,
  StandardVersionDto,
} from '@plexus/contracts';
import { MemberOrganisation, Membership } from '@plexus/server';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { documentForm, pdfBytes, plainZipBytes } from '../support/documents';
import { addMember, createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

/**
 * Self-assessments (issue 9, item 4) through the API: a self-assessment activity names a published standard set
 * version of the network's own (another network's is 404, a draft 400) and freezes it; each organisation answers the
 * criteria that apply to its type, saves drafts and submits once all are rated; a contributor sees and changes only
 * their own organisation's (404 for another's, on every route, and RLS beneath); answers carry forward to the next
 * cycle, marked until confirmed; managers see compliance per organisation and section; a criterion's gap becomes an
 * action of the organisation's plan once (item 6); what each organisation owes, and by when (item 8).
 */
describe('peer review self-assessments', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let b: Fixture;
  let manager: HttpClient;
  let managerB: HttpClient;
  let contributorOne: HttpClient;
  let contributorTwo: HttpClient;
  let contributorTwoId: string;
  const base = '/api/networks/sa-a/peer-review';
  const standards = '/api/networks/sa-a/standards';

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db, { STORAGE_DIR: mkdtempSync(join(tmpdir(), 'plexus-self-assessment-')) });
    a = await newNetwork(api.db, 'sa-a');
    b = await newNetwork(api.db, 'sa-b');
    const second = await addMember(api.db, [a], 'contributor');
    contributorTwoId = second.id;
    // The second organisation is a trauma unit (criteria for trauma units apply to it), its contributor acts for it.
    await api.db.inNetwork({ userId: null, networkId: a.network.id }, async ({ em }) => {
      const m = await em.findOneOrFail(Membership, { id: second.membershipIds['sa-a'] });
      m.organisationId = a.organisations[1].id;
      (await em.findOneOrFail(MemberOrganisation, { id: a.organisations[1].id })).type = 'trauma_unit';
      await em.flush();
    });
    manager = await new HttpClient(api.url).login(a.users.manager.email);
    managerB = await new HttpClient(api.url).login(b.users.manager.email);
    contributorOne = await new HttpClient(api.url).login(a.users.contributor.email);
    contributorTwo = await new HttpClient(api.url).login(second.email);
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

  /** A published network set: G1 (all), G2 (trauma units only); P1, P2 (all). */
  async function publishedSet(client: HttpClient, slugBase: string, code: string, answerScale: 'rag' | 'met') {
    const set = ok(await client.post(`${slugBase}/sets`, { code, name: `Set ${code}`, kind: 'assessment_tool', answerScale }), 201, 'set') as {
      id: string;
      versions: Array<{ id: string }>;
    };
    const versionId = set.versions[0].id;
    const gov = (
      ok(await client.post(`${slugBase}/versions/${versionId}/sections`, { number: '1', title: 'Governance' }), 201, 'section') as StandardVersionDto
    ).sections[0];
    const path = (
      ok(await client.post(`${slugBase}/versions/${versionId}/sections`, { number: '2', title: 'Pathways' }), 201, 'section') as StandardVersionDto
    ).sections[1];
    for (const [section, number, text, appliesTo] of [
      [gov.id, 'G1', 'An operational policy agreed with the network', []],
      [gov.id, 'G2', 'A trauma unit lead with time in their job plan', ['trauma_unit']],
      [path.id, 'P1', 'Secondary transfers referred electronically', []],
      [path.id, 'P2', 'Repatriation within 48 hours', []],
    ] as Array<[string, string, string, string[]]>) {
      ok(await client.post(`${slugBase}/sections/${section}/criteria`, { number, text, appliesTo }), 201, `criterion ${number}`);
    }
    const published = ok(await client.post(`${slugBase}/versions/${versionId}/publish`), 200, 'publish') as StandardVersionDto;
    const criteria = Object.fromEntries(published.sections.flatMap((s) => s.criteria.map((c) => [c.number, c.id])));
    return { setId: set.id, versionId, criteria };
  }

  async function templateCycle(name: string, firstFy: string, lastFy: string): Promise<ReviewCycleDto> {
    return ok(
      await manager.post(`${base}/cycles`, {
        name,
        firstFy,
        lastFy,
        template: 'two-year-programme',
        organisationIds: a.organisations.map((o) => o.id),
      }),
      201,
      'cycle',
    );
  }
  const selfAssessmentActivity = (cycle: ReviewCycleDto) =>
    cycle.activities.find((x) => x.kind === 'self_assessment') as ReviewCycleDto['activities'][number];
  const useVersion = (cycle: ReviewCycleDto, standardSetVersionId: string | null) => {
    const activity = selfAssessmentActivity(cycle);
    return manager.put(`${base}/activities/${activity.id}`, {
      kind: 'self_assessment',
      fy: activity.fy,
      quarter: activity.quarter,
      title: activity.title,
      dueDate: activity.dueDate,
      standardSetVersionId,
    });
  };
  async function activate(cycle: ReviewCycleDto): Promise<void> {
    ok(
      await manager.put(`${base}/cycles/${cycle.id}`, { name: cycle.name, firstFy: cycle.firstFy, lastFy: cycle.lastFy, status: 'active' }),
      200,
      'activate',
    );
  }
  const start = (client: HttpClient, cycle: ReviewCycleDto, body: Record<string, unknown> = {}) =>
    client.post(`${base}/activities/${selfAssessmentActivity(cycle).id}/self-assessments`, body);
  const upload = (client: HttpClient, selfAssessmentId: string, criterionId: string, form: FormData) =>
    client.request('POST', `${base}/self-assessments/${selfAssessmentId}/criteria/${criterionId}/files`, form);
  /** The bytes of a download (the test client reads bodies as text). */
  async function download(client: HttpClient, path: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
    const res = await fetch(api.url + path, { headers: { cookie: `plexus_session=${client.cookie('plexus_session')}` } });
    return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
  }
  const answer = (criterionId: string, rating: string | null, extra: Record<string, string> = {}) => ({ criterionId, rating, ...extra });

  let set: Awaited<ReturnType<typeof publishedSet>>;
  let first: ReviewCycleDto;
  let one: SelfAssessmentDto;

  it('links the self-assessment activity to a published version of the network’s own set, freezing it; refuses another network’s or a draft', async () => {
    set = await publishedSet(manager, standards, 'SA-TOOL', 'rag');
    const foreign = await publishedSet(managerB, '/api/networks/sa-b/standards', 'SA-B', 'met');
    const draft = ok(await manager.post(`${standards}/sets`, { code: 'SA-DRAFT', name: 'Draft set', kind: 'network_standards' }), 201, 'draft') as {
      versions: Array<{ id: string }>;
    };
    first = await templateCycle('Self-assessment cycle 2024/26', '2024/25', '2025/26');

    const other = await useVersion(first, foreign.versionId);
    expect({ status: other.status, fields: fields(other) }).toEqual({ status: 404, fields: ['standardSetVersionId'] });
    const notPublished = await useVersion(first, draft.versions[0].id);
    expect({ status: notPublished.status, fields: fields(notPublished) }).toEqual({ status: 400, fields: ['standardSetVersionId'] });
    // Nothing was frozen by the refusals: B's version is as it was.
    expect(
      (ok(await managerB.get(`/api/networks/sa-b/standards/versions/${foreign.versionId}`), 200, 'b version') as StandardVersionDto).frozen,
    ).toBe(false);

    const linked = ok(await useVersion(first, set.versionId), 200, 'link');
    expect(linked).toMatchObject({ kind: 'self_assessment', standardSetVersionId: set.versionId });
    const version = ok(await manager.get(`${standards}/versions/${set.versionId}`), 200, 'version') as StandardVersionDto;
    expect(version.frozen).toBe(true);
    // A frozen version refuses edits: a new version is made instead.
    expect((await manager.post(`${standards}/sections/${version.sections[0].id}/criteria`, { number: 'G3', text: 'Late addition' })).status).toBe(
      409,
    );

    // A draft cycle takes no self-assessments yet.
    expect((await start(contributorOne, first)).status).toBe(409);
    first = ok(await manager.get(`${base}/cycles/${first.id}`), 200, 'cycle');
    await activate(first);
  });

  it('lets an organisation answer the criteria that apply to it, save drafts, and submit once every one is rated', async () => {
    one = ok(await start(contributorOne, first), 200, 'start');
    expect(one).toMatchObject({
      state: 'draft',
      organisation: { id: a.organisations[0].id },
      standardSetVersion: { id: set.versionId, code: 'SA-TOOL', version: 1 },
      applicable: 3,
      answered: 0,
      progressText: '0 of 3 answered',
      carriedFrom: null,
      can: { edit: true, submit: true, reopen: false, addAction: false },
    });
    // A partner hospital is not a trauma unit: G2 is not asked of it.
    expect(one.sections.map((s) => [s.number, s.criteria.map((c) => c.number)])).toEqual([
      ['1', ['G1']],
      ['2', ['P1', 'P2']],
    ]);
    expect(one.scale.answers.map((x) => x.value)).toEqual(['green', 'amber', 'red']);
    // Starting again opens the same one.
    expect(ok(await start(contributorOne, first), 200, 'again').id).toBe(one.id);

    const put = (client: HttpClient, answers: unknown[]) => client.put(`${base}/self-assessments/${one.id}/answers`, { answers });
    const offScale = await put(contributorOne, [answer(set.criteria.G1, 'met')]);
    expect({ status: offScale.status, fields: fields(offScale) }).toEqual({ status: 400, fields: ['answers.0.rating'] });
    const notApplicable = await put(contributorOne, [answer(set.criteria.P1, 'green'), answer(set.criteria.G2, 'green')]);
    expect({ status: notApplicable.status, fields: fields(notApplicable) }).toEqual({ status: 404, fields: ['answers.1.criterionId'] });
    const bad = await put(contributorOne, [answer(set.criteria.G1, 'green', { evidence: 'x\u0000y' })]);
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['answers.0.evidence']);
    // Nothing half-saved.
    expect((ok(await contributorOne.get(`${base}/self-assessments/${one.id}`), 200, 'get') as SelfAssessmentDto).answered).toBe(0);

    const saved = ok(
      await put(contributorOne, [
        answer(set.criteria.G1, 'green', { evidence: 'Policy v3, agreed March', gaps: '', comments: 'Reviewed yearly' }),
        answer(set.criteria.P1, 'amber', { gaps: 'Two of five hospitals still phone' }),
      ]),
      200,
      'save',
    ) as SelfAssessmentDto;
    expect(saved).toMatchObject({
      answered: 2,
      progressText: '2 of 3 answered',
      compliance: { met: 1, partiallyMet: 1, unanswered: 1, applicable: 3, percent: 33 },
    });
    expect(saved.sections[0].criteria[0].answer).toMatchObject({
      rating: 'green',
      evidence: 'Policy v3, agreed March',
      comments: 'Reviewed yearly',
      carriedForward: false,
      answeredBy: { userId: a.users.contributor.id },
    });

    // Evidence files: sniffed like a submission's, on a criterion asked of the organisation.
    const pdf = pdfBytes('Operational policy v3');
    const withFile = ok(
      await upload(contributorOne, one.id, set.criteria.G1, documentForm(pdf, 'Operational policy.pdf', 'application/pdf')),
      201,
      'file',
    ) as SelfAssessmentDto;
    const [evidence] = withFile.sections[0].criteria[0].files;
    expect(evidence).toMatchObject({
      fileName: 'Operational policy.pdf',
      kind: 'pdf',
      carriedForward: false,
      uploadedBy: { userId: a.users.contributor.id },
    });
    const got = await download(contributorOne, evidence.downloadUrl);
    expect({ status: got.status, type: got.type, same: got.bytes.equals(pdf) }).toEqual({ status: 200, type: 'application/pdf', same: true });
    const notWord = await upload(contributorOne, one.id, set.criteria.G1, documentForm(plainZipBytes(), 'policy.docx'));
    expect({ status: notWord.status, fields: fields(notWord) }).toEqual({ status: 400, fields: ['file'] });
    expect((await upload(contributorOne, one.id, set.criteria.G2, documentForm(pdf, 'g2.pdf'))).status).toBe(404);
    const spare = ok(
      await upload(contributorOne, one.id, set.criteria.P1, documentForm(pdfBytes('spare'), 'spare.pdf')),
      201,
      'spare',
    ) as SelfAssessmentDto;
    const removed = ok(
      await contributorOne.delete(`${base}/self-assessments/${one.id}/files/${spare.sections[1].criteria[0].files[0].id}`),
      200,
      'remove file',
    ) as SelfAssessmentDto;
    expect(removed.sections[1].criteria[0].files).toEqual([]);

    const early = await contributorOne.post(`${base}/self-assessments/${one.id}/submit`);
    expect({ status: early.status, fields: fields(early) }).toEqual({ status: 409, fields: ['answers'] });
    expect(early.body.message).toContain('P2');

    ok(await put(contributorOne, [answer(set.criteria.P2, 'red', { gaps: 'No repatriation policy' })]), 200, 'last');
    one = ok(await contributorOne.post(`${base}/self-assessments/${one.id}/submit`), 200, 'submit');
    expect(one).toMatchObject({
      state: 'submitted',
      submittedBy: { userId: a.users.contributor.id },
      can: { edit: false, submit: false, reopen: false, addAction: false },
    });
    expect((await put(contributorOne, [answer(set.criteria.P2, 'green')])).status).toBe(409);

    // Reopening is for managers.
    expect((await contributorOne.post(`${base}/self-assessments/${one.id}/reopen`)).status).toBe(403);
    const reopened = ok(await manager.post(`${base}/self-assessments/${one.id}/reopen`), 200, 'reopen') as SelfAssessmentDto;
    expect(reopened).toMatchObject({ state: 'draft', submittedAt: null });
    expect(reopened.reopenedAt).not.toBeNull();
    one = ok(await contributorOne.post(`${base}/self-assessments/${one.id}/submit`), 200, 'submit again');

    // The activity keeps its version once organisations have started (and stays in the plan).
    const change = await useVersion(first, null);
    expect({ status: change.status, fields: fields(change) }).toEqual({ status: 409, fields: ['standardSetVersionId'] });
    expect((await manager.delete(`${base}/activities/${selfAssessmentActivity(first).id}`)).status).toBe(409);
  });

  it('keeps a contributor to their own organisation’s self-assessment: 404 for another’s on every route, lists narrowed, and RLS beneath', async () => {
    const two = ok(await start(contributorTwo, first), 200, 'start two') as SelfAssessmentDto;
    expect(two.organisation.id).toBe(a.organisations[1].id);
    // A trauma unit answers G2 too.
    expect(two.applicable).toBe(4);
    ok(
      await contributorTwo.put(`${base}/self-assessments/${two.id}/answers`, {
        answers: [answer(set.criteria.G2, 'amber', { evidence: 'secret-two-evidence' })],
      }),
      200,
      'save two',
    );

    const oneFile = (ok(await contributorOne.get(`${base}/self-assessments/${one.id}`), 200, 'one') as SelfAssessmentDto).sections[0].criteria[0]
      .files[0];
    const routes: Array<[string, string, unknown?]> = [
      ['GET', `${base}/self-assessments/{id}`],
      ['GET', `${base}/self-assessments/{id}/files/${oneFile.id}/download`],
      ['DELETE', `${base}/self-assessments/{id}/files/${oneFile.id}`],
      ['POST', `${base}/self-assessments/{id}/criteria/${set.criteria.G1}/files`, documentForm(pdfBytes(), 'x.pdf')],
      ['PUT', `${base}/self-assessments/{id}/answers`, { answers: [answer(set.criteria.G1, 'green')] }],
      ['POST', `${base}/self-assessments/{id}/submit`],
    ];
    for (const [verb, template, body] of routes) {
      const foreign = await contributorOne.request(verb, template.replace('{id}', two.id), body);
      expect({ route: `${verb} ${template} (another organisation’s)`, status: foreign.status }).toEqual({
        route: `${verb} ${template} (another organisation’s)`,
        status: 404,
      });
      expect(JSON.stringify(foreign.body)).not.toContain('secret-two-evidence');
    }
    // Another organisation's file under their own self-assessment is not there either.
    expect((await download(contributorTwo, `${base}/self-assessments/${two.id}/files/${oneFile.id}/download`)).status).toBe(404);
    // Their own is reached.
    expect((await contributorTwo.get(`${base}/self-assessments/${two.id}`)).status).toBe(200);
    // Reopen and the compliance summary are managers': refused to contributors before any look-up.
    expect((await contributorOne.post(`${base}/self-assessments/${two.id}/reopen`)).status).toBe(403);
    expect((await contributorOne.get(`${base}/activities/${selfAssessmentActivity(first).id}/compliance`)).status).toBe(403);

    // Lists: a contributor sees their organisation's row alone; naming another organisation is 404.
    const listOne = ok(await contributorOne.get(`${base}/cycles/${first.id}/self-assessments`), 200, 'list one') as SelfAssessmentListDto;
    expect(listOne.items.map((x) => [x.organisation.id, x.state])).toEqual([[a.organisations[0].id, 'submitted']]);
    expect(JSON.stringify(listOne)).not.toContain(two.id);
    const named = await contributorOne.get(`${base}/cycles/${first.id}/self-assessments?organisationId=${a.organisations[1].id}`);
    expect({ status: named.status, fields: fields(named) }).toEqual({ status: 404, fields: ['organisationId'] });
    const startOther = await start(contributorOne, first, { organisationId: a.organisations[1].id });
    expect({ status: startOther.status, fields: fields(startOther) }).toEqual({ status: 404, fields: ['organisationId'] });
    // Managers see every organisation's.
    const all = ok(await manager.get(`${base}/cycles/${first.id}/self-assessments`), 200, 'list all') as SelfAssessmentListDto;
    expect(all.items.map((x) => x.state).sort()).toEqual(['draft', 'submitted']);
    // Another network sees none of it.
    expect((await managerB.get(`${base}/self-assessments/${two.id}`)).status).toBe(404);
    expect((await managerB.get(`/api/networks/sa-b/peer-review/self-assessments/${two.id}`)).status).toBe(404);

    // Beneath the API: a contributor's transaction sees and writes only their organisation's rows.
    const pg = new Client({ connectionString: db.appUrl });
    await pg.connect();
    try {
      await pg.query('begin');
      await pg.query('select * from plexus_enter($1, $2)', [a.users.contributor.id, 'sa-a']);
      const seen = await pg.query<{ organisation_id: string }>('select distinct organisation_id from self_assessment');
      expect(seen.rows.map((r) => r.organisation_id)).toEqual([a.organisations[0].id]);
      expect((await pg.query('select id from self_assessment_answer where self_assessment_id = $1', [two.id])).rows).toEqual([]);
      expect((await pg.query(`update self_assessment_answer set evidence = 'x' where self_assessment_id = $1`, [two.id])).rowCount).toBe(0);
      await pg.query('rollback');
      await pg.query('begin');
      await pg.query('select * from plexus_enter($1, $2)', [contributorTwoId, 'sa-a']);
      const theirs = await pg.query<{ n: number }>('select count(*)::int as n from self_assessment_answer');
      expect(theirs.rows[0].n).toBe(1);
      await pg.query('rollback');
    } finally {
      await pg.end();
    }
  });

  it('shows managers compliance per organisation and per section, organisations × sections', async () => {
    const summary = ok(
      await manager.get(`${base}/activities/${selfAssessmentActivity(first).id}/compliance`),
      200,
      'compliance',
    ) as ComplianceSummaryDto;
    expect(summary.sections.map((s) => s.number)).toEqual(['1', '2']);
    expect(summary.scale?.id).toBe('rag');
    const byName = Object.fromEntries(summary.organisations.map((o) => [o.organisation.id, o]));
    const mine = byName[a.organisations[0].id];
    expect(mine).toMatchObject({ state: 'submitted', overall: { met: 1, applicable: 3, percent: 33, text: '1 of 3 applicable measures met (33%)' } });
    expect(mine.sections.map((s) => s.compliance.text)).toEqual(['1 of 1 applicable measure met (100%)', '0 of 2 applicable measures met (0%)']);
    const theirs = byName[a.organisations[1].id];
    expect(theirs).toMatchObject({ state: 'draft', overall: { met: 0, partiallyMet: 1, unanswered: 3, applicable: 4, percent: 0 } });
    expect(summary.overall).toMatchObject({ met: 1, applicable: 7 });
  });

  it('takes a national set’s published version too: frozen by the network’s use, answered through the network', async () => {
    const op = await addMember(api.db, [], 'viewer', 'sa.operator@example.org');
    await api.db.run({ userId: null }, ({ em }) => em.execute(`update app_user set is_operator = true where id = ?`, [op.id]));
    const operator = await new HttpClient(api.url).login(op.email);
    const national = await publishedSet(operator, '/api/admin/standards', 'SA-NAT', 'met');
    let cycle = await templateCycle('National self-assessment 2030/32', '2030/31', '2031/32');
    ok(await useVersion(cycle, national.versionId), 200, 'link national');
    expect(
      (ok(await operator.get(`/api/admin/standards/versions/${national.versionId}`), 200, 'national version') as StandardVersionDto).frozen,
    ).toBe(true);
    cycle = ok(await manager.get(`${base}/cycles/${cycle.id}`), 200, 'cycle');
    await activate(cycle);
    const mine = ok(await start(contributorTwo, cycle), 200, 'start national') as SelfAssessmentDto;
    expect(mine).toMatchObject({ standardSetVersion: { id: national.versionId, national: true }, applicable: 4, scale: { id: 'met' } });
    const saved = ok(
      await contributorTwo.put(`${base}/self-assessments/${mine.id}/answers`, { answers: [answer(national.criteria.G2, 'not_applicable')] }),
      200,
      'not applicable',
    ) as SelfAssessmentDto;
    // Not applicable is left out of compliance: 0 of 3.
    expect(saved.compliance).toMatchObject({ notApplicable: 1, applicable: 3, unanswered: 3 });
  });

  it('carries the previous cycle’s answers forward to the next, matched by criterion number, marked until confirmed', async () => {
    // Version 2 of the set: a copy of version 1 (same numbers, new criteria), published.
    const v2 = ok(await manager.post(`${standards}/sets/${set.setId}/versions`), 201, 'version 2') as StandardVersionDto;
    ok(await manager.post(`${standards}/versions/${v2.id}/publish`), 200, 'publish 2');
    let next = await templateCycle('Self-assessment cycle 2026/28', '2026/27', '2027/28');
    ok(await useVersion(next, v2.id), 200, 'link v2');
    next = ok(await manager.get(`${base}/cycles/${next.id}`), 200, 'next');
    await activate(next);

    const carried = ok(await start(contributorOne, next), 200, 'start next') as SelfAssessmentDto;
    expect(carried).toMatchObject({
      standardSetVersion: { id: v2.id, version: 2 },
      carriedFrom: { id: one.id, cycleName: first.name },
      answered: 3,
      carriedForward: 3,
    });
    const g1 = carried.sections[0].criteria[0];
    expect(g1.id).not.toBe(set.criteria.G1);
    expect(g1.answer).toMatchObject({ rating: 'green', evidence: 'Policy v3, agreed March', carriedForward: true });
    // Its evidence file came with it, the same bytes, marked until the answer is confirmed.
    expect(g1.files.map((f) => [f.fileName, f.carriedForward])).toEqual([['Operational policy.pdf', true]]);
    expect((await download(contributorOne, g1.files[0].downloadUrl)).bytes.toString('latin1')).toContain('Operational policy v3');

    const blocked = await contributorOne.post(`${base}/self-assessments/${carried.id}/submit`);
    expect({ status: blocked.status, fields: fields(blocked) }).toEqual({ status: 409, fields: ['answers'] });
    expect(blocked.body.message).toMatch(/carried forward/);
    const confirmed = ok(
      await contributorOne.put(`${base}/self-assessments/${carried.id}/answers`, {
        answers: carried.sections.flatMap((s) =>
          s.criteria.map((c) => ({ criterionId: c.id, ...c.answer, answeredBy: undefined, answeredAt: undefined, carriedForward: undefined })),
        ),
      }),
      200,
      'confirm',
    ) as SelfAssessmentDto;
    expect(confirmed.carriedForward).toBe(0);
    expect(confirmed.sections[0].criteria[0].files[0].carriedForward).toBe(false);
    expect(confirmed.sections[0].criteria[0].answer?.answeredBy?.userId).toBe(a.users.contributor.id);
    expect(ok(await contributorOne.post(`${base}/self-assessments/${carried.id}/submit`), 200, 'submit next').state).toBe('submitted');
    // The audit trail holds the answers' changes.
    const trail = ok(await manager.get(`/api/networks/sa-a/audit?entityType=self_assessment&entityId=${carried.id}`), 200, 'audit') as {
      items: unknown[];
    };
    expect(trail.items.length).toBeGreaterThanOrEqual(2);
  });

  describe('gap → action', () => {
    const actionsOf = async (cycleId: string, organisationId: string) =>
      (ok(await manager.get(`${base}/cycles/${cycleId}/actions?organisationId=${organisationId}`), 200, 'plan') as ReviewActionListDto).items;
    const gapAction = (extra: Record<string, unknown> = {}) => ({
      organisationId: a.organisations[0].id,
      description: 'Every hospital refers secondary transfers electronically',
      ownerName: 'Dr A. Jones, Clinical Lead',
      dueDate: '2026-03-31',
      criterionId: set.criteria.P1,
      ...extra,
    });

    it('makes a criterion’s gap an action of the organisation’s plan once: a second click, or two at once, answers the same action', async () => {
      const made = ok(await manager.post(`${base}/cycles/${first.id}/actions`, gapAction()), 201, 'gap action') as ReviewActionDto;
      expect(made).toMatchObject({
        organisation: { id: a.organisations[0].id },
        description: 'Every hospital refers secondary transfers electronically',
        owner: { userId: null, name: 'Dr A. Jones, Clinical Lead' },
        dueDate: '2026-03-31',
        status: 'not_started',
        source: { recommendation: null, criterion: { id: set.criteria.P1, number: 'P1' }, origin: null },
      });
      // Again, with other words: the action the criterion has already, unchanged.
      const again = ok(
        await manager.post(`${base}/cycles/${first.id}/actions`, gapAction({ description: 'Second click', ownerName: 'Someone else' })),
        201,
        'again',
      ) as ReviewActionDto;
      expect({ id: again.id, description: again.description }).toEqual({ id: made.id, description: made.description });
      // Two at once for another criterion: one action (the cycle's row is locked while the first looks).
      const both = await Promise.all(
        [1, 2].map((n) =>
          manager.post(`${base}/cycles/${first.id}/actions`, gapAction({ criterionId: set.criteria.P2, description: `Repatriation policy ${n}` })),
        ),
      );
      expect(both.map((r) => r.status)).toEqual([201, 201]);
      expect(both[0].body.id).toBe(both[1].body.id);
      const plan = await actionsOf(first.id, a.organisations[0].id);
      expect(
        plan
          .filter((x) => x.source.criterion)
          .map((x) => x.source.criterion?.number)
          .sort(),
      ).toEqual(['P1', 'P2']);
      // The same criterion in another organisation's plan is that organisation's own action.
      const theirs = ok(
        await manager.post(`${base}/cycles/${first.id}/actions`, gapAction({ organisationId: a.organisations[1].id })),
        201,
        'theirs',
      ) as ReviewActionDto;
      expect(theirs.id).not.toBe(made.id);

      // The criterion shows its action: to the manager (who may make more), and to the organisation's contributor.
      const seen = ok(await manager.get(`${base}/self-assessments/${one.id}`), 200, 'manager view') as SelfAssessmentDto;
      expect(seen.can.addAction).toBe(true);
      const p1 = seen.sections[1].criteria.find((c) => c.id === set.criteria.P1);
      expect(p1?.actions).toEqual([
        { id: made.id, description: made.description, status: 'not_started', statusLabel: 'Not started', dueDate: '2026-03-31', overdue: true },
      ]);
      const mine = ok(await contributorOne.get(`${base}/self-assessments/${one.id}`), 200, 'contributor view') as SelfAssessmentDto;
      expect(mine.can.addAction).toBe(false);
      expect(mine.sections[1].criteria.find((c) => c.id === set.criteria.P1)?.actions.map((x) => x.id)).toEqual([made.id]);
      expect(JSON.stringify(mine)).not.toContain(theirs.id);
    });

    it('checks every id before answering: a criterion outside the cycle’s standards, another network’s or organisation’s, 404 naming the field', async () => {
      const other = await publishedSet(manager, standards, 'SA-OTHER', 'rag');
      const foreign = await publishedSet(managerB, '/api/networks/sa-b/standards', 'SA-B2', 'rag');
      const refused = async (body: Record<string, unknown>, status: number, field: string) => {
        const res = await manager.post(`${base}/cycles/${first.id}/actions`, body);
        expect({ status: res.status, fields: fields(res) }).toEqual({ status, fields: [field] });
      };
      // A published criterion of the network's, but not of the version this cycle's self-assessments use.
      await refused(gapAction({ criterionId: other.criteria.P1 }), 404, 'criterionId');
      await refused(gapAction({ criterionId: foreign.criteria.P1 }), 404, 'criterionId');
      await refused(gapAction({ criterionId: '0b7e8a52-6d0c-4a8e-9a7e-1d2b3c4d5e6f' }), 404, 'criterionId');
      await refused(gapAction({ organisationId: b.organisations[0].id }), 404, 'organisationId');
      // The criterion has its action already: still, an owner of another network is refused, not answered with it.
      await refused(gapAction({ ownerUserId: b.users.manager.id, ownerName: '' }), 404, 'ownerUserId');
      await refused(gapAction({ description: 'x\u0007y' }), 400, 'description');
      // Another network's cycle, from there; this one's from another network.
      expect((await managerB.post(`/api/networks/sa-b/peer-review/cycles/${first.id}/actions`, gapAction())).status).toBe(404);
      // Contributors record progress on their actions; they do not make them.
      expect((await contributorOne.post(`${base}/cycles/${first.id}/actions`, gapAction())).status).toBe(403);

      // Changing an action: the criterion it names already stays; a new one must be the cycle's.
      const [p1] = (await actionsOf(first.id, a.organisations[0].id)).filter((x) => x.source.criterion?.number === 'P1');
      const keep = { description: p1.description, ownerName: p1.owner.name, dueDate: p1.dueDate, criterionId: set.criteria.P1 };
      ok(await manager.put(`${base}/actions/${p1.id}`, keep), 200, 'keep');
      const moved = await manager.put(`${base}/actions/${p1.id}`, { ...keep, criterionId: other.criteria.P2 });
      expect({ status: moved.status, fields: fields(moved) }).toEqual({ status: 404, fields: ['criterionId'] });
      ok(await manager.put(`${base}/actions/${p1.id}`, { ...keep, criterionId: set.criteria.G1 }), 200, 'another of the cycle’s');
      ok(await manager.put(`${base}/actions/${p1.id}`, keep), 200, 'back');
    });
  });

  describe('what is owed, and by when', () => {
    const owed = async (client: HttpClient) => ok(await client.get(`${base}/owed`), 200, 'owed') as PeerReviewOwedDto;
    const dueOrder = (o: PeerReviewOwedDto) => o.items.map((i) => i.dueDate ?? '9999-12-31');

    it('lists a contributor’s organisation’s open documents, self-assessments with their progress and open actions, soonest due first', async () => {
      const o = await owed(contributorTwo);
      expect(o.organisation).toEqual({ id: a.organisations[1].id, name: a.organisations[1].name });
      expect(o.items.length).toBeGreaterThan(0);
      expect(new Set(o.items.map((i) => i.organisation.id))).toEqual(new Set([a.organisations[1].id]));
      expect(dueOrder(o)).toEqual([...dueOrder(o)].sort());
      expect(o.counts.total).toBe(o.items.length);
      expect(o.counts.overdue).toBe(o.items.filter((i) => i.overdue).length);

      // Its self-assessments not yet submitted, by due date, with how far they have got: the first cycle's draft and the
      // next cycle's not started yet (no id: it is started from the cycle's list), both past their dates; then the
      // national cycle's draft.
      const assessments = o.items.filter((i) => i.kind === 'self_assessment');
      expect(assessments.map((i) => [i.cycle.name, i.state, i.progressText, i.overdue])).toEqual([
        [first.name, 'draft', '1 of 4 answered', true],
        ['Self-assessment cycle 2026/28', 'not_started', '0 of 4 answered', true],
        ['National self-assessment 2030/32', 'draft', '1 of 4 answered', false],
      ]);
      expect(assessments[1].id).toBeNull();
      // Its documents owed in active cycles, each once, open ones only.
      const documents = o.items.filter((i) => i.kind === 'submission');
      const listed = ok(await contributorTwo.get(`${base}/cycles/${first.id}/submissions?state=awaited`), 200, 'submissions') as {
        items: Array<{ id: string }>;
      };
      expect(
        documents
          .filter((d) => d.cycle.id === first.id)
          .map((d) => d.id)
          .sort(),
      ).toEqual(listed.items.map((x) => x.id).sort());
      expect(documents.every((d) => d.state === 'awaited' && d.activity !== null)).toBe(true);
      // Its open action (the gap made an action above), with its owner.
      expect(o.items.filter((i) => i.kind === 'action').map((i) => [i.title, i.owner, i.dueDate, i.overdue])).toEqual([
        ['Every hospital refers secondary transfers electronically', 'Dr A. Jones, Clinical Lead', '2026-03-31', true],
      ]);
    });

    it('never shows a contributor another organisation’s, shows managers the network’s, and another network nothing', async () => {
      const one = await owed(contributorOne);
      expect(one.organisation?.id).toBe(a.organisations[0].id);
      expect(new Set(one.items.map((i) => i.organisation.id))).toEqual(new Set([a.organisations[0].id]));
      const two = await owed(contributorTwo);
      const theirIds = two.items.map((i) => i.id).filter((x): x is string => !!x);
      expect(theirIds.filter((id) => JSON.stringify(one).includes(id))).toEqual([]);
      // The first organisation's self-assessment of the first cycle is submitted: not owed. Its gap actions are.
      expect(one.items.some((i) => i.kind === 'self_assessment' && i.cycle.id === first.id)).toBe(false);
      const actions = one.items.filter((i) => i.kind === 'action').map((i) => i.title);
      expect(actions).toHaveLength(2);
      expect(actions).toContain('Every hospital refers secondary transfers electronically');
      expect(one.counts.actions).toBe(2);

      const all = await owed(manager);
      expect(all.organisation).toBeNull();
      expect(all.counts.total).toBe(one.counts.total + two.counts.total);
      expect(new Set(all.items.map((i) => i.organisation.id))).toEqual(new Set(a.organisations.map((o) => o.id)));

      expect((await managerB.get(`${base}/owed`)).status).toBe(404);
      const bOwed = ok(await managerB.get('/api/networks/sa-b/peer-review/owed'), 200, 'b') as PeerReviewOwedDto;
      expect(bOwed.items).toEqual([]);
    });
  });
});
