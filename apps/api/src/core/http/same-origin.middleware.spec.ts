import type { NextFunction, Request, Response } from 'express';
import { sameOriginOnly } from './same-origin.middleware';

function run(
  config: { PUBLIC_URL: string; NODE_ENV: 'development' | 'test' | 'production' },
  method: string,
  headers: Record<string, string>,
  host = 'api.internal:3000',
) {
  const lower = Object.fromEntries(Object.entries({ host, ...headers }).map(([k, v]) => [k.toLowerCase(), v]));
  const req = { method, protocol: 'http', get: (name: string) => lower[name.toLowerCase()] } as unknown as Request;
  let status = 0;
  let body: { code?: string; message?: string } = {};
  const res = {
    status(s: number) {
      status = s;
      return this;
    },
    json(b: typeof body) {
      body = b;
      return this;
    },
  } as unknown as Response;
  let passed = false;
  const next: NextFunction = () => {
    passed = true;
  };
  sameOriginOnly(config)(req, res, next);
  return { passed, status, body };
}

const prod = { PUBLIC_URL: 'https://plexus.example.nhs.uk', NODE_ENV: 'production' as const };
const dev = { PUBLIC_URL: 'http://localhost:3000', NODE_ENV: 'development' as const };

describe('sameOriginOnly', () => {
  it('lets safe methods through whatever their origin', () => {
    expect(run(prod, 'GET', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }).passed).toBe(true);
  });

  it('refuses unsafe requests marked cross-site, or from another origin, with 403 cross_site_request', () => {
    const cases: Array<Record<string, string>> = [
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://plexus.example.nhs.uk.evil.example' },
    ];
    for (const headers of cases) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const r = run(prod, method, headers);
        expect({ headers, method, passed: r.passed, status: r.status, code: r.body.code }).toEqual({
          headers,
          method,
          passed: false,
          status: 403,
          code: 'cross_site_request',
        });
      }
    }
  });

  it('accepts PUBLIC_URL’s origin, same-origin fetch metadata, and requests with neither header (curl, servers)', () => {
    expect(run(prod, 'POST', { origin: 'https://plexus.example.nhs.uk', 'sec-fetch-site': 'same-origin' }).passed).toBe(true);
    expect(run(prod, 'POST', {}).passed).toBe(true);
    expect(run(prod, 'POST', { 'sec-fetch-site': 'none' }).passed).toBe(true);
  });

  it('accepts the request’s own origin outside production only (dev server proxy, tests on a random port)', () => {
    expect(run(dev, 'POST', { origin: 'http://localhost:4200' }, 'localhost:4200').passed).toBe(true);
    expect(run(prod, 'POST', { origin: 'http://api.internal:3000' }).passed).toBe(false);
    expect(run(dev, 'POST', { origin: 'http://localhost:4200' }, 'localhost:3000').passed).toBe(false);
  });
});
