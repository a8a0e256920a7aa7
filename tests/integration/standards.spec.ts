import type { StandardImportPreviewDto, StandardSetDto, StandardSetListDto, StandardVersionDto } from '@plexus/contracts';
import { StandardSetRepository } from '@plexus/server';
import { Workbook } from 'exceljs';
import { Client } from 'pg';
import { addMember, createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

/** A file to upload in the field `file`. */
function upload(bytes: Buffer | string, name: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
  return form;
}

/** A download's bytes (the test client reads bodies as text). */
async function download(
  client: HttpClient,
  path: string,
): Promise<{ status: number; type: string | null; disposition: string | null; bytes: Buffer }> {
  const res = await fetch(client.base + path, { headers: { cookie: `plexus_session=${client.cookie('plexus_session')}` } });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

/** A version's content without ids and times: what an export and a re-import must keep. */
function content(v: StandardVersionDto) {
  return v.sections.map((s) => ({
    number: s.number,
    title: s.title,
    criteria: s.criteria.map((c) => ({ number: c.number, text: c.text, evidenceExpected: c.evidenceExpected, appliesTo: c.appliesTo })),
  }));
}

const csv = (rows: string[][]) =>
  rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
const HEADER = ['Section number', 'Section title', 'Criterion number', 'Criterion', 'Evidence expected', 'Applies to'];

describe('standard sets: versions, sections and criteria, national sets, import and export', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let b: Fixture;
  let managerA: HttpClient;
  let managerB: HttpClient;
  let viewerA: HttpClient;
  let operator: HttpClient;
  const A = '/api/networks/std-a/standards';
  const B = '/api/networks/std-b/standards';
  const ADMIN = '/api/admin/standards';

  /** A raw connection as the application role, inside network `fx` (or none), for what the database itself refuses. */
  async function asApp<T>(networkId: string | null, fn: (pg: Client) => Promise<T>): Promise<T> {
    const pg = new Client({ connectionString: db.appUrl });
    await pg.connect();
    try {
      await pg.query('begin');
      if (networkId) await pg.query(`select set_config('app.network_id', $1, true)`, [networkId]);
      const result = await fn(pg);
      await pg.query('rollback');
      return result;
    } catch (err) {
      await pg.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      await pg.end();
    }
  }

  async function newSet(client: HttpClient, base: string, code: string, extra: Record<string, unknown> = {}): Promise<StandardSetDto> {
    const res = await client.post(`${base}/sets`, { code, name: `Set ${code}`, kind: 'network_standards', ...extra });
    expect(res.status).toBe(201);
    return res.body;
  }

  /** A set whose version 1 has two sections of two criteria each; returns the version. */
  async function filledVersion(client: HttpClient, base: string, code: string): Promise<StandardVersionDto> {
    const set = await newSet(client, base, code);
    const versionId = set.versions[0].id;
    let v = (await client.post(`${base}/versions/${versionId}/sections`, { number: '1', title: 'Governance' })).body as StandardVersionDto;
    v = (await client.post(`${base}/versions/${versionId}/sections`, { number: '2', title: 'Pathways' })).body;
    for (const [section, number, text] of [
      [v.sections[0].id, `${code}-1.1`, 'The network has an agreed operational policy, reviewed every year'],
      [v.sections[0].id, `${code}-1.2`, 'Each organisation names a clinical lead for the pathway'],
      [v.sections[1].id, `${code}-2.1`, 'Patients reach definitive care within the agreed time'],
      [v.sections[1].id, `${code}-2.2`, 'Transfers are audited every quarter'],
    ]) {
      const res = await client.post(`${base}/sections/${section}/criteria`, { number, text, evidenceExpected: 'Minutes and the policy document' });
      expect(res.status).toBe(201);
      v = res.body;
    }
    return v;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
    a = await newNetwork(api.db, 'std-a');
    b = await newNetwork(api.db, 'std-b');
    managerA = await new HttpClient(api.url).login(a.users.manager.email);
    managerB = await new HttpClient(api.url).login(b.users.manager.email);
    viewerA = await new HttpClient(api.url).login(a.users.viewer.email);
    const op = await addMember(api.db, [], 'viewer', 'standards.operator@example.org');
    await api.db.run({ userId: null }, ({ em }) => em.execute(`update app_user set is_operator = true where id = ?`, [op.id]));
    operator = await new HttpClient(api.url).login(op.email);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('creates a set with an empty draft version 1; its code is unique in the network, ignoring case', async () => {
    const created = await managerA.post(`${A}/sets`, {
      code: 'EMMTN-AT',
      name: 'Network assessment tool',
      kind: 'assessment_tool',
      answerScale: 'rag',
      description: 'Criteria / Evidence / R-A-G / Identified gaps / Comments',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'EMMTN-AT',
      kind: 'assessment_tool',
      answerScale: 'rag',
      national: false,
      currentVersionId: null,
      can: { manage: true, newVersion: false },
      versions: [{ version: 1, status: 'draft', frozen: false, sectionCount: 0, criterionCount: 0 }],
    });
    const again = await managerA.post(`${A}/sets`, { code: 'emmtn-at', name: 'Another', kind: 'network_standards' });
    expect(again.status).toBe(409);
    expect(again.body.fields).toEqual([{ field: 'code', message: expect.stringMatching(/already a set in this network with the code emmtn-at/) }]);
    // Another network may use the same code.
    expect((await managerB.post(`${B}/sets`, { code: 'EMMTN-AT', name: 'B’s own', kind: 'network_standards' })).status).toBe(201);
    const bad = await managerA.post(`${A}/sets`, { code: '', name: 'x\u0000y', kind: 'other' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['code', 'kind', 'name']);
    const list = (await managerA.get(`${A}/sets`)).body as StandardSetListDto;
    expect(list.can.create).toBe(true);
    expect(list.sets.map((s) => s.code)).toEqual(['EMMTN-AT']);
  });

  it('keeps sections and criteria in order: add, change, move, reorder and delete, each in the audit trail', async () => {
    const set = await newSet(managerA, A, 'ORDER');
    const versionId = set.versions[0].id;
    const s1 = await managerA.post(`${A}/versions/${versionId}/sections`, { number: '1', title: 'Governance' });
    expect(s1.status).toBe(201);
    const s2 = await managerA.post(`${A}/versions/${versionId}/sections`, { number: '2', title: 'Pathways' });
    let v: StandardVersionDto = s2.body;
    expect(v.sections.map((s) => [s.position, s.number, s.title])).toEqual([
      [1, '1', 'Governance'],
      [2, '2', 'Pathways'],
    ]);
    const [gov, path] = v.sections;
    expect((await managerA.post(`${A}/versions/${versionId}/sections`, { number: '1', title: 'Twice' })).body.fields).toEqual([
      { field: 'number', message: expect.stringMatching(/already a section 1/) },
    ]);

    const c1 = await managerA.post(`${A}/sections/${gov.id}/criteria`, { number: 'G1', text: 'An operational policy', appliesTo: [] });
    expect(c1.status).toBe(201);
    const c2 = await managerA.post(`${A}/sections/${gov.id}/criteria`, {
      number: 'G2',
      text: 'A named clinical lead',
      evidenceExpected: 'Job plan',
      appliesTo: ['trauma_unit', 'major_trauma_centre', 'trauma_unit'],
    });
    v = c2.body;
    expect(v.sections[0].criteria.map((c) => [c.position, c.number, c.appliesTo])).toEqual([
      [1, 'G1', []],
      [2, 'G2', ['major_trauma_centre', 'trauma_unit']],
    ]);
    expect(v.criterionCount).toBe(2);
    const dup = await managerA.post(`${A}/sections/${gov.id}/criteria`, { number: 'g1', text: 'Again' });
    expect(dup.status).toBe(409);
    expect(dup.body.fields).toEqual([{ field: 'number', message: expect.stringMatching(/already a criterion g1/) }]);
    const wrong = await managerA.post(`${A}/sections/${gov.id}/criteria`, { text: 'x\u202ey', appliesTo: ['hospice'] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['appliesTo.0', 'text']);

    // Move G2 to Pathways (at its end); G1 stays first of Governance.
    const g2 = v.sections[0].criteria[1];
    const moved = await managerA.put(`${A}/criteria/${g2.id}`, { number: 'P1', text: 'A named clinical lead for the pathway', sectionId: path.id });
    expect(moved.status).toBe(200);
    v = moved.body;
    expect(v.sections.map((s) => s.criteria.map((c) => `${c.position}:${c.number}`))).toEqual([['1:G1'], ['1:P1']]);
    expect(v.sections[1].criteria[0]).toMatchObject({ appliesTo: [], evidenceExpected: '' });

    const p2 = (await managerA.post(`${A}/sections/${path.id}/criteria`, { number: 'P2', text: 'Transfers audited' })).body as StandardVersionDto;
    const p3 = (await managerA.post(`${A}/sections/${path.id}/criteria`, { number: 'P3', text: 'Repatriation within 48 hours' }))
      .body as StandardVersionDto;
    const ids = p3.sections[1].criteria.map((c) => c.id);
    expect(p2.sections[1].criteria).toHaveLength(2);
    const reordered = await managerA.put(`${A}/sections/${path.id}/criterion-order`, { criterionIds: [ids[2], ids[0], ids[1]] });
    expect(reordered.status).toBe(200);
    expect(reordered.body.sections[1].criteria.map((c: { number: string; position: number }) => `${c.position}:${c.number}`)).toEqual([
      '1:P3',
      '2:P1',
      '3:P2',
    ]);
    const incomplete = await managerA.put(`${A}/sections/${path.id}/criterion-order`, { criterionIds: [ids[0], ids[0]] });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.fields).toEqual([{ field: 'criterionIds.1', message: expect.stringMatching(/listed twice/) }]);
    const sections = await managerA.put(`${A}/versions/${versionId}/section-order`, { sectionIds: [path.id, gov.id] });
    expect(sections.body.sections.map((s: { title: string; position: number }) => `${s.position}:${s.title}`)).toEqual([
      '1:Pathways',
      '2:Governance',
    ]);
    const missing = await managerA.put(`${A}/versions/${versionId}/section-order`, { sectionIds: [path.id] });
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toEqual([{ field: 'sectionIds', message: expect.stringMatching(/Section 1 is missing/) }]);

    // Deleting a criterion closes the gap; deleting a section takes its criteria.
    expect((await managerA.delete(`${A}/criteria/${ids[2]}`)).status).toBe(204);
    v = (await managerA.get(`${A}/versions/${versionId}`)).body;
    expect(v.sections[0].criteria.map((c) => `${c.position}:${c.number}`)).toEqual(['1:P1', '2:P2']);
    expect((await managerA.put(`${A}/sections/${gov.id}`, { number: '9', title: 'Governance and leadership' })).status).toBe(200);
    expect((await managerA.delete(`${A}/sections/${path.id}`)).status).toBe(204);
    v = (await managerA.get(`${A}/versions/${versionId}`)).body;
    expect(v.sections.map((s) => `${s.position}:${s.number}:${s.title}:${s.criteria.length}`)).toEqual(['1:9:Governance and leadership:1']);

    const trail = await managerA.get(`/api/networks/std-a/audit?entityType=standard_criterion&entityId=${g2.id}`);
    const actions = trail.body.items.map((e: { action: string }) => e.action);
    expect([actions[0], actions.at(-1)]).toEqual(['delete', 'create']);
    // The move is one change: its words, its lists and its place.
    expect(trail.body.items).toContainEqual(
      expect.objectContaining({
        action: 'update',
        changes: expect.objectContaining({
          number: { from: 'G2', to: 'P1' },
          sectionId: { from: gov.id, to: path.id },
          appliesTo: { from: ['major_trauma_centre', 'trauma_unit'], to: [] },
        }),
      }),
    );
    const setTrail = await managerA.get(`/api/networks/std-a/audit?entityType=standard_set&entityId=${set.id}`);
    expect(setTrail.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('publishes a draft that has criteria, makes the next version as a draft copy, keeps one draft at a time and deletes only drafts', async () => {
    const empty = await newSet(managerA, A, 'EMPTY');
    const notYet = await managerA.post(`${A}/versions/${empty.versions[0].id}/publish`);
    expect(notYet.status).toBe(409);
    expect(notYet.body.message).toMatch(/no criteria yet/);
    expect((await managerA.delete(`${A}/versions/${empty.versions[0].id}`)).body.message).toMatch(/only version of EMPTY: delete the set instead/);
    expect((await managerA.delete(`${A}/sets/${empty.id}`)).status).toBe(204);
    expect((await managerA.get(`${A}/sets/${empty.id}`)).status).toBe(404);

    const v1 = await filledVersion(managerA, A, 'PUB');
    expect(v1.can).toEqual({ edit: true, publish: true, delete: false, newVersion: false });
    const published = await managerA.post(`${A}/versions/${v1.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', frozen: false, can: { edit: true, publish: false, newVersion: true } });
    expect(published.body.publishedAt).toEqual(expect.any(String));
    expect((await managerA.post(`${A}/versions/${v1.id}/publish`)).status).toBe(409);

    const v2 = await managerA.post(`${A}/sets/${v1.set.id}/versions`);
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ version: 2, status: 'draft', frozen: false, criterionCount: 4 });
    expect(content(v2.body)).toEqual(content(v1));
    const oldIds = new Set([...v1.sections.map((s) => s.id), ...v1.sections.flatMap((s) => s.criteria.map((c) => c.id))]);
    expect(
      v2.body.sections
        .flatMap((s: StandardVersionDto['sections'][number]) => [s.id, ...s.criteria.map((c) => c.id)])
        .some((id: string) => oldIds.has(id)),
    ).toBe(false);
    expect(v2.body.otherVersions.map((o: { version: number }) => o.version)).toEqual([1]);
    const twice = await managerA.post(`${A}/sets/${v1.set.id}/versions`);
    expect(twice.status).toBe(409);
    expect(twice.body.message).toMatch(/Version 2 of PUB is a draft already/);
    const set = (await managerA.get(`${A}/sets/${v1.set.id}`)).body as StandardSetDto;
    expect(set.versions.map((x) => `${x.version}:${x.status}`)).toEqual(['2:draft', '1:published']);
    expect(set.currentVersionId).toBe(v1.id);

    // Changing the copy leaves version 1 as it was.
    await managerA.put(`${A}/sections/${v2.body.sections[0].id}`, { number: '1', title: 'Governance (2027)' });
    expect((await managerA.get(`${A}/versions/${v1.id}`)).body.sections[0].title).toBe('Governance');

    const deletePublished = await managerA.delete(`${A}/versions/${v1.id}`);
    expect(deletePublished.status).toBe(409);
    expect(deletePublished.body.message).toMatch(/only a draft can be deleted/);
    expect((await managerA.delete(`${A}/versions/${v2.body.id}`)).status).toBe(204);
    expect((await managerA.get(`${A}/versions/${v2.body.id}`)).status).toBe(404);
    expect((await managerA.get(`${A}/sets/${v1.set.id}`)).body.versions.map((x: { version: number }) => x.version)).toEqual([1]);
  });

  it('freezes a published version when a cycle uses it: edits answer 409 saying to make a new version, and the database refuses them too', async () => {
    const v1 = await filledVersion(managerA, A, 'FROZEN');
    const [gov] = v1.sections;
    const criterion = gov.criteria[0];
    const repo = new StandardSetRepository();
    // A draft cannot be frozen; a published version can, once (as a peer review cycle will when it first uses it).
    expect(await api.db.inNetwork({ userId: null, networkId: a.network.id }, () => repo.freezeVersion(v1.id))).toBe(false);
    await managerA.post(`${A}/versions/${v1.id}/publish`);
    expect(await api.db.inNetwork({ userId: null, networkId: a.network.id }, () => repo.freezeVersion(v1.id))).toBe(true);
    expect(await api.db.inNetwork({ userId: null, networkId: a.network.id }, () => repo.freezeVersion(v1.id))).toBe(true);
    // Another network cannot freeze it (it cannot see it).
    expect(await api.db.inNetwork({ userId: null, networkId: b.network.id }, () => repo.freezeVersion(v1.id))).toBe(false);

    const frozen = (await managerA.get(`${A}/versions/${v1.id}`)).body as StandardVersionDto;
    expect(frozen).toMatchObject({ frozen: true, can: { edit: false, publish: false, delete: false, newVersion: true } });
    expect(frozen.frozenAt).toEqual(expect.any(String));

    const attempts = [
      await managerA.post(`${A}/versions/${v1.id}/sections`, { title: 'New' }),
      await managerA.put(`${A}/sections/${gov.id}`, { number: '1', title: 'Renamed' }),
      await managerA.delete(`${A}/sections/${gov.id}`),
      await managerA.put(`${A}/versions/${v1.id}/section-order`, { sectionIds: [v1.sections[1].id, gov.id] }),
      await managerA.post(`${A}/sections/${gov.id}/criteria`, { text: 'One more' }),
      await managerA.put(`${A}/criteria/${criterion.id}`, { text: 'Changed' }),
      await managerA.delete(`${A}/criteria/${criterion.id}`),
      await managerA.put(`${A}/sections/${gov.id}/criterion-order`, { criterionIds: gov.criteria.map((c) => c.id).reverse() }),
      await managerA.request('POST', `${A}/versions/${v1.id}/import/preview`, upload(csv([HEADER, ['1', 'S', '', 'C', '', '']]), 'set.csv')),
      await managerA.request('POST', `${A}/versions/${v1.id}/import`, upload(csv([HEADER, ['1', 'S', '', 'C', '', '']]), 'set.csv')),
    ];
    for (const res of attempts) {
      expect({ status: res.status, message: res.body.message }).toEqual({
        status: 409,
        message: expect.stringMatching(
          /version 1 of FROZEN .* is frozen: a peer review cycle uses it, so it cannot change\. Create a new version \(version 2\)/i,
        ),
      });
    }
    expect((await managerA.delete(`${A}/versions/${v1.id}`)).status).toBe(409);
    const deleteSet = await managerA.delete(`${A}/sets/${v1.set.id}`);
    expect(deleteSet.status).toBe(409);
    expect(deleteSet.body.message).toMatch(/in use by a peer review cycle/);
    const scale = await managerA.put(`${A}/sets/${v1.set.id}`, {
      code: 'FROZEN',
      name: 'Renamed is fine',
      kind: 'network_standards',
      answerScale: 'rag',
    });
    expect(scale.status).toBe(409);
    expect(scale.body.fields).toEqual([{ field: 'answerScale', message: expect.stringMatching(/cannot change/) }]);
    expect((await managerA.put(`${A}/sets/${v1.set.id}`, { code: 'FROZEN', name: 'Renamed is fine', kind: 'network_standards' })).status).toBe(200);
    expect(content((await managerA.get(`${A}/versions/${v1.id}`)).body)).toEqual(content(v1));

    // The database refuses the same, whoever asks (defence in depth).
    const refusals: string[] = [];
    for (const statement of [
      [`update standard_criterion set text = 'changed' where id = $1`, criterion.id],
      [`delete from standard_criterion where id = $1`, criterion.id],
      [`update standard_section set title = 'changed' where id = $1`, gov.id],
      [`delete from standard_section where id = $1`, gov.id],
      [
        `insert into standard_section (id, network_id, version_id, position, title) values (gen_random_uuid(), '${a.network.id}', $1, 9, 'New')`,
        v1.id,
      ],
      [`update standard_set_version set status = 'draft', published_at = null, frozen_at = null where id = $1`, v1.id],
      [`delete from standard_set_version where id = $1`, v1.id],
      [`delete from standard_set where id = $1`, v1.set.id],
    ]) {
      refusals.push(
        await asApp(a.network.id, (pg) => pg.query(statement[0], [statement[1]])).then(
          () => `${statement[0]}: accepted`,
          (err: Error) => err.message,
        ),
      );
    }
    expect(refusals.filter((r) => !/frozen|in use by a peer review cycle/.test(r))).toEqual([]);

    // Edits make a new version: a draft copy, which changes freely.
    const v2 = await managerA.post(`${A}/sets/${v1.set.id}/versions`);
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ version: 2, status: 'draft', frozen: false, can: { edit: true } });
    expect((await managerA.put(`${A}/criteria/${v2.body.sections[0].criteria[0].id}`, { text: 'Changed in version 2' })).status).toBe(200);
  });

  it('lets an operator keep national sets that every network reads and none can change', async () => {
    expect((await managerA.get(`${ADMIN}/sets`)).status).toBe(403);
    expect((await managerA.post(`${ADMIN}/sets`, { code: 'D15', name: 'x', kind: 'national_specification' })).status).toBe(403);

    const globalBefore = await asApp(null, async (pg) => Number((await pg.query('select version from data_version_global')).rows[0].version));
    const national = await newSet(operator, ADMIN, 'D15', { name: 'Major trauma measures', kind: 'national_specification' });
    expect(national).toMatchObject({ national: true, can: { manage: true } });
    let v = (await operator.post(`${ADMIN}/versions/${national.versions[0].id}/sections`, { number: 'D15-1', title: 'Trauma networks' }))
      .body as StandardVersionDto;
    v = (
      await operator.post(`${ADMIN}/sections/${v.sections[0].id}/criteria`, {
        number: 'T16-2A-101',
        text: 'A major trauma centre has a consultant-led trauma team on site at all times',
        appliesTo: ['major_trauma_centre'],
      })
    ).body;
    expect((await operator.post(`${ADMIN}/versions/${v.id}/publish`)).status).toBe(200);
    const globalAfter = await asApp(null, async (pg) => Number((await pg.query('select version from data_version_global')).rows[0].version));
    expect(globalAfter).toBeGreaterThan(globalBefore);

    // Operators see the national sets only (no network's own), and their changes in the platform's trail.
    const adminList = (await operator.get(`${ADMIN}/sets`)).body as StandardSetListDto;
    expect(adminList.sets.map((s) => s.code)).toEqual(['D15']);
    const ownOfA = (await managerA.get(`${A}/sets`)).body.sets.find((s: StandardSetDto) => !s.national) as StandardSetDto;
    expect((await operator.get(`${ADMIN}/sets/${ownOfA.id}`)).status).toBe(404);
    const changes = await operator.get(`${ADMIN}/changes?entityId=${national.id}`);
    expect(changes.status).toBe(200);
    expect(changes.body).toEqual([
      expect.objectContaining({ action: 'create', entityType: 'standard_set', actor: expect.objectContaining({ displayName: expect.any(String) }) }),
    ]);
    expect((await managerA.get(`${ADMIN}/changes`)).status).toBe(403);
    const trailOfA = await managerA.get(`/api/networks/std-a/audit?entityType=standard_set&entityId=${national.id}`);
    expect(trailOfA.body.items).toEqual([]);

    // Both networks read it, marked national, and may not change it.
    for (const [client, base] of [
      [managerA, A],
      [managerB, B],
    ] as const) {
      const list = (await client.get(`${base}/sets`)).body as StandardSetListDto;
      expect(list.sets[0]).toMatchObject({ code: 'D15', national: true, can: { manage: false, newVersion: false } });
      const version = await client.get(`${base}/versions/${v.id}`);
      expect(version.status).toBe(200);
      expect(version.body).toMatchObject({ set: { national: true }, can: { edit: false, publish: false, delete: false, newVersion: false } });
      expect(version.body.sections[0].criteria[0]).toMatchObject({ number: 'T16-2A-101', appliesTo: ['major_trauma_centre'] });
      const exported = await download(client, `${base}/versions/${v.id}/export?format=csv`);
      expect(exported.status).toBe(200);
      expect(exported.bytes.toString('utf8')).toContain('T16-2A-101');
    }
    const criterionId = v.sections[0].criteria[0].id;
    const writes = [
      await managerA.put(`${A}/sets/${national.id}`, { code: 'D15', name: 'Hijacked', kind: 'national_specification' }),
      await managerA.delete(`${A}/sets/${national.id}`),
      await managerA.post(`${A}/sets/${national.id}/versions`),
      await managerA.post(`${A}/versions/${v.id}/sections`, { title: 'Ours now' }),
      await managerA.put(`${A}/sections/${v.sections[0].id}`, { title: 'Ours now' }),
      await managerA.delete(`${A}/sections/${v.sections[0].id}`),
      await managerA.put(`${A}/criteria/${criterionId}`, { text: 'Ours now' }),
      await managerA.delete(`${A}/criteria/${criterionId}`),
      await managerA.delete(`${A}/versions/${v.id}`),
      await managerA.request('POST', `${A}/versions/${v.id}/import/preview`, upload(csv([HEADER, ['1', 'S', '', 'C', '', '']]), 'set.csv')),
    ];
    for (const res of writes) {
      expect({ status: res.status, message: res.body.message }).toEqual({
        status: 403,
        message: expect.stringMatching(/national standard set, kept by the platform operator/),
      });
    }
    // Nor can the network write national rows through the database.
    const direct = await asApp(a.network.id, async (pg) => ({
      update: (await pg.query(`update standard_criterion set text = 'Ours now' where id = $1`, [criterionId])).rowCount,
      insert: await pg
        .query(`insert into standard_set (id, network_id, code, name, kind) values (gen_random_uuid(), null, 'X1', 'X', 'national_specification')`)
        .then(
          () => 'accepted',
          (err: Error) => err.message,
        ),
    }));
    expect(direct).toEqual({ update: 0, insert: expect.stringMatching(/row-level security/) });
    // Without a network or operator mode, nothing at all is visible.
    expect(await asApp(null, async (pg) => (await pg.query('select count(*)::int as n from standard_criterion')).rows[0].n)).toBe(0);

    // A cached read of the list shows the operator's change at once (national edits move the shared version).
    expect((await managerB.get(`${B}/sets`)).body.sets[0].name).toBe('Major trauma measures');
    expect(
      (await operator.put(`${ADMIN}/sets/${national.id}`, { code: 'D15', name: 'Major trauma measures (2026)', kind: 'national_specification' }))
        .status,
    ).toBe(200);
    expect((await managerB.get(`${B}/sets`)).body.sets[0].name).toBe('Major trauma measures (2026)');

    // A network's cycle may freeze a national version it uses; from then on the operator makes a new version too.
    const repo = new StandardSetRepository();
    expect(await api.db.inNetwork({ userId: null, networkId: b.network.id }, () => repo.freezeVersion(v.id))).toBe(true);
    const late = await operator.put(`${ADMIN}/criteria/${criterionId}`, { text: 'Changed after use' });
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/Create a new version \(version 2\)/);
    const v2 = await operator.post(`${ADMIN}/sets/${national.id}/versions`);
    expect(v2.status).toBe(201);
    expect((await managerA.get(`${A}/versions/${v2.body.id}`)).body).toMatchObject({ version: 2, status: 'draft', set: { national: true } });
  });

  it('previews an import naming every bad row and saves nothing; imports all rows or none; replaces the version’s content', async () => {
    const set = await newSet(managerA, A, 'IMP');
    const versionId = set.versions[0].id;
    await managerA.post(`${A}/versions/${versionId}/sections`, { title: 'To be replaced' });
    const bad = csv([
      HEADER,
      ['1', 'Leadership', '1.1', 'A named network clinical lead', 'Job description', 'All'],
      ['1', 'Leadership', '1.2', '', 'Evidence without a criterion', ''],
      ['2', '', '2.1', 'A criterion in a section without a title', '', ''],
      ['1', 'Governance', '1.3', 'Same number, other title', '', 'MTC'],
      ['3', 'Transfers', '1.1', 'Duplicate number', '', 'Hospice, TU'],
      ['3', 'Transfers', '3.2', 'Fine', '', 'Trauma units; ambulance service'],
    ]);
    const preview = await managerA.request('POST', `${A}/versions/${versionId}/import/preview`, upload(bad, 'standards.csv'));
    expect(preview.status).toBe(200);
    const p = preview.body as StandardImportPreviewDto;
    expect(p.ok).toBe(false);
    expect(p.replaces).toEqual({ sections: 1, criteria: 0 });
    expect(p.columns).toEqual({
      sectionNumber: 'Section number',
      sectionTitle: 'Section title',
      criterionNumber: 'Criterion number',
      criterion: 'Criterion',
      evidenceExpected: 'Evidence expected',
      appliesTo: 'Applies to',
    });
    expect(p.rows.map((r) => [r.row, r.problems.map((x) => x.field)])).toEqual([
      [1, []],
      [2, ['criterion']],
      [3, ['sectionTitle']],
      [4, ['sectionTitle']],
      [5, ['appliesTo', 'criterionNumber']],
      [6, []],
    ]);
    expect(p.rows[4].problems[0].message).toMatch(/“Hospice” is not an organisation type/);
    expect(p.rows[5].appliesTo).toEqual(['trauma_unit', 'ambulance_service']);
    const unchanged = (await managerA.get(`${A}/versions/${versionId}`)).body as StandardVersionDto;
    expect(unchanged.sections.map((s) => s.title)).toEqual(['To be replaced']);

    const refused = await managerA.request('POST', `${A}/versions/${versionId}/import`, upload(bad, 'standards.csv'));
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/5 problems; nothing was imported/);
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual([
      'rows.2.criterion',
      'rows.3.sectionTitle',
      'rows.4.sectionTitle',
      'rows.5.appliesTo',
      'rows.5.criterionNumber',
    ]);
    expect(refused.body.fields[0].message).toMatch(/^Row 2: /);
    expect((await managerA.get(`${A}/versions/${versionId}`)).body.sections.map((s: { title: string }) => s.title)).toEqual(['To be replaced']);

    // A good file: sections given once above their criteria, or on every row; a section with no criteria kept.
    const good = csv([
      HEADER,
      ['1', 'Leadership', '', '', '', ''],
      ['', '', '1.1', 'A named network clinical lead', 'Job description\nand job plan', 'All'],
      ['', '', '1.2', '=HYPERLINK("http://example.org","Click")', '', 'MTC, TU'],
      ['2', 'Transfers', '2.1', 'Transfers within 48 hours', 'Audit', 'Ambulance service'],
      ['3', 'Notes', '', '', '', ''],
    ]);
    const ok = await managerA.request('POST', `${A}/versions/${versionId}/import/preview`, upload(good, 'standards.csv'));
    expect(ok.body).toMatchObject({ ok: true, sections: 3, criteria: 3, fileProblems: [] });
    const imported = await managerA.request('POST', `${A}/versions/${versionId}/import`, upload(good, 'standards.csv'));
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ sections: 3, criteria: 3 });
    const v = imported.body.version as StandardVersionDto;
    expect(content(v)).toEqual([
      {
        number: '1',
        title: 'Leadership',
        criteria: [
          { number: '1.1', text: 'A named network clinical lead', evidenceExpected: 'Job description\nand job plan', appliesTo: [] },
          {
            number: '1.2',
            text: '=HYPERLINK("http://example.org","Click")',
            evidenceExpected: '',
            appliesTo: ['major_trauma_centre', 'trauma_unit'],
          },
        ],
      },
      {
        number: '2',
        title: 'Transfers',
        criteria: [{ number: '2.1', text: 'Transfers within 48 hours', evidenceExpected: 'Audit', appliesTo: ['ambulance_service'] }],
      },
      { number: '3', title: 'Notes', criteria: [] },
    ]);

    // Files that are not a set: 400 naming the file.
    for (const [bytes, name] of [
      ['', 'empty.csv'],
      ['Theme,Work\nA,B\n', 'plan.csv'],
      [csv([HEADER]), 'header-only.csv'],
    ] as const) {
      const res = await managerA.request('POST', `${A}/versions/${versionId}/import`, upload(bytes, name));
      expect({ name, status: res.status, fields: res.body.fields?.map((f: { field: string }) => f.field) }).toEqual({
        name,
        status: 400,
        fields: ['file'],
      });
    }
    const noFile = await managerA.request('POST', `${A}/versions/${versionId}/import/preview`, new FormData());
    expect(noFile.status).toBe(400);
    expect(noFile.body.fields[0].field).toBe('file');
  });

  it('reads an assessment tool like seed 001’s, with no section columns, into one section', async () => {
    const set = await newSet(managerA, A, 'SEED001', { kind: 'assessment_tool', answerScale: 'rag' });
    const tool = csv([
      ['Criteria', 'Evidence', 'R', 'A', 'G', 'Identified Gaps', 'Comments'],
      ['Waiting times', 'Average time to outpatients by each provider', '', '', '', '', ''],
      ['Electronic referral', 'An electronic referral system in each hub', '', '', '', '', ''],
    ]);
    const res = await managerA.request('POST', `${A}/versions/${set.versions[0].id}/import`, upload(tool, 'tool.csv'));
    expect(res.status).toBe(201);
    expect(content(res.body.version)).toEqual([
      {
        number: '',
        title: 'Criteria',
        criteria: [
          { number: '', text: 'Waiting times', evidenceExpected: 'Average time to outpatients by each provider', appliesTo: [] },
          { number: '', text: 'Electronic referral', evidenceExpected: 'An electronic referral system in each hub', appliesTo: [] },
        ],
      },
    ]);
  });

  it('exports as .xlsx and CSV (formula-like text neutralised) that import back to the same sections and criteria', async () => {
    const v = await filledVersion(managerA, A, 'ROUND');
    const first = v.sections[0].criteria[0];
    await managerA.put(`${A}/criteria/${first.id}`, {
      number: first.number,
      text: '=1+2 is not a formula here',
      evidenceExpected: '@mention\nand a second line',
      appliesTo: ['major_trauma_centre', 'ambulance_service'],
    });
    await managerA.post(`${A}/versions/${v.id}/sections`, { number: '3', title: 'Empty for now' });
    const source = (await managerA.get(`${A}/versions/${v.id}`)).body as StandardVersionDto;

    const asCsv = await download(managerA, `${A}/versions/${v.id}/export?format=csv`);
    expect(asCsv.status).toBe(200);
    expect(asCsv.type).toMatch(/^text\/csv/);
    expect(asCsv.disposition).toBe('attachment; filename="ROUND-v1.csv"');
    const text = asCsv.bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${HEADER.join(',')}`);
    expect(text).toContain(`'=1+2 is not a formula here`);
    expect(text).toContain('Major trauma centre, Ambulance service');

    const asXlsx = await download(managerA, `${A}/versions/${v.id}/export?format=xlsx`);
    expect(asXlsx.status).toBe(200);
    expect(asXlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new Workbook();
    await book.xlsx.load(asXlsx.bytes as unknown as ArrayBuffer);
    const cells = book.worksheets[0].getRow(2).values as unknown[];
    expect(cells.slice(1, 5)).toEqual(['1', 'Governance', 'ROUND-1.1', `'=1+2 is not a formula here`]);

    for (const [file, name] of [
      [asCsv.bytes, 'ROUND-v1.csv'],
      [asXlsx.bytes, 'ROUND-v1.xlsx'],
    ] as const) {
      const target = await newSet(managerA, A, `BACK-${name.endsWith('csv') ? 'CSV' : 'XLSX'}`);
      const res = await managerA.request('POST', `${A}/versions/${target.versions[0].id}/import`, upload(file, name));
      expect({ name, status: res.status }).toEqual({ name, status: 201 });
      expect(content(res.body.version)).toEqual(content(source));
    }
    expect((await managerA.get(`${A}/versions/${v.id}/export?format=pdf`)).status).toBe(400);
  });

  it('answers 404 for another network’s sets, versions, sections and criteria; viewers read but cannot change; commissioners neither', async () => {
    const v = await filledVersion(managerA, A, 'ISO');
    const section = v.sections[0];
    const criterion = section.criteria[0];
    for (const path of [`/sets/${v.set.id}`, `/versions/${v.id}`, `/versions/${v.id}/export`]) {
      expect({ path, status: (await managerB.get(`${B}${path}`)).status }).toEqual({ path, status: 404 });
      expect({ path, status: (await managerB.get(`${A}${path}`)).status }).toEqual({ path, status: 404 });
    }
    for (const [method, path, body] of [
      ['PUT', `/sets/${v.set.id}`, { code: 'X', name: 'X', kind: 'network_standards' }],
      ['DELETE', `/sets/${v.set.id}`, undefined],
      ['POST', `/sets/${v.set.id}/versions`, undefined],
      ['POST', `/versions/${v.id}/publish`, undefined],
      ['POST', `/versions/${v.id}/sections`, { title: 'X' }],
      ['PUT', `/sections/${section.id}`, { title: 'X' }],
      ['POST', `/sections/${section.id}/criteria`, { text: 'X' }],
      ['PUT', `/criteria/${criterion.id}`, { text: 'X' }],
      ['DELETE', `/criteria/${criterion.id}`, undefined],
    ] as const) {
      const res = await managerB.request(method, `${B}${path}`, body);
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
    }
    // A section of another network named in a body: 404 naming it.
    const own = await filledVersion(managerB, B, 'ISO-B');
    const foreign = await managerB.post(`${B}/sections/${own.sections[0].id}/criteria`, { text: 'X', sectionId: section.id });
    expect(foreign.status).toBe(404);
    expect(foreign.body.fields).toEqual([{ field: 'sectionId', message: expect.any(String) }]);
    const otherVersion = await managerB.put(`${B}/criteria/${own.sections[0].criteria[0].id}`, {
      text: 'X',
      sectionId: (await filledVersion(managerB, B, 'ISO-B2')).sections[0].id,
    });
    expect(otherVersion.status).toBe(400);
    expect(otherVersion.body.fields).toEqual([{ field: 'sectionId', message: 'Choose a section of the same version' }]);

    const list = await viewerA.get(`${A}/sets`);
    expect(list.status).toBe(200);
    expect(list.body.can).toEqual({ create: false });
    expect(list.body.sets.every((s: StandardSetDto) => !s.can.manage)).toBe(true);
    expect((await viewerA.get(`${A}/versions/${v.id}`)).body.can).toEqual({ edit: false, publish: false, delete: false, newVersion: false });
    for (const [method, path, body] of [
      ['POST', '/sets', { code: 'V', name: 'V', kind: 'network_standards' }],
      ['POST', `/versions/${v.id}/sections`, { title: 'X' }],
      ['PUT', `/criteria/${criterion.id}`, { text: 'X' }],
      ['DELETE', `/sets/${v.set.id}`, undefined],
    ] as const) {
      const res = await viewerA.request(method, `${A}${path}`, body);
      expect({ method, path, status: res.status, code: res.body.code }).toEqual({ method, path, status: 403, code: 'forbidden' });
    }
    const commissioner = await addMember(api.db, [a], 'commissioner');
    const dana = await new HttpClient(api.url).login(commissioner.email);
    expect((await dana.get(`${A}/sets`)).status).toBe(403);
    expect((await dana.get(`${A}/versions/${v.id}`)).status).toBe(403);
  });
});
