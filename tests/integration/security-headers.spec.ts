import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, HttpClient, newNetwork, PASSWORD, startApi, type TestApi, type TestDatabase } from '../support/harness';

/** `default-src 'self'; script-src 'self'` → { 'default-src': ["'self'"], … } */
function directives(csp: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );
}

/** A stand-in for the built web app: the shell carries the nonce placeholder, as apps/web/src/index.html does. */
function fakeWebDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plexus-web-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><script src="main.js" type="module"></script></head><body><plx-root ngCspNonce="CSP_NONCE"></plx-root></body></html>',
  );
  writeFileSync(join(dir, 'main.js'), 'console.log("plexus");');
  return dir;
}

describe('security headers (helmet) on the API and the web app it serves', () => {
  let db: TestDatabase;
  let api: TestApi;
  let production: TestApi;
  const webDist = fakeWebDist();

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db, { WEB_DIST: webDist });
    production = await startApi(db, { WEB_DIST: webDist, NODE_ENV: 'production' });
    await newNetwork(api.db, 'headers-a');
  });
  afterAll(async () => {
    await production?.close();
    await api?.close();
    await db?.drop();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('sends a strict Content-Security-Policy and the other security headers on API answers', async () => {
    const res = await fetch(`${api.url}/api/health`);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/=]{20,}'$/)]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'self'"]);
    expect(csp['form-action']).toEqual(["'self'"]);
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(csp).not.toHaveProperty('upgrade-insecure-requests');
    expect(res.headers.get('strict-transport-security')).toBeNull(); // HSTS in production only
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
    expect(res.headers.get('x-powered-by')).toBeNull();
    // Error answers carry them too.
    const denied = await fetch(`${api.url}/api/networks/headers-a/profile`);
    expect(denied.status).toBe(401);
    expect(denied.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('serves the web app’s page with this response’s nonce, matching its policy, and never lets it be cached', async () => {
    const seen = new Set<string>();
    for (const path of ['/', '/index.html', '/n/headers-a/profile', '/sign-in?returnUrl=%2F']) {
      const res = await fetch(`${api.url}${path}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      const nonce = /ngCspNonce="([^"]+)"/.exec(html)?.[1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
      expect(html).not.toContain('CSP_NONCE');
      expect(directives(res.headers.get('content-security-policy'))['style-src']).toEqual(["'self'", `'nonce-${nonce}'`]);
      expect(res.headers.get('cache-control')).toBe('no-store');
      seen.add(nonce!);
    }
    expect(seen.size).toBe(4); // a fresh nonce every time
    const script = await fetch(`${api.url}/main.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('relaxes only styles, never scripts, for the API docs page (Swagger UI uses inline styles)', async () => {
    const res = await fetch(`${api.url}/api/docs`);
    expect(res.status).toBe(200);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
  });

  it('adds HSTS and upgrade-insecure-requests in production, and accepts changes only from PUBLIC_URL’s origin', async () => {
    const res = await fetch(`${production.url}/api/health`);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(directives(res.headers.get('content-security-policy'))).toHaveProperty('upgrade-insecure-requests');
    const body = { email: 'manager.headers-a@example.org', password: PASSWORD };
    // In production the request's own host is not enough: only PUBLIC_URL (http://plexus.test here) is Plexus.
    const ownHost = await new HttpClient(production.url).request('POST', '/api/auth/login', body, { origin: production.url });
    expect(ownHost.status).toBe(403);
    expect(ownHost.body.message).toContain('http://plexus.test');
    expect((await new HttpClient(production.url).request('POST', '/api/auth/login', body, { origin: 'http://plexus.test' })).status).toBe(200);
  });
});
