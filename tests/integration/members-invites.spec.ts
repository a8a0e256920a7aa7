import { Invite } from '@plexus/server';
import { createTestDatabase, HttpClient, newNetwork, PASSWORD, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

function tokenOf(url: string): { network: string; token: string } {
  const m = /\/invite\/([^/]+)\/([^/]+)$/.exec(url)!;
  return { network: m[1], token: m[2] };
}

describe('members, invites and platform operators', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let manager: HttpClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
    a = await newNetwork(api.db, 'mem-a');
    manager = await new HttpClient(api.url).login(a.users.manager.email);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('invites a new person with a one-time link that creates their account, joins them and signs them in', async () => {
    const created = await manager.post('/api/networks/mem-a/invites', { email: 'New.Person@Example.org', displayName: 'New Person', role: 'lead' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'new.person@example.org', role: 'lead', status: 'pending' });
    expect(created.body.url).toMatch(/^http:\/\/plexus\.test\/invite\/mem-a\/[A-Za-z0-9_-]{40,}$/);
    const { network, token } = tokenOf(created.body.url);

    const visitor = new HttpClient(api.url);
    const preview = await visitor.get(`/api/invites/${network}/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ networkName: 'Network mem-a', email: 'new.person@example.org', role: 'lead' });
    // The preview does not say whether the email has an account (see the existing-account test for the same shape).
    expect(Object.keys(preview.body).sort()).toEqual(['displayName', 'email', 'expiresAt', 'networkName', 'networkSlug', 'role']);

    const weak = await visitor.post(`/api/invites/${network}/${token}/accept`, { displayName: 'New Person', password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.fields[0].field).toBe('password');

    const accepted = await visitor.post(`/api/invites/${network}/${token}/accept`, { displayName: 'New Person', password: 'a long enough password' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.memberships).toEqual([expect.objectContaining({ slug: 'mem-a', role: 'lead' })]);
    expect((await visitor.get('/api/networks/mem-a/profile')).status).toBe(200);

    // Single use: the same link now answers 410, and the invite shows as accepted.
    expect((await new HttpClient(api.url).get(`/api/invites/${network}/${token}`)).status).toBe(410);
    expect(
      (await new HttpClient(api.url).post(`/api/invites/${network}/${token}/accept`, { displayName: 'X', password: 'a long enough password' }))
        .status,
    ).toBe(410);
    const list = await manager.get('/api/networks/mem-a/invites');
    expect(list.body.find((i: { id: string }) => i.id === created.body.id).status).toBe('accepted');
    // The token is stored only as a hash.
    const stored = await api.db.inNetwork({ userId: null, networkId: a.network.id }, ({ em }) => em.findOneOrFail(Invite, { id: created.body.id }));
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('joins an existing account to another network only from that account’s own session, never with a password', async () => {
    const other = await newNetwork(api.db, 'mem-b');
    const otherManager = await new HttpClient(api.url).login(other.users.manager.email);
    const created = await otherManager.post('/api/networks/mem-b/invites', { email: a.users.viewer.email, displayName: 'Viewer A', role: 'viewer' });
    const { network, token } = tokenOf(created.body.url);
    const fresh = await otherManager.post('/api/networks/mem-b/invites', {
      email: 'nobody.yet@example.org',
      displayName: 'Nobody Yet',
      role: 'viewer',
    });

    // The preview has the same shape whether or not the email has an account.
    const visitor = new HttpClient(api.url);
    const existingPreview = await visitor.get(`/api/invites/${network}/${token}`);
    const freshPreview = await visitor.get(`/api/invites/${network}/${tokenOf(fresh.body.url).token}`);
    expect(existingPreview.status).toBe(200);
    expect(Object.keys(existingPreview.body).sort()).toEqual(Object.keys(freshPreview.body).sort());
    expect(existingPreview.body).not.toHaveProperty('existingAccount');

    // Even the right password does not accept it for someone who is not signed in: sign in first.
    for (const password of ['not their password', PASSWORD]) {
      const attempt = await visitor.post(`/api/invites/${network}/${token}/accept`, { displayName: 'x', password });
      expect(attempt.status).toBe(401);
      expect(attempt.body.code).toBe('sign_in_required');
      expect(attempt.body.message).toMatch(/Sign in to it first, then accept the invite/);
      expect(attempt.headers.getSetCookie()).toEqual([]);
    }
    expect((await visitor.get('/api/auth/session')).status).toBe(401);

    // Signed in as someone else: refused, and told whom the invite is for.
    const someoneElse = await new HttpClient(api.url).login(a.users.lead.email);
    const wrong = await someoneElse.post(`/api/invites/${network}/${token}/accept`, {});
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('wrong_account');

    // Signed in as the invited person: accepted with no password at all.
    const invitee = await new HttpClient(api.url).login(a.users.viewer.email);
    const ok = await invitee.post(`/api/invites/${network}/${token}/accept`, {});
    expect(ok.status).toBe(200);
    expect(ok.body.memberships.map((m: { slug: string }) => m.slug).sort()).toEqual(['mem-a', 'mem-b']);
    expect((await invitee.get('/api/networks/mem-b/profile')).status).toBe(200);
  });

  it('limits attempts on one invite link (counted before the link is used), so a link cannot be hammered', async () => {
    const created = await manager.post('/api/networks/mem-a/invites', {
      email: a.users.viewer.email.replace('viewer', 'target'),
      displayName: 'Target',
      role: 'viewer',
    });
    expect(created.status).toBe(201);
    const { network, token } = tokenOf(created.body.url);
    // 30 parallel attempts from different addresses, each a fresh visitor: at most LOGIN_MAX_FAILURES (5) are looked at.
    const attempts = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        new HttpClient(api.url).request(
          'POST',
          `/api/invites/${network}/${token}/accept`,
          { displayName: 'T', password: 'short' + 'x'.repeat(12) + i },
          { 'x-forwarded-for': `198.51.100.${i + 1}` },
        ),
      ),
    );
    const statuses = attempts.map((r) => r.status);
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25);
    const refused = attempts.find((r) => r.status === 429)!;
    expect(refused.body.code).toBe('too_many_attempts');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits one client address across invite links, and a malformed request costs nothing', async () => {
    const from = { 'x-forwarded-for': '198.51.100.200' };
    // 20 (4 × LOGIN_MAX_FAILURES) guessed links from one address, then even a real link is refused from there.
    for (let i = 0; i < 20; i++) {
      expect((await new HttpClient(api.url).request('GET', `/api/invites/mem-a/guessed-token-${i}-xxxxxxxxxxxxxxxxxx`, undefined, from)).status).toBe(
        404,
      );
    }
    const created = await manager.post('/api/networks/mem-a/invites', { email: 'limited@example.org', displayName: 'Limited', role: 'viewer' });
    const { network, token } = tokenOf(created.body.url);
    expect((await new HttpClient(api.url).request('GET', `/api/invites/${network}/${token}`, undefined, from)).status).toBe(429);
    expect(
      (await new HttpClient(api.url).request('GET', `/api/invites/${network}/${token}`, undefined, { 'x-forwarded-for': '198.51.100.201' })).status,
    ).toBe(200);
    // A request the API refuses as malformed (no name for the new account) is given back: the person can correct it.
    const elsewhere = { 'x-forwarded-for': '198.51.100.202' };
    for (let i = 0; i < 8; i++) {
      const bad = await new HttpClient(api.url).request('POST', `/api/invites/${network}/${token}/accept`, {}, elsewhere);
      expect(bad.status).toBe(400);
      expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['displayName', 'password']);
    }
    const accepted = await new HttpClient(api.url).request(
      'POST',
      `/api/invites/${network}/${token}/accept`,
      { displayName: 'Limited', password: 'a long enough password' },
      elsewhere,
    );
    expect(accepted.status).toBe(200);
  });

  it('rejects bad invites naming the field, and lets a manager withdraw one', async () => {
    const noOrg = await manager.post('/api/networks/mem-a/invites', { email: 'c@example.org', displayName: 'C', role: 'contributor' });
    expect(noOrg.status).toBe(400);
    expect(noOrg.body.fields[0].field).toBe('organisationId');
    const member = await manager.post('/api/networks/mem-a/invites', { email: a.users.lead.email, displayName: 'Lead', role: 'lead' });
    expect(member.status).toBe(409);
    expect(member.body.fields[0].field).toBe('email');
    const bad = await manager.post('/api/networks/mem-a/invites', { email: 'nope', displayName: '', role: 'chief' });
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['displayName', 'email', 'role']);

    const created = await manager.post('/api/networks/mem-a/invites', {
      email: 'c@example.org',
      displayName: 'C',
      role: 'contributor',
      organisationId: a.organisations[1].id,
    });
    expect(created.status).toBe(201);
    expect((await manager.delete(`/api/networks/mem-a/invites/${created.body.id}`)).status).toBe(204);
    const { network, token } = tokenOf(created.body.url);
    const gone = await new HttpClient(api.url).get(`/api/invites/${network}/${token}`);
    expect(gone.status).toBe(410);
    expect(gone.body.message).toMatch(/withdrawn/);
    expect((await new HttpClient(api.url).get(`/api/invites/${network}/not-a-real-token-at-all-xxxxxxxx`)).status).toBe(404);
  });

  it('refuses a second pending invite to one address in a network (409 naming email); withdrawn, it can be sent again', async () => {
    const body = { email: 'twice@example.org', displayName: 'Twice', role: 'viewer' };
    const first = await manager.post('/api/networks/mem-a/invites', body);
    expect(first.status).toBe(201);
    const again = await manager.post('/api/networks/mem-a/invites', { ...body, email: 'Twice@Example.org', role: 'lead' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('conflict');
    expect(again.body.fields).toEqual([
      {
        field: 'email',
        message: expect.stringMatching(
          /^twice@example\.org already has an invite to this network waiting to be accepted \(open until \d{1,2} [A-Z][a-z]+ \d{4}\)\. Withdraw that invite to send a new one\.$/,
        ),
      },
    ]);
    // Two at once: one invite, one refusal.
    const racing = await Promise.all(
      [1, 2].map(() => manager.post('/api/networks/mem-a/invites', { email: 'racing@example.org', displayName: 'Racing', role: 'viewer' })),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    // Another network may invite the same address.
    const b = await newNetwork(api.db, 'mem-dup-b');
    const other = await new HttpClient(api.url).login(b.users.manager.email);
    expect((await other.post(`/api/networks/${b.network.slug}/invites`, body)).status).toBe(201);
    // Withdrawn, a new invite can go.
    expect((await manager.delete(`/api/networks/mem-a/invites/${first.body.id}`)).status).toBe(204);
    expect((await manager.post('/api/networks/mem-a/invites', body)).status).toBe(201);
  });

  it('lets a manager change roles, but never leaves a network without a manager', async () => {
    const members = await manager.get('/api/networks/mem-a/members');
    expect(members.status).toBe(200);
    const viewer = members.body.find((m: { userId: string }) => m.userId === a.users.viewer.id);
    const promoted = await manager.patch(`/api/networks/mem-a/members/${viewer.id}`, { role: 'contributor', organisationId: a.organisations[1].id });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ role: 'contributor', organisationName: a.organisations[1].name });
    const noOrg = await manager.patch(`/api/networks/mem-a/members/${viewer.id}`, { role: 'contributor', organisationId: null });
    expect(noOrg.body.fields[0].field).toBe('organisationId');
    const self = await manager.patch(`/api/networks/mem-a/members/${a.users.manager.membershipId}`, { role: 'viewer' });
    expect(self.status).toBe(409);
    expect((await manager.delete(`/api/networks/mem-a/members/${a.users.manager.membershipId}`)).status).toBe(409);
    const lead = await new HttpClient(api.url).login(a.users.lead.email);
    expect((await lead.get('/api/networks/mem-a/members')).status).toBe(403);
    const trail = await manager.get(`/api/networks/mem-a/audit?entityType=membership&entityId=${viewer.id}`);
    expect(trail.body.items[0].changes.role).toEqual({ from: 'viewer', to: 'contributor' });
  });

  it('lets a platform operator create a network and invite its first manager, without seeing its data', async () => {
    await api.db.run({ userId: null }, ({ em }) => em.execute(`update app_user set is_operator = true where id = ?`, [a.users.viewer.id]));
    const operator = await new HttpClient(api.url).login(a.users.viewer.email);
    const notOperator = await manager.post('/api/admin/networks', {});
    expect(notOperator.status).toBe(403);
    const bad = await operator.post('/api/admin/networks', { slug: 'Bad Slug', name: '', specialty: 'Spinal', managerEmail: 'x', managerName: 'X' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['managerEmail', 'name', 'slug']);
    const created = await operator.post('/api/admin/networks', {
      slug: 'new-critical-care',
      name: 'New Critical Care Network',
      specialty: 'Critical care',
      region: 'South West',
      managerEmail: 'first.manager@example.org',
      managerName: 'First Manager',
    });
    expect(created.status).toBe(201);
    expect(created.body.managerInviteUrl).toMatch(/\/invite\/new-critical-care\//);
    expect(
      (
        await operator.post('/api/admin/networks', {
          slug: 'new-critical-care',
          name: 'Again',
          specialty: 'x',
          managerEmail: 'a@example.org',
          managerName: 'A',
        })
      ).body.fields[0].field,
    ).toBe('slug');
    expect((await operator.get('/api/admin/networks')).body.map((n: { slug: string }) => n.slug)).toContain('new-critical-care');
    // The operator is not a member: the new network's data answers 404.
    expect((await operator.get('/api/networks/new-critical-care/profile')).status).toBe(404);

    const { network, token } = tokenOf(created.body.managerInviteUrl);
    const first = new HttpClient(api.url);
    const joined = await first.post(`/api/invites/${network}/${token}/accept`, { displayName: 'First Manager', password: 'first manager password' });
    expect(joined.body.memberships).toEqual([expect.objectContaining({ slug: 'new-critical-care', role: 'manager' })]);
    const profile = await first.get('/api/networks/new-critical-care/profile');
    expect(profile.body).toMatchObject({ name: 'New Critical Care Network', specialty: 'Critical care', region: 'South West' });
  });
});
