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
      await em.execute(`insert into membership (id, network_id, user_id, role) values (gen_random_uuid(), ?, ?, 'viewer')`, [
        b.network.id,
        a.users.manager.id,
      ]);
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
    expect(res.body.memberships.map((m: { slug: string; role: string }) => `${m.slug}:${m.role}`).sort()).toEqual([
      'auth-a:manager',
      'auth-b:viewer',
    ]);
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

  it('checks at most the limit of 30 parallel wrong guesses (the count is taken before the password is looked at), then locks even the right password', async () => {
    const email = a.users.contributor.email;
    const from = { 'x-forwarded-for': '203.0.113.30' };
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => new HttpClient(api.url).request('POST', '/api/auth/login', { email, password: `wrong guess ${i}` }, from)),
    );
    const statuses = guesses.map((g) => g.status);
    // LOGIN_MAX_FAILURES is 3 here: at most 3 passwords were checked, every other guess was refused unseen.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(3);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(27);
    for (const refused of guesses.filter((g) => g.status === 429)) {
      expect(refused.body.code).toBe('too_many_attempts');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(120);
    }
    const right = await new HttpClient(api.url).request(
      'POST',
      '/api/auth/login',
      { email, password: PASSWORD },
      { 'x-forwarded-for': '203.0.113.31' },
    );
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits one client address across many emails (4× the per-email count), without touching other addresses', async () => {
    const from = { 'x-forwarded-for': '203.0.113.40' };
    const statuses: number[] = [];
    for (let i = 0; i < 13; i++) {
      statuses.push(
        (await new HttpClient(api.url).request('POST', '/api/auth/login', { email: `nobody${i}@example.org`, password: 'whatever it is' }, from))
          .status,
      );
    }
    expect(statuses.slice(0, 12)).toEqual(Array(12).fill(401));
    expect(statuses[12]).toBe(429);
    const blocked = await new HttpClient(api.url).request('POST', '/api/auth/login', { email: a.users.lead.email, password: PASSWORD }, from);
    expect(blocked.status).toBe(429);
    const elsewhere = await new HttpClient(api.url).request(
      'POST',
      '/api/auth/login',
      { email: a.users.lead.email, password: PASSWORD },
      { 'x-forwarded-for': '203.0.113.41' },
    );
    expect(elsewhere.status).toBe(200);
  });

  it('gives back a successful sign-in’s point: a person who keeps signing in is never locked out by it', async () => {
    const from = { 'x-forwarded-for': '203.0.113.50' };
    for (let i = 0; i < 15; i++) {
      expect(
        (await new HttpClient(api.url).request('POST', '/api/auth/login', { email: a.users.viewer.email, password: PASSWORD }, from)).status,
      ).toBe(200);
    }
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

  it('refuses sign-in from a form: only JSON bodies are accepted (415), so a cross-site <form> cannot sign a victim in', async () => {
    const email = encodeURIComponent(a.users.lead.email);
    const form = await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.60' },
      body: `email=${email}&password=${encodeURIComponent(PASSWORD)}`,
    });
    expect(form.status).toBe(415);
    expect((await form.json()).code).toBe('unsupported_media_type');
    expect(form.headers.getSetCookie()).toEqual([]);
    // text/plain is the other encoding a form (or a no-preflight fetch) can send, even with a JSON body.
    const plain = await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-forwarded-for': '203.0.113.60' },
      body: JSON.stringify({ email: a.users.lead.email, password: PASSWORD }),
    });
    expect(plain.status).toBe(415);
    const multipart = new FormData();
    multipart.set('email', a.users.lead.email);
    multipart.set('password', PASSWORD);
    const upload = await fetch(`${api.url}/api/auth/login`, { method: 'POST', body: multipart, headers: { 'x-forwarded-for': '203.0.113.60' } });
    expect(upload.status).toBe(415);
    // An upload route still takes multipart (its own answer, not 415).
    const manager = await new HttpClient(api.url).login(a.users.manager.email);
    const logo = new FormData();
    logo.set('file', new Blob([Buffer.from('not an image')], { type: 'image/png' }), 'logo.png');
    expect((await manager.request('PUT', '/api/networks/auth-a/profile/logo', logo)).status).not.toBe(415);
  });

  it('refuses unsafe requests a browser marks as cross-site (Origin or Sec-Fetch-Site), signed in or not, with 403', async () => {
    const body = { email: a.users.lead.email, password: PASSWORD };
    const viaOrigin = await new HttpClient(api.url).request('POST', '/api/auth/login', body, { origin: 'https://evil.example' });
    expect(viaOrigin.status).toBe(403);
    expect(viaOrigin.body.code).toBe('cross_site_request');
    expect(viaOrigin.body.message).toMatch(/another website/);
    expect(viaOrigin.headers.getSetCookie()).toEqual([]);
    const viaFetchMetadata = await new HttpClient(api.url).request('POST', '/api/auth/login', body, { 'sec-fetch-site': 'cross-site' });
    expect(viaFetchMetadata.status).toBe(403);
    expect((await new HttpClient(api.url).request('POST', '/api/auth/login', body, { origin: 'null' })).status).toBe(403);
    expect((await new HttpClient(api.url).request('POST', '/api/auth/login', body, { 'sec-fetch-site': 'same-site' })).status).toBe(403);

    // Signed in: the session's CSRF token does not make a cross-site request acceptable.
    const client = await new HttpClient(api.url).login(a.users.manager.email);
    const invite = { email: 'cross@example.org', displayName: 'Cross', role: 'viewer' };
    expect((await client.request('POST', '/api/networks/auth-a/invites', invite, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await client.request('POST', '/api/auth/logout', undefined, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await client.get('/api/auth/session')).status).toBe(200);

    // Plexus's own origin (PUBLIC_URL), the request's own origin outside production, same-origin fetch
    // metadata, and no such headers at all (curl, other servers) all pass.
    expect((await new HttpClient(api.url).request('POST', '/api/auth/login', body, { origin: 'http://plexus.test' })).status).toBe(200);
    expect(
      (await new HttpClient(api.url).request('POST', '/api/auth/login', body, { origin: api.url, 'sec-fetch-site': 'same-origin' })).status,
    ).toBe(200);
    expect((await new HttpClient(api.url).request('POST', '/api/auth/login', body)).status).toBe(200);
    // Reading is never refused for its origin.
    expect(
      (await new HttpClient(api.url).request('GET', '/api/health', undefined, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }))
        .status,
    ).toBe(200);
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
    const huge = await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x'.repeat(2_000_000) }),
    });
    expect(huge.status).toBe(413);
  });
});
