import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { SessionMembership, SessionResponse } from '@plexus/contracts';
import { SessionService } from '../core/session.service';
import { HeaderComponent } from './header.component';

@Component({ selector: 'plx-stub', template: '' })
class StubComponent {}

const SOUTH: SessionMembership = { networkId: 'n2', slug: 'south', name: 'South Network', role: 'manager', organisationId: null };
const EAST: SessionMembership = { networkId: 'n3', slug: 'east', name: 'East Network', role: 'commissioner', organisationId: null };
const WEST: SessionMembership = { networkId: 'n4', slug: 'west', name: 'West Network', role: 'viewer', organisationId: null };

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('HeaderComponent: the menu reflects the role in the network on screen', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'n/:network', children: [{ path: '**', component: StubComponent }] },
          { path: '**', component: StubComponent },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(memberships: SessionMembership[], url: string) {
    const session: SessionResponse = {
      user: { id: 'u1', email: 'dana@nhse.example.org', displayName: 'Dana Whitfield', isOperator: false },
      memberships,
      csrfToken: 't',
    };
    TestBed.inject(SessionService).set(session);
    const fixture = TestBed.createComponent(HeaderComponent);
    await TestBed.inject(Router).navigateByUrl(url);
    fixture.detectChanges();
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const menu = () => Array.from(element.querySelectorAll('nav[aria-label="Menu"] a')).map((a) => [text(a), a.getAttribute('href')]);
    return { element, menu };
  }

  it('shows a commissioner only the network’s reports, and their reports from every network', async () => {
    const { menu, element } = await render([EAST, SOUTH], '/n/east/reports');
    expect(menu()).toEqual([
      ['Reports', '/n/east/reports'],
      ['Reports from my networks', '/reports'],
    ]);
    expect(text(element.querySelector('.plx-network-bar__name'))).toBe('Network: East Network (Commissioner)');
  });

  it('keeps the full menu where the same person has another role, with the link to their reports across networks', async () => {
    const { menu } = await render([EAST, SOUTH], '/n/south/profile');
    expect(menu().map(([name]) => name)).toEqual([
      'Home',
      'Profile',
      'Reports',
      'Work plan',
      'Risk register',
      'Board meetings',
      'Peer review',
      'Members',
      'Recipients',
      'Scheduled reports',
      'Audit trail',
      'Reports from my networks',
    ]);
  });

  it('links "Reports from my networks" from outside any network for a commissioner', async () => {
    const { menu } = await render([EAST], '/reports');
    expect(menu()).toEqual([['Reports from my networks', '/reports']]);
  });

  it('links the network’s peer review area (its standard sets for now) for everyone who reads the network', async () => {
    const { menu } = await render([WEST], '/n/west/profile');
    expect(menu()).toContainEqual(['Peer review', '/n/west/peer-review']);
  });

  it('does not show it to someone who is a commissioner nowhere', async () => {
    const { menu } = await render([WEST], '/n/west/profile');
    expect(menu().map(([name]) => name)).toEqual(['Home', 'Profile', 'Reports', 'Work plan', 'Risk register', 'Board meetings', 'Peer review']);
  });
});
