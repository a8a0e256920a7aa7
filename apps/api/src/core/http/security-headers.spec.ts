import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cspDirectives, cspHeader, PERMISSIONS_POLICY } from './security-headers';

const nginx = readFileSync(resolve(__dirname, '../../../../../docker/nginx.conf'), 'utf8');

/** The value of every `add_header <name> "<value>"` line in docker/nginx.conf. */
function nginxHeaders(name: string): string[] {
  return [...nginx.matchAll(new RegExp(`add_header ${name} (?:"([^"]*)"|(\\S+))`, 'g'))].map((m) => m[1] ?? m[2]);
}

describe('security headers: the API and the web container send the same', () => {
  it('has no inline script, eval or wildcard in the policy', () => {
    const csp = cspHeader(cspDirectives('abc', { production: true }));
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(cspHeader(cspDirectives('abc', { production: false }))).not.toContain('upgrade-insecure-requests');
  });

  it('has nginx send exactly the production policy (nonce: $request_id) in every location that adds headers', () => {
    const policies = nginxHeaders('Content-Security-Policy');
    expect(policies.length).toBeGreaterThanOrEqual(2);
    for (const policy of policies) expect(policy).toBe(cspHeader(cspDirectives('$request_id', { production: true })));
    for (const hsts of nginxHeaders('Strict-Transport-Security')) expect(hsts).toBe('max-age=31536000; includeSubDomains');
    for (const value of nginxHeaders('Permissions-Policy')) expect(value).toBe(PERMISSIONS_POLICY);
    expect(nginxHeaders('X-Frame-Options').every((v) => v === 'DENY')).toBe(true);
    expect(nginxHeaders('Referrer-Policy').every((v) => v === 'same-origin')).toBe(true);
    expect(nginx).toContain("sub_filter 'CSP_NONCE' $request_id;");
  });
});
