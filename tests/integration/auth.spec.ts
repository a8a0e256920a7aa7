import { createTestDatabase, HttpClient, newNetwork, PASSWORD, startApi, type Fixture, type TestApi, type TestDatabase } from '../support/harness';

describe('sign-in, sessions, CSRF and rate limiting', () => {
  let db: TestDatabase;
  let api: TestApi;
  let a: Fixture;
  let b: Fixture;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db, { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '2' });
    a = await newNetwork(api.db, 'auth-a');
    b = await newNetwork(api.db, 'auth-b');
    // One person in two networks with different roles.
    await api.db.inNetwork({ userId: null, networkId: b.network.id }, async ({ em }) => {
      await em.execute(`insert into membership (id, network_id, user_id, role) values (gen_random_uuid(), ?, ?, 'viewer')`, [b.network.id, a.users.manager.id]);
    });
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('signs in with email and password, setting an httpOnly SameSite session cookie and a readable CSRF cookie', async () => {
    const client = new HttpClient(api.url);
    const res = await client.post('/api/auth/login', { email: a.users.manager.email.toUpperCase(), password: PASSWORD });
    expect(res.status).toBe(200);
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('plexus_session='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).not.toMatch(/Secure/i); // tests run as NODE_ENV=test over http; production sets Secure
    const csrf = cookies.find((c) => c.startsWith('XSRF-TOKEN='))!;
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(res.body.csrfToken).toBe(client.cookie('XSRF-TOKEN'));
    expect(res.body.user).toMatchObject({ email: a.users.manager.email, isOperator: false });
    expect(res.body).not.toHaveProperty('user.passwordHash');
    expect(res.body.memberships.map((m: { slug: string; role: string }) => `${m.slug}:${m.role}`).sort()).toEqual(['auth-a:manager', 'auth-b:viewer']);
  });

  it('answers the same 401 for a wrong password and an unknown email, and 400 naming a malformed field', async () => {
    const client = new HttpClient(api.url);
    const wrong = await client.post('/api/auth/login', { email: a.users.viewer.email, password: 'not the password' });
    const unknown = await client.post('/api/auth/login', { email: 'nobody@example.org', password: 'whatever it is' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
    const bad = await client.post('/api/auth/login', { email: 'not-an-email', password: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['email', 'password']);
  });

  it('locks an email out after repeated failures, even with the right password, with Retry-After', async () => {
    const client = new HttpClient(api.url);
    const email = b.users.lead.email;
    for (let i = 0; i < 3; i++) expect((await client.post('/api/auth/login', { email, password: 'wrong password' })).status).toBe(401);
    const locked = await client.post('/api/auth/login', { email, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('too_many_attempts');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another person is not affected.
    expect((await new HttpClient(api.url).post('/api/auth/login', { email: b.users.viewer.email, password: PASSWORD })).status).toBe(200);
  });

  it('requires the CSRF token on unsafe methods made with a session', async () => {
    const client = await new HttpClient(api.url).login(a.users.manager.email);
    client.csrfOverride = null;
    const missing = await client.post(`/api/networks/auth-a/invites`, { email: 'n@example.org', displayName: 'N', role: 'viewer' });
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('csrf_failed');
    client.csrfOverride = 'forged-token-forged-token';
    expect((await client.post('/api/auth/logout')).status).toBe(403);
    client.csrfOverride = undefined;
    expect((await client.post(`/api/networks/auth-a/invites`, { email: 'n@example.org', displayName: 'N', role: 'viewer' })).status).toBe(201);
  });

  it('signs out on the server: the old cookie no longer works', async () => {
    const client = await new HttpClient(api.url).login(a.users.viewer.email);
    const stolen = `plexus_session=${client.cookie('plexus_session')}`;
    expect((await client.get('/api/auth/session')).status).toBe(200);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect(client.cookie('plexus_session')).toBeUndefined();
    const replay = await fetch(`${api.url}/api/auth/session`, { headers: { cookie: stolen } });
    expect(replay.status).toBe(401);
  });

  it('serves health, OpenAPI JSON and the docs page without signing in', async () => {
    const client = new HttpClient(api.url);
    const health = await client.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', database: 'up', redis: 'up' });
    const doc = await client.get('/api/docs-json');
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.paths['/api/auth/login'].post.requestBody).toBeDefined();
    const page = await client.get('/api/docs');
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('swagger');
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('malformed requests', () => {
  let db: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('answers 400 for a body that is not JSON, and 413 for one over the limit', async () => {
    const broken = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expect(broken.status).toBe(400);
    expect((await broken.json()).message).toBe('The request body is not valid JSON');
    const huge = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'x'.repeat(2_000_000) }) });
    expect(huge.status).toBe(413);
  });
});
