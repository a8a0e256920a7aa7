import type { ApiError } from '@plexus/contracts';
import type { AppConfig } from '@plexus/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses every unsafe request (POST, PUT, PATCH, DELETE) that a browser says came from another site, signed
 * in or not, before its body is read: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not Plexus's own
 * (PUBLIC_URL's origin). This stops login CSRF (a cross-site form signing a victim into an attacker's
 * account), which the session's CSRF token cannot, as there is no session yet.
 *
 * Requests without these headers (curl, server-to-server) pass and keep the CSRF-token rules of AuthGuard.
 * Outside production the request's own origin (scheme and Host) is also accepted, for the Angular dev
 * server's proxy and for tests on a random port; in production only PUBLIC_URL's origin is.
 */
export function sameOriginOnly(config: Pick<AppConfig, 'PUBLIC_URL' | 'NODE_ENV'>): RequestHandler {
  const publicOrigin = new URL(config.PUBLIC_URL).origin;
  const production = config.NODE_ENV === 'production';

  const refuse = (res: Response, why: string) => {
    const body: ApiError = {
      statusCode: 403,
      code: 'cross_site_request',
      message: `This request came from another website (${why}), so Plexus refused it. Changes can only be made from ${publicOrigin}.`,
    };
    res.status(403).json(body);
  };

  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get('sec-fetch-site');
    const origin = req.get('origin');
    if (site === 'cross-site') return refuse(res, 'Sec-Fetch-Site: cross-site');
    if (origin !== undefined) {
      const own = !production && `${req.protocol}://${req.get('host') ?? ''}` === origin;
      if (origin !== publicOrigin && !own) return refuse(res, `Origin: ${origin.slice(0, 100)}`);
    } else if (site === 'same-site') {
      return refuse(res, 'Sec-Fetch-Site: same-site, without an Origin');
    }
    return next();
  };
}
