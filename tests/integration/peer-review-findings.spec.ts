import type {
  CarryForwardDto,
  RaisedRiskDto,
  ReviewActionDto,
  ReviewActionListDto,
  ReviewCycleDto,
  ReviewReportDto,
  RiskDto,
} from '@plexus/contracts';
import { Membership } from '@plexus/server';
import { Client } from 'pg';
import { addMember, createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

/**
 * Peer review findings, the review report and the action plan (issue 9, items 5 and 6) through the API: a review's
 * findings by class (immediate risks first) with recommendations; draft → agreed with the organisation's lead → issued,
 * then read-only; an immediate risk raised to the risk register once, linked both ways; each recommendation an action
 * whose progress follows the work plan's rules; a contributor sees their organisation's issued review and updates only
 * its actions (404 for another's, and RLS beneath); open actions carried into the next cycle once.
 */
describe('peer review findings, reports and action plans', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let b: Fixture;
  let manager: HttpClient;
  let managerB: HttpClient;
  let contributorOne: HttpClient;
  let contributorTwo: HttpClient;
  let viewer: HttpClient;
  const base = '/api/networks/prf-a/peer-review';

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
    a = await newNetwork(api.db, 'prf-a');
    b = await newNetwork(api.db, 'prf-b');
    const second = await addMember(api.db, [a], 'contributor');
    await api.db.inNetwork({ userId: null, networkId: a.network.id }, async ({ em }) => {
      const m = await em.findOneOrFail(Membership, { id: second.membershipIds['prf-a'] });
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

  async function cycle(name: string, firstFy: string, lastFy: string): Promise<ReviewCycleDto> {
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

  /** A published criterion of the network's own standard set, and one of a draft version. */
  async function criteria(): Promise<{ published: string; draft: string }> {
    const std = '/api/networks/prf-a/standards';
    const make = async (code: string) => {
      const set = ok(await manager.post(`${std}/sets`, { code, name: `Set ${code}`, kind: 'network_standards' }), 201, 'set') as {
        versions: Array<{ id: string }>;
      };
      const versionId = set.versions[0].id;
      const withSection = ok(await manager.post(`${std}/versions/${versionId}/sections`, { number: '1', title: 'Governance' }), 201, 'section') as {
        sections: Array<{ id: string }>;
      };
      const withCriterion = ok(
        await manager.post(`${std}/sections/${withSection.sections[0].id}/criteria`, { number: `${code}-1`, text: 'There is a named clinical lead' }),
        201,
        'criterion',
      ) as { sections: Array<{ criteria: Array<{ id: string }> }> };
      return { versionId, criterionId: withCriterion.sections[0].criteria[0].id };
    };
    const published = await make('PRF-PUB');
    ok(await manager.post(`${std}/versions/${published.versionId}/publish`), 200, 'publish');
    const draft = await make('PRF-DRAFT');
    return { published: published.criterionId, draft: draft.criterionId };
  }

  /** An issued review of the first organisation with a finding of each class; its report. */
  async function issuedReview(cycleId: string, organisationId = a.organisations[0].id): Promise<ReviewReportDto> {
    const report = ok(await manager.post(`${base}/cycles/${cycleId}/reviews`, { organisationId }), 201, 'review');
    for (const [classification, text, recommendations] of [
      ['good_practice', 'Daily trauma huddle', []],
      ['concern', 'Rehabilitation prescriptions not always completed', ['Audit rehabilitation prescriptions quarterly']],
      ['immediate_risk', 'No consultant on site overnight for trauma calls', ['Put a consultant rota in place', 'Report weekly to the network']],
    ] as const) {
      ok(
        await manager.post(`${base}/reviews/${report.id}/findings`, {
          classification,
          theme: 'Workforce',
          text,
          recommendations: [...recommendations],
        }),
        201,
        'finding',
      );
    }
    ok(await manager.post(`${base}/reviews/${report.id}/agree`, { agreedWith: 'Dr A. Jones, Clinical Lead' }), 200, 'agree');
    return ok(await manager.post(`${base}/reviews/${report.id}/issue`), 200, 'issue');
  }

  it('records a review: findings by class with recommendations, draft → agreed → issued, then read-only', async () => {
    const c = await cycle('Findings 2024/26', '2024/25', '2025/26');
    const meeting = c.activities.find((x) => x.kind === 'review_meeting');
    const org = a.organisations[0].id;
    const { published, draft } = await criteria();

    // Bad input, each naming the field, before anything is written.
    const cases: Array<[unknown, number, string]> = [
      [{ organisationId: b.organisations[0].id }, 404, 'organisationId'],
      [{ organisationId: org, meetingActivityId: c.activities.find((x) => x.kind === 'submission')?.id }, 400, 'meetingActivityId'],
      [{ organisationId: org, meetingActivityId: '0b7e8a52-6d0c-4a8e-9a7e-1d2b3c4d5e6f' }, 404, 'meetingActivityId'],
      [{ organisationId: org, summary: 'bad\u0000text' }, 400, 'summary'],
    ];
    for (const [body, status, field] of cases) {
      const res = await manager.post(`${base}/cycles/${c.id}/reviews`, body);
      expect({ body, status: res.status, fields: fields(res) }).toEqual({ body, status, fields: [field] });
    }
    const report = ok(
      await manager.post(`${base}/cycles/${c.id}/reviews`, { organisationId: org, meetingActivityId: meeting?.id, summary: 'Held on site' }),
      201,
      'review',
    );
    expect(report).toMatchObject({
      state: 'draft',
      meeting: { id: meeting?.id },
      organisation: { id: org },
      can: { edit: true, agree: true, issue: false },
    });
    // Started already (a second click): the same review, not a second one.
    const again = await manager.post(`${base}/cycles/${c.id}/reviews`, { organisationId: org });
    expect({ status: again.status, id: again.body.id }).toEqual({ status: 201, id: report.id });

    const findingCases: Array<[unknown, number, string]> = [
      [{ classification: 'worry', theme: 'x', text: 'x' }, 400, 'classification'],
      [{ classification: 'concern', text: 'x' }, 400, 'theme'],
      [{ classification: 'concern', criterionId: draft, text: 'x' }, 400, 'criterionId'],
      [{ classification: 'concern', criterionId: '0b7e8a52-6d0c-4a8e-9a7e-1d2b3c4d5e6f', text: 'x' }, 404, 'criterionId'],
      [{ classification: 'concern', theme: 'x', text: '' }, 400, 'text'],
    ];
    for (const [body, status, field] of findingCases) {
      const res = await manager.post(`${base}/reviews/${report.id}/findings`, body);
      expect({ body, status: res.status, fields: fields(res) }).toEqual({ body, status, fields: [field] });
    }
    const post = (body: unknown) => manager.post(`${base}/reviews/${report.id}/findings`, body);
    ok(await post({ classification: 'good_practice', theme: 'Culture', text: 'Daily trauma huddle', recommendations: [] }), 201, 'good');
    const concern = ok(
      await post({ classification: 'concern', criterionId: published, text: 'Lead not named in the policy', recommendations: ['Name the lead', ''] }),
      201,
      'concern',
    );
    expect(concern).toMatchObject({ criterion: { id: published, number: 'PRF-PUB-1' }, recommendations: [{ position: 1, text: 'Name the lead' }] });
    ok(
      await post({
        classification: 'serious_concern',
        theme: 'Imaging',
        text: 'CT reports delayed',
        recommendations: ['Agree a reporting standard'],
      }),
      201,
      'serious',
    );
    ok(
      await post({
        classification: 'immediate_risk',
        theme: 'Workforce',
        text: 'No consultant overnight',
        recommendations: ['Rota', 'Weekly report'],
      }),
      201,
      'immediate',
    );

    let got = ok(await manager.get(`${base}/reviews/${report.id}`), 200, 'report') as ReviewReportDto;
    expect(got.findings.map((f) => f.classification)).toEqual(['immediate_risk', 'serious_concern', 'concern', 'good_practice']);
    expect(got.counts).toEqual({ immediate_risk: 1, serious_concern: 1, concern: 1, good_practice: 1 });

    // A contributor does not see a draft, not even their own organisation's; the list shows their organisation only.
    expect((await contributorOne.get(`${base}/reviews/${report.id}`)).status).toBe(404);
    const listed = ok(await contributorOne.get(`${base}/cycles/${c.id}/reviews`), 200, 'list');
    expect(listed.organisations.map((o: { id: string; report: unknown }) => [o.id, o.report])).toEqual([[org, null]]);
    expect((await contributorOne.post(`${base}/reviews/${report.id}/agree`, { agreedWith: 'Me' })).status).toBe(403);
    expect((await viewer.post(`${base}/reviews/${report.id}/findings`, { classification: 'concern', theme: 'x', text: 'x' })).status).toBe(403);

    // States: not issued before it is agreed; agreement names the lead; an agreed report changes only back in draft.
    expect((await manager.post(`${base}/reviews/${report.id}/issue`)).status).toBe(409);
    const noLead = await manager.post(`${base}/reviews/${report.id}/agree`, { agreedWith: '' });
    expect({ status: noLead.status, fields: fields(noLead) }).toEqual({ status: 400, fields: ['agreedWith'] });
    got = ok(await manager.post(`${base}/reviews/${report.id}/agree`, { agreedWith: 'Dr A. Jones, Clinical Lead' }), 200, 'agree');
    expect(got).toMatchObject({
      state: 'agreed',
      agreedWith: 'Dr A. Jones, Clinical Lead',
      agreedBy: { userId: a.users.manager.id },
      can: { edit: false, issue: true },
    });
    expect((await manager.put(`${base}/findings/${concern.id}`, { classification: 'concern', theme: 'x', text: 'Changed' })).status).toBe(409);
    got = ok(await manager.post(`${base}/reviews/${report.id}/reopen`), 200, 'reopen');
    expect(got).toMatchObject({ state: 'draft', agreedWith: '', agreedAt: null });
    const changed = ok(
      await manager.put(`${base}/findings/${concern.id}`, {
        classification: 'concern',
        criterionId: published,
        text: 'Lead not named',
        recommendations: ['Name the lead in the policy'],
      }),
      200,
      'change',
    );
    expect(changed.recommendations.map((r: { text: string }) => r.text)).toEqual(['Name the lead in the policy']);
    ok(await manager.post(`${base}/reviews/${report.id}/agree`, { agreedWith: 'Dr A. Jones, Clinical Lead' }), 200, 'agree again');
    got = ok(await manager.post(`${base}/reviews/${report.id}/issue`), 200, 'issue');
    expect(got).toMatchObject({
      state: 'issued',
      issuedBy: { userId: a.users.manager.id },
      can: { edit: false, agree: false, reopen: false, issue: false, delete: false },
    });
    expect(got.issuedAt).not.toBeNull();

    // Issued: read-only, every way in.
    for (const res of [
      await manager.put(`${base}/findings/${concern.id}`, { classification: 'concern', theme: 'x', text: 'Late change' }),
      await manager.delete(`${base}/findings/${concern.id}`),
      await manager.post(`${base}/reviews/${report.id}/findings`, { classification: 'concern', theme: 'x', text: 'Late' }),
      await manager.put(`${base}/reviews/${report.id}`, { summary: 'Late' }),
      await manager.delete(`${base}/reviews/${report.id}`),
      await manager.post(`${base}/reviews/${report.id}/reopen`),
      await manager.post(`${base}/reviews/${report.id}/agree`, { agreedWith: 'Someone' }),
    ]) {
      expect(res.status).toBe(409);
    }
    expect(
      (ok(await manager.get(`${base}/reviews/${report.id}`), 200, 'after') as ReviewReportDto).findings.find((f) => f.id === concern.id)?.text,
    ).toBe('Lead not named');

    // Issued: the organisation's contributors read it; another organisation's do not.
    const seen = ok(await contributorOne.get(`${base}/reviews/${report.id}`), 200, 'contributor');
    expect(seen.findings.length).toBe(4);
    expect(seen.can).toEqual({ edit: false, agree: false, reopen: false, issue: false, delete: false });
    expect((await contributorTwo.get(`${base}/reviews/${report.id}`)).status).toBe(404);
    expect(ok(await contributorTwo.get(`${base}/cycles/${c.id}/reviews`), 200, 'two').organisations).toEqual([
      { id: a.organisations[1].id, name: a.organisations[1].name, report: null },
    ]);
    // Another network's manager: 404.
    expect((await managerB.get(`/api/networks/prf-b/peer-review/reviews/${report.id}`)).status).toBe(404);

    // The cycle keeps the organisation and itself while it holds the review (taking them would take it too).
    const narrow = await manager.put(`${base}/cycles/${c.id}/organisations`, { organisationIds: [a.organisations[1].id] });
    expect({ status: narrow.status, fields: fields(narrow) }).toEqual({ status: 409, fields: ['organisationIds'] });
    expect((await manager.delete(`${base}/cycles/${c.id}`)).status).toBe(409);

    // Each recommendation became one action of the organisation's plan, in report order.
    const plan = ok(await manager.get(`${base}/cycles/${c.id}/actions`), 200, 'plan') as ReviewActionListDto;
    expect(plan.items.map((x) => x.description)).toEqual(['Rota', 'Weekly report', 'Agree a reporting standard', 'Name the lead in the policy']);
    expect(plan.items.every((x) => x.organisation.id === org && x.status === 'not_started' && x.source.recommendation !== null)).toBe(true);
    expect(plan.items[3].source.criterion?.id).toBe(published);
  });

  it('raises an immediate risk to the risk register once, prefilled and linked both ways', async () => {
    const c = await cycle('Raise 2026/28', '2026/27', '2027/28');
    const report = await issuedReview(c.id);
    const immediate = report.findings[0];
    const concern = report.findings.find((f) => f.classification === 'concern');
    expect(immediate).toMatchObject({ classification: 'immediate_risk', risk: null, can: { raiseRisk: true } });

    const refused = await manager.post(`${base}/findings/${concern?.id}/raise-risk`, {});
    expect({ status: refused.status, fields: fields(refused) }).toEqual({ status: 409, fields: ['classification'] });
    expect((await viewer.post(`${base}/findings/${immediate.id}/raise-risk`, {})).status).toBe(403);
    expect((await managerB.post(`/api/networks/prf-b/peer-review/findings/${immediate.id}/raise-risk`, {})).status).toBe(404);
    const badLead = await manager.post(`${base}/findings/${immediate.id}/raise-risk`, { mitigationLeadUserId: b.users.manager.id });
    expect({ status: badLead.status, fields: fields(badLead) }).toEqual({ status: 400, fields: ['mitigationLeadUserId'] });

    const risksBefore = (ok(await manager.get('/api/networks/prf-a/risks?status=all'), 200, 'risks') as unknown[]).length;
    const first = ok(await manager.post(`${base}/findings/${immediate.id}/raise-risk`, {}), 200, 'raise') as RaisedRiskDto;
    expect(first.created).toBe(true);
    expect(first.risk.description).toContain('No consultant on site overnight for trauma calls');
    expect(first.finding.risk).toEqual({ id: first.risk.id, reference: first.risk.reference, status: 'open' });
    // Twice, and twice at once: the same risk every time.
    const [second, third] = await Promise.all([
      manager.post(`${base}/findings/${immediate.id}/raise-risk`, {}),
      manager.post(`${base}/findings/${immediate.id}/raise-risk`, {}),
    ]);
    for (const res of [second, third]) expect(ok(res, 200, 'again') as RaisedRiskDto).toMatchObject({ created: false, risk: { id: first.risk.id } });
    expect((ok(await manager.get('/api/networks/prf-a/risks?status=all'), 200, 'risks') as unknown[]).length).toBe(risksBefore + 1);

    // The risk shows where it came from; the finding shows its risk.
    const risk = ok(await manager.get(`/api/networks/prf-a/risks/${first.risk.id}`), 200, 'risk') as RiskDto;
    expect(risk).toMatchObject({
      category: 'Peer review',
      identifiedBy: 'Peer review: Raise 2026/28',
      mitigation: 'Put a consultant rota in place\nReport weekly to the network',
      origin: { kind: 'peer-review-finding', findingId: immediate.id, reportId: report.id, cycleId: c.id, organisationId: a.organisations[0].id },
    });
    expect(risk.history.length).toBe(1);
    const after = ok(await manager.get(`${base}/reviews/${report.id}`), 200, 'report');
    expect(after.findings[0]).toMatchObject({ risk: { id: first.risk.id }, can: { raiseRisk: false } });
  });

  it('keeps a contributor to their own organisation’s actions (404 for another’s, RLS beneath); progress follows the work plan’s rules', async () => {
    const c = await cycle('Actions 2028/30', '2028/29', '2029/30');
    await issuedReview(c.id, a.organisations[0].id);
    await issuedReview(c.id, a.organisations[1].id);
    const all = ok(await manager.get(`${base}/cycles/${c.id}/actions`), 200, 'all') as ReviewActionListDto;
    expect(all.items.length).toBe(6);
    const mine = ok(await contributorOne.get(`${base}/cycles/${c.id}/actions`), 200, 'mine') as ReviewActionListDto;
    expect(mine.items.length).toBe(3);
    expect(mine.items.every((x) => x.organisation.id === a.organisations[0].id && x.can.progress && !x.can.edit)).toBe(true);
    const named = await contributorOne.get(`${base}/cycles/${c.id}/actions?organisationId=${a.organisations[1].id}`);
    expect({ status: named.status, fields: fields(named) }).toEqual({ status: 404, fields: ['organisationId'] });
    const theirs = all.items.find((x) => x.organisation.id === a.organisations[1].id) as ReviewActionDto;
    const own = mine.items[0];

    // Another organisation's action: 404 on every route; a contributor does not edit actions (403).
    expect((await contributorOne.get(`${base}/actions/${theirs.id}`)).status).toBe(404);
    expect(
      (await contributorOne.post(`${base}/actions/${theirs.id}/progress`, { on: '2026-01-02', status: 'on_track', narrative: 'x' })).status,
    ).toBe(404);
    expect((await contributorOne.put(`${base}/actions/${own.id}`, { description: 'x', ownerName: 'x' })).status).toBe(403);
    expect((await managerB.get(`/api/networks/prf-b/peer-review/actions/${own.id}`)).status).toBe(404);

    // Progress by the organisation's contributor: the latest update by date sets the status; an older one is history only.
    const bad = await contributorOne.post(`${base}/actions/${own.id}/progress`, { on: '2999-01-01', status: 'on_track', narrative: 'x' });
    expect({ status: bad.status, fields: fields(bad) }).toEqual({ status: 400, fields: ['on'] });
    let got = ok(
      await contributorOne.post(`${base}/actions/${own.id}/progress`, {
        on: '2026-01-10',
        status: 'at_risk',
        narrative: 'Rota drafted, gaps remain',
      }),
      201,
      'progress',
    ) as ReviewActionDto;
    expect(got).toMatchObject({ status: 'at_risk', statusOn: '2026-01-10', rag: 'amber', ragText: 'Amber – At risk' });
    got = ok(
      await contributorOne.post(`${base}/actions/${own.id}/progress`, { on: '2025-12-01', status: 'off_track', narrative: 'Earlier note' }),
      201,
      'older',
    ) as ReviewActionDto;
    expect(got).toMatchObject({ status: 'at_risk', statusOn: '2026-01-10' });
    expect(got.progress.map((p) => p.narrative)).toEqual(['Rota drafted, gaps remain', 'Earlier note']);
    expect(got.latestUpdate?.author).toBe(a.users.contributor.displayName);

    // A manager sets the owner (a member, or a named person) and a due date: past it and not complete is at least Amber.
    const badOwner = await manager.put(`${base}/actions/${own.id}`, { description: own.description, ownerUserId: b.users.manager.id });
    expect({ status: badOwner.status, fields: fields(badOwner) }).toEqual({ status: 404, fields: ['ownerUserId'] });
    const noOwner = await manager.put(`${base}/actions/${own.id}`, { description: own.description });
    expect({ status: noOwner.status, fields: fields(noOwner) }).toEqual({ status: 400, fields: ['ownerName'] });
    got = ok(
      await manager.put(`${base}/actions/${own.id}`, {
        description: own.description,
        ownerName: 'Mr B. Smith, Trauma Unit Lead',
        dueDate: '2025-06-30',
      }),
      200,
      'owner',
    ) as ReviewActionDto;
    expect(got).toMatchObject({ owner: { userId: null, name: 'Mr B. Smith, Trauma Unit Lead' }, overdue: true, rag: 'amber' });
    got = ok(
      await manager.post(`${base}/actions/${own.id}/progress`, { on: '2026-02-01', status: 'on_track', narrative: 'Rota in place' }),
      201,
      'manager',
    ) as ReviewActionDto;
    expect(got.ragReason).toMatch(/Overdue: its target of 30 June 2025 passed/);

    // Filters.
    const amber = ok(await manager.get(`${base}/cycles/${c.id}/actions?rag=amber`), 200, 'amber') as ReviewActionListDto;
    expect(amber.items.map((x) => x.id)).toEqual([own.id]);
    const overdue = ok(await manager.get(`${base}/cycles/${c.id}/actions?overdue=true`), 200, 'overdue') as ReviewActionListDto;
    expect(overdue.items.map((x) => x.id)).toEqual([own.id]);

    // Beneath the API: a contributor's transaction sees and writes only their organisation's actions and issued reviews.
    const pg = new Client({ connectionString: db.appUrl });
    await pg.connect();
    try {
      await pg.query('begin');
      await pg.query('select * from plexus_enter($1, $2)', [a.users.contributor.id, 'prf-a']);
      const seen = await pg.query<{ organisation_id: string }>('select distinct organisation_id from review_action');
      expect(seen.rows.map((r) => r.organisation_id)).toEqual([a.organisations[0].id]);
      expect((await pg.query(`select id from review_report where state <> 'issued'`)).rows).toEqual([]);
      expect((await pg.query(`update review_action set description = 'x' where id = $1`, [theirs.id])).rowCount).toBe(0);
      await expect(
        pg.query(
          `insert into review_action_progress (id, network_id, action_id, organisation_id, on_date, status, narrative, author_name)
           values (gen_random_uuid(), $1, $2, $3, '2026-01-01', 'on_track', 'x', 'x')`,
          [a.network.id, theirs.id, a.organisations[1].id],
        ),
      ).rejects.toThrow(/row-level security/);
      await pg.query('rollback');
      await pg.query('begin');
      await pg.query('select * from plexus_enter($1, $2)', [a.users.manager.id, 'prf-a']);
      expect((await pg.query<{ n: number }>('select count(distinct organisation_id)::int as n from review_action')).rows[0].n).toBe(2);
      await pg.query('rollback');
    } finally {
      await pg.end();
    }
  });

  it('carries open actions into the next cycle once, each linked to its origin', async () => {
    const first = await cycle('Carry 2030/32', '2030/31', '2031/32');
    await issuedReview(first.id);
    const plan = (ok(await manager.get(`${base}/cycles/${first.id}/actions`), 200, 'plan') as ReviewActionListDto).items;
    const done = plan[0];
    ok(await manager.post(`${base}/actions/${done.id}/progress`, { on: '2026-01-05', status: 'complete', narrative: 'Done' }), 201, 'complete');

    const next = await cycle('Carry 2032/34', '2032/33', '2033/34');
    expect((await contributorOne.post(`${base}/cycles/${next.id}/carry-forward`)).status).toBe(403);
    const carried = ok(await manager.post(`${base}/cycles/${next.id}/carry-forward`), 200, 'carry') as CarryForwardDto;
    expect(carried).toMatchObject({ fromCycle: { id: first.id }, carried: plan.length - 1, alreadyCarried: 0 });
    expect(carried.items.map((x) => x.source.origin?.id).sort()).toEqual(
      plan
        .slice(1)
        .map((x) => x.id)
        .sort(),
    );
    expect(carried.items.every((x) => x.cycle.id === next.id && x.source.origin?.cycleId === first.id)).toBe(true);
    const again = ok(await manager.post(`${base}/cycles/${next.id}/carry-forward`), 200, 'again') as CarryForwardDto;
    expect(again).toMatchObject({ carried: 0, alreadyCarried: plan.length - 1 });
    expect((ok(await manager.get(`${base}/cycles/${next.id}/actions`), 200, 'next') as ReviewActionListDto).items.length).toBe(plan.length - 1);
    const origin = ok(await contributorOne.get(`${base}/actions/${plan[1].id}`), 200, 'origin') as ReviewActionDto;
    const copy = carried.items.find((x) => x.source.origin?.id === plan[1].id);
    expect(origin.carriedForwardTo).toEqual([{ id: copy?.id, cycleId: next.id, cycleName: 'Carry 2032/34' }]);
    // The first cycle of the network has nothing to carry.
    const earliest = await cycle('Carry 2022/24', '2022/23', '2023/24');
    expect(ok(await manager.post(`${base}/cycles/${earliest.id}/carry-forward`), 200, 'none')).toEqual({
      fromCycle: null,
      carried: 0,
      alreadyCarried: 0,
      items: [],
    });
  });
});
