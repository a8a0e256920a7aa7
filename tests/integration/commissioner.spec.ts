import type { MyReportsDto } from '@plexus/contracts';
import { DOCUMENT_STORAGE, documentKey, type DocumentStorage } from '@plexus/server';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addMember, createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';
import { SWEEP_IDS, VALID_BODIES } from './sweep';
import { COMMISSIONER_READS } from './sweep/commissioner.sweep';

/**
 * The commissioner role (issue 11): a person at an ICB or NHS England whom networks invite to read their reports.
 * One sign-in; in each network that invited them, its report library (list, status, download) and nothing else; a
 * page of the ready reports of all those networks, read network by network. Tenancy is unchanged: another network's
 * documents are 404 whatever the URL.
 */
describe('commissioners: the reports of the networks that invited them, and nothing else', () => {
  let db: TestDatabase;
  let api: TestApi;
  let storage: DocumentStorage;
  /** a and b invite the commissioner; c does not. */
  let a: Fixture;
  let b: Fixture;
  let c: Fixture;
  let commissioner: Awaited<ReturnType<typeof addMember>>;
  let dana: HttpClient;
  const managers: Record<string, HttpClient> = {};
  /** Documents by name: ready ones (with their bytes) and some that are not ready. */
  const docs: Record<string, { id: string; fx: Fixture; bytes?: Buffer }> = {};

  async function request(fx: Fixture, title: string): Promise<string> {
    const res = await managers[fx.network.slug].post(`/api/networks/${fx.network.slug}/reports`, { kind: 'risk_register', title });
    if (res.status !== 202) throw new Error(`report request ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  /** What the worker does once a render is done: the PDF stored under its key, the document ready (the render itself is tested elsewhere). */
  async function makeReady(fx: Fixture, id: string, requestedAt: string): Promise<Buffer> {
    const bytes = Buffer.from(`%PDF-1.7\n% ${fx.network.slug} ${id}\n%%EOF\n`);
    const key = documentKey(fx.network.id, id);
    await storage.put(key, bytes, 'application/pdf');
    await api.db.inNetwork({ userId: null, networkId: fx.network.id }, ({ em }) =>
      em.execute(
        `update report_document set status = 'ready', progress = 100, attempts = 1, requested_at = ?, started_at = ?, finished_at = ?,
           template_version = 'test', snapshot = '{}'::jsonb, storage_key = ?, size_bytes = ?, page_count = 1, sha256 = ? where id = ?`,
        [requestedAt, requestedAt, requestedAt, key, bytes.length, createHash('sha256').update(bytes).digest('hex'), id],
      ),
    );
    return bytes;
  }

  async function document(name: string, fx: Fixture, requestedAt: string | null, fail = false): Promise<void> {
    const id = await request(fx, name);
    docs[name] = { id, fx };
    if (requestedAt) docs[name].bytes = await makeReady(fx, id, requestedAt);
    if (fail) {
      await api.db.inNetwork({ userId: null, networkId: fx.network.id }, ({ em }) =>
        em.execute(`update report_document set status = 'failed', failure_reason = 'Chromium stopped', attempts = 3 where id = ?`, [id]),
      );
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db, { STORAGE_DIR: mkdtempSync(join(tmpdir(), 'plexus-commissioner-')) });
    storage = api.app.get<DocumentStorage>(DOCUMENT_STORAGE);
    a = await newNetwork(api.db, 'com-a');
    b = await newNetwork(api.db, 'com-b');
    c = await newNetwork(api.db, 'com-c');
    for (const fx of [a, b, c]) managers[fx.network.slug] = await new HttpClient(api.url).login(fx.users.manager.email);
    commissioner = await addMember(api.db, [a, b], 'commissioner', 'dana.whitfield@nhse.example.org');
    dana = await new HttpClient(api.url).login(commissioner.email);

    await document('a: September board', a, '2026-09-10T09:00:00.000Z');
    await document('a: November board', a, '2026-11-20T09:00:00.000Z');
    await document('a: still queued', a, null);
    await document('a: failed', a, null, true);
    await document('b: October board', b, '2026-10-15T09:00:00.000Z');
    await document('c: not for commissioners', c, '2026-12-01T09:00:00.000Z');
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('signs in once and holds the commissioner role in each network that invited them', async () => {
    const session = (await dana.get('/api/auth/session')).body;
    expect(session.memberships.map((m: { slug: string; role: string }) => `${m.slug}:${m.role}`)).toEqual([
      'com-a:commissioner',
      'com-b:commissioner',
    ]);
  });

  it('reads the report library of a network that invited them: the list with each status, a document, its PDF', async () => {
    const list = await dana.get('/api/networks/com-a/reports');
    expect(list.status).toBe(200);
    expect(list.body.map((d: { title: string; status: string }) => `${d.title}:${d.status}`).sort()).toEqual([
      'a: November board:ready',
      'a: September board:ready',
      'a: failed:failed',
      'a: still queued:queued',
    ]);
    // Read only: a commissioner cannot retry a failed document.
    expect(list.body.every((d: { can: { retry: boolean } }) => d.can.retry === false)).toBe(true);

    const one = await dana.get(`/api/networks/com-a/reports/${docs['a: November board'].id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ status: 'ready', downloadUrl: `/api/networks/com-a/reports/${docs['a: November board'].id}/download` });
    const pdf = await dana.get(one.body.downloadUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.body).toBe(docs['a: November board'].bytes!.toString());
    expect((await dana.get(`/api/networks/com-a/reports/${docs['a: still queued'].id}/download`)).status).toBe(409);
  });

  it('answers 404 for another network’s documents: under that network’s address, and under an inviting network’s', async () => {
    const cDoc = docs['c: not for commissioners'].id;
    const bDoc = docs['b: October board'].id;
    expect((await dana.get('/api/networks/com-c/reports')).status).toBe(404);
    expect((await dana.get(`/api/networks/com-c/reports/${cDoc}`)).status).toBe(404);
    expect((await dana.get(`/api/networks/com-c/reports/${cDoc}/download`)).status).toBe(404);
    for (const [slug, id] of [
      ['com-a', cDoc],
      ['com-a', bDoc],
      ['com-b', docs['a: November board'].id],
    ]) {
      expect([slug, id, (await dana.get(`/api/networks/${slug}/reports/${id}`)).status]).toEqual([slug, id, 404]);
      expect([slug, id, (await dana.get(`/api/networks/${slug}/reports/${id}/download`)).status]).toEqual([slug, id, 404]);
    }
  });

  it('refuses every other route of an inviting network with 403 (reads and writes alike), and answers 404 for every route of another', async () => {
    const ids: Record<string, string> = { network: 'com-a' };
    for (const make of SWEEP_IDS) Object.assign(ids, await make(managers['com-a'], a, api.db));
    const paths = (await dana.get('/api/docs-json')).body.paths as Record<string, Record<string, unknown>>;
    const fill = (template: string, slug: string) =>
      template.replace(/\{(\w+)\}/g, (_, name: string) => {
        if (name === 'network') return slug;
        if (!(name in ids))
          throw new Error(`The sweep does not know how to fill {${name}} in ${template}: add a record for it (tests/integration/sweep)`);
        return ids[name];
      });
    const answers: string[] = [];
    const reads: string[] = [];
    for (const [template, ops] of Object.entries(paths)) {
      if (!template.startsWith('/api/networks/{network}')) continue;
      for (const method of ['get', 'put', 'post', 'patch', 'delete']) {
        if (!(method in ops)) continue;
        const verb = method.toUpperCase();
        const key = `${verb} ${template}`;
        const body = verb === 'GET' || verb === 'DELETE' ? undefined : (VALID_BODIES[key] ?? {});
        const own = await dana.request(verb, fill(template, 'com-a'), body);
        if (COMMISSIONER_READS.has(key)) {
          reads.push(`${key} → ${own.status}`);
        } else {
          answers.push(`${key} → ${own.status} ${own.body?.code ?? ''}`.trim());
        }
        const foreign = await dana.request(verb, fill(template, 'com-c'), body);
        expect([key, 'in a network that did not invite them', foreign.status]).toEqual([key, 'in a network that did not invite them', 404]);
      }
    }
    expect(answers.filter((a) => !/→ 403 forbidden$/.test(a))).toEqual([]);
    expect(answers.length).toBeGreaterThanOrEqual(50);
    // The document the sweep asked for is queued: listed and read, not yet downloadable.
    expect(reads.sort()).toEqual([
      'GET /api/networks/{network}/reports → 200',
      'GET /api/networks/{network}/reports/{documentId} → 200',
      'GET /api/networks/{network}/reports/{documentId}/download → 409',
    ]);
    // Nothing was changed by the refused writes: no report asked for, no recipient, no invite.
    const library = (await managers['com-a'].get('/api/networks/com-a/reports')).body as Array<{ requestedBy: { userId: string | null } }>;
    expect(library.filter((d) => d.requestedBy.userId === commissioner.id)).toEqual([]);
    // Nor outside the networks: the operators' pages.
    expect((await dana.get('/api/admin/networks')).status).toBe(403);
  });

  it('lists the ready reports of every network that invited them, newest first, each named with its network, and nothing else', async () => {
    const res = await dana.get('/api/me/reports');
    expect(res.status).toBe(200);
    const mine = res.body as MyReportsDto;
    expect(mine.networks).toEqual([
      { networkId: a.network.id, slug: 'com-a', name: 'Network com-a', role: 'commissioner', listed: 2, more: false },
      { networkId: b.network.id, slug: 'com-b', name: 'Network com-b', role: 'commissioner', listed: 1, more: false },
    ]);
    expect(mine.reports.map((r) => `${r.network.slug}: ${r.document.title}`)).toEqual([
      'com-a: a: November board',
      'com-b: b: October board',
      'com-a: a: September board',
    ]);
    expect(mine.reports.every((r) => r.document.status === 'ready')).toBe(true);
    expect(mine.reports.map((r) => r.network.name)).toEqual(['Network com-a', 'Network com-b', 'Network com-a']);
    // Each downloads from its own network's route, as the commissioner.
    for (const r of mine.reports) {
      expect(r.document.downloadUrl).toBe(`/api/networks/${r.network.slug}/reports/${r.document.id}/download`);
      const pdf = await dana.get(r.document.downloadUrl!);
      expect([r.document.title, pdf.status]).toEqual([r.document.title, 200]);
      expect(pdf.body).toContain(r.document.id);
    }
    // Nothing of the network that did not invite them: no id, no title.
    expect(JSON.stringify(mine)).not.toContain(c.network.id);
    expect(JSON.stringify(mine)).not.toContain(docs['c: not for commissioners'].id);
    expect(JSON.stringify(mine)).not.toContain('not for commissioners');
  });

  it('lists for anyone their own networks’ reports only (a manager of one network: that network)', async () => {
    const mine = (await managers['com-c'].get('/api/me/reports')).body as MyReportsDto;
    expect(mine.networks.map((n) => `${n.slug}:${n.role}`)).toEqual(['com-c:manager']);
    expect(mine.reports.map((r) => r.document.title)).toEqual(['c: not for commissioners']);
    const nobody = await addMember(api.db, [], 'viewer');
    const empty = await (await new HttpClient(api.url).login(nobody.email)).get('/api/me/reports');
    expect(empty).toMatchObject({ status: 200, body: { networks: [], reports: [] } });
    expect((await new HttpClient(api.url).get('/api/me/reports')).status).toBe(401);
  });

  it('lists at most 50 ready reports of each network, its newest, and says there are more', async () => {
    const d = await newNetwork(api.db, 'com-d');
    const reader = await addMember(api.db, [d], 'commissioner');
    await api.db.inNetwork({ userId: null, networkId: d.network.id }, ({ em }) =>
      em.execute(
        `insert into report_document (id, network_id, kind, title, status, progress, requested_at, finished_at, attempts, snapshot, storage_key, sha256)
           select gen_random_uuid(), ?, 'progress', 'Report ' || lpad(n::text, 2, '0'), 'ready', 100, timestamptz '2026-01-01' + n * interval '1 day',
             timestamptz '2026-01-01' + n * interval '1 day', 1, '{}'::jsonb, 'documents/x/' || n, repeat('0', 64)
           from generate_series(1, 51) n`,
        [d.network.id],
      ),
    );
    const mine = (await (await new HttpClient(api.url).login(reader.email)).get('/api/me/reports')).body as MyReportsDto;
    expect(mine.networks).toEqual([expect.objectContaining({ slug: 'com-d', listed: 50, more: true })]);
    expect(mine.reports).toHaveLength(50);
    expect(mine.reports[0].document.title).toBe('Report 51');
    expect(mine.reports[49].document.title).toBe('Report 02');
  });

  it('is never offered or taken as a lead: not among the people, refused as a work item lead and as a mitigation lead', async () => {
    const manager = managers['com-a'];
    const people = (await manager.get('/api/networks/com-a/work-plan/people')).body as { members: Array<{ userId: string }> };
    expect(people.members.map((m) => m.userId)).not.toContain(commissioner.id);
    expect(people.members.map((m) => m.userId)).toContain(a.users.viewer.id);

    const plan = await manager.post('/api/networks/com-a/work-plan/plans', { title: 'Leads', periodStart: '2026-04-01', periodEnd: '2027-03-31' });
    const withTheme = await manager.post(`/api/networks/com-a/work-plan/plans/${plan.body.id}/themes`, { title: 'Quality' });
    const item = await manager.post(`/api/networks/com-a/work-plan/plans/${plan.body.id}/items`, {
      themeId: withTheme.body.themes[0].id,
      work: 'Led by a commissioner',
      leads: [{ userId: a.users.lead.id }, { userId: commissioner.id }],
    });
    expect(item.status).toBe(400);
    expect(item.body.fields).toEqual([{ field: 'leads.1.userId', message: expect.stringMatching(/commissioner/) }]);

    const risk = await manager.post('/api/networks/com-a/risks', {
      dateRegistered: '2026-11-01',
      description: 'Mitigated by a commissioner',
      likelihoodBefore: 3,
      impactBefore: 3,
      likelihoodAfter: 2,
      impactAfter: 2,
      mitigationLeadUserId: commissioner.id,
    });
    expect(risk.status).toBe(400);
    expect(risk.body.fields).toEqual([{ field: 'mitigationLeadUserId', message: expect.stringMatching(/commissioner/) }]);
  });

  it('is invited by a manager with the commissioner role, accepts with the same sign-in, and then reads that network too — until removed', async () => {
    const cManager = managers['com-c'];
    const invite = await cManager.post('/api/networks/com-c/invites', {
      email: commissioner.email,
      displayName: 'Dana Whitfield',
      role: 'commissioner',
    });
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ role: 'commissioner', status: 'pending', organisationId: null });
    const [, network, token] = /\/invite\/([^/]+)\/([^/]+)$/.exec(invite.body.url)!;
    const accepted = await dana.post(`/api/invites/${network}/${token}/accept`, {});
    expect(accepted.status).toBe(200);
    expect(accepted.body.memberships.map((m: { slug: string; role: string }) => `${m.slug}:${m.role}`)).toEqual([
      'com-a:commissioner',
      'com-b:commissioner',
      'com-c:commissioner',
    ]);
    const mine = (await dana.get('/api/me/reports')).body as MyReportsDto;
    expect(mine.reports.map((r) => r.document.title)).toEqual([
      'c: not for commissioners',
      'a: November board',
      'b: October board',
      'a: September board',
    ]);
    expect((await dana.get('/api/networks/com-c/profile')).status).toBe(403);

    // The manager sees them among the members, and removes them: that network's reports are gone from their page.
    const members = (await cManager.get('/api/networks/com-c/members')).body as Array<{ id: string; userId: string; role: string }>;
    const membership = members.find((m) => m.userId === commissioner.id)!;
    expect(membership.role).toBe('commissioner');
    expect((await cManager.delete(`/api/networks/com-c/members/${membership.id}`)).status).toBe(204);
    const after = (await dana.get('/api/me/reports')).body as MyReportsDto;
    expect(after.networks.map((n) => n.slug)).toEqual(['com-a', 'com-b']);
    expect(after.reports.map((r) => r.document.title)).not.toContain('c: not for commissioners');
    expect((await dana.get(`/api/networks/com-c/reports/${docs['c: not for commissioners'].id}/download`)).status).toBe(404);
  });

  it('lets a manager make a member a commissioner (and back), who then reads only the reports', async () => {
    const manager = managers['com-b'];
    const viewer = await new HttpClient(api.url).login(b.users.viewer.email);
    expect((await viewer.get('/api/networks/com-b/risks')).status).toBe(200);
    const changed = await manager.patch(`/api/networks/com-b/members/${b.users.viewer.membershipId}`, { role: 'commissioner', organisationId: null });
    expect(changed.status).toBe(200);
    expect(changed.body.role).toBe('commissioner');
    expect((await viewer.get('/api/networks/com-b/risks')).status).toBe(403);
    expect((await viewer.get('/api/networks/com-b/reports')).status).toBe(200);
    expect((await manager.patch(`/api/networks/com-b/members/${b.users.viewer.membershipId}`, { role: 'viewer', organisationId: null })).status).toBe(
      200,
    );
    expect((await viewer.get('/api/networks/com-b/risks')).status).toBe(200);
  });

  it('is a role the database knows: memberships and invites take it; an unknown role, or a contributor without an organisation, they refuse', async () => {
    const constraints = await api.db.run({ userId: null }, ({ em }) =>
      em.execute<Array<{ name: string; definition: string }>>(
        `select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
          where conrelid in ('membership'::regclass, 'invite'::regclass) and contype = 'c' order by conname`,
      ),
    );
    const byName = Object.fromEntries(constraints.map((row) => [row.name, row.definition]));
    for (const table of ['membership', 'invite']) {
      expect(byName[`${table}_role_check`]).toMatch(/'commissioner'/);
      expect(byName[`${table}_check`]).toMatch(/contributor.*organisation_id IS NOT NULL/);
    }
    const someone = await addMember(api.db, [], 'viewer');
    const insert = (role: string, organisationId: string | null) =>
      api.db.inNetwork({ userId: null, networkId: c.network.id }, ({ em }) =>
        em.execute(`insert into membership (id, network_id, user_id, role, organisation_id) values (gen_random_uuid(), ?, ?, ?, ?)`, [
          c.network.id,
          someone.id,
          role,
          organisationId,
        ]),
      );
    await expect(insert('auditor', null)).rejects.toThrow(/membership_role_check/);
    await expect(insert('contributor', null)).rejects.toThrow(/membership_check/);
    await expect(insert('commissioner', null)).resolves.toBeDefined();
    const invite = (role: string) =>
      api.db.inNetwork({ userId: null, networkId: c.network.id }, ({ em }) =>
        em.execute(
          `insert into invite (id, network_id, email, display_name, role, token_hash, expires_at) values (gen_random_uuid(), ?, ?, 'X', ?, ?, now() + interval '1 day')`,
          [c.network.id, `${role}@example.org`, role, `hash-${role}`],
        ),
      );
    await expect(invite('auditor')).rejects.toThrow(/invite_role_check/);
    await expect(invite('commissioner')).resolves.toBeDefined();
  });
});
