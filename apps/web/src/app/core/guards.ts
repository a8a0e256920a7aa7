import { inject } from '@angular/core';
import {
  type ActivatedRouteSnapshot,
  type CanActivateFn,
  RedirectCommand,
  type RedirectFunction,
  type ResolveFn,
  Router,
  type RouterStateSnapshot,
} from '@angular/router';
import type { SessionMembership, SessionResponse } from '@plexus/contracts';
import { can, type Permission } from '@plexus/domain';
import { networkLandingPage } from './network-switch';
import { SessionService } from './session.service';
import { safeReturnUrl } from './return-url';

/** Shows an error page while keeping the address the person asked for. */
function showInstead(router: Router, page: 'not-found' | 'forbidden' | 'problem'): RedirectCommand {
  return new RedirectCommand(router.parseUrl(`/${page}`), { skipLocationChange: true });
}

async function loadSession(router: Router, session: SessionService): Promise<SessionResponse | null | RedirectCommand> {
  try {
    return await session.ensureLoaded();
  } catch {
    return showInstead(router, 'problem');
  }
}

function signInUrl(router: Router, returnUrl: string) {
  return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl } });
}

/** Signed-in pages: anyone else goes to `/sign-in?returnUrl=…`. */
export const authGuard: CanActivateFn = async (_route, state: RouterStateSnapshot) => {
  const router = inject(Router);
  const session = await loadSession(router, inject(SessionService));
  if (session instanceof RedirectCommand) return session;
  return session ? true : signInUrl(router, state.url);
};

/** The sign-in page sends someone already signed in on to where they were going. */
export const signedOutGuard: CanActivateFn = async (route) => {
  const router = inject(Router);
  const session = await loadSession(router, inject(SessionService));
  if (session instanceof RedirectCommand) return true;
  return session ? router.parseUrl(safeReturnUrl(route.queryParamMap.get('returnUrl'))) : true;
};

export const operatorGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const session = await loadSession(router, inject(SessionService));
  if (session instanceof RedirectCommand) return session;
  return session?.user.isOperator ? true : showInstead(router, 'forbidden');
};

/**
 * `/`: one network → that network; several, in all of which the person is a commissioner (who reads only
 * reports) → the reports from those networks; an operator with none → the admin pages; otherwise the page
 * itself lists the networks (or says there are none).
 */
export const homeRedirectGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const session = await loadSession(router, inject(SessionService));
  if (session instanceof RedirectCommand) return session;
  if (!session) return true;
  if (session.memberships.length === 1) return router.createUrlTree(['/n', session.memberships[0].slug]);
  if (session.memberships.length > 1 && session.memberships.every((m) => !can(m.role, 'network.read'))) return router.parseUrl('/reports');
  if (session.memberships.length === 0 && session.user.isOperator) return router.parseUrl('/admin/networks');
  return true;
};

/** `/n/:network`: the network's first page for the person's role there (`networkLandingPage`). */
export const networkLandingRedirect: RedirectFunction = async ({ params }) => {
  const session = inject(SessionService);
  const fallback = 'home';
  try {
    await session.ensureLoaded();
  } catch {
    return fallback;
  }
  const membership = session.membershipFor(String(params['network'] ?? ''));
  return membership ? networkLandingPage(membership.role) : fallback;
};

/** The `network` route parameter, wherever it sits in the tree. */
export function networkParam(route: ActivatedRouteSnapshot): string | null {
  let current: ActivatedRouteSnapshot | null = route;
  while (current) {
    const value = current.paramMap.get('network');
    if (value) return value;
    current = current.parent;
  }
  return null;
}

/** The signed-in person's membership of the `:network` in the address; an unknown network is a 404. */
export const membershipResolver: ResolveFn<SessionMembership> = async (route) => {
  const router = inject(Router);
  const session = inject(SessionService);
  const loaded = await loadSession(router, session);
  if (loaded instanceof RedirectCommand) return loaded;
  const slug = networkParam(route);
  const membership = slug ? session.membershipFor(slug) : undefined;
  return membership ?? showInstead(router, 'not-found');
};

/** A page of a network that needs a permission there (`members.manage`…). */
export function permissionGuard(permission: Permission): CanActivateFn {
  return async (route) => {
    const router = inject(Router);
    const session = inject(SessionService);
    const loaded = await loadSession(router, session);
    if (loaded instanceof RedirectCommand) return loaded;
    const slug = networkParam(route);
    const membership = slug ? session.membershipFor(slug) : undefined;
    if (!membership) return showInstead(router, 'not-found');
    return can(membership.role, permission) ? true : showInstead(router, 'forbidden');
  };
}
