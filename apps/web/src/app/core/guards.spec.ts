import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, type Routes } from '@angular/router';
import type { SessionResponse } from '@plexus/contracts';
import { authGuard, homeRedirectGuard, membershipResolver, networkLandingRedirect, permissionGuard } from './guards';

@Component({ selector: 'plx-stub', template: '' })
class StubComponent {}

const routes: Routes = [
  { path: 'sign-in', component: StubComponent },
  { path: 'not-found', component: StubComponent },
  { path: 'forbidden', component: StubComponent },
  { path: 'problem', component: StubComponent },
  {
    path: '',
    canActivateChild: [authGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeRedirectGuard], component: StubComponent },
      { path: 'admin/networks', component: StubComponent },
      { path: 'reports', component: StubComponent },
      {
        path: 'n/:network',
        resolve: { membership: membershipResolver },
        children: [
          { path: '', pathMatch: 'full', redirectTo: networkLandingRedirect },
          { path: 'home', canActivate: [permissionGuard('network.read')], component: StubComponent },
          { path: 'profile', canActivate: [permissionGuard('network.read')], component: StubComponent },
          { path: 'reports', canActivate: [permissionGuard('reports.read')], component: StubComponent },
          { path: 'members', canActivate: [permissionGuard('members.manage')], component: StubComponent },
        ],
      },
    ],
  },
];

function session(overrides: Partial<SessionResponse['user']>, memberships: SessionResponse['memberships']): SessionResponse {
  return {
    user: { id: 'u1', email: 'sam@example.org', displayName: 'Sam', isOperator: false, ...overrides },
    memberships,
    csrfToken: 't',
  };
}

const NORTH = { networkId: 'n1', slug: 'north', name: 'North', role: 'viewer' as const, organisationId: null };
const SOUTH = { networkId: 'n2', slug: 'south', name: 'South', role: 'manager' as const, organisationId: null };
const EAST = { networkId: 'n3', slug: 'east', name: 'East', role: 'commissioner' as const, organisationId: null };
const WEST = { networkId: 'n4', slug: 'west', name: 'West', role: 'commissioner' as const, organisationId: null };

describe('routing guards', () => {
  let http: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter(routes)] });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  });
  afterEach(() => http.verify());

  async function go(url: string, answer: SessionResponse | 401) {
    const navigation = router.navigateByUrl(url);
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve));
    const request = http.expectOne('/api/auth/session');
    if (answer === 401) request.flush({ statusCode: 401, code: 'unauthorised', message: 'Sign in' }, { status: 401, statusText: 'Unauthorized' });
    else request.flush(answer);
    await navigation;
    return router.url;
  }

  it('sends someone signed out to sign in, remembering where they were going', async () => {
    expect(await go('/n/north/profile', 401)).toBe('/sign-in?returnUrl=%2Fn%2Fnorth%2Fprofile');
  });

  it('takes someone with one network straight to it', async () => {
    expect(await go('/', session({}, [NORTH]))).toBe('/n/north/home');
  });

  it('takes an operator without networks to the admin pages', async () => {
    expect(await go('/', session({ isOperator: true }, []))).toBe('/admin/networks');
  });

  it('lets someone with several networks choose', async () => {
    expect(await go('/', session({}, [NORTH, SOUTH]))).toBe('/');
  });

  it('shows "not found" for a network the person is not in, keeping the address', async () => {
    const url = await go('/n/elsewhere/profile', session({}, [NORTH]));
    expect(url).toBe('/not-found');
    expect(router.routerState.snapshot.url).toBe('/not-found');
    // skipLocationChange: the browser's address still reads what the person typed.
    expect(TestBed.inject(Router).lastSuccessfulNavigation()?.extras.skipLocationChange).toBe(true);
  });

  it('opens a network at its home page, and a commissioner’s network at its report library', async () => {
    expect(await go('/n/north', session({}, [NORTH, EAST]))).toBe('/n/north/home');
    await router.navigateByUrl('/n/east');
    expect(router.url).toBe('/n/east/reports');
  });

  it('takes a commissioner of several networks to the reports from those networks', async () => {
    expect(await go('/', session({}, [EAST, WEST]))).toBe('/reports');
  });

  it('takes a commissioner of one network to its report library', async () => {
    expect(await go('/', session({}, [EAST]))).toBe('/n/east/reports');
  });

  it('lets someone who is a commissioner in one network and more in another choose', async () => {
    expect(await go('/', session({}, [NORTH, EAST]))).toBe('/');
  });

  it('keeps a commissioner out of a network’s other pages: only its reports', async () => {
    expect(await go('/n/east/profile', session({}, [EAST, SOUTH]))).toBe('/forbidden');
    await router.navigateByUrl('/n/east/members');
    expect(router.url).toBe('/forbidden');
    await router.navigateByUrl('/n/east/reports');
    expect(router.url).toBe('/n/east/reports');
  });

  it('only lets managers open the members page', async () => {
    expect(await go('/n/north/members', session({}, [NORTH, SOUTH]))).toBe('/forbidden');
    await router.navigateByUrl('/n/south/members');
    expect(router.url).toBe('/n/south/members');
  });
});
