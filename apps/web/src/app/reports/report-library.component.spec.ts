import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ReportDocumentDto, SessionMembership } from '@plexus/contracts';
import type { MembershipRole } from '@plexus/domain';
import { FlashService } from '../core/flash.service';
import { ReportLibraryComponent } from './report-library.component';

const URL = '/api/networks/north-spinal/reports';

function doc(id: string, overrides: Partial<ReportDocumentDto> = {}): ReportDocumentDto {
  return {
    id,
    kind: 'progress',
    title: 'Progress report',
    status: 'queued',
    progress: 0,
    requestedAt: '2026-11-24T10:05:00Z',
    requestedBy: { userId: 'u1', name: 'Priya Shah' },
    startedAt: null,
    finishedAt: null,
    attempts: 0,
    failureReason: null,
    templateVersion: null,
    sizeBytes: null,
    pageCount: null,
    sha256: null,
    downloadUrl: null,
    withdrawn: null,
    can: { retry: false, withdraw: false },
    ...overrides,
  };
}

function ready(id: string, overrides: Partial<ReportDocumentDto> = {}): ReportDocumentDto {
  return doc(id, { status: 'ready', progress: 100, pageCount: 4, sizeBytes: 212 * 1024, downloadUrl: `${URL}/${id}/download`, ...overrides });
}

function membership(role: MembershipRole): SessionMembership {
  return { networkId: 'n1', slug: 'north-spinal', name: 'North Spinal Network', role, organisationId: null };
}

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('ReportLibraryComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: '**', children: [] }])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  async function render(role: MembershipRole, documents: ReportDocumentDto[]) {
    const fixture = TestBed.createComponent(ReportLibraryComponent);
    fixture.componentRef.setInput('network', 'north-spinal');
    fixture.componentRef.setInput('membership', membership(role));
    /** Lets promises settle (httpResource answers through them) and renders. */
    const settle = async () => {
      await jest.advanceTimersByTimeAsync(0);
      fixture.detectChanges();
    };
    fixture.detectChanges();
    http.expectOne(URL).flush(documents);
    await settle();
    const element = fixture.nativeElement as HTMLElement;
    const rows = () => Array.from(element.querySelectorAll('tbody tr'));
    const status = () => text(element.querySelector('[role="status"][aria-live="polite"][data-testid="reports-status"]'));
    /** Lets the 2-second timer run and answers the look it makes. */
    const poll = async (answer: ReportDocumentDto[]) => {
      await jest.advanceTimersByTimeAsync(2000);
      http.expectOne({ method: 'GET', url: URL }).flush(answer);
      await settle();
    };
    return { fixture, element, rows, status, poll, settle };
  }

  it('lists documents with their type, who asked and when, and the status in words', async () => {
    const { element, rows } = await render('viewer', [
      doc('a', { status: 'rendering', progress: 45, title: 'Board paper G', kind: 'board_paper' }),
      ready('b', { kind: 'risk_register', title: 'Risk register report' }),
      doc('c', { status: 'failed', failureReason: 'The plan has no items to report on' }),
      doc('d'),
    ]);
    expect(rows().map((row) => text(row.querySelector('.nhsuk-tag')))).toEqual(['Rendering 45%', 'Ready', 'Failed', 'Queued']);
    const cells = (row: Element) =>
      Array.from(row.querySelectorAll('td')).map((cell) =>
        Array.from(cell.childNodes)
          .map((n) => text(n as Element))
          .filter(Boolean),
      );
    expect(cells(rows()[0]).slice(0, 2)).toEqual([
      ['Board paper G', 'Board paper'],
      ['24 November 2026 at 10:05', 'by Priya Shah'],
    ]);

    const progress = rows()[0].querySelector('progress') as HTMLProgressElement;
    expect(progress.value).toBe(45);
    expect(progress.max).toBe(100);
    expect(text(element.querySelector(`label[for="${progress.id}"]`))).toBe('Rendering progress of Board paper G');

    const link = rows()[1].querySelector('a[download]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe(`${URL}/b/download`);
    expect(text(link)).toBe('Download PDF of Risk register report, requested 24 November 2026 at 10:05');
    expect(text(rows()[1])).toContain('4 pages, 212 KB');

    expect(text(rows()[2])).toContain('The plan has no items to report on');
    // A viewer cannot try again nor create a report.
    expect(element.querySelector('button')).toBeNull();
    expect(text(element)).not.toContain('Create a report');
    await jest.advanceTimersByTimeAsync(2000);
    http.expectOne(URL).flush([]);
  });

  it('looks again every 2 seconds while a document is queued or rendering, announces changes, then stops', async () => {
    const { rows, status, poll } = await render('manager', [doc('a'), ready('old')]);
    expect(rows()[0].querySelector('.nhsuk-tag')?.textContent).toBe('Queued');

    await poll([doc('a', { status: 'rendering', progress: 45 }), ready('old')]);
    expect(text(rows()[0].querySelector('.nhsuk-tag'))).toBe('Rendering 45%');
    expect(status()).toBe('Progress report is rendering.');

    await poll([doc('a', { status: 'rendering', progress: 80 }), ready('old')]);
    expect(text(rows()[0].querySelector('.nhsuk-tag'))).toBe('Rendering 80%');

    await poll([ready('a'), ready('old')]);
    expect(text(rows()[0].querySelector('.nhsuk-tag'))).toBe('Ready');
    expect(status()).toBe('Progress report is ready.');

    // Nothing is being made any more: no further looks.
    await jest.advanceTimersByTimeAsync(10_000);
    http.expectNone(URL);
  });

  it('does not poll a library where everything is finished', async () => {
    await render('manager', [ready('a'), doc('b', { status: 'failed', can: { retry: true, withdraw: false } })]);
    await jest.advanceTimersByTimeAsync(10_000);
    http.expectNone(URL);
  });

  it('keeps polling after a failed look, and says so', async () => {
    const { element, poll, rows, settle } = await render('manager', [doc('a')]);
    await jest.advanceTimersByTimeAsync(2000);
    http.expectOne(URL).flush({ statusCode: 503, code: 'unavailable', message: 'Try later.' }, { status: 503, statusText: 'Unavailable' });
    await settle();
    expect(text(element)).toContain('We could not check for changes');
    expect(rows()).toHaveLength(1);
    await poll([ready('a')]);
    expect(text(element)).not.toContain('We could not check for changes');
  });

  it('shows an empty state, with "Create a report" for managers only', async () => {
    const manager = await render('manager', []);
    expect(text(manager.element.querySelector('[data-testid="reports-empty"]'))).toContain('No reports yet.');
    const create = Array.from(manager.element.querySelectorAll('a')).filter((a) => text(a) === 'Create a report');
    expect(create).toHaveLength(1);
    expect(create[0].getAttribute('href')).toBe('/n/north-spinal/reports/new');
    manager.fixture.destroy();

    const viewer = await render('viewer', []);
    expect(text(viewer.element.querySelector('[data-testid="reports-empty"]'))).toContain('No reports yet.');
    expect(text(viewer.element)).not.toContain('Create a report');
  });

  it('tries a failed document again and follows it', async () => {
    const { element, rows, status, poll, settle } = await render('manager', [
      doc('a', { status: 'failed', failureReason: 'Chromium crashed', can: { retry: true, withdraw: false } }),
    ]);
    const button = element.querySelector('tbody button') as HTMLButtonElement;
    expect(text(button)).toBe('Try again to make Progress report, requested 24 November 2026 at 10:05');
    button.click();
    http.expectOne({ method: 'POST', url: `${URL}/a/retry` }).flush(doc('a'));
    await settle();
    expect(text(rows()[0].querySelector('.nhsuk-tag'))).toBe('Queued');
    expect(status()).toBe('Progress report is queued again.');
    await poll([ready('a')]);
    expect(status()).toBe('Progress report is ready.');
  });

  it('explains a retry refused because the document is no longer failed (409), and shows where it is', async () => {
    const { element, rows, settle } = await render('manager', [doc('a', { status: 'failed', can: { retry: true, withdraw: false } })]);
    (element.querySelector('tbody button') as HTMLButtonElement).click();
    http
      .expectOne({ method: 'POST', url: `${URL}/a/retry` })
      .flush(
        { statusCode: 409, code: 'conflict', message: 'Only a failed document can be retried; this one is queued' },
        { status: 409, statusText: 'Conflict' },
      );
    http.expectOne({ method: 'GET', url: URL }).flush([doc('a', { status: 'rendering', progress: 10 })]);
    await settle();
    expect(text(element.querySelector('.nhsuk-error-summary'))).toContain('Progress report is no longer failed, so it was not tried again.');
    expect(text(rows()[0].querySelector('.nhsuk-tag'))).toBe('Rendering 10%');
    await jest.advanceTimersByTimeAsync(2000);
    http.expectOne(URL).flush([ready('a')]);
  });

  it('shows the message carried from the new-report page', async () => {
    TestBed.inject(FlashService).set('Progress report has been requested.');
    const { element } = await render('manager', [doc('a')]);
    expect(text(element.querySelector('.nhsuk-notification-banner'))).toContain('Progress report has been requested.');
    await jest.advanceTimersByTimeAsync(2000);
    http.expectOne(URL).flush([ready('a')]);
  });
  it('withdraws a ready document after a confirmation that asks why, then no longer offers it', async () => {
    const { element, rows, settle } = await render('manager', [ready('a', { can: { retry: false, withdraw: true } }), ready('b')]);
    expect(rows()[1].querySelector('button')).toBeNull(); // b: not the caller's to withdraw
    const start = rows()[0].querySelector('button') as HTMLButtonElement;
    expect(text(start)).toBe('Withdraw Progress report, requested 24 November 2026 at 10:05');
    start.click();
    await settle();
    const panel = element.querySelector('[data-testid="withdraw-panel"]') as HTMLFormElement;
    expect(text(panel.querySelector('h2'))).toBe('Withdraw Progress report?');
    expect(text(panel)).toContain('This cannot be undone.');
    expect(text(panel.querySelector('label[for="reason"]'))).toBe('Why is it withdrawn?');

    // No reason: said next to the field, nothing sent.
    (panel.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle();
    http.expectNone({ method: 'POST', url: `${URL}/a/withdraw` });
    expect(text(element.querySelector('.nhsuk-error-summary'))).toContain('Say why the document is withdrawn');
    expect(text(panel.querySelector('.nhsuk-error-message'))).toContain('Say why the document is withdrawn');

    const reason = panel.querySelector('textarea') as HTMLTextAreaElement;
    reason.value = '  Sent with last quarter’s figures ';
    reason.dispatchEvent(new Event('input'));
    (panel.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const req = http.expectOne({ method: 'POST', url: `${URL}/a/withdraw` });
    expect(req.request.body).toEqual({ reason: 'Sent with last quarter’s figures' });
    req.flush(
      ready('a', {
        withdrawn: { at: '2026-12-10T09:00:00Z', by: { userId: 'u1', name: 'Priya Shah' }, reason: 'Sent with last quarter’s figures' },
      }),
    );
    await settle();
    expect(element.querySelector('[data-testid="withdraw-panel"]')).toBeNull();
    expect(rows().map((row) => text(row.querySelector('strong')))).toEqual(['Progress report']);
    expect(rows()).toHaveLength(1);
    expect(text(element.querySelector('.nhsuk-notification-banner'))).toContain('Progress report has been withdrawn.');
  });

  it('shows withdrawn documents, with who, when and why, only when asked', async () => {
    const { element, rows, settle } = await render('viewer', [ready('a')]);
    const toggle = element.querySelector('#show-withdrawn') as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(text(element.querySelector('label[for="show-withdrawn"]'))).toBe('Show withdrawn documents');
    toggle.checked = true;
    toggle.dispatchEvent(new Event('change'));
    await settle();
    http.expectOne(`${URL}?withdrawn=include`).flush([
      ready('a'),
      ready('w', {
        title: 'June risk register',
        withdrawn: { at: '2026-12-10T09:00:00Z', by: { userId: 'u1', name: 'Priya Shah' }, reason: 'Wrong period' },
      }),
    ]);
    await settle();
    expect(rows()).toHaveLength(2);
    expect(text(rows()[1].querySelector('.nhsuk-tag'))).toBe('Withdrawn');
    expect(text(rows()[1].querySelector('[data-testid="withdrawn-note"]'))).toBe('Withdrawn on 10 December 2026 by Priya Shah: Wrong period');
  });
});
