import type { AppConfig } from '@plexus/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';

/**
 * In apps/web/src/index.html (`<plx-root ngCspNonce="CSP_NONCE">`): replaced per response with a fresh
 * nonce, which Angular puts on the <style> elements it adds for component styles. docker/nginx.conf does the
 * same with `sub_filter` and `$request_id`.
 */
export const CSP_NONCE_PLACEHOLDER = 'CSP_NONCE';

type Directives = Record<string, string[]>;

/**
 * The Content-Security-Policy of the web app and the API, one list for both servers (docker/nginx.conf
 * must send the same; a unit test compares them). Scripts only from our own origin, no inline script, no
 * eval; styles from our own origin plus Angular's component <style> elements carrying the response's
 * nonce (the build's critical-CSS inlining, which needs an inline `onload` handler, is switched off in
 * apps/web/project.json); no plug-ins, no framing by other sites, no <base> pointing elsewhere.
 * `nonce` is the literal nonce, or a placeholder such as nginx's `$request_id`.
 */
export function cspDirectives(nonce: string, options: { production: boolean }): Directives {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", `'nonce-${nonce}'`],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    ...(options.production ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/** The directives as a header value: `default-src 'self'; …`. */
export function cspHeader(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');
}

/**
 * The API docs page (Swagger UI) is the one exception: its page carries inline <style> and style
 * attributes. Still no inline script. It shows no network data, only the API's description.
 */
function docsDirectives(production: boolean): Directives {
  return { ...cspDirectives('unused', { production }), 'style-src': ["'self'", "'unsafe-inline'"] };
}

/** What nginx and the API both send besides the CSP. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

/**
 * helmet with the policy above, a fresh nonce per response (res.locals.cspNonce), HSTS in production only
 * (one year, sub-domains), Referrer-Policy same-origin, X-Frame-Options DENY, nosniff, and the
 * cross-origin isolation headers helmet sets by default (COOP, CORP same-origin).
 */
export function securityHeaders(config: Pick<AppConfig, 'NODE_ENV'>): RequestHandler {
  const production = config.NODE_ENV === 'production';
  const common = {
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' as const },
    frameguard: { action: 'deny' as const },
    crossOriginEmbedderPolicy: false,
  };
  const app = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...cspDirectives(CSP_NONCE_PLACEHOLDER, { production }),
        'style-src': ["'self'", (_req, res) => `'nonce-${(res as Response).locals['cspNonce'] as string}'`],
      },
    },
  });
  const docs = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: docsDirectives(production) } });
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals['cspNonce'] = randomBytes(16).toString('base64');
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    return (req.path.startsWith('/api/docs') ? docs : app)(req, res, next);
  };
}
