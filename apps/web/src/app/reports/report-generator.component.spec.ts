import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ReportDocumentDto, RequestReportRequest } from '@plexus/contracts';
import { ReportGeneratorComponent } from './report-generator.component';

const REPORTS = '/api/networks/east-mtn/reports';
const ID = 'a1b2c3d4-0000-4000-8000-000000000042';
const REQUEST: RequestReportRequest = {
  kind: 'peer_review_summary',
  title: 'Peer review programme summary: Peer Review Programme 2026/2028',
  options: { cycleId: '6f1c2b1e-1111-4111-8111-000000000001' },
};

function doc(status: ReportDocumentDto['status'], extra: Partial<ReportDocumentDto> = {}): ReportDocumentDto {
  return {
    id: ID,
    kind: 'peer_review_summary',
    title: 'Peer review programme summary: Peer Review Programme 2026/2028',
    status,
    progress: status === 'rendering' ? 40 : 0,
    requestedAt: '2026-12-03T10:00:00Z',
    requestedBy: { userId: 'u1', name: 'Priya Shah' },
    startedAt: null,
    finishedAt: null,
    attempts: 0,
    failureReason: null,
    templateVersion: null,
    sizeBytes: status === 'ready' ? 120_000 : null,
    pageCount: status === 'ready' ? 6 : null,
    sha256: null,
    downloadUrl: status === 'ready' ? `${REPORTS}/${ID}/download` : null,
    withdrawn: null,
    can: { retry: status === 'failed', withdraw: false },
    ...extra,
  };
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('ReportGeneratorComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render() {
    const fixture = TestBed.createComponent(ReportGeneratorComponent);
    fixture.componentRef.setInput('network', 'east-mtn');
    fixture.componentRef.setInput('request', REQUEST);
    fixture.componentRef.setInput('label', 'Programme summary (PDF)');
    fixture.componentRef.setInput('hint', 'Every organisation in the cycle.');
    fixture.componentRef.setInput('idPrefix', 'summary-pdf');
    fixture.detectChanges();
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const byId = (id: string) => element.querySelector(`#${id}`);
    const settle = async () => {
      await jest.advanceTimersByTimeAsync(0);
      fixture.detectChanges();
    };
    return { fixture, element, byId, settle };
  }

  it('asks for the report, shows it being made (looking every 2 s), then links its PDF and says so', async () => {
    const { byId, settle } = await render();
    const button = byId('summary-pdf-generate') as HTMLButtonElement;
    expect(text(button)).toBe('Programme summary (PDF)');
    expect(button.getAttribute('aria-describedby')).toBe('summary-pdf-hint');
    jest.useFakeTimers();
    try {
      button.click();
      const asked = http.expectOne({ method: 'POST', url: REPORTS });
      expect(asked.request.body).toEqual(REQUEST);
      asked.flush(doc('queued'), { status: 202, statusText: 'Accepted' });
      await settle();
      expect(text(byId('summary-pdf-document'))).toContain('Queued Peer review programme summary: Peer Review Programme 2026/2028');
      expect(button.getAttribute('aria-disabled')).toBe('true');
      expect(text(byId('summary-pdf-status'))).toBe(
        'Peer review programme summary: Peer Review Programme 2026/2028 is being made. This page shows when it is ready.',
      );
      // A second press while it is being made asks for nothing more.
      button.click();
      http.expectNone({ method: 'POST', url: REPORTS });

      await jest.advanceTimersByTimeAsync(2000);
      await settle();
      http.expectOne({ method: 'GET', url: `${REPORTS}/${ID}` }).flush(doc('rendering'));
      await settle();
      expect((byId('summary-pdf-progress') as HTMLProgressElement).value).toBe(40);
      await jest.advanceTimersByTimeAsync(2000);
      await settle();
      http.expectOne({ method: 'GET', url: `${REPORTS}/${ID}` }).flush(doc('ready'));
      await settle();
      const link = byId('summary-pdf-download');
      expect(link?.getAttribute('href')).toBe(`${REPORTS}/${ID}/download`);
      expect(text(link)).toBe('Download Peer review programme summary: Peer Review Programme 2026/2028 (PDF, 6 pages, 117 KB)');
      expect(text(byId('summary-pdf-status'))).toBe('Peer review programme summary: Peer Review Programme 2026/2028 is ready to download.');
      expect(button.getAttribute('aria-disabled')).toBeNull();
      // Ready: no more looks.
      await jest.advanceTimersByTimeAsync(6000);
      http.expectNone({ method: 'GET', url: `${REPORTS}/${ID}` });
    } finally {
      jest.useRealTimers();
    }
  });

  it('says why a report could not be made and tries again; shows the API’s refusal of the request', async () => {
    const { byId, settle } = await render();
    jest.useFakeTimers();
    try {
      (byId('summary-pdf-generate') as HTMLButtonElement).click();
      http.expectOne({ method: 'POST', url: REPORTS }).flush(doc('failed', { failureReason: 'That peer review cycle is not in this network' }), {
        status: 202,
        statusText: 'Accepted',
      });
      await settle();
      expect(text(byId('summary-pdf-failure'))).toBe('It could not be made: That peer review cycle is not in this network. Try again');
      (byId('summary-pdf-retry') as HTMLButtonElement).click();
      http.expectOne({ method: 'POST', url: `${REPORTS}/${ID}/retry` }).flush(doc('queued'), { status: 202, statusText: 'Accepted' });
      await settle();
      expect(text(byId('summary-pdf-status'))).toBe('Peer review programme summary: Peer Review Programme 2026/2028 is queued again.');
      await jest.advanceTimersByTimeAsync(2000);
      await settle();
      http.expectOne({ method: 'GET', url: `${REPORTS}/${ID}` }).flush(doc('ready'));
      await settle();
    } finally {
      jest.useRealTimers();
    }

    const again = await render();
    (again.byId('summary-pdf-generate') as HTMLButtonElement).click();
    http.expectOne({ method: 'POST', url: REPORTS }).flush(
      {
        code: 'not_found',
        message: 'That peer review cycle is not in this network',
        fields: [{ field: 'options.cycleId', message: 'That peer review cycle is not in this network' }],
      },
      { status: 404, statusText: 'Not Found' },
    );
    await again.fixture.whenStable();
    again.fixture.detectChanges();
    expect(text(again.byId('summary-pdf-error'))).toBe('Error: That peer review cycle is not in this network');
    expect(again.byId('summary-pdf-document')).toBeNull();
  });
});
