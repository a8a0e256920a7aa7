import { DocumentLink, sql } from '@plexus/server';
import { createHash, randomBytes } from 'node:crypto';
import { createTestDatabase, HttpClient, newNetwork, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

/**
 * Withdrawing a document from the library (issue 13, item 6): a manager only, a reason required, the document kept
 * exactly as it was (the database refuses to change its snapshot or its withdrawal), left out of the library unless
 * asked for, its emailed links answering 410, and the withdrawal in the audit trail. No worker runs here: the document
 * is made ready in the database as the worker would leave it.
 */
describe('withdrawing a document from the library', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let b: Fixture;
  let manager: HttpClient;
  let managerB: HttpClient;
  let viewer: HttpClient;
  let lead: HttpClient;
  let documentId: string;
  let token: string;
  const base = () => `/api/networks/${a.network.slug}`;

  const inA = <T>(fn: (em: import('@mikro-orm/postgresql').EntityManager) => Promise<T>) =>
    api.db.inNetwork({ userId: null, networkId: a.network.id }, ({ em }) => fn(em));
  const run = (q: { text: string; params: unknown[] }) => inA((em) => em.execute(q.text, q.params as never[]));

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
    a = await newNetwork(api.db, 'withdraw-a');
    b = await newNetwork(api.db, 'withdraw-b');
    manager = await new HttpClient(api.url).login(a.users.manager.email);
    managerB = await new HttpClient(api.url).login(b.users.manager.email);
    viewer = await new HttpClient(api.url).login(a.users.viewer.email);
    lead = await new HttpClient(api.url).login(a.users.lead.email);
    const res = await manager.post(`${base()}/reports`, { kind: 'risk_register', title: 'Risk register for the June board' });
    expect(res.status).toBe(202);
    documentId = res.body.id;
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('refuses to withdraw a document that is not ready yet', async () => {
    const res = await manager.post(`${base()}/reports/${documentId}/withdraw`, { reason: 'Wrong period' });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('Only a ready document can be withdrawn');
  });

  it('withdraws a ready document for a manager only, with a reason, keeping it unchanged and its links answering 410', async () => {
    // Ready, as the worker leaves it, with an emailed link.
    await run(
      sql`update report_document set status = 'ready', progress = 100, storage_key = ${`test/${documentId}.pdf`}, sha256 = ${'a'.repeat(64)},
          snapshot = ${'{"risks":[]}'}::jsonb, size_bytes = 1000, page_count = 3, finished_at = now() where id = ${documentId}`,
    );
    token = randomBytes(32).toString('base64url');
    await inA(async (em) => {
      em.persist(
        Object.assign(new DocumentLink(), {
          networkId: a.network.id,
          documentId,
          tokenHash: createHash('sha256').update(token).digest('hex'),
          expiresAt: new Date(Date.now() + 30 * 86_400_000),
        }),
      );
      await em.flush();
    });
    expect((await manager.get(`${base()}/reports/${documentId}`)).body.can).toEqual({ retry: false, withdraw: true });
    expect((await viewer.get(`${base()}/reports/${documentId}`)).body.can).toEqual({ retry: false, withdraw: false });

    // Who may: a manager; a viewer or a lead is refused; another network's manager does not find it.
    expect((await viewer.post(`${base()}/reports/${documentId}/withdraw`, { reason: 'x' })).status).toBe(403);
    expect((await lead.post(`${base()}/reports/${documentId}/withdraw`, { reason: 'x' })).status).toBe(403);
    expect((await managerB.post(`/api/networks/${b.network.slug}/reports/${documentId}/withdraw`, { reason: 'x' })).status).toBe(404);
    expect((await manager.post(`${base()}/reports/7d2a0b9e-1c3f-4e5a-8b6c-9d0e1f2a3b4c/withdraw`, { reason: 'x' })).status).toBe(404);

    // The reason is required and checked, naming the field.
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'Bell\u0007' }, { reason: 'x'.repeat(2001) }, { reason: 42 }]) {
      const res = await manager.post(`${base()}/reports/${documentId}/withdraw`, body);
      expect({ body, status: res.status, fields: res.body.fields?.map((f: { field: string }) => f.field) }).toEqual({
        body,
        status: 400,
        fields: ['reason'],
      });
    }
    expect((await new HttpClient(api.url).get(`/api/links/${a.network.slug}/${token}`)).status).toBe(200);

    const res = await manager.post(`${base()}/reports/${documentId}/withdraw`, { reason: '  Sent with the wrong quarter’s figures  ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: documentId,
      status: 'ready',
      sha256: 'a'.repeat(64),
      withdrawn: { by: { userId: a.users.manager.id, name: a.users.manager.displayName }, reason: 'Sent with the wrong quarter’s figures' },
      can: { retry: false, withdraw: false },
    });
    expect(Date.now() - Date.parse(res.body.withdrawn.at)).toBeLessThan(60_000);

    // Once only.
    const again = await manager.post(`${base()}/reports/${documentId}/withdraw`, { reason: 'Again' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already withdrawn on \d{1,2} [A-Z][a-z]+ \d{4}/);

    // Kept: readable by id, out of the default library, in it when asked for.
    expect((await viewer.get(`${base()}/reports/${documentId}`)).body.withdrawn.reason).toBe('Sent with the wrong quarter’s figures');
    expect((await viewer.get(`${base()}/reports`)).body.map((d: { id: string }) => d.id)).not.toContain(documentId);
    expect((await viewer.get(`${base()}/reports?withdrawn=include`)).body.map((d: { id: string }) => d.id)).toContain(documentId);
    const badQuery = await viewer.get(`${base()}/reports?withdrawn=maybe`);
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.fields.map((f: { field: string }) => f.field)).toEqual(['withdrawn']);

    // Its emailed link answers 410 saying it was withdrawn (the page and the download alike).
    const anon = new HttpClient(api.url);
    for (const path of [`/api/links/${a.network.slug}/${token}`, `/api/links/${a.network.slug}/${token}/download`]) {
      const gone = await anon.get(path);
      expect({ path, status: gone.status }).toEqual({ path, status: 410 });
      expect(gone.body.message).toContain('withdrawn');
    }
  });

  it('keeps the snapshot and the withdrawal immutable in the database', async () => {
    await expect(run(sql`update report_document set snapshot = '{}'::jsonb where id = ${documentId}`)).rejects.toThrow(/cannot change/);
    await expect(run(sql`update report_document set withdrawn_at = null, withdrawn_reason = null where id = ${documentId}`)).rejects.toThrow(
      /withdrawal cannot change/,
    );
    await expect(run(sql`update report_document set withdrawn_reason = 'Rewritten' where id = ${documentId}`)).rejects.toThrow(
      /withdrawal cannot change/,
    );
    const doc = (await manager.get(`${base()}/reports/${documentId}?withdrawn=include`)).body;
    expect(doc.withdrawn.reason).toBe('Sent with the wrong quarter’s figures');
  });

  it('records the withdrawal in the audit trail, under the manager’s name', async () => {
    const trail = await manager.get(`${base()}/audit?entityType=report_document&entityId=${documentId}`);
    expect(trail.status).toBe(200);
    expect(trail.body.items).toHaveLength(1);
    expect(trail.body.items[0]).toMatchObject({
      action: 'update',
      entityType: 'report_document',
      entityId: documentId,
      actor: { userId: a.users.manager.id },
      changes: { withdrawnReason: { from: null, to: 'Sent with the wrong quarter’s figures' } },
    });
  });

  it('does not let a board pack include a withdrawn paper', async () => {
    const meeting = await manager.post(`${base()}/board/meetings`, { meetingDate: '2026-06-11', startsAt: '14:00', location: 'Boardroom' });
    expect(meeting.status).toBe(201);
    const item = await manager.post(`${base()}/board/meetings/${meeting.body.id}/agenda-items`, {
      title: 'Risk register',
      presenter: 'Chair',
      documentId,
    });
    expect(item.status).toBe(201);
    const pack = await manager.post(`${base()}/board/meetings/${meeting.body.id}/pack`);
    expect(pack.status).toBe(409);
    expect(pack.body.fields?.[0]?.message).toContain('was withdrawn');
  });
});
