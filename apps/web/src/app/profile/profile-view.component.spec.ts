import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { NetworkProfileDto, SessionMembership } from '@plexus/contracts';
import type { MembershipRole } from '@plexus/domain';
import { FlashService } from '../core/flash.service';
import { ProfileViewComponent } from './profile-view.component';

function profile(overrides: Partial<NetworkProfileDto> = {}): NetworkProfileDto {
  return {
    networkId: '6f1c2b1e-0000-4000-8000-000000000001',
    slug: 'north-spinal',
    name: 'North Spinal Network',
    specialty: 'Spinal',
    region: '',
    purpose: '',
    vision: '',
    coreFunctions: [],
    leadershipRoles: [],
    memberOrganisations: [],
    branding: { primaryColour: '#005eb8', accentColour: '#41b6e6', classification: '', logo: null },
    riskPrefix: 'SN',
    version: 1,
    updatedAt: '2025-03-03T14:05:00Z',
    ...overrides,
  };
}

function membership(role: MembershipRole): SessionMembership {
  return { networkId: '6f1c2b1e-0000-4000-8000-000000000001', slug: 'north-spinal', name: 'North Spinal Network', role, organisationId: null };
}

async function render(role: MembershipRole, body?: NetworkProfileDto) {
  const fixture = TestBed.createComponent(ProfileViewComponent);
  fixture.componentRef.setInput('network', 'north-spinal');
  fixture.componentRef.setInput('membership', membership(role));
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  const element = fixture.nativeElement as HTMLElement;
  if (body) {
    http.expectOne('/api/networks/north-spinal/profile').flush(body);
    await fixture.whenStable();
  }
  return { fixture, http, element };
}

function text(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('ProfileViewComponent', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    }),
  );
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('says it is loading until the profile arrives', async () => {
    const { element, http, fixture } = await render('viewer');
    const status = element.querySelector('[role="status"]');
    expect(status && text(status)).toBe('Loading the network profile…');
    expect(status?.getAttribute('aria-live')).toBe('polite');
    http.expectOne('/api/networks/north-spinal/profile').flush(profile());
    await fixture.whenStable();
    expect(element.querySelector('[role="status"]')).toBeNull();
  });

  it('shows friendly empty states, with links to edit for a manager', async () => {
    const { element } = await render('manager', profile());

    const organisations = element.querySelector('[data-testid="organisations-empty"]');
    expect(organisations && text(organisations)).toContain('No member organisations yet.');
    const addLink = organisations?.querySelector('a');
    expect(addLink && text(addLink)).toBe('Add member organisations');
    expect(addLink?.getAttribute('href')).toBe('/n/north-spinal/profile/edit');

    expect(text(element.querySelector('[data-testid="leadership-empty"]')!)).toContain('No leadership roles yet.');
    expect(text(element.querySelector('[data-testid="core-functions-empty"]')!)).toContain('No core functions yet.');
    expect(element.querySelector('table')).toBeNull();

    const edit = Array.from(element.querySelectorAll('a')).find((a) => text(a) === 'Edit profile');
    expect(edit?.getAttribute('role')).toBe('button');
    const history = Array.from(element.querySelectorAll('a')).find((a) => text(a).startsWith('History'));
    expect(history?.getAttribute('href')).toBe('/n/north-spinal/audit?entityType=network_profile&entityId=6f1c2b1e-0000-4000-8000-000000000001');
  });

  it('offers a viewer no edit button and no edit links', async () => {
    const { element } = await render('viewer', profile());
    expect(text(element.querySelector('[data-testid="organisations-empty"]')!)).toBe('No member organisations yet.');
    expect(Array.from(element.querySelectorAll('a')).map(text)).not.toEqual(expect.arrayContaining(['Edit profile']));
    expect(element.querySelector('a[href$="/profile/edit"]')).toBeNull();
    expect(element.querySelector('a[href*="/audit"]')).toBeNull();
  });

  it('lists organisations with their type labels, roles, functions and colours as text', async () => {
    const { element } = await render(
      'viewer',
      profile({
        coreFunctions: ['Service delivery', 'Workforce'],
        leadershipRoles: [{ id: 'r1', title: 'Clinical lead', personName: 'Dr A Patel' }],
        memberOrganisations: [
          { id: 'o1', name: 'Royal Infirmary', type: 'spinal_hub' },
          { id: 'o2', name: 'North West Ambulance Service', type: 'ambulance_service' },
        ],
        branding: {
          primaryColour: '#005eb8',
          accentColour: '#41b6e6',
          classification: 'OFFICIAL',
          logo: { contentType: 'image/png', size: 10, updatedAt: '2025-03-01T00:00:00Z' },
        },
      }),
    );
    const cells = (section: string) =>
      Array.from(element.querySelectorAll(`section[aria-labelledby="${section}"] tbody tr`)).map((row) =>
        Array.from(row.querySelectorAll('td')).map(text),
      );
    expect(cells('organisations-heading')).toEqual([
      ['Royal Infirmary', 'Spinal hub'],
      ['North West Ambulance Service', 'Ambulance service'],
    ]);
    expect(cells('leadership-heading')).toEqual([['Clinical lead', 'Dr A Patel']]);
    expect(Array.from(element.querySelectorAll('section[aria-labelledby="core-functions-heading"] li')).map(text)).toEqual([
      'Service delivery',
      'Workforce',
    ]);
    const prefixRow = Array.from(element.querySelectorAll('.nhsuk-summary-list__row')).find(
      (row) => text(row.querySelector('dt')!) === 'Risk reference prefix',
    );
    expect(text(prefixRow!.querySelector('dd')!)).toBe('SN (risks are numbered SN/01, SN/02 …)');
    // A colour is never shown by the swatch alone.
    expect(text(element.querySelector('section[aria-labelledby="branding-heading"]')!)).toContain('#005eb8');
    const logo = element.querySelector('img.plx-logo') as HTMLImageElement;
    expect(logo.getAttribute('src')).toBe('/api/networks/north-spinal/profile/logo?v=2025-03-01T00%3A00%3A00Z');
    expect(logo.alt).toBe('Logo of North Spinal Network');
    expect(element.querySelector('[data-testid="organisations-empty"]')).toBeNull();
  });

  it('shows the success banner carried from the edit page, once', async () => {
    TestBed.inject(FlashService).set('The network profile has been saved.');
    const { element } = await render('manager', profile());
    const banner = element.querySelector('.nhsuk-notification-banner--success');
    expect(banner && text(banner)).toContain('The network profile has been saved.');
    expect(TestBed.inject(FlashService).take()).toBeNull();
  });

  it('explains a failure to load and offers to try again', async () => {
    const { element, http, fixture } = await render('viewer');
    http
      .expectOne('/api/networks/north-spinal/profile')
      .flush({ statusCode: 500, code: 'internal', message: 'Sorry, something broke' }, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    expect(text(element.querySelector('[role="alert"]')!)).toContain('We could not load the network profile');
    const retry = Array.from(element.querySelectorAll('button')).find((b) => text(b) === 'Try again');
    retry!.click();
    fixture.detectChanges();
    http.expectOne('/api/networks/north-spinal/profile').flush(profile());
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')).toBeNull();
  });
});
