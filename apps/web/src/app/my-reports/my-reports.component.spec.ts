import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MyReportsDto, MyReportsNetworkDto, ReportDocumentDto } from '@plexus/contracts';
import { MyReportsComponent } from './my-reports.component';

const URL = '/api/me/reports';
const EAST: MyReportsNetworkDto = {
  networkId: '6f1c2b1e-0000-4000-8000-000000000001',
  slug: 'east-midlands-mtn',
  name: 'East Midlands Major Trauma Network',
  role: 'commissioner',
  listed: 1,
  more: false,
};
const NORTH: MyReportsNetworkDto = {
  networkId: '6f1c2b1e-0000-4000-8000-000000000002',
  slug: 'northern-spinal',
  name: 'Northern Spinal Network',
  role: 'commissioner',
  listed: 2,
  more: false,
};

function ready(network: MyReportsNetworkDto, id: string, title: string, finishedAt: string): MyReportsDto['reports'][number] {
  const document: ReportDocumentDto = {
    id,
    kind: 'risk_register',
    title,
    status: 'ready',
    progress: 100,
    requestedAt: finishedAt,
    requestedBy: { userId: null, name: 'Priya Shah' },
    startedAt: finishedAt,
    finishedAt,
    attempts: 1,
    failureReason: null,
    templateVersion: '1',
    sizeBytes: 212 * 1024,
    pageCount: 4,
    sha256: 'a'.repeat(64),
    downloadUrl: `/api/networks/${network.slug}/reports/${id}/download`,
    withdrawn: null,
    can: { retry: false, withdraw: false },
  };
  return { network: { networkId: network.networkId, slug: network.slug, name: network.name }, document };
}

const REPORTS = [
  ready(NORTH, '9b0e1d52-2222-4222-8222-000000000003', 'Risk register, December board', '2026-12-02T09:30:00.000Z'),
  ready(EAST, '9b0e1d52-2222-4222-8222-000000000002', 'Trauma progress report', '2026-11-20T14:05:00.000Z'),
  ready(NORTH, '9b0e1d52-2222-4222-8222-000000000001', 'Spinal progress report', '2026-10-01T08:00:00.000Z'),
];

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('MyReportsComponent (reports from my networks)', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(answer: MyReportsDto | { status: number }) {
    const fixture = TestBed.createComponent(MyReportsComponent);
    fixture.detectChanges();
    const request = http.expectOne(URL);
    expect(request.request.method).toBe('GET');
    if ('status' in answer)
      request.flush({ statusCode: answer.status, code: 'unavailable', message: 'Try again later.' }, { status: answer.status, statusText: 'Error' });
    else request.flush(answer);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const rows = () => Array.from(element.querySelectorAll('tbody tr'));
    return { fixture, element, rows };
  }

  it('lists the ready reports of every network, newest first, naming the network on each row with a download link', async () => {
    const { element, rows } = await render({ networks: [EAST, NORTH], reports: REPORTS });
    expect(text(element.querySelector('h1'))).toBe('Reports from my networks');
    expect(rows().map((row) => text(row.querySelector('td:nth-child(2)')))).toEqual([
      'Northern Spinal Network',
      'East Midlands Major Trauma Network',
      'Northern Spinal Network',
    ]);
    expect(text(rows()[0].querySelector('td strong'))).toBe('Risk register, December board');
    expect(text(rows()[0].querySelector('td .plx-secondary-text'))).toBe('Risk register report');
    expect(text(rows()[0].querySelector('td:nth-child(3)'))).toMatch(/^2 December 2026 at 09:30\s*4 pages, 212 KB$/);
    const link = rows()[1].querySelector('a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe(`/api/networks/east-midlands-mtn/reports/${REPORTS[1].document.id}/download`);
    expect(link.hasAttribute('download')).toBe(true);
    // The link names the document and its network for screen readers.
    expect(text(link)).toBe('Download PDF of Trauma progress report from East Midlands Major Trauma Network, made 20 November 2026 at 14:05');
    // Each network links to its own library.
    const networks = Array.from(element.querySelectorAll('[data-testid="my-reports-networks"] a')).map((a) => [text(a), a.getAttribute('href')]);
    expect(networks).toEqual([
      ['East Midlands Major Trauma Network: its report library', '/n/east-midlands-mtn/reports'],
      ['Northern Spinal Network: its report library', '/n/northern-spinal/reports'],
    ]);
    expect(text(element.querySelector('[data-testid="my-reports-networks"]'))).toContain('Northern Spinal Network: its report library – 2 reports');
    expect(element.querySelector('[data-testid="my-reports-capped"]')).toBeNull();
  });

  it('narrows the list to one network with a labelled select, and says so to screen readers', async () => {
    const { element, rows, fixture } = await render({ networks: [EAST, NORTH], reports: REPORTS });
    const select = element.querySelector('#my-reports-network') as HTMLSelectElement;
    expect(text(element.querySelector('label[for="my-reports-network"]'))).toBe('Show reports from');
    expect(Array.from(select.options).map((o) => text(o))).toEqual([
      'All your networks (2)',
      'East Midlands Major Trauma Network',
      'Northern Spinal Network',
    ]);
    select.value = 'northern-spinal';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(rows().map((row) => text(row.querySelector('strong')))).toEqual(['Risk register, December board', 'Spinal progress report']);
    expect(text(element.querySelector('[data-testid="my-reports-status"]'))).toBe('Showing 2 reports from Northern Spinal Network.');
    expect(text(element.querySelector('caption'))).toBe('Reports from Northern Spinal Network, newest first');
  });

  it('says clearly when no network has shared its reports', async () => {
    const { element } = await render({ networks: [], reports: [] });
    expect(element.querySelector('table')).toBeNull();
    expect(element.querySelector('select')).toBeNull();
    expect(text(element.querySelector('[data-testid="my-reports-no-networks"]'))).toContain('No network has shared its reports with you yet');
  });

  it('says when the networks have no ready report yet, and still links their libraries', async () => {
    const { element } = await render({ networks: [{ ...EAST, listed: 0 }], reports: [] });
    expect(element.querySelector('table')).toBeNull();
    // One network: nothing to choose between.
    expect(element.querySelector('select')).toBeNull();
    expect(text(element.querySelector('[data-testid="my-reports-empty"]'))).toContain('No reports yet from East Midlands Major Trauma Network.');
    expect(text(element.querySelector('[data-testid="my-reports-networks"]'))).toContain('– no reports yet');
  });

  it('says which networks have more reports than are listed, with a link to each one’s library', async () => {
    const { element } = await render({ networks: [{ ...EAST, listed: 50, more: true }, NORTH], reports: REPORTS });
    const capped = element.querySelector('[data-testid="my-reports-capped"]');
    expect(text(capped)).toContain('Only the 50 newest reports of each network are listed here');
    expect(Array.from(capped!.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual(['/n/east-midlands-mtn/reports']);
    expect(text(element.querySelector('[data-testid="my-reports-networks"]'))).toContain('– 50+ reports');
  });

  it('offers to try again when the list could not be loaded', async () => {
    const { element, fixture } = await render({ status: 503 });
    expect(text(element.querySelector('[role="alert"]'))).toContain('We could not load your reports');
    (Array.from(element.querySelectorAll('button')).find((b) => text(b) === 'Try again') as HTMLButtonElement).click();
    fixture.detectChanges();
    http.expectOne(URL).flush({ networks: [EAST], reports: [REPORTS[1]] });
    await fixture.whenStable();
    expect(element.querySelectorAll('tbody tr')).toHaveLength(1);
  });
});
